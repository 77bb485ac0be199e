import { getFacilitator, type Facilitator } from "@/lib/auth/session";
import { formatDeckFileError, type DeckFileError } from "@/lib/decks/deck-file";
import type { DeckError } from "@/lib/decks/schema";

export { readCapped, readJsonBody } from "@/lib/api/body";

/** Shared by the /api/decks route handlers: sign-in, bodies, JSON errors. Origin, content type
 *  and a declared body size are checked before them, by the custom server (server/http-guard.ts). */

export const json = (body: unknown, status = 200, headers?: HeadersInit): Response =>
  Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });

export const errorResponse = (status: number, message: string, extra: Record<string, unknown> = {}): Response => json({ error: message, ...extra }, status);

/** The signed-in facilitator, or the 401 response to return. */
export async function apiFacilitator(): Promise<Facilitator | Response> {
  const facilitator = await getFacilitator();
  return facilitator ?? errorResponse(401, "Sign in as a facilitator first.");
}

/** File errors as JSON: line (or null), message, the two joined ("line 7: …"), and the issue's
 *  code and params (docs/decks.md). */
export const fileErrorsJson = (errors: readonly DeckFileError[]) =>
  errors.map((e) => ({ line: e.line, message: e.message, text: formatDeckFileError(e), code: e.code, params: e.params }));

export const deckErrorsJson = (errors: readonly DeckError[]) => errors.map((e) => ({ path: e.path, message: e.message, code: e.code, params: e.params }));
