import { db } from "../client";
import type { Participant } from "../generated/client";

export type ParticipantRow = Participant;

export function findParticipantByTokenHash(tokenHash: string): Promise<ParticipantRow | null> {
  return db().participant.findUnique({ where: { tokenHash } });
}

export function listParticipants(workshopId: string): Promise<ParticipantRow[]> {
  return db().participant.findMany({ where: { workshopId }, orderBy: { joinedAt: "asc" } });
}
