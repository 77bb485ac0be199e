import { db } from "../client";
import { Coalescer } from "../coalescer";
import { queryWhenFree } from "../pool";

export interface SubmissionWrite {
  workshopId: string;
  participantId: string;
  round: number;
  submittedAt: Date;
  byParticipant: boolean;
}

/** Records a participant's own submit; false if they had already submitted this round. A whole
 *  room submits within seconds, so concurrent submits are written together, one statement per
 *  batch on the hot-path pool (see lib/db/pool.ts): 5,000 phones must not need 5,000 connections
 *  in turn, each waiting behind the others until the pool's acquire timeout. */
export function insertSubmission(row: SubmissionWrite): Promise<boolean> {
  submissionBatches ??= new Coalescer(insertSubmissions);
  return submissionBatches.add(row);
}

let submissionBatches: Coalescer<SubmissionWrite, boolean> | undefined;

/** One INSERT for many submits; true for each row that was stored. A participant twice in one
 *  batch counts once: the first is written, a repeat answers false as if it came later. */
async function insertSubmissions(rows: SubmissionWrite[]): Promise<boolean[]> {
  const keyOf = (r: { participantId: string; round: number }) => `${r.participantId}|${r.round}`;
  const firsts = new Map<string, SubmissionWrite>();
  for (const r of rows) if (!firsts.has(keyOf(r))) firsts.set(keyOf(r), r);
  const unique = [...firsts.values()];
  const { rows: stored } = await queryWhenFree<{ participant_id: string; round: number }>(
    `INSERT INTO submissions (workshop_id, participant_id, round, submitted_at, by_participant)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::timestamptz[], $5::bool[])
     ON CONFLICT (participant_id, round) DO NOTHING
     RETURNING participant_id::text, round`,
    [unique.map((r) => r.workshopId), unique.map((r) => r.participantId), unique.map((r) => r.round), unique.map((r) => r.submittedAt), unique.map((r) => r.byParticipant)],
  );
  const inserted = new Set(stored.map((r) => `${r.participant_id}|${r.round}`));
  return rows.map((r) => firsts.get(keyOf(r)) === r && inserted.has(keyOf(r)));
}

export interface ScoreWrite {
  participantId: string;
  score: number;
  total: number;
}

/** At reveal: closes the round for everyone who had not submitted and stores every score, in one
 *  statement. Participants who submitted keep their own submittedAt. */
export async function finalizeRound(workshopId: string, round: number, at: Date, scores: readonly ScoreWrite[]): Promise<void> {
  if (scores.length === 0) return;
  await db().$executeRawUnsafe(
    `INSERT INTO submissions (workshop_id, participant_id, round, submitted_at, by_participant, score, total)
     SELECT $1::uuid, t.participant_id, $2::int, $3::timestamptz, false, t.score, t.total
     FROM unnest($4::uuid[], $5::int[], $6::int[]) AS t(participant_id, score, total)
     ON CONFLICT (participant_id, round) DO UPDATE SET score = EXCLUDED.score, total = EXCLUDED.total`,
    workshopId,
    round,
    at,
    scores.map((s) => s.participantId),
    scores.map((s) => s.score),
    scores.map((s) => s.total),
  );
}
