import { db } from "../client";
import type { Workshop } from "../generated/client";

/** Reads of workshops (live sessions). No permission checks here: callers check at the edge. */

export type WorkshopRow = Workshop;

export function findWorkshopById(id: string): Promise<WorkshopRow | null> {
  return db().workshop.findUnique({ where: { id } });
}

/** The session a join code points at, if it is not closed (codes are unique among those). */
export function findOpenWorkshopByCode(code: string): Promise<WorkshopRow | null> {
  return db().workshop.findFirst({ where: { code, phase: { not: "closed" } } });
}

export type JoinTarget = { kind: "open"; workshopId: string } | { kind: "closed" } | { kind: "unknown" };

/** What a join code points at, in one query: the open session with that code if there is one
 *  (codes are unique among open sessions), else whether a closed session had it. */
export async function findJoinTarget(code: string): Promise<JoinTarget> {
  const rows = await db().$queryRaw<{ id: string; closed: boolean }[]>`
    SELECT id, phase = 'closed' AS closed FROM workshops WHERE code = ${code} ORDER BY (phase = 'closed'), created_at DESC LIMIT 1`;
  const row = rows[0];
  if (!row) return { kind: "unknown" };
  return row.closed ? { kind: "closed" } : { kind: "open", workshopId: row.id };
}

export function findWorkshopAccess(id: string): Promise<{ ownerId: string; presenterKey: string } | null> {
  return db().workshop.findUnique({ where: { id }, select: { ownerId: true, presenterKey: true } });
}

export interface WorkshopListItem {
  id: string;
  code: string;
  title: string;
  phase: Workshop["phase"];
  createdAt: Date;
  participants: number;
}

export async function listWorkshopsOfOwner(ownerId: string, take = 50): Promise<WorkshopListItem[]> {
  const rows = await db().workshop.findMany({
    where: { ownerId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, code: true, title: true, phase: true, createdAt: true, _count: { select: { participants: true } } },
  });
  return rows.map(({ _count, ...rest }) => ({ ...rest, participants: _count.participants }));
}
