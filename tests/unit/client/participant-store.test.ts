import { describe, expect, it } from "vitest";
import {
  canMove,
  columnOf,
  currentCard,
  initialState,
  isPending,
  pendingMoves,
  placedCount,
  reduce,
  timeLeft,
  type Action,
  type ParticipantState,
} from "@/lib/client/participant-store";
import type { ParticipantView, PhaseView } from "@/lib/protocol/views";
import { phaseView } from "./fixtures";

const NOW = 1_000_000;

function phase(overrides: Partial<PhaseView> = {}): PhaseView {
  return phaseView({ serverNow: NOW, ...overrides });
}

function view(overrides: Partial<ParticipantView> = {}, phaseOverrides: Partial<PhaseView> = {}): ParticipantView {
  return {
    session: {
      ...phase(phaseOverrides),
      title: "Leader or Manager?",
      language: "en",
      columns: [
        { id: "leader", label: "Leader" },
        { id: "manager", label: "Manager" },
      ],
      cohortOptions: [],
    },
    me: { id: "p1", nickname: "Ada", cohort: null, submitted: false },
    cards: [
      { id: "a", text: "Card A" },
      { id: "b", text: "Card B" },
      { id: "c", text: "Card C" },
    ],
    placements: [],
    lastSeq: 0,
    result: null,
    ...overrides,
  };
}

function run(actions: Action[], from: ParticipantState = initialState): ParticipantState {
  return actions.reduce(reduce, from);
}

const joined = (v: ParticipantView = view()) => run([{ type: "synced", view: v, now: NOW }, { type: "screen", screen: "ready" }]);

describe("placing and undoing", () => {
  const cases: { name: string; actions: Action[]; expect: (s: ParticipantState) => void }[] = [
    {
      name: "a placement is pending with the next seq, and the next card comes up",
      actions: [{ type: "place", statementId: "a", column: "leader" }],
      expect: (s) => {
        expect(s.pending.a).toMatchObject({ column: "leader", seq: 1, round: 1, attempts: 0 });
        expect(s.nextSeq).toBe(2);
        expect(currentCard(s)?.id).toBe("b");
        expect(placedCount(s)).toBe(1);
      },
    },
    {
      name: "seqs strictly increase across cards and moves",
      actions: [
        { type: "place", statementId: "a", column: "leader" },
        { type: "place", statementId: "b", column: "manager" },
        { type: "place", statementId: "a", column: "manager" },
      ],
      expect: (s) => {
        expect(pendingMoves(s).map((m) => [m.statementId, m.seq])).toEqual([
          ["b", 2],
          ["a", 3],
        ]);
        expect(s.nextSeq).toBe(4);
      },
    },
    {
      name: "floorSeq raises the counter (another tab used seqs)",
      actions: [{ type: "place", statementId: "a", column: "leader", floorSeq: 40 }],
      expect: (s) => {
        expect(s.pending.a?.seq).toBe(40);
        expect(s.nextSeq).toBe(41);
      },
    },
    {
      name: "undo takes the card back with a new, higher seq",
      actions: [{ type: "place", statementId: "a", column: "leader" }, { type: "undo" }],
      expect: (s) => {
        expect(s.pending.a).toMatchObject({ column: null, seq: 2 });
        expect(currentCard(s)?.id).toBe("a");
        expect(s.history).toEqual([]);
      },
    },
    {
      name: "undo restores the previous column of a moved card",
      actions: [
        { type: "place", statementId: "a", column: "leader" },
        { type: "place", statementId: "a", column: "manager" },
        { type: "undo" },
      ],
      expect: (s) => {
        expect(columnOf(s, "a")).toBe("leader");
        expect(s.history).toHaveLength(1);
      },
    },
    {
      name: "confidence is kept when a card is moved without one",
      actions: [
        { type: "place", statementId: "a", column: "leader", confidence: "unsure" },
        { type: "place", statementId: "a", column: "manager" },
      ],
      expect: (s) => expect(s.pending.a).toMatchObject({ column: "manager", confidence: "unsure" }),
    },
    {
      name: "placing a card where it already is changes nothing",
      actions: [
        { type: "place", statementId: "a", column: "leader" },
        { type: "place", statementId: "a", column: "leader" },
      ],
      expect: (s) => {
        expect(s.nextSeq).toBe(2);
        expect(s.history).toHaveLength(1);
      },
    },
    {
      name: "unknown cards and columns are ignored",
      actions: [
        { type: "place", statementId: "zzz", column: "leader" },
        { type: "place", statementId: "a", column: "boss" },
      ],
      expect: (s) => {
        expect(s.pending).toEqual({});
        expect(s.nextSeq).toBe(1);
      },
    },
    {
      name: "undo with no history does nothing",
      actions: [{ type: "undo" }],
      expect: (s) => expect(s.nextSeq).toBe(1),
    },
  ];
  it.each(cases)("$name", ({ actions, expect: check }) => check(run(actions, joined())));

  it("refuses moves outside sorting or after submitting", () => {
    for (const s of [joined(view({}, { phase: "lobby" })), joined(view({ me: { id: "p1", nickname: "Ada", cohort: null, submitted: true } }))]) {
      expect(canMove(s)).toBe(false);
      expect(reduce(s, { type: "place", statementId: "a", column: "leader" })).toBe(s);
    }
  });
});

describe("acks", () => {
  const placed = run([{ type: "place", statementId: "a", column: "leader", confidence: "sure" }], joined());

  const cases: { name: string; actions: Action[]; expect: (s: ParticipantState) => void }[] = [
    {
      name: "ack ok: saved, no longer pending",
      actions: [{ type: "acked", ack: { statementId: "a", column: "leader", seq: 1 } }],
      expect: (s) => {
        expect(isPending(s, "a")).toBe(false);
        expect(s.saved.a).toEqual({ statementId: "a", column: "leader", confidence: "sure", seq: 1 });
        expect(columnOf(s, "a")).toBe("leader");
      },
    },
    {
      name: "ack of an older move keeps the newer one pending",
      actions: [
        { type: "place", statementId: "a", column: "manager" },
        { type: "acked", ack: { statementId: "a", column: "leader", seq: 1 } },
      ],
      expect: (s) => {
        expect(s.pending.a).toMatchObject({ column: "manager", seq: 2 });
        expect(s.saved.a?.seq).toBe(1);
        expect(columnOf(s, "a")).toBe("manager");
      },
    },
    {
      name: "a late ack of an older move does not overwrite a newer saved one",
      actions: [
        { type: "place", statementId: "a", column: "manager" },
        { type: "acked", ack: { statementId: "a", column: "manager", seq: 2 } },
        { type: "acked", ack: { statementId: "a", column: "leader", seq: 1 } },
      ],
      expect: (s) => expect(s.saved.a).toMatchObject({ column: "manager", seq: 2 }),
    },
    {
      name: "stale: the pending move is dropped",
      actions: [{ type: "stale", statementId: "a", seq: 1 }],
      expect: (s) => {
        expect(isPending(s, "a")).toBe(false);
        expect(columnOf(s, "a")).toBe(null);
      },
    },
    {
      name: "stale for a superseded seq leaves the newer move alone",
      actions: [
        { type: "place", statementId: "a", column: "manager" },
        { type: "stale", statementId: "a", seq: 1 },
      ],
      expect: (s) => expect(s.pending.a?.seq).toBe(2),
    },
    {
      name: "retry keeps the same seq and counts the attempt",
      actions: [
        { type: "retry", statementId: "a", seq: 1 },
        { type: "retry", statementId: "a", seq: 1 },
      ],
      expect: (s) => {
        expect(s.pending.a).toMatchObject({ seq: 1, attempts: 2 });
        expect(s.nextSeq).toBe(2);
      },
    },
    {
      name: "refused (wrong phase): every pending move is dropped and the reason shown",
      actions: [
        { type: "place", statementId: "b", column: "manager" },
        { type: "refused", message: "Time is up" },
      ],
      expect: (s) => {
        expect(s.pending).toEqual({});
        expect(s.flash).toBe("Time is up");
      },
    },
  ];
  it.each(cases)("$name", ({ actions, expect: check }) => check(run(actions, placed)));
});

describe("resync", () => {
  it("keeps pending moves the server has not stored and drops the ones it has", () => {
    const s = run(
      [
        { type: "place", statementId: "a", column: "leader" }, // seq 1: the server has it
        { type: "place", statementId: "b", column: "manager" }, // seq 2: lost in flight
        {
          type: "synced",
          now: NOW,
          view: view({ placements: [{ statementId: "a", column: "leader", confidence: null, seq: 1 }], lastSeq: 1 }),
        },
      ],
      joined(),
    );
    expect(Object.keys(s.pending)).toEqual(["b"]);
    expect(s.saved.a?.column).toBe("leader");
    expect(columnOf(s, "b")).toBe("manager");
    expect(s.nextSeq).toBe(3);
  });

  it("a newer stored move (another device) wins over an older pending one", () => {
    const s = run(
      [
        { type: "place", statementId: "a", column: "leader" },
        { type: "synced", now: NOW, view: view({ placements: [{ statementId: "a", column: "manager", confidence: null, seq: 9 }], lastSeq: 9 }) },
      ],
      joined(),
    );
    expect(s.pending).toEqual({});
    expect(columnOf(s, "a")).toBe("manager");
    expect(s.nextSeq).toBe(10);
  });

  it("continues above the server's lastSeq", () => {
    expect(joined(view({ lastSeq: 41 })).nextSeq).toBe(42);
  });

  it("moves restored from storage merge on the next sync, and only for this round", () => {
    const s = run([
      {
        type: "restored",
        lastSeq: 7,
        pending: [
          { statementId: "a", column: "leader", confidence: null, seq: 7, round: 1, attempts: 3 },
          { statementId: "b", column: "leader", confidence: null, seq: 6, round: 0, attempts: 0 },
        ],
      },
      { type: "synced", now: NOW, view: view({ lastSeq: 5 }) },
    ]);
    expect(Object.keys(s.pending)).toEqual(["a"]);
    expect(s.pending.a?.attempts).toBe(0);
    expect(s.nextSeq).toBe(8);
  });

  it("drops pending moves once sorting is over or submitted", () => {
    const placed = run([{ type: "place", statementId: "a", column: "leader" }], joined());
    expect(reduce(placed, { type: "synced", now: NOW, view: view({}, { phase: "revealed" }) }).pending).toEqual({});
    expect(reduce(placed, { type: "synced", now: NOW, view: view({ me: { id: "p1", nickname: "Ada", cohort: null, submitted: true } }) }).pending).toEqual({});
  });
});

describe("phase updates", () => {
  it("a new round clears the board, undo and the old result", () => {
    const s = run(
      [
        { type: "place", statementId: "a", column: "leader" },
        { type: "acked", ack: { statementId: "a", column: "leader", seq: 1 } },
        { type: "phase", view: phase({ round: 2 }), now: NOW },
      ],
      joined(),
    );
    expect(s.saved).toEqual({});
    expect(s.history).toEqual([]);
    expect(s.session?.round).toBe(2);
    expect(s.nextSeq).toBe(2); // seqs never go down
  });

  it("the countdown uses the server's clock", () => {
    const s = run([{ type: "phase", view: phase({ serverNow: NOW + 5_000, timer: { endsAt: NOW + 65_000, remainingMs: null } }), now: NOW }], joined());
    expect(s.clockOffset).toBe(5_000);
    // The phone's clock is 5 s behind the server's: by the server 60 s are left, not 65.
    expect(timeLeft(s, NOW)).toEqual({ ms: 60_000, paused: false });
    expect(timeLeft(s, NOW + 70_000)).toEqual({ ms: 0, paused: false });
  });

  it("a paused timer reports its remainder", () => {
    const s = reduce(joined(), { type: "phase", view: phase({ timer: { endsAt: null, remainingMs: 42_000 } }), now: NOW });
    expect(timeLeft(s, NOW + 99_999)).toEqual({ ms: 42_000, paused: true });
  });
});

describe("leaving", () => {
  it("reset forgets the participant", () => {
    const s = reduce(run([{ type: "place", statementId: "a", column: "leader" }], joined()), { type: "reset", screen: "kicked", notice: "Removed" });
    expect(s).toMatchObject({ screen: "kicked", notice: "Removed", me: null, pending: {}, cards: [] });
  });
});
