import type { Deck } from "@/lib/decks/types";
import { analyzeDeck } from "./analysis";
import type { Phase } from "./phases";
import { emptyTally } from "./tally";

/**
 * Sessions of the same deck side by side: per-statement accuracy and mean score, from aggregated
 * placement counts (no per-participant rows, so comparing many large sessions stays cheap).
 *
 * Uses the same rules as report.ts: removed participants never count; a round's participants are
 * those with a submission once it is scored, everyone otherwise; mean score = correct cards /
 * participants (the mean of per-participant scores, unplaced = wrong).
 */

export type CompareRound = "first" | "last";

export interface CompareSessionInput {
  id: string;
  title: string;
  phase: Phase;
  round: number;
  createdAt: Date;
  deck: Deck;
  participants: number;
  submissions: ReadonlyMap<number, { count: number; scored: boolean }>;
  sortingRounds: ReadonlySet<number>;
  counts: ReadonlyMap<number, ReadonlyMap<string, ReadonlyMap<string, number>>>;
}

export interface ComparedStatement {
  id: string;
  text: string;
  canonical: string;
}

export interface ComparedSession {
  id: string;
  title: string;
  phase: Phase;
  createdAt: string;
  /** The round compared (null: sorting never started, nothing to compare). */
  round: number | null;
  status: "scored" | "provisional" | null;
  participants: number;
  total: number;
  meanScore: number | null;
  /** meanScore / total, in [0, 1]. */
  meanShare: number | null;
  /** statement id → accuracy (correct / placed); null when nobody placed it; absent when the
   *  statement was not in this session's deck. */
  accuracy: Record<string, number | null>;
}

export interface DeckComparison {
  which: CompareRound;
  statements: ComparedStatement[];
  /** Oldest first (the order of a trend). */
  sessions: ComparedSession[];
}

export function compareSessions(inputs: readonly CompareSessionInput[], which: CompareRound = "first"): DeckComparison {
  const sorted = inputs.slice().sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  // Statements: the newest snapshot's order, then any that only older snapshots had.
  const statements: ComparedStatement[] = [];
  const seen = new Set<string>();
  for (const input of sorted.slice().reverse()) {
    for (const s of input.deck.statements) {
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      statements.push({ id: s.id, text: s.text, canonical: s.canonical });
    }
  }

  const sessions = sorted.map((input): ComparedSession => {
    const rounds: number[] = [];
    const last = Math.max(input.round, ...input.submissions.keys());
    for (let r = 1; r <= last; r++) if (input.sortingRounds.has(r) || input.submissions.has(r)) rounds.push(r);
    const round = (which === "first" ? rounds[0] : rounds.at(-1)) ?? null;
    const total = input.deck.statements.length;
    const base = { id: input.id, title: input.title, phase: input.phase, createdAt: input.createdAt.toISOString(), total };
    if (round === null) return { ...base, round: null, status: null, participants: 0, meanScore: null, meanShare: null, accuracy: {} };

    const sub = input.submissions.get(round);
    const scored = sub?.scored === true;
    const participants = scored ? sub.count : input.participants;
    const tally = emptyTally(input.deck);
    for (const [statementId, columns] of input.counts.get(round) ?? []) {
      const row = Object.hasOwn(tally.counts, statementId) ? tally.counts[statementId]! : undefined;
      if (!row) continue;
      for (const [column, n] of columns) if (Object.hasOwn(row, column) && n > 0) row[column]! += n;
    }
    const analysis = analyzeDeck(input.deck, tally);
    const correct = analysis.reduce((sum, a) => sum + a.correctCount, 0);
    const meanScore = participants > 0 ? correct / participants : null;
    const accuracy: Record<string, number | null> = {};
    for (const a of analysis) accuracy[a.statementId] = a.accuracy;
    return {
      ...base,
      round,
      status: scored ? "scored" : "provisional",
      participants,
      meanScore,
      meanShare: meanScore !== null && total > 0 ? meanScore / total : null,
      accuracy,
    };
  });
  return { which, statements, sessions };
}
