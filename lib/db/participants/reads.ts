import { db } from "../client";
import type { Participant, Workshop } from "../generated/client";

export type ParticipantRow = Participant;

/** The participant a device token belongs to, with their session's phase. */
export function findParticipantByTokenHash(tokenHash: string): Promise<(ParticipantRow & { workshop: { phase: Workshop["phase"] } }) | null> {
  return db().participant.findUnique({ where: { tokenHash }, include: { workshop: { select: { phase: true } } } });
}

export function listParticipants(workshopId: string): Promise<ParticipantRow[]> {
  return db().participant.findMany({ where: { workshopId }, orderBy: { joinedAt: "asc" } });
}
