import { db } from "../client";

export type DeleteSessionResult = "deleted" | "not-found" | "live";

/** Deletes one of `ownerId`'s sessions with all its data (ON DELETE CASCADE). Only a session that
 *  is not running may be deleted (never opened, or ended): a live room would keep writing into it.
 *  Another facilitator's session answers "not-found", exactly like a missing one. */
export async function deleteOwnedSession(workshopId: string, ownerId: string): Promise<DeleteSessionResult> {
  const row = await db().workshop.findUnique({ where: { id: workshopId }, select: { ownerId: true, phase: true } });
  if (!row || row.ownerId !== ownerId) return "not-found";
  if (row.phase !== "closed" && row.phase !== "draft") return "live";
  const result = await db().workshop.deleteMany({ where: { id: workshopId, ownerId, phase: { in: ["closed", "draft"] } } });
  return result.count === 1 ? "deleted" : "live";
}
