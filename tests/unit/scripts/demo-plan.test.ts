import { describe, expect, it } from "vitest";
import { getBuiltinDeck } from "@/lib/decks/builtin";
import { seededRandom } from "@/lib/domain/shuffle";
import { HUMAN_PACE, planPhone, type PlanStep } from "@/scripts/demo/plan";

/** The simulated phones of `npm run demo` (scripts/demo/plan.ts): a person's pace, a bounded plan
 *  that places every card and submits once, some mistakes, some Undo. */

const deck = getBuiltinDeck("leader-or-manager")!;
const cards = deck.statements.map((s) => ({ id: s.id, canonical: s.canonical }));
const columns = deck.columns.map((c) => c.id);
const plans = Array.from({ length: 200 }, (_, n) => planPhone(cards, columns, seededRandom(`test:${n}`)));
const places = (plan: PlanStep[]) => plan.filter((s): s is Extract<PlanStep, { kind: "place" }> => s.kind === "place");

describe("a demo phone's plan", () => {
  it("ends with every card placed exactly once more than it was undone, then one submit, in time order", () => {
    for (const plan of plans) {
      expect(plan.at(-1)!.kind).toBe("submit");
      expect(plan.filter((s) => s.kind === "submit")).toHaveLength(1);
      const net = new Map<string, number>();
      for (const step of plan) {
        if (step.kind === "place") net.set(step.statementId, (net.get(step.statementId) ?? 0) + 1);
        if (step.kind === "undo") net.set(step.statementId, net.get(step.statementId)! - 1);
      }
      expect([...net.keys()].sort()).toEqual(cards.map((c) => c.id).sort());
      expect([...net.values()].every((n) => n === 1)).toBe(true);
      for (let i = 1; i < plan.length; i++) expect(plan[i]!.atMs).toBeGreaterThan(plan[i - 1]!.atMs);
    }
  });

  it("takes a card every 2–6 seconds, so a deck of 44 lasts minutes, not forever", () => {
    for (const plan of plans) {
      const placed = places(plan);
      for (let i = 1; i < placed.length; i++) {
        const gap = placed[i]!.atMs - placed[i - 1]!.atMs;
        expect(gap).toBeGreaterThanOrEqual(HUMAN_PACE.gapMs.min);
        // An Undo in between adds at most its own delay.
        expect(gap).toBeLessThanOrEqual(HUMAN_PACE.gapMs.max + HUMAN_PACE.undoAfterMs.max);
      }
      const end = plan.at(-1)!.atMs;
      expect(end).toBeGreaterThan(cards.length * HUMAN_PACE.gapMs.min);
      expect(end).toBeLessThan(2 * cards.length * (HUMAN_PACE.gapMs.max + HUMAN_PACE.undoAfterMs.max));
    }
  });

  it("gets some cards wrong (a column of the deck other than the answer) and takes some back with Undo", () => {
    const all = plans.flatMap(places);
    const answer = new Map(cards.map((c) => [c.id, c.canonical]));
    expect(all.filter((s) => !columns.includes(s.column) || s.correct !== (s.column === answer.get(s.statementId)))).toEqual([]);
    const accuracy = all.filter((s) => s.correct).length / all.length;
    expect(accuracy).toBeGreaterThan(HUMAN_PACE.accuracy.min);
    expect(accuracy).toBeLessThan(HUMAN_PACE.accuracy.max);
    const undos = plans.flat().filter((s) => s.kind === "undo").length / (plans.length * cards.length);
    expect(undos).toBeGreaterThan(HUMAN_PACE.undoChance / 2);
    expect(undos).toBeLessThan(HUMAN_PACE.undoChance * 2);
    expect(new Set(all.map((s) => s.confidence))).toEqual(new Set(["sure", "unsure", null]));
  });

  it("is the same plan for the same seed", () => {
    expect(planPhone(cards, columns, seededRandom("x"))).toEqual(planPhone(cards, columns, seededRandom("x")));
    expect(planPhone(cards, columns, seededRandom("x"))).not.toEqual(planPhone(cards, columns, seededRandom("y")));
  });
});
