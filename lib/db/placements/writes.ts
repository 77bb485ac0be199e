import { cardKey } from "@/lib/room/store";
import { Coalescer } from "../coalescer";
import { queryWhenFree } from "../pool";

export interface PlacementWrite {
  workshopId: string;
  participantId: string;
  round: number;
  statementKey: string;
  column: string | null;
  confidence: "sure" | "unsure" | null;
  seq: number;
  placedAt: Date;
}

export interface AppliedPlacement {
  participantId: string;
  round: number;
  statementKey: string;
  column: string | null;
  seq: number;
  /** Where the card was before this write (null: unplaced or first placement). */
  previousColumn: string | null;
}

/** The batched upsert, planned so that its cost grows linearly with the batch: every input row
 *  costs one primary-key probe for the upsert and, for a written row, one more for its previous
 *  column (a scalar subquery in RETURNING, which reads the statement's snapshot, i.e. the row as
 *  it was before this statement). An earlier version joined the written rows to a `previous` CTE;
 *  Postgres inlined that CTE into a nested loop, so a batch of B rows did about B² index lookups
 *  (tests/integration/placement-write-plan.test.ts keeps that from coming back). */
export const PLACEMENT_WRITE_SQL = `WITH input AS (
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::timestamptz[])
         AS t(workshop_id, participant_id, round, statement_key, col, confidence, seq, placed_at)
     ), eligible AS (
       SELECT i.* FROM input i
       JOIN workshops w ON w.id = i.workshop_id AND w.phase = 'sorting' AND w.round = i.round
         AND (w.timer_ends_at IS NULL OR w.timer_ends_at > i.placed_at)
       JOIN participants p ON p.id = i.participant_id AND p.workshop_id = i.workshop_id AND NOT p.kicked
       WHERE NOT EXISTS (SELECT 1 FROM submissions s WHERE s.participant_id = i.participant_id AND s.round = i.round)
     )
     INSERT INTO placements AS pl (workshop_id, participant_id, round, statement_key, "column", confidence, seq, placed_at)
     SELECT workshop_id, participant_id, round, statement_key, col, confidence::"Confidence", seq, placed_at FROM eligible
     ON CONFLICT (participant_id, round, statement_key) DO UPDATE
       SET "column" = EXCLUDED."column", confidence = EXCLUDED.confidence, seq = EXCLUDED.seq, placed_at = EXCLUDED.placed_at
       WHERE pl.seq < EXCLUDED.seq
     RETURNING pl.participant_id::text, pl.round, pl.statement_key, pl."column", pl.seq,
       (SELECT before."column" FROM placements before
         WHERE before.participant_id = pl.participant_id AND before.round = pl.round AND before.statement_key = pl.statement_key) AS previous_column`;

/** The parameters of PLACEMENT_WRITE_SQL, one array per column. */
export function placementWriteParams(rows: readonly PlacementWrite[]): unknown[] {
  return [
    rows.map((r) => r.workshopId),
    rows.map((r) => r.participantId),
    rows.map((r) => r.round),
    rows.map((r) => r.statementKey),
    rows.map((r) => r.column),
    rows.map((r) => r.confidence),
    rows.map((r) => r.seq),
    rows.map((r) => r.placedAt),
  ];
}

/** Writes many placements in one round trip. A row is written only while its session is sorting
 *  in that round, before its timer ran out, before the participant submitted, and only if its
 *  `seq` is newer than the stored one — so retries and late replays never overwrite a newer
 *  move, even across app nodes. Returns the rows actually written, with their previous column
 *  (read from the same snapshot) so the caller can update live counts.
 *  Callers pass at most one write per (participant, round, statement).
 *
 *  Calls made while earlier statements are in flight share ONE statement (the rows carry their
 *  session): with 20 sessions of 250 phones each room's batches are small (6 rows on average,
 *  measured), and one statement per room per batch put 40 statements behind 8 connections. */
export function writePlacements(rows: readonly PlacementWrite[]): Promise<AppliedPlacement[]> {
  if (rows.length === 0) return Promise.resolve([]);
  placementStatements ??= new Coalescer(writeTogether, MAX_CALLS_PER_STATEMENT, STATEMENTS_IN_FLIGHT);
  return placementStatements.add(rows);
}

/** At most this many callers' batches (each at most a room's batch, 500 rows) per statement. */
const MAX_CALLS_PER_STATEMENT = 8;
/** Two: one statement runs while the next gathers rows; more would compete for the same cores. */
const STATEMENTS_IN_FLIGHT = 2;

let placementStatements: Coalescer<readonly PlacementWrite[], AppliedPlacement[]> | undefined;


/** The merged calls' rows in one statement, then each call's own written rows. A card in two
 *  calls (which the room writer never does: one batch per participant at a time) cannot be
 *  touched twice by one upsert, so such calls go in statements of their own, in order. */
async function writeTogether(calls: (readonly PlacementWrite[])[]): Promise<AppliedPlacement[][]> {
  const answers: AppliedPlacement[][] = [];
  for (const group of disjointGroups(calls)) {
    const written = new Map((await writeNow(group.flat())).map((w) => [cardKey(w), w]));
    for (const rows of group) answers.push(rows.flatMap((r) => written.get(cardKey(r)) ?? []));
  }
  return answers;
}

/** Consecutive runs of calls whose cards do not overlap. */
function disjointGroups(calls: (readonly PlacementWrite[])[]): (readonly PlacementWrite[])[][] {
  const groups: (readonly PlacementWrite[])[][] = [];
  let current: (readonly PlacementWrite[])[] = [];
  let keys = new Set<string>();
  for (const rows of calls) {
    if (rows.some((r) => keys.has(cardKey(r)))) {
      groups.push(current);
      current = [];
      keys = new Set();
    }
    current.push(rows);
    for (const r of rows) keys.add(cardKey(r));
  }
  groups.push(current);
  return groups.filter((g) => g.length > 0);
}

async function writeNow(rows: readonly PlacementWrite[]): Promise<AppliedPlacement[]> {
  const { rows: result } = await queryWhenFree<{
    participant_id: string;
    round: number;
    statement_key: string;
    column: string | null;
    seq: number;
    previous_column: string | null;
  }>(PLACEMENT_WRITE_SQL, placementWriteParams(rows));
  return result.map((r) => ({
    participantId: r.participant_id,
    round: r.round,
    statementKey: r.statement_key,
    column: r.column,
    seq: r.seq,
    previousColumn: r.previous_column,
  }));
}
