import { getFacilitator, type Facilitator } from "@/lib/auth/session";
import { formatDeckFileError, type DeckFileError } from "@/lib/decks/deck-file";
import type { DeckError } from "@/lib/decks/schema";

/** Shared by the /api/decks route handlers: sign-in, same-origin checks, JSON errors. */

export const json = (body: unknown, status = 200, headers?: HeadersInit): Response =>
  Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });

export const errorResponse = (status: number, message: string, extra: Record<string, unknown> = {}): Response => json({ error: message, ...extra }, status);

/** The signed-in facilitator, or the 401 response to return. */
export async function apiFacilitator(): Promise<Facilitator | Response> {
  const facilitator = await getFacilitator();
  return facilitator ?? errorResponse(401, "Sign in as a facilitator first.");
}

/** A changing request from a page on another site is refused. The session cookie is SameSite=Lax,
 *  which already keeps it off such requests; this is a second line of defence. Clients that send
 *  no Origin (curl, scripts) are not browsers driven by another site and are let through. */
export function crossSiteRefusal(request: Request): Response | null {
  if (request.headers.get("sec-fetch-site") === "cross-site") return errorResponse(403, "Cross-site requests are not allowed.");
  const origin = request.headers.get("origin");
  if (!origin) return null;
  const hosts = [request.headers.get("host"), request.headers.get("x-forwarded-host")?.split(",")[0]?.trim()].filter(Boolean);
  try {
    if (hosts.includes(new URL(origin).host)) return null;
  } catch {
    // fall through: a malformed Origin is refused
  }
  return errorResponse(403, "Cross-site requests are not allowed.");
}

/** Reads a JSON request body, or returns the 400/413 response. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<{ value: unknown } | Response> {
  const bytes = await readCapped(request, maxBytes);
  if (bytes === "too-large") return errorResponse(413, `The request body is too large (at most ${Math.round(maxBytes / 1024)} KB).`);
  try {
    return { value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) };
  } catch {
    return errorResponse(400, "The request body must be JSON.");
  }
}

/** The request body, reading no more than `maxBytes` (+1 to know it was more). */
export async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array | "too-large"> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return "too-large";
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return "too-large";
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** File errors as JSON: line (or null), message, the two joined ("line 7: …"), and the issue's
 *  code and params (docs/decks.md). */
export const fileErrorsJson = (errors: readonly DeckFileError[]) =>
  errors.map((e) => ({ line: e.line, message: e.message, text: formatDeckFileError(e), code: e.code, params: e.params }));

export const deckErrorsJson = (errors: readonly DeckError[]) => errors.map((e) => ({ path: e.path, message: e.message, code: e.code, params: e.params }));
