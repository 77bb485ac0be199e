import type { Deck } from "@/lib/decks/types";
import type { Tally } from "@/lib/domain/tally";

/**
 * After reveal the facilitator has limited time, so the app suggests which statements are
 * worth discussing: ones the room mostly got wrong, then ones the room was split on.
 */
export interface StatementAnalysis {
  statementId: string;
  /** Count per deck column (every deck column present, in any order; columns not in the deck are ignored). */
  counts: Record<string, number>;
  /** Participants who placed this statement in any deck column. */
  placed: number;
  canonical: string;
  correctCount: number;
  /** correctCount / placed, or null when nobody placed it (no evidence either way). */
  accuracy: number | null;
  /** Normalized Shannon entropy across the deck's columns: 0 = everyone agrees (or nobody placed it), 1 = perfectly even. */
  splitIndex: number;
  /** More than half of those who placed it chose a wrong column. Exactly half is not "majority". */
  majorityWrong: boolean;
}

/** Analysis of one statement, or null if `statementId` is not in the deck. */
export function analyzeStatement(deck: Deck, tally: Tally, statementId: string): StatementAnalysis | null {
  const statement = deck.statements.find((s) => s.id === statementId);
  if (statement === undefined) return null;

  const row = Object.hasOwn(tally.counts, statementId) ? tally.counts[statementId] : undefined;
  // Null prototype for the same reason as in tally.ts: column ids must not collide with Object built-ins.
  const counts = Object.create(null) as Record<string, number>;
  let placed = 0;
  for (const column of deck.columns) {
    const raw = row !== undefined && Object.hasOwn(row, column.id) ? row[column.id] : 0;
    // Defensive: a corrupted or hand-built tally must not yield NaN or negative analytics.
    const count = typeof raw === "number" && Number.isFinite(raw) && raw > 0 ? raw : 0;
    counts[column.id] = count;
    placed += count;
  }

  const correctCount = Object.hasOwn(counts, statement.canonical) ? (counts[statement.canonical] ?? 0) : 0;
  const accuracy = placed > 0 ? correctCount / placed : null;
  return {
    statementId,
    counts,
    placed,
    canonical: statement.canonical,
    correctCount,
    accuracy,
    splitIndex: splitIndex(Object.values(counts), deck.columns.length),
    majorityWrong: accuracy !== null && accuracy < 0.5,
  };
}

/** Analyses for every deck statement, in deck order. */
export function analyzeDeck(deck: Deck, tally: Tally): StatementAnalysis[] {
  return deck.statements.map((s) => analyzeStatement(deck, tally, s.id) as StatementAnalysis);
}

/**
 * Statement ids in suggested discussion order:
 *  1. majority wrong first (the room holds a misconception),
 *  2. then most split first (splitIndex descending),
 *  3. then lower accuracy first,
 *  4. then deck order.
 * Statements nobody placed go last, in deck order: there is nothing to discuss about them yet.
 */
export function discussionQueue(deck: Deck, tally: Tally): string[] {
  const ranked = analyzeDeck(deck, tally).map((analysis, index) => ({ analysis, index }));
  ranked.sort((x, y) => {
    const a = x.analysis;
    const b = y.analysis;
    const aPlaced = a.placed > 0 ? 0 : 1;
    const bPlaced = b.placed > 0 ? 0 : 1;
    if (aPlaced !== bPlaced) return aPlaced - bPlaced;
    if (a.majorityWrong !== b.majorityWrong) return a.majorityWrong ? -1 : 1;
    if (a.splitIndex !== b.splitIndex) return b.splitIndex - a.splitIndex;
    const aAcc = a.accuracy ?? 1;
    const bAcc = b.accuracy ?? 1;
    if (aAcc !== bAcc) return aAcc - bAcc;
    return x.index - y.index;
  });
  return ranked.map((r) => r.analysis.statementId);
}

/**
 * Normalized Shannon entropy of `counts` over `columnCount` categories, in [0, 1].
 * Counts are sorted before summing so that permutations of the same distribution give
 * bit-identical results; otherwise floating-point rounding could reorder the queue between
 * two statements the room was equally split on.
 */
export function splitIndex(counts: readonly number[], columnCount: number): number {
  if (columnCount < 2) return 0;
  const positive = counts.filter((c) => c > 0).sort((a, b) => a - b);
  const total = positive.reduce((sum, c) => sum + c, 0);
  if (total === 0) return 0;
  let entropy = 0;
  for (const c of positive) {
    const p = c / total;
    entropy -= p * Math.log(p);
  }
  const normalized = entropy / Math.log(columnCount);
  return Math.min(1, Math.max(0, normalized));
}
