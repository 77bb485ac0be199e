import { describe, expect, it } from "vitest";
import { applyMove, emptyTally, tallyFromPlacements } from "@/lib/domain/tally";
import { leaderDeck, makeDeck } from "./fixtures";

const zeroRow = { leader: 0, manager: 0 };

describe("emptyTally", () => {
  it("has a zero for every statement × column", () => {
    expect(emptyTally(leaderDeck).counts).toEqual({
      vision: zeroRow,
      budget: zeroRow,
      inspire: zeroRow,
      schedule: zeroRow,
    });
  });

  it("gives each statement its own row object", () => {
    const tally = emptyTally(leaderDeck);
    applyMove(tally, "vision", null, "leader");
    expect(tally.counts.budget).toEqual(zeroRow);
  });

  it("serializes to plain JSON", () => {
    const deck = makeDeck(["a", "b"], [["s", "a"]]);
    expect(JSON.parse(JSON.stringify(emptyTally(deck)))).toEqual({ counts: { s: { a: 0, b: 0 } } });
  });
});

describe("applyMove (mutates in place)", () => {
  type Step = [statementId: string, from: string | null, to: string | null];
  it.each<{ label: string; steps: Step[]; vision: Record<string, number> }>([
    { label: "place from the pile", steps: [["vision", null, "leader"]], vision: { leader: 1, manager: 0 } },
    {
      label: "move between columns",
      steps: [
        ["vision", null, "leader"],
        ["vision", "leader", "manager"],
      ],
      vision: { leader: 0, manager: 1 },
    },
    {
      label: "back to the pile",
      steps: [
        ["vision", null, "manager"],
        ["vision", "manager", null],
      ],
      vision: zeroRow,
    },
    {
      label: "several participants",
      steps: [
        ["vision", null, "leader"],
        ["vision", null, "leader"],
        ["vision", null, "manager"],
      ],
      vision: { leader: 2, manager: 1 },
    },
    { label: "same column is a no-op", steps: [["vision", "leader", "leader"]], vision: zeroRow },
    { label: "null to null is a no-op", steps: [["vision", null, null]], vision: zeroRow },
    { label: "never below zero", steps: [["vision", "leader", "manager"]], vision: { leader: 0, manager: 1 } },
    { label: "unknown target column is ignored", steps: [["vision", null, "boss"]], vision: zeroRow },
    {
      label: "unknown source column: only the target side applies",
      steps: [["vision", "boss", "leader"]],
      vision: { leader: 1, manager: 0 },
    },
    {
      label: "unknown statement is ignored",
      steps: [["ghost", null, "leader"]],
      vision: zeroRow,
    },
    {
      label: "inherited Object property names are not columns",
      steps: [
        ["vision", null, "toString"],
        ["vision", null, "constructor"],
        ["vision", null, "__proto__"],
      ],
      vision: zeroRow,
    },
  ])("$label", ({ steps, vision }) => {
    const tally = emptyTally(leaderDeck);
    for (const [id, from, to] of steps) expect(applyMove(tally, id, from, to)).toBeUndefined();
    expect(tally.counts.vision).toEqual(vision);
    expect(Object.keys(tally.counts)).toEqual(["vision", "budget", "inspire", "schedule"]);
    expect(tally.counts.budget).toEqual(zeroRow);
  });

  it("ignores statement ids that are Object built-ins", () => {
    const tally = emptyTally(leaderDeck);
    expect(() => applyMove(tally, "constructor", null, "leader")).not.toThrow();
    expect(() => applyMove(tally, "__proto__", null, "leader")).not.toThrow();
    expect(Object.keys(tally.counts)).toHaveLength(4);
  });

  it("supports '__proto__' as a real statement and column id", () => {
    const deck = makeDeck(["__proto__", "other"], [["__proto__", "other"]]);
    const tally = emptyTally(deck);
    expect(Object.keys(tally.counts)).toEqual(["__proto__"]);
    applyMove(tally, "__proto__", null, "__proto__");
    expect(Object.values(tally.counts["__proto__"]!).reduce((a, b) => a + b, 0)).toBe(1); // was totalPlaced (removed: only tests used it)
    expect(JSON.parse(JSON.stringify(tally))).toEqual(JSON.parse('{"counts":{"__proto__":{"__proto__":1,"other":0}}}'));
  });

  it("stays safe on a tally restored from JSON (plain objects with a prototype)", () => {
    const tally = JSON.parse(JSON.stringify(emptyTally(leaderDeck))) as ReturnType<typeof emptyTally>;
    applyMove(tally, "vision", null, "toString");
    applyMove(tally, "vision", "hasOwnProperty", "leader");
    applyMove(tally, "constructor", null, "leader");
    expect(tally).toEqual({ counts: { vision: { leader: 1, manager: 0 }, budget: zeroRow, inspire: zeroRow, schedule: zeroRow } });
    expect(Object.keys(tally.counts.vision ?? {})).toEqual(["leader", "manager"]);
    expect(Object.hasOwn(tally.counts, "toString")).toBe(false); // was totalPlaced(…, "toString") = 0
  });

  it("supports ids like 'constructor' when the deck really has them", () => {
    const deck = makeDeck(["constructor", "other"], [["constructor", "other"]]);
    const tally = emptyTally(deck);
    applyMove(tally, "constructor", null, "constructor");
    expect(tally.counts.constructor).toEqual({ constructor: 1, other: 0 });
    expect(Object.values(tally.counts.constructor!).reduce((a, b) => a + b, 0)).toBe(1); // was totalPlaced
  });
});

describe("tallyFromPlacements", () => {
  it("counts placed cards and skips unplaced and unknown ones", () => {
    const tally = tallyFromPlacements(leaderDeck, [
      { statementId: "vision", column: "leader" },
      { statementId: "vision", column: "leader" },
      { statementId: "vision", column: "manager" },
      { statementId: "budget", column: "manager" },
      { statementId: "budget", column: null },
      { statementId: "ghost", column: "leader" },
      { statementId: "inspire", column: "visionary" },
    ]);
    expect(tally.counts).toEqual({
      vision: { leader: 2, manager: 1 },
      budget: { leader: 0, manager: 1 },
      inspire: zeroRow,
      schedule: zeroRow,
    });
  });

  it("accepts any iterable (e.g. a generator)", () => {
    function* rows() {
      yield { statementId: "schedule", column: "manager" };
      yield { statementId: "schedule", column: "manager" };
    }
    expect(tallyFromPlacements(leaderDeck, rows()).counts.schedule).toEqual({ leader: 0, manager: 2 });
  });

  it("matches replaying the same moves with applyMove", () => {
    const tally = emptyTally(leaderDeck);
    applyMove(tally, "inspire", null, "manager");
    applyMove(tally, "inspire", "manager", "leader");
    applyMove(tally, "inspire", null, "leader");
    expect(tally).toEqual(
      tallyFromPlacements(leaderDeck, [
        { statementId: "inspire", column: "leader" },
        { statementId: "inspire", column: "leader" },
      ]),
    );
  });
});
