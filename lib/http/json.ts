/** The JSON answers of the HTTP routes, in one place: every error is `{ error }` (plus fields a
 *  route documents), and nothing a route answers is cached (results are private). Services return
 *  data or typed refusals; their HTTP adapters (lib/reports/http.ts, lib/api/*) turn them into
 *  these responses. */

export const NO_STORE = { "cache-control": "private, no-store" } as const;

export function jsonError(status: number, error: string, headers: Record<string, string> = {}, fields: Record<string, unknown> = {}): Response {
  return Response.json({ error, ...fields }, { status, headers: { ...NO_STORE, ...headers } });
}

export function jsonOk(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(body, { status: init.status ?? 200, headers: { ...NO_STORE, ...init.headers } });
}
