import { db } from "../client";
import { query } from "../pool";

export interface StoredPlacement {
  participantId: string;
  statementKey: string;
  column: string | null;
  confidence: "sure" | "unsure" | null;
  seq: number;
  placedAt: Date;
}

/** Every card of a round, for a room's reload (at start and at each reveal: 44,000 rows for a
 *  1,000-phone session). Raw SQL on the hot-path pool: mapping that many rows through the ORM's
 *  model layer took most of the reveal's time. */
export async function listPlacements(workshopId: string, round: number): Promise<StoredPlacement[]> {
  const { rows } = await query<{ participant_id: string; statement_key: string; column: string | null; confidence: "sure" | "unsure" | null; seq: number; placed_at: Date }>(
    `SELECT participant_id, statement_key, "column", confidence::text AS confidence, seq, placed_at
       FROM placements WHERE workshop_id = $1::uuid AND round = $2::int`,
    [workshopId, round],
  );
  return rows.map((r) => ({ participantId: r.participant_id, statementKey: r.statement_key, column: r.column, confidence: r.confidence, seq: r.seq, placedAt: r.placed_at }));
}

/** The stored rows for specific cards: used to tell an idempotent retry from a stale replay. */
export function findPlacements(keys: readonly { participantId: string; round: number; statementKey: string }[]): Promise<(StoredPlacement & { round: number })[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return db().placement.findMany({
    where: { OR: keys.map((k) => ({ participantId: k.participantId, round: k.round, statementKey: k.statementKey })) },
    select: { participantId: true, statementKey: true, column: true, confidence: true, seq: true, placedAt: true, round: true },
  });
}

/** Highest seq stored per participant of a session (any round): a returning client continues above it. */
export async function maxSeqByParticipant(workshopId: string): Promise<Map<string, number>> {
  const { rows } = await query<{ participant_id: string; max_seq: number }>(
    `SELECT participant_id, max(seq) AS max_seq FROM placements WHERE workshop_id = $1::uuid GROUP BY participant_id`,
    [workshopId],
  );
  return new Map(rows.map((r) => [r.participant_id, r.max_seq]));
}
