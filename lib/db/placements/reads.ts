import { db } from "../client";

export interface StoredPlacement {
  participantId: string;
  statementKey: string;
  column: string | null;
  confidence: "sure" | "unsure" | null;
  seq: number;
  placedAt: Date;
}

export function listPlacements(workshopId: string, round: number): Promise<StoredPlacement[]> {
  return db().placement.findMany({
    where: { workshopId, round },
    select: { participantId: true, statementKey: true, column: true, confidence: true, seq: true, placedAt: true },
  });
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
  const rows = await db().placement.groupBy({ by: ["participantId"], where: { workshopId }, _max: { seq: true } });
  return new Map(rows.map((r) => [r.participantId, r._max.seq ?? 0]));
}
