import { nicknameSkeleton } from "@/lib/domain/nickname";
import { db } from "../client";
import { isUniqueViolation } from "../errors";

/**
 * Fills nickname_skeleton for participants stored before it existed (migration
 * 20261202174125: SQL cannot compute a TR39 skeleton), in sessions that are not closed, so a
 * session live across the upgrade compares new joiners with everyone. Run at start, after the
 * migrations; idempotent (only NULLs are touched). Two look-alikes that both joined before the
 * upgrade stay as they are: the second keeps NULL rather than one of them being renamed.
 * Returns how many rows were filled.
 */
export async function backfillNicknameSkeletons(): Promise<number> {
  const rows = await db().participant.findMany({
    where: { nicknameSkeleton: null, workshop: { phase: { not: "closed" } } },
    select: { id: true, nickname: true },
    orderBy: { joinedAt: "asc" },
  });
  let filled = 0;
  for (const row of rows) {
    try {
      await db().participant.update({ where: { id: row.id }, data: { nicknameSkeleton: nicknameSkeleton(row.nickname) } });
      filled++;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return filled;
}
