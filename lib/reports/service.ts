import { z } from "zod";
import { buildReport, type SessionReport } from "@/lib/domain/report";
import { findSessionOwner, loadReportInput } from "@/lib/db/reports/reads";

/** Who may read which results, and the session-list query: data and typed refusals, no HTTP
 *  (lib/reports/http.ts adapts them to routes; pages call them directly). Ownership is checked
 *  first: nothing else is read for someone else's session. */

const UUID = z.uuid();

/** True when `userId` owns the session `id` (and `id` is a well-formed id). */
export async function ownsSession(id: string, userId: string): Promise<boolean> {
  if (!UUID.safeParse(id).success) return false;
  return (await findSessionOwner(id)) === userId;
}

/** The report a facilitator may see (and the session's deck id), or null (missing, not a uuid,
 *  or someone else's). */
export async function ownedReport(id: string, userId: string, options: { anonymize?: boolean } = {}): Promise<{ report: SessionReport; deckId: string | null } | null> {
  if (!(await ownsSession(id, userId))) return null;
  const input = await loadReportInput(id);
  if (!input || input.ownerId !== userId) return null;
  return { report: buildReport(input, options), deckId: input.deckId };
}

// ── session lists ─────────────────────────────────────────────────────────────────────────────

export const MAX_PER_PAGE = 100;

const isoDay = z.iso.date();

export interface SessionQuery {
  deckId?: string;
  from?: string;
  to?: string;
  page: number;
  perPage: number;
}

/** Parses ?deck=&from=YYYY-MM-DD&to=YYYY-MM-DD&page=&per_page= (both dates inclusive, UTC). */
/** The query parameter a failed parseSessionQuery is about (pages word their own message). */
export type SessionQueryField = "deck" | "from" | "to" | "page" | "per_page";

export function parseSessionQuery(
  params: URLSearchParams,
  defaultPerPage = 20,
): { ok: true; query: SessionQuery } | { ok: false; field: SessionQueryField; message: string } {
  const get = (k: string) => params.get(k)?.trim() || undefined;
  const deckId = get("deck");
  const from = get("from");
  const to = get("to");
  const page = Number(get("page") ?? 1);
  const perPage = Number(get("per_page") ?? defaultPerPage);
  if (deckId !== undefined && !UUID.safeParse(deckId).success) return { ok: false, field: "deck", message: "deck must be a deck id." };
  if (from !== undefined && !isoDay.safeParse(from).success) return { ok: false, field: "from", message: "from must be a date, YYYY-MM-DD." };
  if (to !== undefined && !isoDay.safeParse(to).success) return { ok: false, field: "to", message: "to must be a date, YYYY-MM-DD." };
  if (!Number.isInteger(page) || page < 1 || page > 1_000_000) return { ok: false, field: "page", message: "page must be a whole number from 1." };
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) return { ok: false, field: "per_page", message: `per_page must be a whole number from 1 to ${MAX_PER_PAGE}.` };
  return { ok: true, query: { deckId, from, to, page, perPage } };
}

export function sessionFilter(query: SessionQuery) {
  return {
    deckId: query.deckId,
    from: query.from ? new Date(`${query.from}T00:00:00.000Z`) : undefined,
    before: query.to ? new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + 24 * 60 * 60 * 1000) : undefined,
    page: query.page,
    perPage: query.perPage,
  };
}

