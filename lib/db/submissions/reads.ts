import { db } from "../client";

export interface StoredSubmission {
  participantId: string;
  round: number;
  submittedAt: Date;
  byParticipant: boolean;
  score: number | null;
  total: number | null;
}

export function listSubmissions(workshopId: string): Promise<StoredSubmission[]> {
  return db().submission.findMany({
    where: { workshopId },
    select: { participantId: true, round: true, submittedAt: true, byParticipant: true, score: true, total: true },
  });
}
