import type { Deck, DeckColumn } from "@/lib/decks/types";
import { analyzeDeck } from "./analysis";
import type { Phase } from "./phases";
import { scoreRound } from "./scoring";
import { histogram, mean, median } from "./stats";
import { applyMove, emptyTally } from "./tally";

/**
 * The results review of one session, computed from its stored rows (pure: the caller loads them).
 *
 * Who counts, per round (the "population" of the round):
 *  - removed (kicked) participants never count: the room stopped counting them when they were removed;
 *  - a round whose scores were written at reveal ("scored") counts the participants who have a
 *    submission row for it (everyone present at reveal); their stored score is used;
 *  - a round not (yet) revealed ("provisional": live, or ended before reveal) counts every
 *    participant, scored from their current placements with scoreRound (unplaced = wrong).
 * A round appears once its sorting has started (a "sorting" phase event) or it has submissions.
 *
 * Per-statement accuracy is analysis.ts's: correct / those who placed the card. Percentages per
 * column are of the round's participants, so the columns plus "not placed" add up to 100 %.
 */

export type Confidence = "sure" | "unsure";

export interface ReportSessionInput {
  id: string;
  title: string;
  code: string;
  phase: Phase;
  round: number;
  maxRounds: number;
  createdAt: Date;
  closedAt: Date | null;
}

export interface ReportParticipantInput {
  id: string;
  nickname: string;
  cohort: string | null;
  kicked: boolean;
  joinedAt: Date;
}

/** Where a card ended up (the report needs no times; exports read those separately). */
export interface ReportPlacementInput {
  participantId: string;
  round: number;
  statementKey: string;
  column: string | null;
  confidence: Confidence | null;
}

export interface ReportSubmissionInput {
  participantId: string;
  round: number;
  submittedAt: Date;
  byParticipant: boolean;
  score: number | null;
  total: number | null;
}

export interface ReportPhaseEventInput {
  phase: Phase;
  round: number;
  at: Date;
}

/** Everything but the placements: enough to plan rounds and to label export rows. */
export interface ReportFrame {
  session: ReportSessionInput;
  deck: Deck;
  participants: readonly ReportParticipantInput[];
  submissions: readonly ReportSubmissionInput[];
  phaseEvents: readonly ReportPhaseEventInput[];
}

export interface ReportInput extends ReportFrame {
  placements: readonly ReportPlacementInput[];
}

export interface ReportOptions {
  /** Replace nicknames by stable ids (P-001, P-002, … by join order) and leave out participant ids. */
  anonymize?: boolean;
}

// ── output ─────────────────────────────────────────────────────────────────────────────────────

export interface StatementReport {
  id: string;
  /** 1-based position in the deck. */
  position: number;
  text: string;
  canonical: string;
  /** Participants of the round who put the card in each deck column. */
  counts: Record<string, number>;
  /** counts / participants of the round, in [0, 1]; null when the round has no participants. */
  shares: Record<string, number | null>;
  placed: number;
  notPlaced: number;
  correct: number;
  /** correct / placed; null when nobody placed it. */
  accuracy: number | null;
  splitIndex: number;
  majorityWrong: boolean;
  /** Placed with confidence "sure" in a wrong column. */
  sureButWrong: number;
  sure: number;
  unsure: number;
}

export interface ConfusionMatrix {
  /** Canonical columns (rows), in deck order. */
  canonical: string[];
  /** Placed columns (columns of the matrix), in deck order; "not placed" is the last column. */
  placed: string[];
  /** cells[i][j]: cards whose answer is canonical[i] placed in placed[j]; the last entry of each row is "not placed". */
  cells: number[][];
  /** Cards per canonical column (row totals, including not placed). */
  rowTotals: number[];
}

export interface ConfidenceSummary {
  /** False when nobody gave a confidence this round (the deck or client did not ask). */
  collected: boolean;
  sureRight: number;
  sureWrong: number;
  unsureRight: number;
  unsureWrong: number;
}

export interface RoundReport {
  round: number;
  /** "scored": scores written at reveal; "provisional": computed now from placements. */
  status: "scored" | "provisional";
  sortingStartedAt: string | null;
  participants: number;
  /** Submitted by the participant themselves. */
  submitted: number;
  /** Closed for the participant at reveal (did not submit). */
  closedAtReveal: number;
  /** submitted / participants; null without participants. */
  completion: number | null;
  /** Cards placed in a column / (participants × statements); null without participants. */
  placementRate: number | null;
  /** Out of how many each score is (the deck's statement count). */
  total: number;
  meanScore: number | null;
  medianScore: number | null;
  /** distribution[k]: participants who scored k, for k = 0..total. */
  distribution: number[];
  statements: StatementReport[];
  confusion: ConfusionMatrix;
  confidence: ConfidenceSummary;
}

export interface ParticipantRoundRow {
  round: number;
  score: number;
  total: number;
  provisional: boolean;
  submittedAt: string | null;
  byParticipant: boolean;
  /** submittedAt − start of that round's sorting, in ms; null unless the participant submitted. */
  timeToSubmitMs: number | null;
  placed: number;
}

export interface ParticipantRow {
  /** The participant id, or the anonymous id when anonymized. */
  ref: string;
  /** Stable anonymous id, P-001 … by join order (removed participants keep their number). */
  anonymousId: string;
  /** Null when anonymized. */
  nickname: string | null;
  cohort: string | null;
  joinedAt: string;
  /** One entry per report round (same order as `rounds`); null when not part of that round. */
  rounds: (ParticipantRoundRow | null)[];
}

export interface Transition {
  /** Column in round 1 (null = not placed). */
  from: string | null;
  /** Column in round 2 (null = not placed). */
  to: string | null;
  count: number;
}

export interface ChangedMindStatement {
  id: string;
  position: number;
  text: string;
  canonical: string;
  /** Participants of both rounds. */
  compared: number;
  /** Placed in both rounds, in different columns. */
  changed: number;
  /** Wrong (or not placed) in round 1, right in round 2. */
  toCorrect: number;
  /** Right in round 1, wrong (or not placed) in round 2. */
  toWrong: number;
  /** Every (from, to) pair with from ≠ to, most frequent first, then deck column order. */
  transitions: Transition[];
}

export interface ChangedMindReport {
  fromRound: number;
  toRound: number;
  compared: number;
  /** Participants who moved at least one card to a different column. */
  participantsChanged: number;
  changed: number;
  toCorrect: number;
  toWrong: number;
  statements: ChangedMindStatement[];
}

export interface SessionReport {
  session: {
    id: string;
    title: string;
    code: string;
    phase: Phase;
    round: number;
    maxRounds: number;
    createdAt: string;
    closedAt: string | null;
    /** True until the session is closed: figures may still change. */
    live: boolean;
  };
  deck: { title: string; slug: string | null; columns: DeckColumn[] };
  anonymized: boolean;
  /** Participants who joined and were not removed. */
  participants: number;
  /** Participants the facilitator removed (not counted anywhere else). */
  removed: number;
  rounds: RoundReport[];
  participantRows: ParticipantRow[];
  changedMind: ChangedMindReport | null;
}

// ── planning ───────────────────────────────────────────────────────────────────────────────────

export interface RoundPlan {
  round: number;
  scored: boolean;
  sortingStartedAt: Date | null;
  /** Participant ids counted in this round, in join order. */
  population: string[];
}

/** Participants in join order (ties by id, so the order is total and stable). */
export function joinOrder<P extends Pick<ReportParticipantInput, "id" | "joinedAt">>(participants: readonly P[]): P[] {
  return participants.slice().sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** "P-001", "P-002", … by join order, over every participant (removed ones too, so ids never shift). */
export function anonymousIds(participants: readonly Pick<ReportParticipantInput, "id" | "joinedAt">[]): Map<string, string> {
  const ids = new Map<string, string>();
  joinOrder(participants).forEach((p, i) => ids.set(p.id, `P-${String(i + 1).padStart(3, "0")}`));
  return ids;
}

/** The rounds a report (or an export) covers, and who counts in each: see the module comment. */
export function planRounds(frame: ReportFrame): RoundPlan[] {
  const ordered = joinOrder(frame.participants).filter((p) => !p.kicked);
  const submittedIn = new Map<number, Set<string>>();
  const scoredRounds = new Set<number>();
  for (const s of frame.submissions) {
    let set = submittedIn.get(s.round);
    if (!set) submittedIn.set(s.round, (set = new Set()));
    set.add(s.participantId);
    if (s.score !== null) scoredRounds.add(s.round);
  }
  const sortingStart = new Map<number, Date>();
  for (const e of frame.phaseEvents) {
    if (e.phase !== "sorting") continue;
    const seen = sortingStart.get(e.round);
    if (!seen || e.at.getTime() < seen.getTime()) sortingStart.set(e.round, e.at);
  }
  const lastRound = Math.max(frame.session.round, ...submittedIn.keys());
  const plans: RoundPlan[] = [];
  for (let round = 1; round <= lastRound; round++) {
    if (!sortingStart.has(round) && !submittedIn.has(round)) continue;
    const scored = scoredRounds.has(round);
    const submitted = submittedIn.get(round) ?? new Set<string>();
    plans.push({
      round,
      scored,
      sortingStartedAt: sortingStart.get(round) ?? null,
      population: (scored ? ordered.filter((p) => submitted.has(p.id)) : ordered).map((p) => p.id),
    });
  }
  return plans;
}

// ── the report ────────────────────────────────────────────────────────────────────────────────

interface Card {
  column: string | null;
  confidence: Confidence | null;
}

/** round → participant → statement → card. */
type PlacementIndex = Map<number, Map<string, Map<string, Card>>>;

function indexPlacements(placements: readonly ReportPlacementInput[]): PlacementIndex {
  const index: PlacementIndex = new Map();
  for (const p of placements) {
    let byParticipant = index.get(p.round);
    if (!byParticipant) index.set(p.round, (byParticipant = new Map()));
    let cards = byParticipant.get(p.participantId);
    if (!cards) byParticipant.set(p.participantId, (cards = new Map()));
    cards.set(p.statementKey, { column: p.column, confidence: p.confidence });
  }
  return index;
}

const NO_CARDS: ReadonlyMap<string, Card> = new Map();

export function buildReport(input: ReportInput, options: ReportOptions = {}): SessionReport {
  const { deck, session } = input;
  const anonymize = options.anonymize === true;
  const plans = planRounds(input);
  const index = indexPlacements(input.placements);
  const columnIds = new Set(deck.columns.map((c) => c.id));
  const submissionOf = new Map<string, ReportSubmissionInput>();
  for (const s of input.submissions) submissionOf.set(`${s.round}:${s.participantId}`, s);

  // Per round: each participant's score row, then the aggregates.
  const perParticipant = new Map<string, (ParticipantRoundRow | null)[]>();
  const rounds: RoundReport[] = plans.map((plan, planIndex) => {
    const cardsOf = index.get(plan.round) ?? new Map<string, Map<string, Card>>();
    const tally = emptyTally(deck);
    const scores: number[] = [];
    const sure = new Map<string, { sure: number; unsure: number; sureWrong: number }>();
    const confidence: ConfidenceSummary = { collected: false, sureRight: 0, sureWrong: 0, unsureRight: 0, unsureWrong: 0 };
    const canonicalOf = new Map(deck.statements.map((s) => [s.id, s.canonical]));
    let submitted = 0;
    let closedAtReveal = 0;
    let placedCards = 0;

    for (const participantId of plan.population) {
      const cards = cardsOf.get(participantId) ?? NO_CARDS;
      const submission = submissionOf.get(`${plan.round}:${participantId}`);
      let placed = 0;
      const columns = new Map<string, string | null>();
      for (const [statementId, card] of cards) {
        const canonical = canonicalOf.get(statementId);
        if (canonical === undefined) continue;
        const column = card.column !== null && columnIds.has(card.column) ? card.column : null;
        columns.set(statementId, column);
        if (column === null) continue;
        placed++;
        applyMove(tally, statementId, null, column);
        if (card.confidence !== null) {
          confidence.collected = true;
          const right = column === canonical;
          const entry = sure.get(statementId) ?? { sure: 0, unsure: 0, sureWrong: 0 };
          if (card.confidence === "sure") {
            entry.sure++;
            if (right) confidence.sureRight++;
            else {
              confidence.sureWrong++;
              entry.sureWrong++;
            }
          } else {
            entry.unsure++;
            if (right) confidence.unsureRight++;
            else confidence.unsureWrong++;
          }
          sure.set(statementId, entry);
        }
      }
      placedCards += placed;
      const stored = plan.scored && submission && submission.score !== null ? submission.score : null;
      const score = stored ?? scoreRound(deck, columns).correct;
      scores.push(score);
      if (submission?.byParticipant) submitted++;
      else if (submission && plan.scored) closedAtReveal++;

      let row = perParticipant.get(participantId);
      if (!row) perParticipant.set(participantId, (row = new Array<ParticipantRoundRow | null>(plans.length).fill(null)));
      const byParticipant = submission?.byParticipant ?? false;
      row[planIndex] = {
        round: plan.round,
        score,
        total: deck.statements.length,
        provisional: stored === null,
        submittedAt: submission ? submission.submittedAt.toISOString() : null,
        byParticipant,
        timeToSubmitMs: submission && byParticipant && plan.sortingStartedAt ? submission.submittedAt.getTime() - plan.sortingStartedAt.getTime() : null,
        placed,
      };
    }

    const n = plan.population.length;
    const analysis = analyzeDeck(deck, tally);
    const statements: StatementReport[] = analysis.map((a, i) => {
      const statement = deck.statements[i]!;
      const counts: Record<string, number> = {};
      const shares: Record<string, number | null> = {};
      for (const c of deck.columns) {
        const count = a.counts[c.id] ?? 0;
        counts[c.id] = count;
        shares[c.id] = n > 0 ? count / n : null;
      }
      const conf = sure.get(statement.id);
      return {
        id: statement.id,
        position: i + 1,
        text: statement.text,
        canonical: statement.canonical,
        counts,
        shares,
        placed: a.placed,
        notPlaced: n - a.placed,
        correct: a.correctCount,
        accuracy: a.accuracy,
        splitIndex: a.splitIndex,
        majorityWrong: a.majorityWrong,
        sureButWrong: conf?.sureWrong ?? 0,
        sure: conf?.sure ?? 0,
        unsure: conf?.unsure ?? 0,
      };
    });

    const total = deck.statements.length;
    return {
      round: plan.round,
      status: plan.scored ? "scored" : "provisional",
      sortingStartedAt: plan.sortingStartedAt?.toISOString() ?? null,
      participants: n,
      submitted,
      closedAtReveal,
      completion: n > 0 ? submitted / n : null,
      placementRate: n > 0 && total > 0 ? placedCards / (n * total) : null,
      total,
      meanScore: mean(scores),
      medianScore: median(scores),
      distribution: histogram(scores, total),
      statements,
      confusion: confusionMatrix(deck, statements),
      confidence,
    };
  });

  const ids = anonymousIds(input.participants);
  const participantRows: ParticipantRow[] = joinOrder(input.participants)
    .filter((p) => !p.kicked)
    .map((p) => {
      const anonymousId = ids.get(p.id)!;
      return {
        ref: anonymize ? anonymousId : p.id,
        anonymousId,
        nickname: anonymize ? null : p.nickname,
        cohort: p.cohort,
        joinedAt: p.joinedAt.toISOString(),
        rounds: perParticipant.get(p.id) ?? new Array<ParticipantRoundRow | null>(plans.length).fill(null),
      };
    });

  const first = plans.find((p) => p.round === 1);
  const second = plans.find((p) => p.round === 2);
  const active = input.participants.filter((p) => !p.kicked).length;
  return {
    session: {
      id: session.id,
      title: session.title,
      code: session.code,
      phase: session.phase,
      round: session.round,
      maxRounds: session.maxRounds,
      createdAt: session.createdAt.toISOString(),
      closedAt: session.closedAt?.toISOString() ?? null,
      live: session.phase !== "closed",
    },
    deck: { title: deck.title, slug: deck.slug ?? null, columns: deck.columns.map((c) => ({ id: c.id, label: c.label })) },
    anonymized: anonymize,
    participants: active,
    removed: input.participants.length - active,
    rounds,
    participantRows,
    changedMind: first && second ? changedMind(deck, first, second, index) : null,
  };
}

/** Canonical (rows) × placed (columns + "not placed") over a round's per-statement counts. */
export function confusionMatrix(deck: Deck, statements: readonly Pick<StatementReport, "canonical" | "counts" | "notPlaced">[]): ConfusionMatrix {
  const columns = deck.columns.map((c) => c.id);
  const rowOf = new Map(columns.map((id, i) => [id, i]));
  const cells = columns.map(() => new Array<number>(columns.length + 1).fill(0));
  for (const s of statements) {
    const r = rowOf.get(s.canonical);
    if (r === undefined) continue;
    const row = cells[r]!;
    columns.forEach((id, j) => (row[j]! += s.counts[id] ?? 0));
    row[columns.length]! += s.notPlaced;
  }
  return { canonical: columns, placed: columns, cells, rowTotals: cells.map((row) => row.reduce((a, b) => a + b, 0)) };
}

function changedMind(deck: Deck, first: RoundPlan, second: RoundPlan, index: PlacementIndex): ChangedMindReport {
  const inSecond = new Set(second.population);
  const both = first.population.filter((id) => inSecond.has(id));
  const columnIds = new Set(deck.columns.map((c) => c.id));
  const columnOrder = new Map<string | null, number>(deck.columns.map((c, i) => [c.id, i]));
  columnOrder.set(null, deck.columns.length);
  const r1 = index.get(first.round);
  const r2 = index.get(second.round);
  const columnIn = (cards: Map<string, Card> | undefined, statementId: string): string | null => {
    const column = cards?.get(statementId)?.column ?? null;
    return column !== null && columnIds.has(column) ? column : null;
  };
  const changers = new Set<string>();
  const statements = deck.statements.map((s, i): ChangedMindStatement => {
    const pairs = new Map<string, Transition>();
    let changed = 0;
    let toCorrect = 0;
    let toWrong = 0;
    for (const id of both) {
      const from = columnIn(r1?.get(id), s.id);
      const to = columnIn(r2?.get(id), s.id);
      if (from === to) continue;
      if (from !== null && to !== null) {
        changed++;
        changers.add(id);
      }
      if (from !== s.canonical && to === s.canonical) toCorrect++;
      if (from === s.canonical && to !== s.canonical) toWrong++;
      const key = `${from ?? ""}\u0000${to ?? ""}`;
      const t = pairs.get(key);
      if (t) t.count++;
      else pairs.set(key, { from, to, count: 1 });
    }
    const transitions = [...pairs.values()].sort(
      (a, b) => b.count - a.count || columnOrder.get(a.from)! - columnOrder.get(b.from)! || columnOrder.get(a.to)! - columnOrder.get(b.to)!,
    );
    return { id: s.id, position: i + 1, text: s.text, canonical: s.canonical, compared: both.length, changed, toCorrect, toWrong, transitions };
  });
  const sum = (k: "changed" | "toCorrect" | "toWrong") => statements.reduce((acc, s) => acc + s[k], 0);
  return {
    fromRound: first.round,
    toRound: second.round,
    compared: both.length,
    participantsChanged: changers.size,
    changed: sum("changed"),
    toCorrect: sum("toCorrect"),
    toWrong: sum("toWrong"),
    statements,
  };
}
