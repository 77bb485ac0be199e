import { findVisibleDeck } from "@/app/decks/_lib/access";
import { NOT_FOUND_MESSAGE } from "@/app/decks/_lib/service";
import { DECK_FILE_CONTENT_TYPES, deckFileName, exportDeckFile, isDeckFileFormat } from "@/lib/decks/deck-file";
import { apiFacilitator, errorResponse } from "../../_lib/http";

export const dynamic = "force-dynamic";

/** GET /api/decks/:id/export?format=csv|json → the deck as a file to download (formats in
 *  docs/decks.md). 404 unless the deck is built in or the facilitator's. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const facilitator = await apiFacilitator();
  if (facilitator instanceof Response) return facilitator;
  const format = new URL(request.url).searchParams.get("format");
  if (!isDeckFileFormat(format)) return errorResponse(400, 'Choose a format: ?format=csv or ?format=json.');
  const { id } = await params;
  const found = await findVisibleDeck(id, facilitator.id);
  if (!found) return errorResponse(404, NOT_FOUND_MESSAGE);
  return new Response(exportDeckFile(found.deck, format), {
    status: 200,
    headers: {
      "content-type": DECK_FILE_CONTENT_TYPES[format],
      "content-disposition": `attachment; filename="${deckFileName(found.deck, format)}"`,
      "cache-control": "no-store",
    },
  });
}
