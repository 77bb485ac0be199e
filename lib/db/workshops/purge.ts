import { db } from "../client";

/** Retention: deletes CLOSED sessions that ended more than `days` days before `now`, with all their
 *  data (participants, placements, submissions and phase events go by ON DELETE CASCADE). Open
 *  sessions are never touched, however old. Deletes in batches so a large backlog never holds
 *  long locks; returns how many sessions were deleted. */
export async function purgeExpiredSessions(now: Date, days: number, batchSize = 100): Promise<number> {
  if (!Number.isInteger(days) || days <= 0) throw new RangeError(`days must be a positive whole number, got ${days}`);
  const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  let deleted = 0;
  for (;;) {
    const batch = await db().workshop.findMany({
      where: { phase: "closed", OR: [{ closedAt: { lt: cutoff } }, { closedAt: null, createdAt: { lt: cutoff } }] },
      select: { id: true },
      orderBy: { createdAt: "asc" },
      take: batchSize,
    });
    if (batch.length === 0) return deleted;
    const result = await db().workshop.deleteMany({ where: { id: { in: batch.map((w) => w.id) }, phase: "closed" } });
    deleted += result.count;
    if (batch.length < batchSize) return deleted;
  }
}
