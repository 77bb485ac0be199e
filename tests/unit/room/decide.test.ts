import { describe, expect, it } from "vitest";
import { PHASES, type Phase } from "@/lib/domain/phases";
import { apply, decide, revealOf, roomStateFrom, tallyOf, type RoomCommand } from "@/lib/room";
import { emptyRound, member, run, seededState, storedRoom, T0 } from "./support";

/** Every command in every phase: accepted (✓) or the error code it answers. */
const place: RoomCommand = { type: "place", participantId: "alice", statementId: "budget", column: "manager", confidence: null, seq: 2 };
const table: { name: string; command: RoomCommand; expect: Record<Phase, string> }[] = [
  { name: "join", command: { type: "join", participantId: "dan", tokenHash: "h", nickname: "Dan", cohort: null }, expect: { draft: "WRONG_PHASE", lobby: "✓", sorting: "✓", revealed: "WRONG_PHASE", closed: "SESSION_CLOSED" } },
  { name: "place", command: place, expect: { draft: "WRONG_PHASE", lobby: "WRONG_PHASE", sorting: "✓", revealed: "WRONG_PHASE", closed: "WRONG_PHASE" } },
  { name: "submit", command: { type: "submit", participantId: "alice" }, expect: { draft: "WRONG_PHASE", lobby: "WRONG_PHASE", sorting: "✓", revealed: "WRONG_PHASE", closed: "WRONG_PHASE" } },
  { name: "connect", command: { type: "connect", participantId: "alice" }, expect: { draft: "✓", lobby: "✓", sorting: "✓", revealed: "✓", closed: "✓" } },
  { name: "disconnect", command: { type: "disconnect", participantId: "bob" }, expect: { draft: "✓", lobby: "✓", sorting: "✓", revealed: "✓", closed: "✓" } },
  { name: "openLobby", command: { type: "changePhase", action: "openLobby" }, expect: { draft: "✓", lobby: "WRONG_PHASE", sorting: "WRONG_PHASE", revealed: "WRONG_PHASE", closed: "WRONG_PHASE" } },
  { name: "startSorting", command: { type: "changePhase", action: "startSorting", timerSeconds: 60 }, expect: { draft: "WRONG_PHASE", lobby: "✓", sorting: "WRONG_PHASE", revealed: "WRONG_PHASE", closed: "WRONG_PHASE" } },
  { name: "reveal", command: { type: "changePhase", action: "reveal" }, expect: { draft: "WRONG_PHASE", lobby: "WRONG_PHASE", sorting: "✓", revealed: "WRONG_PHASE", closed: "WRONG_PHASE" } },
  { name: "startNextRound", command: { type: "changePhase", action: "startNextRound" }, expect: { draft: "WRONG_PHASE", lobby: "WRONG_PHASE", sorting: "WRONG_PHASE", revealed: "✓", closed: "WRONG_PHASE" } },
  { name: "end", command: { type: "changePhase", action: "end" }, expect: { draft: "✓", lobby: "✓", sorting: "✓", revealed: "✓", closed: "WRONG_PHASE" } },
  { name: "timer set", command: { type: "timer", change: "set", seconds: 60 }, expect: { draft: "WRONG_PHASE", lobby: "WRONG_PHASE", sorting: "✓", revealed: "WRONG_PHASE", closed: "WRONG_PHASE" } },
  { name: "timer clear", command: { type: "timer", change: "clear" }, expect: { draft: "WRONG_PHASE", lobby: "WRONG_PHASE", sorting: "✓", revealed: "WRONG_PHASE", closed: "WRONG_PHASE" } },
  { name: "lock", command: { type: "lock", locked: true }, expect: { draft: "✓", lobby: "✓", sorting: "✓", revealed: "✓", closed: "SESSION_CLOSED" } },
  { name: "showSplits", command: { type: "showSplits", show: true }, expect: { draft: "✓", lobby: "✓", sorting: "✓", revealed: "✓", closed: "✓" } },
  { name: "gotoDiscussion", command: { type: "gotoDiscussion", index: 1 }, expect: { draft: "WRONG_PHASE", lobby: "WRONG_PHASE", sorting: "WRONG_PHASE", revealed: "✓", closed: "WRONG_PHASE" } },
  { name: "kick", command: { type: "remove", participantId: "alice", ban: false }, expect: { draft: "✓", lobby: "✓", sorting: "✓", revealed: "✓", closed: "✓" } },
  { name: "ban", command: { type: "remove", participantId: "alice", ban: true }, expect: { draft: "✓", lobby: "✓", sorting: "✓", revealed: "✓", closed: "✓" } },
  { name: "unban", command: { type: "unban", participantId: "cara" }, expect: { draft: "✓", lobby: "✓", sorting: "✓", revealed: "✓", closed: "✓" } },
  { name: "closeRound", command: { type: "closeRound" }, expect: { draft: "WRONG_PHASE", lobby: "WRONG_PHASE", sorting: "WRONG_PHASE", revealed: "✓", closed: "WRONG_PHASE" } },
];

describe("decide: every command in every phase", () => {
  const cases = table.flatMap((row) => PHASES.map((phase) => ({ name: row.name, phase, command: row.command, expected: row.expect[phase] })));
  it.each(cases)("$name while $phase → $expected", ({ phase, command, expected }) => {
    const state = seededState(phase);
    const decision = decide(state, command, T0);
    expect(decision.ok ? "✓" : decision.error.code).toBe(expected);
    if (decision.ok) {
      // decide is pure: applying happens only when the caller applies the events.
      expect(seededState(phase)).toEqual(state);
      for (const e of decision.events) apply(state, e);
      expect(state.tally).toEqual(tallyOf(state));
    }
  });
});

describe("decide: who may join", () => {
  it("refuses a locked session, a taken nickname (also a removed member's), and a wrong group", () => {
    const state = seededState("lobby");
    expect(run(state, { type: "lock", locked: true })).toMatchObject({ ok: true });
    expect(decide(state, { type: "join", participantId: "d", tokenHash: "h", nickname: "Dan", cohort: null }, T0)).toMatchObject({ ok: false, error: { code: "SESSION_LOCKED" } });
    const open = seededState("lobby");
    expect(decide(open, { type: "join", participantId: "d", tokenHash: "h", nickname: "ALICE", cohort: null }, T0)).toMatchObject({ ok: false, error: { code: "NICKNAME_TAKEN" } });
    expect(decide(open, { type: "join", participantId: "d", tokenHash: "h", nickname: "Bob", cohort: null }, T0)).toMatchObject({ ok: false, error: { code: "NICKNAME_TAKEN" } });
    expect(decide(open, { type: "join", participantId: "d", tokenHash: "h", nickname: " ", cohort: null }, T0)).toMatchObject({ ok: false, error: { code: "NICKNAME_EMPTY" } });
    expect(decide(open, { type: "join", participantId: "d", tokenHash: "h", nickname: "Dan", cohort: "Sales" }, T0)).toMatchObject({ ok: false, error: { code: "COHORT_INVALID" } });
    const groups = roomStateFrom(storedRoom("lobby", { settings: { ...storedRoom().settings, cohortOptions: ["Sales"] } }), emptyRound());
    expect(decide(groups, { type: "join", participantId: "d", tokenHash: "h", nickname: "Dan", cohort: null }, T0)).toMatchObject({ ok: false, error: { code: "COHORT_INVALID" } });
    const joined = decide(groups, { type: "join", participantId: "d", tokenHash: "h", nickname: " Dan ", cohort: " Sales " }, T0);
    expect(joined).toMatchObject({ ok: true, writes: [{ kind: "insertParticipant", tokenHash: "h", member: { id: "d", nickname: "Dan", cohort: "Sales", joinedAt: T0 } }] });
  });
});

describe("decide: placement guards", () => {
  const attempt = (command: Partial<Extract<RoomCommand, { type: "place" }>>, prepare?: (s: ReturnType<typeof seededState>) => void, now = T0) => {
    const state = seededState("sorting");
    prepare?.(state);
    const d = decide(state, { ...place, ...command } as RoomCommand, now);
    return d.ok ? "✓" : d.error.code;
  };
  it.each([
    ["a kicked member", { participantId: "bob" }, "UNAUTHENTICATED"],
    ["a banned member", { participantId: "cara" }, "KICKED"],
    ["an unknown member", { participantId: "zed" }, "UNKNOWN_PARTICIPANT"],
    ["an unknown card", { statementId: "nope" }, "UNKNOWN_STATEMENT"],
    ["an unknown column", { column: "nope" }, "UNKNOWN_COLUMN"],
    ["a card taken back", { column: null }, "✓"],
  ] as const)("%s → %s", (_name, command, expected) => expect(attempt(command)).toBe(expected));

  it("refuses after submit and after the timer ran out", () => {
    expect(attempt({}, (s) => run(s, { type: "submit", participantId: "alice" }))).toBe("ALREADY_SUBMITTED");
    expect(attempt({}, (s) => run(s, { type: "timer", change: "set", seconds: 10 }), T0 + 10_000)).toBe("WRONG_PHASE");
    expect(attempt({}, (s) => run(s, { type: "timer", change: "set", seconds: 10 }), T0 + 9_999)).toBe("✓");
  });
});

describe("decide: timer", () => {
  it("pauses only a running timer, resumes only a paused one, extends only an existing one", () => {
    const state = seededState("sorting");
    expect(decide(state, { type: "timer", change: "pause" }, T0)).toMatchObject({ ok: false, error: { code: "WRONG_PHASE", message: "No timer is running." } });
    expect(decide(state, { type: "timer", change: "resume" }, T0)).toMatchObject({ ok: false, error: { message: "The timer is not paused." } });
    expect(decide(state, { type: "timer", change: "extend", seconds: 30 }, T0)).toMatchObject({ ok: false, error: { message: "There is no timer to extend." } });
    run(state, { type: "timer", change: "set", seconds: 60 });
    run(state, { type: "timer", change: "pause" }, T0 + 20_000);
    expect(state.timer).toEqual({ endsAt: null, remainingMs: 40_000 });
    run(state, { type: "timer", change: "extend", seconds: 30 }, T0 + 30_000);
    run(state, { type: "timer", change: "resume" }, T0 + 50_000);
    expect(state.timer).toEqual({ endsAt: T0 + 50_000 + 70_000, remainingMs: null });
  });
});

describe("decide: phases", () => {
  it("reveal reloads the round and closes it; next round reloads; the last round has no next", () => {
    const reveal = decide(seededState("sorting"), { type: "changePhase", action: "reveal" }, T0);
    expect(reveal).toMatchObject({ ok: true, reload: true, then: { type: "closeRound" }, writes: [{ kind: "roomState", expected: { phase: "sorting", round: 1 }, patch: { phase: "revealed", discussionIndex: 0 } }] });
    expect(decide(seededState("revealed"), { type: "changePhase", action: "startNextRound" }, T0)).toMatchObject({ ok: true, reload: true, events: [{ type: "patched", patch: { phase: "sorting", round: 2 } }] });
    const last = roomStateFrom(storedRoom("revealed", { round: 2 }), emptyRound(2));
    expect(decide(last, { type: "changePhase", action: "startNextRound" }, T0)).toMatchObject({ ok: false, error: { code: "WRONG_PHASE" } });
    expect(decide(seededState("lobby"), { type: "changePhase", action: "end" }, T0)).toMatchObject({ ok: true, writes: [{ closedAt: T0 }] });
  });

  it("closing a round scores every member not removed and closes it for those who had not submitted", () => {
    const state = seededState("sorting");
    run(state, { type: "join", participantId: "dan", tokenHash: "h", nickname: "Dan", cohort: null });
    run(state, { type: "place", participantId: "dan", statementId: "budget", column: "manager", confidence: "sure", seq: 1 });
    run(state, { type: "submit", participantId: "dan" });
    run(state, { type: "changePhase", action: "reveal" });
    const close = run(state, { type: "closeRound" });
    expect(close).toMatchObject({ ok: true, writes: [{ kind: "finalizeRound", scores: [{ participantId: "alice", correct: 1, total: 4 }, { participantId: "dan", correct: 1, total: 4 }] }] });
    expect(state.members.get("alice")).toMatchObject({ submitted: true, closedAtReveal: true, score: { correct: 1, total: 4 } });
    expect(state.members.get("dan")).toMatchObject({ submitted: true, closedAtReveal: false });
    expect(revealOf(state)?.queue).toHaveLength(4);
    expect(decide(state, { type: "gotoDiscussion", index: 4 }, T0)).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });
});

describe("decide: kick, ban, unban", () => {
  it("a kick removes the cards from the split; a ban of someone kicked makes it a ban; a kick keeps a ban; unban lifts only a ban", () => {
    const state = seededState("sorting");
    expect(state.tally.counts.vision!.leader).toBe(1);
    run(state, { type: "remove", participantId: "alice", ban: false });
    expect(state.tally.counts.vision!.leader).toBe(0);
    expect(state.members.get("alice")).toMatchObject({ kicked: true, banned: false });
    expect(run(state, { type: "remove", participantId: "alice", ban: true })).toMatchObject({ ok: true, writes: [{ kind: "setBanned", banned: true }] });
    expect(run(state, { type: "remove", participantId: "alice", ban: false })).toMatchObject({ ok: true, events: [], writes: [] });
    expect(state.members.get("alice")!.banned).toBe(true);
    expect(run(state, { type: "unban", participantId: "bob" })).toMatchObject({ ok: true, events: [] });
    run(state, { type: "unban", participantId: "alice" });
    expect(state.members.get("alice")).toMatchObject({ kicked: true, banned: false });
    expect(decide(state, { type: "remove", participantId: "zed", ban: false }, T0)).toMatchObject({ ok: false, error: { code: "UNKNOWN_PARTICIPANT" } });
  });
});

describe("apply: a reload keeps connection counts and rebuilds the rest from the store", () => {
  it("members, cards and scores come from the stored round; connections carry over", () => {
    const state = seededState("sorting");
    run(state, { type: "connect", participantId: "alice" });
    apply(state, {
      type: "roundLoaded",
      round: { ...emptyRound(), members: [member("alice"), member("erin")], placements: [{ participantId: "erin", statementKey: "budget", column: "leader", confidence: null, seq: 7 }], submissions: [], lastSeq: new Map([["erin", 9]]) },
    });
    expect(state.members.get("alice")).toMatchObject({ connections: 1, placements: new Map() });
    expect(state.members.get("erin")).toMatchObject({ connections: 0, lastSeq: 9 });
    expect(state.tally).toEqual(tallyOf(state));
    expect(state.tally.counts.budget!.leader).toBe(1);
  });
});
