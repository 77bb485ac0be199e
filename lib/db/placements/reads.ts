import { queryWhenFree } from "../pool";

export interface StoredPlacement {
  participantId: string;
  statementKey: string;
  column: string | null;
  confidence: "sure" | "unsure" | null;
  seq: number;
}

/** A placements row as the raw statements below select it. */
interface PlacementRowOut {
  participant_id: string;
  round: number;
  statement_key: string;
  column: string | null;
  confidence: "sure" | "unsure" | null;
  seq: number;
}

// No placed_at: the room does not use it, and parsing 220,000 timestamps was a visible share of a
// 5,000-phone reveal's reload.
const COLUMNS = `participant_id, round, statement_key, "column", confidence::text AS confidence, seq`;

function toStored(r: PlacementRowOut): StoredPlacement & { round: number } {
  return { participantId: r.participant_id, round: r.round, statementKey: r.statement_key, column: r.column, confidence: r.confidence, seq: r.seq };
}

/** Every card of a round, for a room's reload (at start and at each reveal: 44,000 rows for a
 *  1,000-phone session). Raw SQL on the hot-path pool: mapping that many rows through the ORM's
 *  model layer took most of the reveal's time. */
export async function listPlacements(workshopId: string, round: number): Promise<StoredPlacement[]> {
  const { rows } = await queryWhenFree<PlacementRowOut>(`SELECT ${COLUMNS} FROM placements WHERE workshop_id = $1::uuid AND round = $2::int`, [workshopId, round]);
  return rows.map(toStored);
}

/** The stored rows for specific cards: used to tell an idempotent retry from a stale replay. One
 *  statement joined to the keys as arrays (a primary-key probe each) on the hot-path pool, however
 *  many keys a batch brings: up to 500 when retries under load make many moves stale. */
export async function findPlacements(keys: readonly { participantId: string; round: number; statementKey: string }[]): Promise<(StoredPlacement & { round: number })[]> {
  if (keys.length === 0) return [];
  const { rows } = await queryWhenFree<PlacementRowOut>(
    `SELECT ${COLUMNS} FROM placements
      WHERE (participant_id, round, statement_key) IN (SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[]))`,
    [keys.map((k) => k.participantId), keys.map((k) => k.round), keys.map((k) => k.statementKey)],
  );
  return rows.map(toStored);
}

/** Highest seq stored per participant of a session (any round): a returning client continues above it. */
export async function maxSeqByParticipant(workshopId: string): Promise<Map<string, number>> {
  const { rows } = await queryWhenFree<{ participant_id: string; max_seq: number }>(
    `SELECT participant_id, max(seq) AS max_seq FROM placements WHERE workshop_id = $1::uuid GROUP BY participant_id`,
    [workshopId],
  );
  return new Map(rows.map((r) => [r.participant_id, r.max_seq]));
}
