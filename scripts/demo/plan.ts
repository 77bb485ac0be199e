/** What one simulated phone of `npm run demo` does, decided up front from a random source: it sorts
 *  its cards one by one at a person's pace, gets some wrong, now and then takes a card back with
 *  Undo and sorts it again, then submits. Pure (randomness is passed in), so the pacing and the
 *  bounds are unit-tested (tests/unit/scripts/demo-plan.test.ts). */

export interface PlanCard {
  id: string;
  /** The deck's answer: the demo knows it (participants do not) so phones can be right or wrong on purpose. */
  canonical: string;
}

export type Confidence = "sure" | "unsure" | null;

/** Steps are relative to when sorting started: `atMs` is when to send. */
export type PlanStep =
  | { kind: "place"; atMs: number; statementId: string; column: string; confidence: Confidence; correct: boolean }
  /** Undo of a first placement: the card goes back to the deck (column null). */
  | { kind: "undo"; atMs: number; statementId: string }
  | { kind: "submit"; atMs: number };

export interface PlanOptions {
  /** Time between one card and the next, ms (a person reading a statement and deciding). */
  gapMs: { min: number; max: number };
  /** Chance this phone puts a card in its canonical column; drawn per phone in this range. */
  accuracy: { min: number; max: number };
  /** Chance a placed card is taken back with Undo (and sorted again right after). */
  undoChance: number;
  /** How soon after a placement the Undo comes, ms. */
  undoAfterMs: { min: number; max: number };
}

export const HUMAN_PACE: PlanOptions = {
  gapMs: { min: 2_000, max: 6_000 },
  accuracy: { min: 0.55, max: 0.9 },
  undoChance: 0.08,
  undoAfterMs: { min: 800, max: 2_000 },
};

/** A phone's whole plan: every card placed exactly once in the end (an undone card is placed
 *  again), then a submit. `cards` in the phone's own order (the join answer's shuffle). */
export function planPhone(cards: readonly PlanCard[], columns: readonly string[], random: () => number, options: PlanOptions = HUMAN_PACE): PlanStep[] {
  if (columns.length < 2) throw new RangeError("A deck has at least two columns.");
  const between = (range: { min: number; max: number }) => range.min + random() * (range.max - range.min);
  const accuracy = between(options.accuracy);
  const steps: PlanStep[] = [];
  let at = 0;
  const place = (card: PlanCard) => {
    at += Math.round(between(options.gapMs));
    const correct = random() < accuracy;
    const wrong = columns.filter((c) => c !== card.canonical);
    const column = correct ? card.canonical : wrong[Math.floor(random() * wrong.length)]!;
    steps.push({ kind: "place", atMs: at, statementId: card.id, column, confidence: confidenceOf(random()), correct });
  };
  for (const card of cards) {
    place(card);
    if (random() < options.undoChance) {
      at += Math.round(between(options.undoAfterMs));
      steps.push({ kind: "undo", atMs: at, statementId: card.id });
      place(card); // a second thought: right or wrong again, by the same odds
    }
  }
  at += Math.round(between(options.gapMs));
  steps.push({ kind: "submit", atMs: at });
  return steps;
}

/** Most people say how sure they are; some skip it. */
function confidenceOf(r: number): Confidence {
  if (r < 0.6) return "sure";
  if (r < 0.85) return "unsure";
  return null;
}
