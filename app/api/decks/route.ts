import { BODY_LIMITS } from "@/lib/api/http-policy";
import { listDeckItemsFor } from "@/lib/db/decks/reads";
import { saveDeckFor } from "@/app/decks/_lib/service";
import { apiFacilitator, deckErrorsJson, errorResponse, json, readJsonBody } from "./_lib/http";

export const dynamic = "force-dynamic";

/** GET /api/decks → { decks: [...] }: the built-in decks and the facilitator's own. */
export async function GET(): Promise<Response> {
  const facilitator = await apiFacilitator();
  if (facilitator instanceof Response) return facilitator;
  const decks = await listDeckItemsFor(facilitator.id);
  return json({ decks: decks.map((d) => ({ ...d, updatedAt: d.updatedAt.toISOString() })) });
}

/** POST /api/decks { deck } → 201 { id, version }: a new deck of the facilitator's, validated
 *  exactly as the editor validates (400 { error, errors: [{ path, message }] } otherwise). */
export async function POST(request: Request): Promise<Response> {
  const facilitator = await apiFacilitator();
  if (facilitator instanceof Response) return facilitator;
  const body = await readJsonBody(request, BODY_LIMITS.deckJson);
  if (body instanceof Response) return body;
  const input = body.value as { deck?: unknown } | null;
  if (typeof input !== "object" || input === null || !("deck" in input)) return errorResponse(400, 'The body must be { "deck": { … } }.');
  const result = await saveDeckFor(facilitator.id, null, input.deck);
  if (!result.ok) return errorResponse(result.status, result.message, result.status === 400 ? { errors: deckErrorsJson(result.errors) } : {});
  return json({ id: result.id, version: result.version }, 201);
}
