import { nicknameSkeleton } from "@/lib/domain/nickname";
import { db } from "../client";
import { pool } from "../pool";
import { isUniqueViolation } from "../errors";

export interface NewParticipant {
  workshopId: string;
  nickname: string;
  nicknameKey: string;
  tokenHash: string;
  cohort: string | null;
  joinedAt: Date;
}

export type GuardedInsertResult = "inserted" | "nicknameTaken" | "refused";

/** Adds a participant only while their session takes joins (lobby or sorting, not locked). The
 *  session row is read FOR SHARE, so a lock or an end committed by another transaction (or node)
 *  either waits for this join or refuses it: never both. NICKNAME_TAKEN when the session has a
 *  participant with the same nickname key (case and width aside) or the same skeleton (look-alike
 *  and invisible characters aside): both are unique indexes, so two racing joins cannot both win. */
export async function insertParticipantIfOpen(input: NewParticipant & { id: string }): Promise<GuardedInsertResult> {
  try {
    const { rowCount } = await pool().query(
      `INSERT INTO participants (id, workshop_id, nickname, nickname_key, nickname_skeleton, token_hash, cohort, joined_at)
       SELECT $1::uuid, w.id, $3, $4, $8, $5, $6, $7::timestamptz FROM (
         SELECT id FROM workshops WHERE id = $2::uuid AND phase IN ('lobby', 'sorting') AND NOT locked FOR SHARE
       ) w`,
      [input.id, input.workshopId, input.nickname, input.nicknameKey, input.tokenHash, input.cohort, input.joinedAt, nicknameSkeleton(input.nickname)],
    );
    return rowCount === 1 ? "inserted" : "refused";
  } catch (error) {
    if (isUniqueViolation(error)) return "nicknameTaken";
    throw error;
  }
}

/** Removes a participant from the session: kicked, and banned too when `banned`. */
export async function markParticipantRemoved(participantId: string, banned: boolean): Promise<void> {
  await db().participant.update({ where: { id: participantId }, data: { kicked: true, banned } });
}

/** Bans a removed participant's device, or lifts the ban (they stay removed). */
export async function setParticipantBanned(participantId: string, banned: boolean): Promise<void> {
  await db().participant.update({ where: { id: participantId }, data: { banned } });
}
