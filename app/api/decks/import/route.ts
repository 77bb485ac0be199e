import { BODY_LIMITS } from "@/lib/api/http-policy";
import { importDeckFor } from "@/app/decks/_lib/service";
import { detectDeckFileFormat, isDeckFileFormat, MAX_DECK_FILE_BYTES, type DeckFileFormat } from "@/lib/decks/deck-file";
import { apiFacilitator, errorResponse, fileErrorsJson, json, readCapped } from "../_lib/http";

export const dynamic = "force-dynamic";

const TOO_LARGE = `The file is too large: a deck file can be at most ${MAX_DECK_FILE_BYTES / 1024} KB.`;

const tooLarge = () => errorResponse(413, TOO_LARGE, { errors: [{ line: null, message: TOO_LARGE, text: TOO_LARGE }] });
const notText = () => {
  const message = "The file is not UTF-8 text. Save it as CSV UTF-8 or JSON and try again.";
  return errorResponse(400, message, { errors: [{ line: null, message, text: message }] });
};

function formatFromContentType(contentType: string): DeckFileFormat | undefined {
  if (contentType.includes("json")) return "json";
  if (contentType.includes("csv")) return "csv";
  return undefined;
}

/**
 * POST /api/decks/import → 201 { id, title, statements }: a new deck of the facilitator's from a
 * CSV or JSON deck file (docs/decks.md). The body is either multipart/form-data with the file in
 * "file" (and optionally "format"), or the file itself (Content-Type text/csv or
 * application/json; text/plain with ?format=csv|json; other content types: 415, from the custom
 * server, as a change from another origin: 403). A bad file imports nothing: 400
 * { error, errors: [{ line, message, text }] }; over 512 KB: 413.
 */
export async function POST(request: Request): Promise<Response> {
  const facilitator = await apiFacilitator();
  if (facilitator instanceof Response) return facilitator;

  const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let text: string;
  let format: DeckFileFormat;
  if (contentType.startsWith("multipart/form-data")) {
    const bytes = await readCapped(request, BODY_LIMITS.deckImport);
    if (bytes === "too-large") return tooLarge();
    let form: FormData;
    try {
      form = await new Response(bytes as BodyInit, { headers: { "content-type": contentType } }).formData();
    } catch {
      return errorResponse(400, "The upload could not be read as a form.");
    }
    const file = form.get("file");
    if (!(file instanceof File)) return errorResponse(400, 'Attach the deck file in the form field "file".');
    if (file.size > MAX_DECK_FILE_BYTES) return tooLarge();
    try {
      text = decoder.decode(await file.arrayBuffer());
    } catch {
      return notText();
    }
    const chosen = form.get("format");
    format = isDeckFileFormat(chosen) ? chosen : detectDeckFileFormat(text, file.name);
  } else {
    const bytes = await readCapped(request, MAX_DECK_FILE_BYTES);
    if (bytes === "too-large") return tooLarge();
    try {
      text = decoder.decode(bytes);
    } catch {
      return notText();
    }
    const query = new URL(request.url).searchParams.get("format");
    format = isDeckFileFormat(query) ? query : (formatFromContentType(contentType) ?? detectDeckFileFormat(text));
  }

  const result = await importDeckFor(facilitator.id, text, format);
  if (!result.ok) return errorResponse(400, result.message, { errors: fileErrorsJson(result.errors) });
  return json({ id: result.id, title: result.title, statements: result.statements }, 201);
}
