import { db } from "../client";
import { query } from "../pool";

export interface SubmissionWrite {
  workshopId: string;
  participantId: string;
  round: number;
  submittedAt: Date;
  byParticipant: boolean;
}

/** Records a participant's own submit; false if they had already submitted this round. A whole
 *  room submits within seconds, so this takes the plain pool (see lib/db/pool.ts). */
export async function insertSubmission(row: SubmissionWrite): Promise<boolean> {
  const { rowCount } = await query(
    `INSERT INTO submissions (workshop_id, participant_id, round, submitted_at, by_participant)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (participant_id, round) DO NOTHING`,
    [row.workshopId, row.participantId, row.round, row.submittedAt, row.byParticipant],
  );
  return rowCount === 1;
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
