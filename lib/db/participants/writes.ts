import { nicknameSkeleton } from "@/lib/domain/nickname";
import { db } from "../client";
import { isUniqueViolation } from "../errors";
import type { Participant } from "../generated/client";

export interface NewParticipant {
  workshopId: string;
  nickname: string;
  nicknameKey: string;
  tokenHash: string;
  cohort: string | null;
  joinedAt: Date;
}

export type CreateParticipantResult = { ok: true; participant: Participant } | { ok: false; code: "NICKNAME_TAKEN" };

/** NICKNAME_TAKEN when the session has a participant with the same nickname key (case and width
 *  aside) or the same skeleton (look-alike and invisible characters aside): both are unique
 *  indexes, so two joins that race cannot both win. */
export async function createParticipant(input: NewParticipant): Promise<CreateParticipantResult> {
  try {
    return { ok: true, participant: await db().participant.create({ data: { ...input, nicknameSkeleton: nicknameSkeleton(input.nickname) } }) };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: "NICKNAME_TAKEN" };
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
