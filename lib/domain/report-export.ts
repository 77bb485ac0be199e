import { csvLine, type CsvValue } from "./csv";
import { anonymousIds, joinOrder, planRounds, type Confidence, type ReportFrame, type RoundPlan, type SessionReport } from "./report";

/**
 * Export rows: one per participant × statement × round the participant is counted in (see
 * report.ts for who counts), including cards never placed (placed column empty, not correct).
 * Rows come out in a fixed order: participants by join order, then round, then deck order, so
 * an export can be produced page by page (a slice of participants at a time) and streamed.
 */

export interface ResultRow {
  sessionId: string;
  session: string;
  /** Nickname, or the anonymous id (P-001) when anonymized. */
  participant: string;
  cohort: string | null;
  round: number;
  statementId: string;
  statement: string;
  placedColumn: string | null;
  canonicalColumn: string;
  correct: boolean;
  confidence: Confidence | null;
  /** When the card was last moved (ISO 8601), null if it never was. */
  placedAt: string | null;
}

export interface ExportPlacement {
  participantId: string;
  round: number;
  statementKey: string;
  column: string | null;
  confidence: Confidence | null;
  /** ISO 8601 in UTC with milliseconds, as Date.toISOString writes it. */
  placedAt: string;
}

export interface ExportPlan {
  frame: ReportFrame;
  rounds: RoundPlan[];
  anonymize: boolean;
  /** Participants that appear in at least one round, in join order. */
  participantIds: string[];
  labels: Map<string, string>;
  cohorts: Map<string, string | null>;
  inRound: Map<number, Set<string>>;
}

export function planExport(frame: ReportFrame, options: { anonymize?: boolean } = {}): ExportPlan {
  const anonymize = options.anonymize === true;
  const rounds = planRounds(frame);
  const inRound = new Map(rounds.map((r) => [r.round, new Set(r.population)]));
  const counted = new Set(rounds.flatMap((r) => r.population));
  const ids = anonymousIds(frame.participants);
  const labels = new Map<string, string>();
  const cohorts = new Map<string, string | null>();
  for (const p of frame.participants) {
    labels.set(p.id, anonymize ? ids.get(p.id)! : p.nickname);
    cohorts.set(p.id, p.cohort);
  }
  return {
    frame,
    rounds,
    anonymize,
    participantIds: joinOrder(frame.participants)
      .filter((p) => counted.has(p.id))
      .map((p) => p.id),
    labels,
    cohorts,
    inRound,
  };
}

/** Number of rows the whole export has (for tests and Content-Length-free progress). */
export function exportRowCount(plan: ExportPlan): number {
  return plan.rounds.reduce((sum, r) => sum + r.population.length, 0) * plan.frame.deck.statements.length;
}

/** The rows of `participantIds` (a page of plan.participantIds, in order), given all their placements. */
export function resultRows(plan: ExportPlan, participantIds: readonly string[], placements: readonly ExportPlacement[]): ResultRow[] {
  const { deck, session } = plan.frame;
  const columnIds = new Set(deck.columns.map((c) => c.id));
  const byKey = new Map<string, ExportPlacement>();
  for (const p of placements) byKey.set(`${p.participantId}\u0000${p.round}\u0000${p.statementKey}`, p);
  const rows: ResultRow[] = [];
  for (const participantId of participantIds) {
    for (const round of plan.rounds) {
      if (!plan.inRound.get(round.round)?.has(participantId)) continue;
      for (const s of deck.statements) {
        const p = byKey.get(`${participantId}\u0000${round.round}\u0000${s.id}`);
        const column = p && p.column !== null && columnIds.has(p.column) ? p.column : null;
        rows.push({
          sessionId: session.id,
          session: session.title,
          participant: plan.labels.get(participantId) ?? participantId,
          cohort: plan.cohorts.get(participantId) ?? null,
          round: round.round,
          statementId: s.id,
          statement: s.text,
          placedColumn: column,
          canonicalColumn: s.canonical,
          correct: column !== null && column === s.canonical,
          confidence: p?.confidence ?? null,
          placedAt: p ? p.placedAt : null,
        });
      }
    }
  }
  return rows;
}

export const RESULT_CSV_HEADER = [
  "session_id",
  "session",
  "participant",
  "cohort",
  "round",
  "statement_id",
  "statement",
  "placed_column",
  "canonical_column",
  "correct",
  "confidence",
  "placed_at",
] as const;

export function resultCsvHeader(): string {
  return csvLine(RESULT_CSV_HEADER);
}

export function resultCsvLine(row: ResultRow): string {
  return csvLine([
    row.sessionId,
    row.session,
    row.participant,
    row.cohort,
    row.round,
    row.statementId,
    row.statement,
    row.placedColumn,
    row.canonicalColumn,
    row.correct,
    row.confidence,
    row.placedAt,
  ]);
}

const percent = (share: number | null): number | null => (share === null ? null : Math.round(share * 1000) / 10);
const fixed = (value: number, digits = 4): number => Number(value.toFixed(digits));

/** The per-statement summary as CSV: one record per round × statement. */
export function summaryCsv(report: SessionReport): string {
  const columns = report.deck.columns;
  const changed = report.changedMind;
  const header: string[] = [
    "session_id",
    "session",
    "round",
    "round_status",
    "position",
    "statement_id",
    "statement",
    "canonical_column",
    "participants",
    "placed",
    "not_placed",
    ...columns.flatMap((c) => [`count_${c.id}`, `pct_${c.id}`]),
    "pct_not_placed",
    "correct",
    "accuracy_pct",
    "split_index",
    "majority_wrong",
    "sure",
    "unsure",
    "sure_but_wrong",
  ];
  if (changed) header.push("changed_since_round_1", "wrong_to_right", "right_to_wrong");
  let out = csvLine(header);
  for (const round of report.rounds) {
    const n = round.participants;
    for (const s of round.statements) {
      const cells: CsvValue[] = [
        report.session.id,
        report.session.title,
        round.round,
        round.status,
        s.position,
        s.id,
        s.text,
        s.canonical,
        n,
        s.placed,
        s.notPlaced,
        ...columns.flatMap((c) => [s.counts[c.id] ?? 0, percent(s.shares[c.id] ?? null)]),
        percent(n > 0 ? s.notPlaced / n : null),
        s.correct,
        percent(s.accuracy),
        fixed(s.splitIndex),
        s.majorityWrong,
        s.sure,
        s.unsure,
        s.sureButWrong,
      ];
      if (changed) {
        const c = round.round === changed.toRound ? changed.statements[s.position - 1] : undefined;
        cells.push(c?.changed ?? null, c?.toCorrect ?? null, c?.toWrong ?? null);
      }
      out += csvLine(cells);
    }
  }
  return out;
}
