import { db } from "../client";
import { pool } from "../pool";

export interface SubmissionWrite {
  workshopId: string;
  participantId: string;
  round: number;
  submittedAt: Date;
  byParticipant: boolean;
}

/** Participants' own submits of one session in ONE round trip; returns the ids actually stored
 *  (a second submit of the same round is not). */
export async function insertSubmissions(workshopId: string, rows: readonly Omit<SubmissionWrite, "workshopId" | "byParticipant">[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const { rows: stored } = await pool().query<{ participant_id: string }>(
    `INSERT INTO submissions (workshop_id, participant_id, round, submitted_at, by_participant)
     SELECT $1::uuid, t.participant_id, t.round, t.submitted_at, true
     FROM unnest($2::uuid[], $3::int[], $4::timestamptz[]) AS t(participant_id, round, submitted_at)
     ON CONFLICT (participant_id, round) DO NOTHING
     RETURNING participant_id::text`,
    [workshopId, rows.map((r) => r.participantId), rows.map((r) => r.round), rows.map((r) => r.submittedAt)],
  );
  return new Set(stored.map((r) => r.participant_id));
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
