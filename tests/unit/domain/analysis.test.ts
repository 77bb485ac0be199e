import { describe, expect, it } from "vitest";
import { analyzeDeck, analyzeStatement, discussionQueue, splitIndex } from "@/lib/domain/analysis";
import { tallyFromPlacements, type Tally } from "@/lib/domain/tally";
import { leaderDeck, makeDeck } from "./fixtures";

/** Build a tally from { statementId: { column: count } }. */
function tallyOf(deck: Parameters<typeof tallyFromPlacements>[0], counts: Record<string, Record<string, number>>): Tally {
  const placements: { statementId: string; column: string }[] = [];
  for (const [statementId, row] of Object.entries(counts)) {
    for (const [column, n] of Object.entries(row)) {
      for (let i = 0; i < n; i++) placements.push({ statementId, column });
    }
  }
  return tallyFromPlacements(deck, placements);
}

describe("splitIndex", () => {
  it.each([
    { counts: [0, 0], columns: 2, expected: 0 },
    { counts: [5, 0], columns: 2, expected: 0 },
    { counts: [0, 7], columns: 2, expected: 0 },
    { counts: [5, 5], columns: 2, expected: 1 },
    { counts: [3, 1], columns: 2, expected: 0.8112781244591328 }, // H(0.75, 0.25) in bits
    { counts: [4, 4, 4], columns: 3, expected: 1 },
    { counts: [1, 1, 1, 1], columns: 4, expected: 1 },
    { counts: [2, 2, 0, 0], columns: 4, expected: 0.5 }, // 1 bit of a possible 2
    { counts: [5, 5, 0], columns: 3, expected: Math.log(2) / Math.log(3) },
    { counts: [9], columns: 1, expected: 0 },
  ])("$counts over $columns columns → $expected", ({ counts, columns, expected }) => {
    expect(splitIndex(counts, columns)).toBeCloseTo(expected, 12);
  });

  it("stays within [0, 1] for many distributions", () => {
    for (let a = 0; a <= 6; a++) {
      for (let b = 0; b <= 6; b++) {
        for (let c = 0; c <= 6; c++) {
          const value = splitIndex([a, b, c], 3);
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it("gives bit-identical results for permutations of the same counts", () => {
    expect(splitIndex([1, 2, 7, 3], 4)).toBe(splitIndex([7, 3, 2, 1], 4));
    expect(splitIndex([1, 2, 7, 3], 4)).toBe(splitIndex([3, 1, 7, 2], 4));
  });

  it("is higher for a more even distribution", () => {
    expect(splitIndex([6, 4], 2)).toBeGreaterThan(splitIndex([8, 2], 2));
    expect(splitIndex([3, 3, 3], 3)).toBeGreaterThan(splitIndex([3, 3, 0], 3));
  });
});

describe("analyzeStatement", () => {
  const tally = tallyOf(leaderDeck, {
    vision: { leader: 8, manager: 2 },
    budget: { leader: 6, manager: 2 },
    inspire: { leader: 3, manager: 3 },
  });

  it.each([
    {
      id: "vision",
      expected: { counts: { leader: 8, manager: 2 }, placed: 10, canonical: "leader", correctCount: 8, accuracy: 0.8, majorityWrong: false },
    },
    {
      id: "budget",
      expected: { counts: { leader: 6, manager: 2 }, placed: 8, canonical: "manager", correctCount: 2, accuracy: 0.25, majorityWrong: true },
    },
    {
      // Exactly half right is not a majority wrong.
      id: "inspire",
      expected: { counts: { leader: 3, manager: 3 }, placed: 6, canonical: "leader", correctCount: 3, accuracy: 0.5, majorityWrong: false },
    },
    {
      id: "schedule",
      expected: { counts: { leader: 0, manager: 0 }, placed: 0, canonical: "manager", correctCount: 0, accuracy: null, majorityWrong: false },
    },
  ])("$id", ({ id, expected }) => {
    expect(analyzeStatement(leaderDeck, tally, id)).toMatchObject({ statementId: id, ...expected });
  });

  it.each([
    ["vision", 0.7219280948873623],
    ["inspire", 1],
    ["schedule", 0],
  ])("splitIndex of %s is %d", (id, expected) => {
    expect(analyzeStatement(leaderDeck, tally, id)?.splitIndex).toBeCloseTo(expected, 12);
  });

  it("returns null for a statement that is not in the deck", () => {
    expect(analyzeStatement(leaderDeck, tally, "ghost")).toBeNull();
    expect(analyzeStatement(leaderDeck, tally, "toString")).toBeNull();
  });

  it("only counts the deck's columns and fills missing ones with 0", () => {
    const handMade: Tally = { counts: { vision: { leader: 2, stray: 40 } } };
    expect(analyzeStatement(leaderDeck, handMade, "vision")).toMatchObject({
      counts: { leader: 2, manager: 0 },
      placed: 2,
      correctCount: 2,
      accuracy: 1,
      splitIndex: 0,
    });
  });

  it("treats a statement missing from the tally as unplaced", () => {
    expect(analyzeStatement(leaderDeck, { counts: {} }, "vision")).toMatchObject({ placed: 0, accuracy: null, splitIndex: 0 });
  });

  it("ignores negative or non-numeric counts from a corrupted tally", () => {
    const bad = { counts: { vision: { leader: -3, manager: Number.NaN } } } as Tally;
    expect(analyzeStatement(leaderDeck, bad, "vision")).toMatchObject({ placed: 0, accuracy: null });
  });

  it("uses all deck columns for the split (4-column deck)", () => {
    const deck = makeDeck(["a", "b", "c", "d"], [["s", "a"]]);
    const result = analyzeStatement(deck, tallyOf(deck, { s: { a: 1, b: 1 } }), "s");
    expect(result?.splitIndex).toBeCloseTo(0.5, 12);
    expect(result?.majorityWrong).toBe(false); // 1 of 2 right
  });
});

describe("analyzeDeck", () => {
  it("analyses every statement in deck order", () => {
    expect(analyzeDeck(leaderDeck, tallyOf(leaderDeck, {})).map((a) => a.statementId)).toEqual([
      "vision",
      "budget",
      "inspire",
      "schedule",
    ]);
  });
});

describe("discussionQueue", () => {
  const cols = ["leader", "manager"];
  const deck = makeDeck(cols, [
    ["s1", "leader"],
    ["s2", "leader"],
    ["s3", "leader"],
    ["s4", "leader"],
    ["s5", "leader"],
    ["s6", "leader"],
  ]);

  it.each<{ label: string; counts: Record<string, Record<string, number>>; expected: string[] }>([
    {
      label: "nobody placed anything → deck order",
      counts: {},
      expected: ["s1", "s2", "s3", "s4", "s5", "s6"],
    },
    {
      label: "majority wrong beats a perfect split",
      counts: {
        s1: { leader: 5, manager: 5 }, // split 1, not majority wrong
        s2: { leader: 1, manager: 9 }, // majority wrong, low split
      },
      expected: ["s2", "s1", "s3", "s4", "s5", "s6"],
    },
    {
      label: "among majority-wrong, more split first",
      counts: {
        s1: { leader: 0, manager: 10 }, // wrong, split 0
        s2: { leader: 4, manager: 6 }, // wrong, split 0.97
        s3: { leader: 10, manager: 0 }, // right, split 0
      },
      expected: ["s2", "s1", "s3", "s4", "s5", "s6"],
    },
    {
      label: "same split and accuracy at different sizes: deck order",
      counts: {
        s1: { leader: 3, manager: 1 }, // accuracy 0.75, split 0.81
        s2: { leader: 1, manager: 3 }, // same split, accuracy 0.25: majority wrong
        s3: { leader: 6, manager: 2 }, // same split and accuracy as s1
      },
      expected: ["s2", "s1", "s3", "s4", "s5", "s6"],
    },
    {
      label: "unplaced statements go last even behind unanimous correct ones",
      counts: {
        s4: { leader: 10 },
        s6: { leader: 7, manager: 3 },
      },
      expected: ["s6", "s4", "s1", "s2", "s3", "s5"],
    },
    {
      label: "full ties keep deck order",
      counts: {
        s5: { leader: 2, manager: 1 },
        s2: { leader: 4, manager: 2 },
        s3: { leader: 2, manager: 1 },
      },
      expected: ["s2", "s3", "s5", "s1", "s4", "s6"],
    },
  ])("$label", ({ counts, expected }) => {
    expect(discussionQueue(deck, tallyOf(deck, counts))).toEqual(expected);
  });

  it("breaks equal splits by lower accuracy (3 columns, different canonicals)", () => {
    // Both majority wrong with the same multiset {2, 5, 3}, hence the same split; x is 20% right, y 30%.
    const deck3 = makeDeck(["a", "b", "c"], [
      ["y", "c"],
      ["x", "a"],
    ]);
    const tally = tallyOf(deck3, { y: { a: 2, b: 5, c: 3 }, x: { a: 2, b: 5, c: 3 } });
    const [y, x] = analyzeDeck(deck3, tally);
    expect(x?.splitIndex).toBe(y?.splitIndex);
    expect([x?.majorityWrong, y?.majorityWrong]).toEqual([true, true]);
    expect(discussionQueue(deck3, tally)).toEqual(["x", "y"]);
  });

  it("breaks equal splits by lower accuracy even when the counts are permuted", () => {
    // x = {1, 3, 5} (11% right), y = {3, 5, 1} (33% right): the same split mathematically, but summing
    // the entropy terms in column order differs in the last bit and would put y first.
    const deck3 = makeDeck(["a", "b", "c"], [
      ["y", "a"],
      ["x", "a"],
    ]);
    const tally = tallyOf(deck3, { y: { a: 3, b: 5, c: 1 }, x: { a: 1, b: 3, c: 5 } });
    expect(splitIndex([1, 3, 5], 3)).toBe(splitIndex([3, 5, 1], 3));
    expect(discussionQueue(deck3, tally)).toEqual(["x", "y"]);
  });

  it("returns every statement exactly once", () => {
    const result = discussionQueue(leaderDeck, tallyOf(leaderDeck, { budget: { leader: 3 } }));
    expect(result.slice().sort()).toEqual(["budget", "inspire", "schedule", "vision"]);
    expect(result[0]).toBe("budget");
  });
});
