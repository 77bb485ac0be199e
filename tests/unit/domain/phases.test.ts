import { describe, expect, it } from "vitest";
import {
  PHASES,
  PHASE_ACTIONS,
  canJoin,
  joinStage,
  canPlace,
  isPhase,
  transition,
  type Phase,
  type PhaseAction,
} from "@/lib/domain/phases";

describe("transition: allowed moves", () => {
  const cases: { from: Phase; action: PhaseAction; round?: number; maxRounds?: number; to: Phase; toRound: number }[] = [
    { from: "draft", action: "openLobby", to: "lobby", toRound: 1 },
    { from: "lobby", action: "startSorting", to: "sorting", toRound: 1 },
    { from: "sorting", action: "reveal", to: "revealed", toRound: 1 },
    { from: "revealed", action: "startNextRound", round: 1, maxRounds: 3, to: "sorting", toRound: 2 },
    { from: "revealed", action: "startNextRound", round: 2, maxRounds: 3, to: "sorting", toRound: 3 },
    { from: "sorting", action: "reveal", round: 3, maxRounds: 3, to: "revealed", toRound: 3 },
    { from: "draft", action: "end", to: "closed", toRound: 1 },
    { from: "lobby", action: "end", to: "closed", toRound: 1 },
    { from: "sorting", action: "end", round: 2, to: "closed", toRound: 2 },
    { from: "revealed", action: "end", round: 3, to: "closed", toRound: 3 },
  ];
  it.each(cases)("$from --$action--> $to (round $toRound)", ({ from, action, round = 1, maxRounds = 3, to, toRound }) => {
    expect(transition({ phase: from, round, maxRounds }, action)).toEqual({ ok: true, phase: to, round: toRound });
  });
});

describe("transition: refused moves", () => {
  const allowed = new Set(["draft:openLobby", "lobby:startSorting", "sorting:reveal", "revealed:startNextRound"]);
  const refused: [Phase, PhaseAction][] = [];
  for (const phase of PHASES) {
    for (const action of PHASE_ACTIONS) {
      const isEndFromOpen = action === "end" && phase !== "closed";
      if (!allowed.has(`${phase}:${action}`) && !isEndFromOpen) refused.push([phase, action]);
    }
  }

  it("covers every non-listed pair (sanity check of the table)", () => {
    // 5 phases × 5 actions = 25; 4 forward moves + 4 ends are allowed.
    expect(refused).toHaveLength(25 - 8);
  });

  it.each(refused)("%s --%s--> refused with a reason", (phase, action) => {
    const result = transition({ phase, round: 1, maxRounds: 3 }, action);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/\w/);
  });

  it.each([
    { round: 1, maxRounds: 1 },
    { round: 3, maxRounds: 3 },
    { round: 4, maxRounds: 3 },
  ])("refuses startNextRound at round $round of $maxRounds", ({ round, maxRounds }) => {
    const result = transition({ phase: "revealed", round, maxRounds }, "startNextRound");
    expect(result).toEqual({ ok: false, reason: expect.stringContaining("last round") });
  });

  it("refuses to end an already closed session", () => {
    expect(transition({ phase: "closed", round: 2, maxRounds: 3 }, "end")).toEqual({
      ok: false,
      reason: "The session has already ended.",
    });
  });
});

describe("phase predicates", () => {
  // isOpen was removed (only this test used it).
  const table: { phase: Phase; join: boolean; place: boolean }[] = [
    { phase: "draft", join: false, place: false },
    { phase: "lobby", join: true, place: false },
    { phase: "sorting", join: true, place: true },
    { phase: "revealed", join: false, place: false },
    { phase: "closed", join: false, place: false },
  ];
  it.each(table)("$phase: canJoin=$join canPlace=$place", ({ phase, join, place }) => {
    expect(canJoin(phase)).toBe(join);
    expect(canPlace(phase)).toBe(place);
  });

  it("PHASES lists every phase once, in lifecycle order", () => {
    expect(PHASES).toEqual(["draft", "lobby", "sorting", "revealed", "closed"]);
  });

  it.each([
    ["lobby", true],
    ["closed", true],
    ["Lobby", false],
    ["open", false],
    ["", false],
    [null, false],
    [3, false],
  ])("isPhase(%j) = %s", (value, expected) => {
    expect(isPhase(value)).toBe(expected);
  });
});

describe("joinStage (what someone who has not joined is told)", () => {
  it.each([
    [{ phase: "draft", round: 1, maxRounds: 1 }, "notYet"],
    [{ phase: "lobby", round: 1, maxRounds: 1 }, "open"],
    [{ phase: "sorting", round: 2, maxRounds: 2 }, "open"],
    [{ phase: "revealed", round: 1, maxRounds: 2 }, "betweenRounds"],
    [{ phase: "revealed", round: 1, maxRounds: 1 }, "over"],
    [{ phase: "revealed", round: 2, maxRounds: 2 }, "over"],
    [{ phase: "closed", round: 1, maxRounds: 2 }, "over"],
  ] as const)("%j → %s", (state, stage) => {
    expect(joinStage(state)).toBe(stage);
  });
});
