import { buildReport } from "@/lib/domain/report";
import { summaryCsv } from "@/lib/domain/report-export";
import { attachment, exportFileName, exportStream, type ExportFormat } from "@/lib/db/reports/export-stream";
import { listSessions, loadExportFrame, loadReportInput, type SessionListItem } from "@/lib/db/reports/reads";
import { jsonError, NO_STORE } from "@/lib/http/json";
import { ownedReport, ownsSession, parseSessionQuery, sessionFilter } from "./service";

/** The report endpoints' HTTP adapters (session API, token API): query parameters in, Responses
 *  out; what may be read is decided by ./service. Another facilitator's session answers exactly
 *  like a missing one (404). */

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
