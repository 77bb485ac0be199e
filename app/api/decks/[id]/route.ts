import { BODY_LIMITS } from "@/lib/api/http-policy";
import { findVisibleDeck } from "@/app/decks/_lib/access";
import { deleteDeckFor, NOT_FOUND_MESSAGE, saveDeckFor } from "@/app/decks/_lib/service";
import { apiFacilitator, deckErrorsJson, errorResponse, json, readJsonBody } from "../_lib/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET /api/decks/:id → { id, builtIn, deck }. 404 unless built in or the facilitator's. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const facilitator = await apiFacilitator();
  if (facilitator instanceof Response) return facilitator;
  const { id } = await params;
  const found = await findVisibleDeck(id, facilitator.id);
  if (!found) return errorResponse(404, NOT_FOUND_MESSAGE);
  return json({ id: found.id, builtIn: found.builtIn, deck: found.deck });
}

/** PUT /api/decks/:id { deck, expectedVersion? } → { id, version }. Replaces the deck (its
 *  statements in one transaction) and bumps its version; 409 { currentVersion } when
 *  `expectedVersion` is given and the deck has moved on; 403 for a built-in deck; 404 unless
 *  the deck is the facilitator's. */
export async function PUT(request: Request, { params }: Context): Promise<Response> {
  const facilitator = await apiFacilitator();
  if (facilitator instanceof Response) return facilitator;
  const { id } = await params;
  const body = await readJsonBody(request, BODY_LIMITS.deckJson);
  if (body instanceof Response) return body;
  const input = body.value as { deck?: unknown; expectedVersion?: unknown } | null;
  if (typeof input !== "object" || input === null || !("deck" in input)) return errorResponse(400, 'The body must be { "deck": { … }, "expectedVersion"?: n }.');
  const expected = input.expectedVersion;
  if (expected !== undefined && !(Number.isInteger(expected) && (expected as number) > 0)) return errorResponse(400, "expectedVersion must be a whole number of 1 or more.");
  const result = await saveDeckFor(facilitator.id, id, input.deck, expected as number | undefined);
  if (result.ok) return json({ id: result.id, version: result.version });
  if (result.status === 400) return errorResponse(400, result.message, { errors: deckErrorsJson(result.errors) });
  if (result.status === 409) return errorResponse(409, result.message, { currentVersion: result.currentVersion });
  return errorResponse(result.status, result.message);
}

/** DELETE /api/decks/:id → 204. Sessions already run from it keep their snapshot. */
export async function DELETE(_request: Request, { params }: Context): Promise<Response> {
  const facilitator = await apiFacilitator();
  if (facilitator instanceof Response) return facilitator;
  const { id } = await params;
  const result = await deleteDeckFor(facilitator.id, id);
  if (!result.ok) return errorResponse(result.status, result.message);
  return new Response(null, { status: 204 });
}
