import { io, type Socket } from "socket.io-client";
import { PROTOCOL_VERSION, type Ack } from "../../lib/protocol";
import type { PhaseView } from "../../lib/protocol/views";
import type { PhaseCommandName } from "../../lib/sessions/live-control";

/** The few protocol calls the load generator makes (docs/protocol.md), with bounded waits, and
 *  the HTTP calls that set a session up: as a signed-in facilitator (cookie) or with an API token
 *  (docs/api.md). */

export type LoadSocket = Socket;

export function openSocket(url: string, auth: Record<string, unknown>, headers: Record<string, string> = {}): Promise<LoadSocket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { path: "/socket.io", transports: ["websocket"], auth: { protocol: PROTOCOL_VERSION, ...auth }, extraHeaders: headers, reconnection: false, forceNew: true, timeout: 20_000 });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error: Error & { data?: { code?: string } }) => {
      socket.close();
      reject(Object.assign(new Error(error.message), { code: error.data?.code ?? "CONNECT_ERROR" }));
    });
  });
}

/** Sends an event and resolves with its ack, or with a TIMEOUT failure after `timeoutMs`. */
export async function send<T>(socket: LoadSocket, event: string, payload: unknown, timeoutMs = 30_000): Promise<Ack<T>> {
  try {
    return (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as Ack<T>;
  } catch {
    return { ok: false, code: "TIMEOUT" as never, message: `no ack within ${timeoutMs} ms` };
  }
}

export async function must<T>(socket: LoadSocket, event: string, payload: unknown = {}): Promise<T> {
  const ack = await send<T>(socket, event, payload);
  if (!ack.ok) throw new Error(`${event} failed: ${ack.code} ${ack.message}`);
  return ack.data;
}

function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** Signs a facilitator in through next-auth's credentials endpoint, as a browser form does, and
 *  returns the Cookie header that identifies them (HTTP API and facilitator socket). */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const cookie = `${jar}; ${cookiesOf(res)}`;
  if (!cookie.includes("session-token")) throw new Error(`sign-in as ${email} failed (HTTP ${res.status})`);
  return cookie;
}

/** Creates a session of a built-in deck (by slug) for the signed-in facilitator. */
export async function createSession(url: string, cookie: string, deckSlug: string): Promise<{ id: string; code: string }> {
  const decks = (await (await fetch(`${url}/api/decks`, { headers: { cookie } })).json()) as { decks: { id: string; slug: string | null }[] };
  const deck = decks.decks.find((d) => d.slug === deckSlug);
  if (!deck) throw new Error(`no deck with slug ${deckSlug}`);
  const res = await fetch(`${url}/api/sessions`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ deckId: deck.id, title: "Load test" }) });
  if (res.status !== 201) throw new Error(`create session: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; code: string };
}

/** A call of the token API (docs/api.md): JSON in and out, with the bearer token. A 429 or 503 is
 *  retried after its Retry-After (a few times), as the API asks; any other failure throws. */
export async function tokenApi<T>(url: string, token: string, path: string, body: unknown, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${url}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    if (res.ok) return (await res.json()) as T;
    const text = await res.text();
    if ((res.status === 429 || res.status === 503) && attempt < attempts) {
      await new Promise((r) => setTimeout(r, Math.min(30, Number(res.headers.get("retry-after")) || 1) * 1000));
      continue;
    }
    if (res.status === 403) throw new Error(`POST ${path}: HTTP 403 ${text}\n${NEEDS_SESSIONS_SCOPE}`);
    throw new Error(`POST ${path}: HTTP ${res.status} ${text}`);
  }
}

/** What to do about a 403 (docs/api.md, "Scopes"): the generator creates and drives its session,
 *  which a read-only token (every token from before scopes) may not. */
export const NEEDS_SESSIONS_SCOPE =
  "--token needs an API token with the `sessions` scope (read-only tokens cannot create or run sessions): create one in Settings → API tokens, choosing “Run sessions”.";

export interface CreatedSession {
  id: string;
  code: string;
  presenterKey: string;
}

/** Creates a session of a deck (id or built-in slug) with an API token. */
export function createSessionWithToken(url: string, token: string, deck: string, title: string): Promise<CreatedSession> {
  return tokenApi<CreatedSession>(url, token, "/api/v1/sessions", { deck, title });
}

/** A phase command with an API token: the console's button, over HTTP. */
export function phaseWithToken(url: string, token: string, sessionId: string, command: PhaseCommandName, extra: { timerSeconds?: number | null } = {}): Promise<PhaseView> {
  return tokenApi<PhaseView>(url, token, `/api/v1/sessions/${sessionId}/phase`, { command, ...extra });
}
