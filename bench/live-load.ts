/**
 * Load benchmark for one live session: N phones on loopback join, each sorts every card of the
 * article deck at a human-ish pace, submits; the facilitator reveals. Reports ack latency
 * percentiles for placements, joins and submits, and checks the database holds exactly one row
 * per (phone, card) with the column last acknowledged — a miscount fails the run.
 *
 *   npx tsx bench/live-load.ts [--phones 500] [--gap-ms 400]
 *
 * Needs a production build (`npm run build`). Starts the real server as its own process (so the
 * simulated phones do not share its event loop) with an embedded Postgres in a temporary folder
 * (or a fresh database on TEST_DATABASE_URL's server). Traffic goes to
 * 127.0.0.1 only, is bounded in count and stops by itself.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import pino from "pino";
import { io, type Socket } from "socket.io-client";
import { hashPassword } from "../lib/auth/password";
import { getBuiltinDeck } from "../lib/decks/builtin";
import { PROTOCOL_VERSION, type Ack } from "../lib/protocol";
import type { JoinResult } from "../lib/protocol/views";
import { startEmbeddedPostgres } from "../server/db/embedded";
import { startServerProcess, summary } from "./support";

const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1]] as const).filter(([a]) => a.startsWith("--")));
const PHONES = Number(args.get("--phones") ?? 500);
const GAP_MS = Number(args.get("--gap-ms") ?? 400);
const log = pino({ level: "warn" });
const deck = getBuiltinDeck("leader-or-manager")!;

async function emit<T>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> {
  return socket.timeout(30_000).emitWithAck(event, payload) as Promise<Ack<T>>;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sortroom-bench-"));
  fs.chmodSync(dataDir, 0o755);
  let stopDb: (() => Promise<void>) | undefined;
  let databaseUrl = process.env.TEST_DATABASE_URL;
  if (databaseUrl) {
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    const name = `sortroom_bench_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(databaseUrl);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
  } else {
    const embedded = await startEmbeddedPostgres({ dataDir, port: 54000 + Math.floor(Math.random() * 900), log });
    databaseUrl = embedded.url;
    stopDb = embedded.stop;
  }
  const server = await startServerProcess(databaseUrl, dataDir);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const sockets: Socket[] = [];
  try {
    // A facilitator and a session, made directly in the database (auth is not what is measured).
    const user = await db.query<{ id: string }>(`INSERT INTO users (id, email, password_hash) VALUES (gen_random_uuid(), 'bench@example.com', $1) RETURNING id`, [await hashPassword("bench password")]);
    const csrf = await fetch(`${server.url}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const signIn = await fetch(`${server.url}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
      body: new URLSearchParams({ csrfToken, email: "bench@example.com", password: "bench password", json: "true" }),
    });
    const cookie = `${jar}; ${signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ")}`;
    const deckId = (await db.query<{ id: string }>(`SELECT id FROM decks WHERE slug = 'leader-or-manager'`)).rows[0]!.id;
    const created = await fetch(`${server.url}/api/sessions`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ deckId }) });
    const session = (await created.json()) as { id: string; code: string };
    void user;

    const connect = (auth: Record<string, unknown>, headers?: Record<string, string>) =>
      new Promise<Socket>((resolve, reject) => {
        const s = io(server.url, { transports: ["websocket"], auth: { protocol: PROTOCOL_VERSION, ...auth }, extraHeaders: headers, reconnection: false, forceNew: true });
        s.once("connect", () => resolve(s));
        s.once("connect_error", reject);
        sockets.push(s);
      });
    const staff = await connect({ role: "facilitator", workshopId: session.id }, { cookie });
    let staffUpdates = 0;
    staff.onAny(() => staffUpdates++);
    await emit(staff, "session:openLobby", {});

    const joinMs: number[] = [];
    const phones: { socket: Socket; id: string; last: Map<string, string | null> }[] = [];
    for (let i = 0; i < PHONES; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, PHONES - i) }, async (_, j) => {
          const socket = await connect({ role: "participant" });
          const t = performance.now();
          const ack = await emit<JoinResult>(socket, "participant:join", { code: session.code, nickname: `Phone ${i + j + 1}` });
          joinMs.push(performance.now() - t);
          if (!ack.ok) throw new Error(`join failed: ${ack.code}`);
          phones.push({ socket, id: ack.data.view.me.id, last: new Map() });
        }),
      );
    }
    await emit(staff, "session:start", {});

    const placeMs: number[] = [];
    const started = performance.now();
    let failures = 0;
    await Promise.all(
      phones.map(async (phone, p) => {
        await new Promise((r) => setTimeout(r, Math.random() * GAP_MS));
        let seq = 0;
        for (const [i, s] of deck.statements.entries()) {
          // Most cards once; every fifth card is moved a second time, as people do.
          const moves: (string | null)[] = i % 5 === 0 ? ["leader", "manager"] : [(p + i) % 3 === 0 ? "manager" : "leader"];
          for (const column of moves) {
            const t = performance.now();
            const ack = await emit(phone.socket, "placement:set", { statementId: s.id, column, seq: ++seq });
            placeMs.push(performance.now() - t);
            if (ack.ok) phone.last.set(s.id, column);
            else failures++;
            await new Promise((r) => setTimeout(r, GAP_MS * (0.5 + Math.random())));
          }
        }
      }),
    );
    const sortingSeconds = (performance.now() - started) / 1000;
    const submitMs: number[] = [];
    await Promise.all(
      phones.map(async (phone) => {
        const t = performance.now();
        await emit(phone.socket, "participant:submit", {});
        submitMs.push(performance.now() - t);
      }),
    );
    const revealStarted = performance.now();
    await emit(staff, "session:reveal", {});
    const revealMs = performance.now() - revealStarted;

    // Miscount check: the database must hold exactly what was acknowledged.
    const rows = await db.query<{ participant_id: string; statement_key: string; column: string | null }>(
      `SELECT participant_id, statement_key, "column" FROM placements WHERE workshop_id = $1`,
      [session.id],
    );
    const stored = new Map(rows.rows.map((r) => [`${r.participant_id}|${r.statement_key}`, r.column]));
    let mismatches = 0;
    for (const phone of phones) for (const [statementId, column] of phone.last) if (stored.get(`${phone.id}|${statementId}`) !== column) mismatches++;
    const expectedRows = phones.reduce((n, p) => n + p.last.size, 0);

    console.log(`SortRoom live-load: ${PHONES} phones × ${deck.statements.length} cards, ~${GAP_MS} ms between moves per phone, one node, loopback`);
    console.log(summary("join", joinMs));
    console.log(summary("placement", placeMs));
    console.log(summary("submit", submitMs));
    console.log(`reveal     ${revealMs.toFixed(0)} ms (scores ${PHONES} phones)`);
    console.log(`throughput ${(placeMs.length / sortingSeconds).toFixed(0)} placements/s over ${sortingSeconds.toFixed(1)} s; failed acks ${failures}`);
    console.log(`console    ${staffUpdates} broadcast messages to the facilitator during the run (throttled to ≤ 10/s)`);
    console.log(`database   ${rows.rowCount} placement rows, ${expectedRows} expected, ${mismatches} mismatches`);
    if (mismatches > 0 || rows.rowCount !== expectedRows || failures > 0) process.exitCode = 1;
  } finally {
    for (const s of sockets) s.close();
    await db.end();
    await server.close();
    await stopDb?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
