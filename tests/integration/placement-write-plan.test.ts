import pg from "pg";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLACEMENT_WRITE_SQL, placementWriteParams, type PlacementWrite } from "@/lib/db/placements/writes";
import { migrate } from "@/server/db/migrate";
import { testDatabaseUrl } from "./support/database";

/** The batched placement write (lib/db/placements/writes.ts) on a table of 200,000 placements:
 *  its semantics (guards, seq, previous column) and its cost per row, which must not grow with
 *  the batch. Cost is counted, not timed: buffers touched and rows produced by every plan node,
 *  from EXPLAIN (ANALYZE, BUFFERS), in a transaction that is rolled back. */

const PARTICIPANTS = 5_000;
const STATEMENTS = 40; // 5,000 × 40 = 200,000 stored placements
const placedAt = new Date("2026-12-02T10:00:00.000Z");

interface PlanNode {
  "Node Type": string;
  "Actual Rows": number;
  "Actual Loops": number;
  "Shared Hit Blocks": number;
  "Shared Read Blocks": number;
  Plans?: PlanNode[];
}

/** Rows every node produced, over all its loops (a nested loop rescanning its inner side B
 *  times shows up here as B × B). */
function rowsProduced(node: PlanNode): number {
  return node["Actual Rows"] * node["Actual Loops"] + (node.Plans ?? []).reduce((n, child) => n + rowsProduced(child), 0);
}

function nodeTypes(node: PlanNode): string[] {
  return [node["Node Type"], ...(node.Plans ?? []).flatMap(nodeTypes)];
}

describe("the batched placement write on 200,000 stored placements", () => {
  let client: pg.Client;
  let workshopId: string;
  let participantIds: string[];

  /** Moves card `statement` of participants [from, from + count) to `column` with `seq`. */
  function batch(from: number, count: number, statement: number, seq: number, column: string | null = "manager"): PlacementWrite[] {
    return participantIds.slice(from, from + count).map((participantId) => ({
      workshopId,
      participantId,
      round: 1,
      statementKey: `s${statement}`,
      column,
      confidence: null,
      seq,
      placedAt,
    }));
  }

  async function write(rows: PlacementWrite[]) {
    return (await client.query<{ participant_id: string; column: string | null; seq: number; previous_column: string | null }>(PLACEMENT_WRITE_SQL, placementWriteParams(rows))).rows;
  }

  /** Runs the write under EXPLAIN ANALYZE and undoes it. */
  async function explain(rows: PlacementWrite[]) {
    await client.query("BEGIN");
    try {
      const result = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${PLACEMENT_WRITE_SQL}`, placementWriteParams(rows));
      const plan = result.rows[0]!["QUERY PLAN"][0].Plan;
      return {
        buffersPerRow: (plan["Shared Hit Blocks"] + plan["Shared Read Blocks"]) / rows.length,
        rowsPerRow: rowsProduced(plan) / rows.length,
        nodes: nodeTypes(plan),
      };
    } finally {
      await client.query("ROLLBACK");
    }
  }

  beforeAll(async () => {
    const url = await testDatabaseUrl();
    await migrate(url, pino({ level: "silent" }));
    client = new pg.Client({ connectionString: url });
    await client.connect();
    const owner = (await client.query<{ id: string }>(`INSERT INTO users (id, email) VALUES (gen_random_uuid(), 'plan@example.com') RETURNING id`)).rows[0]!.id;
    workshopId = (
      await client.query<{ id: string }>(
        `INSERT INTO workshops (id, code, owner_id, title, deck_snapshot, phase, presenter_key)
         VALUES (gen_random_uuid(), 'PLAN01', $1, 'Plan', '{}', 'sorting', 'key') RETURNING id`,
        [owner],
      )
    ).rows[0]!.id;
    participantIds = (
      await client.query<{ id: string }>(
        `INSERT INTO participants (id, workshop_id, nickname, nickname_key, token_hash)
         SELECT gen_random_uuid(), $1, 'P' || n, 'p' || n, 'token' || n FROM generate_series(1, $2::int) n
         RETURNING id`,
        [workshopId, PARTICIPANTS],
      )
    ).rows.map((r) => r.id);
    await client.query(
      `INSERT INTO placements (workshop_id, participant_id, round, statement_key, "column", seq, placed_at)
       SELECT $1, p.id, 1, 's' || s, 'leader', 1, $3 FROM participants p CROSS JOIN generate_series(0, $2::int - 1) s WHERE p.workshop_id = $1`,
      [workshopId, STATEMENTS, placedAt],
    );
    // An earlier session whose 2,000 participants all submitted: the submissions guard then looks
    // at a table of realistic size, as in a database that has served sessions before.
    const earlier = (
      await client.query<{ id: string }>(
        `INSERT INTO workshops (id, code, owner_id, title, deck_snapshot, phase, presenter_key)
         VALUES (gen_random_uuid(), 'PLAN00', $1, 'Earlier', '{}', 'closed', 'key') RETURNING id`,
        [owner],
      )
    ).rows[0]!.id;
    await client.query(
      `WITH p AS (
         INSERT INTO participants (id, workshop_id, nickname, nickname_key, token_hash)
         SELECT gen_random_uuid(), $1, 'E' || n, 'e' || n, 'earlier' || n FROM generate_series(1, 2000) n RETURNING id
       ) INSERT INTO submissions (workshop_id, participant_id, round, submitted_at, by_participant) SELECT $1, id, 1, $2, true FROM p`,
      [earlier, placedAt],
    );
    await client.query("ANALYZE");
  });
  afterAll(async () => {
    await client?.end();
  });

  it("holds 200,000 placements", async () => {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM placements`);
    expect(rows[0]!.n).toBe(PARTICIPANTS * STATEMENTS);
  });

  it("costs the same per row for a batch of 500 as for a batch of 50 (no nested loop over the batch)", async () => {
    // Warm both once so that neither measurement pays for reading the table from disk.
    await explain(batch(0, 50, 1, 2));
    await explain(batch(1_000, 500, 2, 2));
    const small = await explain(batch(0, 50, 1, 2));
    const large = await explain(batch(1_000, 500, 2, 2));
    const detail = JSON.stringify({ small, large });
    // Linear: equal per row, give or take index pages and the fixed cost of a statement. The
    // quadratic plan examined 10× as many rows per row for the 10× batch.
    expect(large.buffersPerRow, detail).toBeLessThan(small.buffersPerRow * 1.5);
    expect(large.rowsPerRow, detail).toBeLessThan(small.rowsPerRow * 1.5);
  });

  it("returns the column each written card had before, and writes only newer moves", async () => {
    const first = await write(batch(0, 3, 5, 2, "manager"));
    expect(first.map((r) => [r.column, r.seq, r.previous_column])).toEqual([
      ["manager", 2, "leader"],
      ["manager", 2, "leader"],
      ["manager", 2, "leader"],
    ]);
    // A replay of an older or equal seq changes nothing and returns nothing (the caller answers STALE_PLACEMENT or duplicate).
    expect(await write(batch(0, 3, 5, 1, "leader"))).toEqual([]);
    expect(await write(batch(0, 3, 5, 2, "manager"))).toEqual([]);
    // A card never placed before has no previous column; taking a card back stores null.
    const fresh = await write(batch(0, 1, STATEMENTS + 1, 1, "leader"));
    expect(fresh.map((r) => r.previous_column)).toEqual([null]);
    const back = await write(batch(0, 1, 5, 3, null));
    expect(back.map((r) => [r.column, r.previous_column])).toEqual([[null, "manager"]]);
  });

  it("writes nothing for a submitted or removed participant, or outside sorting", async () => {
    const [submitted, kicked] = participantIds.slice(10, 12);
    await client.query(`INSERT INTO submissions (workshop_id, participant_id, round, submitted_at, by_participant) VALUES ($1, $2, 1, $3, true)`, [workshopId, submitted, placedAt]);
    await client.query(`UPDATE participants SET kicked = true WHERE id = $1`, [kicked]);
    expect(await write(batch(10, 2, 6, 9))).toEqual([]);
    expect((await write(batch(12, 1, 6, 9))).length).toBe(1);
    await client.query(`UPDATE workshops SET timer_ends_at = $2 WHERE id = $1`, [workshopId, new Date(placedAt.getTime() - 1)]);
    expect(await write(batch(13, 1, 6, 9))).toEqual([]);
    await client.query(`UPDATE workshops SET timer_ends_at = NULL, phase = 'revealed' WHERE id = $1`, [workshopId]);
    expect(await write(batch(13, 1, 6, 9))).toEqual([]);
    const stored = await client.query<{ participant_id: string; seq: number }>(`SELECT participant_id::text, seq FROM placements WHERE statement_key = 's6' AND seq = 9`);
    expect(stored.rows.map((r) => r.participant_id)).toEqual([participantIds[12]]);
  });
});
