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

export async function createParticipant(input: NewParticipant): Promise<CreateParticipantResult> {
  try {
    return { ok: true, participant: await db().participant.create({ data: input }) };
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
