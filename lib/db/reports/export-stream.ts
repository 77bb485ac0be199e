import { CSV_BOM, fileSlug } from "@/lib/domain/csv";
import { planExport, resultCsvHeader, resultCsvLine, resultRows, type ExportPlan, type ResultRow } from "@/lib/domain/report-export";
import { listPlacementsOf, type OwnedFrame } from "./reads";

export type ExportFormat = "csv" | "json";

/** Rows per page read from the database: a page is a slice of participants, all their rounds. */
const ROWS_PER_PAGE = 6_000;

/** The results export as a byte stream, produced page by page as the client reads it (pull-based,
 *  so a slow download never buffers the whole export in memory). A page reads the placements of
 *  a slice of participants; for a live session each page is as fresh as the moment it is read. */
export function exportStream(frame: OwnedFrame, format: ExportFormat, options: { anonymize?: boolean; rowsPerPage?: number } = {}): ReadableStream<Uint8Array> {
  const plan = planExport(frame, { anonymize: options.anonymize });
  const rowsPerParticipant = Math.max(1, plan.rounds.length * frame.deck.statements.length);
  const pageSize = Math.max(1, Math.floor((options.rowsPerPage ?? ROWS_PER_PAGE) / rowsPerParticipant));
  const encoder = new TextEncoder();
  let offset = 0;
  let started = false;
  let first = true;

  const head = (): string => (format === "csv" ? CSV_BOM + resultCsvHeader() : `${JSON.stringify(jsonHead(plan)).slice(0, -1)},"rows":[`);
  const body = (rows: ResultRow[]): string => {
    if (format === "csv") return rows.map(resultCsvLine).join("");
    let out = "";
    for (const row of rows) {
      out += `${first ? "\n" : ",\n"}${JSON.stringify(row)}`;
      first = false;
    }
    return out;
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          let chunk = "";
          if (!started) {
            started = true;
            chunk += head();
          }
          if (offset < plan.participantIds.length) {
            const page = plan.participantIds.slice(offset, offset + pageSize);
            offset += page.length;
            chunk += body(resultRows(plan, page, await listPlacementsOf(frame.session.id, page)));
          }
          const done = offset >= plan.participantIds.length;
          if (done && format === "json") chunk += "\n]}\n";
          if (chunk) controller.enqueue(encoder.encode(chunk));
          if (done) controller.close();
        } catch (error) {
          controller.error(error);
        }
      },
    },
    { highWaterMark: 1 },
  );
}

function jsonHead(plan: ExportPlan) {
  const { session, deck } = plan.frame;
  return {
    session: { id: session.id, title: session.title, phase: session.phase, createdAt: session.createdAt.toISOString(), closedAt: session.closedAt?.toISOString() ?? null },
    deck: { title: deck.title, columns: deck.columns.map((c) => ({ id: c.id, label: c.label })) },
    anonymized: plan.anonymize,
    rounds: plan.rounds.map((r) => ({ round: r.round, status: r.scored ? "scored" : "provisional", participants: r.population.length })),
  };
}

/** "sortroom-monday-workshop-2026-11-28-results.csv" (ASCII only, safe in a header). */
export function exportFileName(frame: Pick<OwnedFrame, "session">, kind: "results" | "summary" | "report", extension: "csv" | "json", anonymize: boolean): string {
  const date = frame.session.createdAt.toISOString().slice(0, 10);
  return `sortroom-${fileSlug(frame.session.title)}-${date}-${kind}${anonymize ? "-anonymized" : ""}.${extension}`;
}

export function attachment(fileName: string): string {
  return `attachment; filename="${fileName}"`;
}
