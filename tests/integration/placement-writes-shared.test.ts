import pg from "pg";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePool, pool } from "@/lib/db/pool";
import { writePlacements, type PlacementWrite } from "@/lib/db/placements/writes";
import { migrate } from "@/server/db/migrate";
import { testDatabaseUrl } from "./support/database";

/** Concurrent writePlacements calls (one per room batch) share statements: each caller gets
 *  back exactly its own written rows, across sessions; a card in two concurrent calls is written
 *  in call order (the newer seq wins, the older is not reported as written). */
describe("placement writes from many rooms at once", () => {
  let client: pg.Client;
  const sessions: { workshopId: string; participants: string[] }[] = [];
  const placedAt = new Date("2026-12-03T10:00:00.000Z");
  let previousUrl: string | undefined;

  const row = (s: number, p: number, statement: string, column: string, seq: number): PlacementWrite => ({
    workshopId: sessions[s]!.workshopId,
    participantId: sessions[s]!.participants[p]!,
    round: 1,
    statementKey: statement,
    column,
    confidence: null,
    seq,
    placedAt,
  });

  beforeAll(async () => {
    const url = await testDatabaseUrl();
    await migrate(url, pino({ level: "silent" }));
    previousUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url; // the hot-path pool reads it on first use
    client = new pg.Client({ connectionString: url });
    await client.connect();
    const owner = (await client.query<{ id: string }>(`INSERT INTO users (id, email) VALUES (gen_random_uuid(), 'shared@example.com') RETURNING id`)).rows[0]!.id;
    for (let s = 0; s < 3; s++) {
      const workshopId = (
        await client.query<{ id: string }>(
          `INSERT INTO workshops (id, code, owner_id, title, deck_snapshot, phase, presenter_key)
           VALUES (gen_random_uuid(), $2, $1, 'Shared', '{}', 'sorting', 'key') RETURNING id`,
          [owner, `SHR00${s}`],
        )
      ).rows[0]!.id;
      const participants = (
        await client.query<{ id: string }>(
          `INSERT INTO participants (id, workshop_id, nickname, nickname_key, token_hash)
           SELECT gen_random_uuid(), $1, 'P' || n, 'p' || n, $2 || n FROM generate_series(1, 4) n RETURNING id`,
          [workshopId, `token-${s}-`],
        )
      ).rows.map((r) => r.id);
      sessions.push({ workshopId, participants });
    }
  });

  afterAll(async () => {
    await client?.end();
    await closePool();
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
  });

  it("answers each concurrent call with its own written rows, across sessions, in fewer statements than calls", async () => {
    const before = pool().totalCount;
    const calls = [0, 1, 2].map((s) => [row(s, 0, "a", "leader", 1), row(s, 1, "a", "manager", 1)]);
    const results = await Promise.all(calls.map((rows) => writePlacements(rows)));
    for (const [s, written] of results.entries()) {
      expect(written.map((w) => [w.participantId, w.column]).sort()).toEqual([
        [sessions[s]!.participants[0], "leader"],
        [sessions[s]!.participants[1], "manager"],
      ].sort());
      expect(written.every((w) => w.previousColumn === null)).toBe(true);
    }
    // Three calls in the same turn went out as one statement: one connection was enough.
    expect(pool().totalCount - before).toBeLessThanOrEqual(1);
    const stored = await client.query(`SELECT count(*)::int AS n FROM placements WHERE statement_key = 'a'`);
    expect(stored.rows[0].n).toBe(6);
  });

  it("writes a card that two concurrent calls share in call order: the newer move wins and the stale one is not reported", async () => {
    const [first, second] = await Promise.all([writePlacements([row(0, 2, "b", "leader", 5)]), writePlacements([row(0, 2, "b", "manager", 6), row(1, 2, "b", "leader", 1)])]);
    expect(first.map((w) => w.column)).toEqual(["leader"]);
    expect(second.map((w) => [w.column, w.previousColumn]).sort()).toEqual([["leader", null], ["manager", "leader"]].sort());
    const replay = await writePlacements([row(0, 2, "b", "leader", 5)]);
    expect(replay).toEqual([]); // older than the stored seq 6
    const stored = await client.query<{ column: string; seq: number }>(`SELECT "column", seq FROM placements WHERE participant_id = $1 AND statement_key = 'b'`, [sessions[0]!.participants[2]]);
    expect(stored.rows).toEqual([{ column: "manager", seq: 6 }]);
  });
});
