import { z } from "zod";
import { buildReport, type SessionReport } from "@/lib/domain/report";
import { summaryCsv } from "@/lib/domain/report-export";
import { attachment, exportFileName, exportStream, type ExportFormat } from "./export-stream";
import { findSessionOwner, listSessions, loadExportFrame, loadReportInput, type SessionListItem } from "./reads";

/** The report endpoints' work once the caller is known (a signed-in facilitator or an API token's
 *  owner). Ownership is checked here, first: another facilitator's session answers exactly like a
 *  missing one (404), and nothing else is read. */

const UUID = z.uuid();

export const NO_STORE = { "cache-control": "private, no-store" } as const;

export function jsonError(status: number, error: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error }, { status, headers: { ...NO_STORE, ...headers } });
}

export const notFoundResponse = (): Response => jsonError(404, "No such session.");

export function unauthorizedResponse(message = "Sign in to see results."): Response {
  return jsonError(401, message);
}

/** Bearer-token 401 (RFC 6750). */
export function tokenUnauthorizedResponse(): Response {
  return jsonError(401, "A valid API token is required: send `Authorization: Bearer <token>`.", { "www-authenticate": 'Bearer realm="sortroom"' });
}

function flag(value: string | null): boolean {
  return value === "1" || value === "true" || value === "yes";
}

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

/** GET …/report?anonymize=1 */
export async function reportResponse(request: Request, id: string, userId: string): Promise<Response> {
  const anonymize = flag(new URL(request.url).searchParams.get("anonymize"));
  const owned = await ownedReport(id, userId, { anonymize });
  if (!owned) return notFoundResponse();
  return Response.json(owned.report, { headers: NO_STORE });
}

/** GET …/export?format=csv|json&anonymize=1&kind=rows|summary (and the API's …/results). */
export async function exportResponse(request: Request, id: string, userId: string, defaults: { format: ExportFormat } = { format: "csv" }): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const format = params.get("format") ?? defaults.format;
  const kind = params.get("kind") ?? "rows";
  const anonymize = flag(params.get("anonymize"));
  if (format !== "csv" && format !== "json") return jsonError(400, 'format must be "csv" or "json".');
  if (kind !== "rows" && kind !== "summary") return jsonError(400, 'kind must be "rows" or "summary".');
  if (!(await ownsSession(id, userId))) return notFoundResponse();

  if (kind === "summary") {
    const input = await loadReportInput(id);
    if (!input || input.ownerId !== userId) return notFoundResponse();
    const report = buildReport(input, { anonymize });
    const name = exportFileName(input, format === "csv" ? "summary" : "report", format, anonymize);
    if (format === "json") return Response.json(report, { headers: { ...NO_STORE, "content-disposition": attachment(name) } });
    return new Response(`\uFEFF${summaryCsv(report)}`, {
      headers: { ...NO_STORE, "content-type": "text/csv; charset=utf-8", "content-disposition": attachment(name) },
    });
  }

  const frame = await loadExportFrame(id);
  if (!frame || frame.ownerId !== userId) return notFoundResponse();
  const name = exportFileName(frame, "results", format, anonymize);
  return new Response(exportStream(frame, format, { anonymize }), {
    headers: {
      ...NO_STORE,
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": attachment(name),
    },
  });
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

export function sessionJson(s: SessionListItem) {
  return {
    id: s.id,
    title: s.title,
    code: s.code,
    phase: s.phase,
    round: s.round,
    maxRounds: s.maxRounds,
    createdAt: s.createdAt.toISOString(),
    closedAt: s.closedAt?.toISOString() ?? null,
    deck: { id: s.deckId, title: s.deckTitle },
    participants: s.participants,
    meanScore: s.meanScore,
    scoredRound: s.scoredRound,
    total: s.total,
  };
}

/** GET /api/v1/sessions */
export async function sessionsResponse(request: Request, userId: string): Promise<Response> {
  const parsed = parseSessionQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return jsonError(400, parsed.message);
  const { items, total } = await listSessions(userId, sessionFilter(parsed.query));
  return Response.json(
    { sessions: items.map(sessionJson), page: parsed.query.page, perPage: parsed.query.perPage, total, pages: Math.max(1, Math.ceil(total / parsed.query.perPage)) },
    { headers: NO_STORE },
  );
}
