import { describe, expect, it } from "vitest";
import { scoreRound } from "@/lib/domain/scoring";
import { leaderDeck, makeDeck } from "./fixtures";

// leaderDeck: vision→leader, budget→manager, inspire→leader, schedule→manager

describe("scoreRound", () => {
  it.each([
    {
      label: "all correct",
      placed: { vision: "leader", budget: "manager", inspire: "leader", schedule: "manager" },
      correct: 4,
    },
    {
      label: "all swapped",
      placed: { vision: "manager", budget: "leader", inspire: "manager", schedule: "leader" },
      correct: 0,
    },
    { label: "half right", placed: { vision: "leader", budget: "leader", inspire: "leader", schedule: "leader" }, correct: 2 },
    { label: "nothing placed", placed: {}, correct: 0 },
    { label: "explicitly unplaced (null) counts as wrong", placed: { vision: null, budget: "manager" }, correct: 1 },
    { label: "unknown column id is wrong", placed: { vision: "visionary", budget: "manager" }, correct: 1 },
    {
      label: "unknown statement ids are ignored",
      placed: { vision: "leader", ghost: "leader", "old-card": "manager" },
      correct: 1,
    },
  ])("$label → $correct / 4", ({ placed, correct }) => {
    const score = scoreRound(leaderDeck, new Map(Object.entries(placed)));
    expect(score.correct).toBe(correct);
    expect(score.total).toBe(4);
    expect(score.results.filter((r) => r.correct)).toHaveLength(correct);
  });

  it("reports every deck statement in deck order with placed and canonical", () => {
    const placed = new Map<string, string | null>([
      ["schedule", "leader"],
      ["ghost", "leader"],
      ["vision", "leader"],
      ["inspire", null],
    ]);
    expect(scoreRound(leaderDeck, placed).results).toEqual([
      { statementId: "vision", placed: "leader", canonical: "leader", correct: true },
      { statementId: "budget", placed: null, canonical: "manager", correct: false },
      { statementId: "inspire", placed: null, canonical: "leader", correct: false },
      { statementId: "schedule", placed: "leader", canonical: "manager", correct: false },
    ]);
  });

  it("handles an empty deck", () => {
    const deck = makeDeck(["a", "b"], []);
    expect(scoreRound(deck, new Map([["x", "a"]]))).toEqual({ correct: 0, total: 0, results: [] });
  });

  it("works with four columns", () => {
    const deck = makeDeck(["n", "e", "s", "w"], [["s1", "n"], ["s2", "e"], ["s3", "s"], ["s4", "w"], ["s5", "w"]]);
    const score = scoreRound(
      deck,
      new Map([
        ["s1", "n"],
        ["s2", "e"],
        ["s3", "w"],
        ["s4", "w"],
      ]),
    );
    expect(score).toMatchObject({ correct: 3, total: 5 });
  });

  it("does not treat a statement id equal to a column id specially", () => {
    const deck = makeDeck(["leader", "manager"], [["leader", "manager"]]);
    expect(scoreRound(deck, new Map([["leader", "leader"]])).correct).toBe(0);
    expect(scoreRound(deck, new Map([["leader", "manager"]])).correct).toBe(1);
  });
});
