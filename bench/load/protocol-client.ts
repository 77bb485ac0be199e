import { io, type Socket } from "socket.io-client";
import { PROTOCOL_VERSION, type Ack } from "../../lib/protocol";

/** The few protocol calls the load generator makes (docs/protocol.md), with bounded waits. */

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
