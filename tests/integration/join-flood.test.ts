import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMetrics } from "@/server/observability/metrics";
import { connect, createSession, emit, signedInFacilitator, type ClientSocket } from "./support/live";
import { getJson, startTestServer, type TestServer } from "./support/server";

/** Issue 9.2: a flood of wrong-code joins from one address, inside every allowed burst, must not
 *  reach Postgres per join nor starve the connection pool other users need. */

const SOCKETS = 10;
/** A socket's event burst (server/realtime/attach.ts): each flood socket stays inside it. */
const PER_SOCKET = 120;

/** A counter from the in-process metrics store (the test server runs in this process). */
async function counter(name: string): Promise<number> {
  const line = (await renderMetrics()).body
    .split("\n")
    .find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(" ")[1]) : 0;
}

describe("a join flood from one address", () => {
  let server: TestServer;
  let cookie: string;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    ({ cookie } = await signedInFacilitator(server, "other-user@example.com"));
    for (let i = 0; i < SOCKETS; i++) sockets.push(await connect(server, { role: "participant" }));
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await server?.close();
  });

  it("1,200 wrong-code joins cost a handful of queries, get clear answers, and other users' requests still succeed", async () => {
    const queriesBefore = await counter("sortroom_join_lookup_queries_total");
    const flood = sockets.flatMap((socket) => Array.from({ length: PER_SOCKET }, () => emit(socket, "participant:join", { code: "ZZZ-ZZZ", nickname: "Flood" })));
    // Another user, while the flood is being answered.
    const [created, health] = await Promise.all([createSession(server, cookie), getJson(`${server.url}/api/health`)]);
    const acks = await Promise.all(flood);

    const codes = acks.map((a) => (a.ok ? "ok" : a.code));
    const tally = Object.fromEntries([...new Set(codes)].map((c) => [c, codes.filter((x) => x === c).length]));
    // Every join is answered: the code is unknown, or this address has used its join burst. Never
    // UNAVAILABLE or INTERNAL (the pool ran dry), never a timeout.
    expect(Object.keys(tally).sort()).toEqual(expect.arrayContaining(["SESSION_NOT_FOUND"]));
    expect(Object.keys(tally).filter((c) => c !== "SESSION_NOT_FOUND" && c !== "RATE_LIMITED")).toEqual([]);
    expect(created.code).toMatch(/^[A-Z0-9]{6,8}$/);
    expect(health.status).toBe(200);
    expect((await counter("sortroom_join_lookup_queries_total")) - queriesBefore).toBeLessThanOrEqual(5);
    expect((await counter("sortroom_join_lookup_queries_total")) - queriesBefore).toBeGreaterThanOrEqual(1);
    // The flood sockets stayed inside their own limits, so they are still connected.
    expect(sockets.every((s) => s.connected)).toBe(true);
  });
});
