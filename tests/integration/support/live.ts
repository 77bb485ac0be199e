import { io, type Socket } from "socket.io-client";
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import type { TokenScope } from "@/lib/domain/token-scope";
import { PROTOCOL_VERSION, type Ack, type ClientToServerEvents, type ServerToClientEvents } from "@/lib/protocol";
import type { TestServer } from "./server";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What these helpers need of a server: where it listens and which database it uses (an
 *  in-process TestServer, or one started as a child process). */
type Reachable = Pick<TestServer, "url">;
type WithDatabase = Pick<TestServer, "url" | "databaseUrl">;

/** A facilitator account created in the database, signed in through next-auth's real
 *  credentials endpoint; returns the Cookie header a browser would send. */
export async function signedInFacilitator(server: WithDatabase, email: string, password = "correct horse battery"): Promise<{ cookie: string; userId: string }> {
  const userId = await withDb(server, async (c) => {
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO users (id, email, password_hash) VALUES (gen_random_uuid(), $1, $2) RETURNING id`,
      [email, await hashPassword(password)],
    );
    return rows[0]!.id;
  });
  return { cookie: await signIn(server, email, password), userId };
}

export async function signIn(server: Reachable, email: string, password: string): Promise<string> {
  const attempt = await signInAttempt(server, email, password);
  if (!attempt.cookie) throw new Error(`sign-in failed (${attempt.status} ${attempt.error ?? ""})`);
  return attempt.cookie;
}

export interface SignInAttempt {
  status: number;
  /** next-auth's `error` parameter (e.g. "CredentialsSignin", "TooManyAttempts:60"), null on success. */
  error: string | null;
  retryAfter: string | null;
  /** The Cookie header a browser would send afterwards, when a session cookie was set. */
  cookie: string | null;
}

/** A CSRF token and its cookie, as a browser's sign-in form gets them; reusable for many attempts. */
export async function csrfJar(server: Reachable, headers: Record<string, string> = {}): Promise<{ csrfToken: string; jar: string }> {
  const csrf = await fetch(`${server.url}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return { csrfToken, jar: cookiesOf(csrf) };
}

/** One POST to next-auth's credentials endpoint, as the sign-in form's signIn() sends it. */
export async function signInAttempt(
  server: Reachable,
  email: string,
  password: string,
  options: { headers?: Record<string, string>; csrf?: { csrfToken: string; jar: string } } = {},
): Promise<SignInAttempt> {
  const { csrfToken, jar } = options.csrf ?? (await csrfJar(server, options.headers));
  const res = await fetch(`${server.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar, ...options.headers },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  const error = body.url ? new URL(body.url).searchParams.get("error") : null;
  const cookies = `${jar}; ${cookiesOf(res)}`;
  return { status: res.status, error, retryAfter: res.headers.get("retry-after"), cookie: cookies.includes("next-auth.session-token") ? cookies : null };
}

/** Signs out through next-auth as the sign-out button does (POST /api/auth/signout with the CSRF
 *  token); returns the status. The caller keeps its copy of the old cookie. */
export async function signOut(server: TestServer, cookie: string): Promise<number> {
  const csrf = await fetch(`${server.url}/api/auth/csrf`, { headers: { cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${server.url}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  await res.text();
  return res.status;
}

function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

export async function createSession(server: WithDatabase, cookie: string, slug = "leader-or-manager", extra: Record<string, unknown> = {}): Promise<{ id: string; code: string }> {
  const deckId = await withDb(server, async (c) => (await c.query<{ id: string }>(`SELECT id FROM decks WHERE slug = $1`, [slug])).rows[0]!.id);
  const res = await fetch(`${server.url}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ deckId, ...extra }),
  });
  if (res.status !== 201) throw new Error(`create session: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; code: string };
}

export function connect(server: Reachable, auth: Record<string, unknown>, cookie?: string, headers?: Record<string, string>): Promise<ClientSocket> {
  const socket: ClientSocket = io(server.url, {
    path: "/socket.io",
    transports: ["websocket"],
    auth: { protocol: PROTOCOL_VERSION, ...auth },
    extraHeaders: cookie || headers ? { ...(cookie ? { cookie } : {}), ...headers } : undefined,
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** The connect error's code, for handshakes that must be refused. */
export async function connectError(server: TestServer, auth: Record<string, unknown>, cookie?: string, headers?: Record<string, string>): Promise<string> {
  return (await connectRefusal(server, auth, cookie, headers)).code;
}

/** The connect error's code (its message when it has none) and message, for handshakes that must be refused. */
export async function connectRefusal(server: TestServer, auth: Record<string, unknown>, cookie?: string, headers?: Record<string, string>): Promise<{ code: string; message: string }> {
  const socket: ClientSocket = io(server.url, {
    path: "/socket.io",
    transports: ["websocket"],
    auth: { protocol: PROTOCOL_VERSION, ...auth },
    extraHeaders: { ...(cookie ? { cookie } : {}), ...headers },
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => {
      socket.close();
      reject(new Error("connected, but a refusal was expected"));
    });
    socket.once("connect_error", (error: Error & { data?: { code?: string } }) => {
      socket.close();
      resolve({ code: error.data?.code ?? error.message, message: error.message });
    });
  });
}

export async function emit<T = unknown>(socket: ClientSocket, event: string, payload?: unknown): Promise<Ack<T>> {
  const send = socket.timeout(10_000) as unknown as { emit: (e: string, p: unknown, cb: (err: Error | null, ack: Ack<T>) => void) => void };
  return new Promise((resolve, reject) => {
    send.emit(event, payload ?? {}, (err, ack) => (err ? reject(err) : resolve(ack)));
  });
}

/** Emits and fails the test unless the ack is ok; returns its data. */
export async function must<T = unknown>(socket: ClientSocket, event: string, payload?: unknown): Promise<T> {
  const ack = await emit<T>(socket, event, payload);
  if (!ack.ok) throw new Error(`${event} failed: ${ack.code} ${ack.message}`);
  return ack.data;
}

export async function withDb<T>(server: Pick<TestServer, "databaseUrl">, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function countRows(server: TestServer, table: "participants" | "placements" | "submissions" | "phase_events", workshopId: string): Promise<number> {
  return withDb(server, async (c) => Number((await c.query(`SELECT count(*) FROM ${table} WHERE workshop_id = $1`, [workshopId])).rows[0].count));
}

/** A personal API token for `userId`, stored as the app stores one (its SHA-256); returns the token.
 *  Read-only unless `scope` says otherwise, like a token created on the page by default. */
export async function insertApiToken(server: TestServer, userId: string, options: { revoked?: boolean; name?: string; scope?: TokenScope } = {}): Promise<string> {
  const token = `sr_${randomBytes(32).toString("base64url")}`;
  await withDb(server, (c) =>
    c.query(`INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, revoked_at, scope) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6)`, [
      userId,
      options.name ?? (options.revoked ? "revoked one" : "active one"),
      createHash("sha256").update(token).digest("hex"),
      token.slice(0, 8),
      options.revoked ? new Date() : null,
      options.scope ?? "read",
    ]),
  );
  return token;
}
