import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apply, decide, noChanges, recordChange, rosterCounts, rosterRows, roomStateFrom, type RoomCommand, type RoomState } from "@/lib/room";
import type { RosterPage, RosterWindow } from "@/lib/protocol/views";
import { ConsoleRosters, PLACING_RECOUNT_MS } from "@/server/rooms/console-rosters";
import { leaderDeck } from "../unit/domain/fixtures";
import { emptyRound, member, storedRoom, T0 } from "../unit/room/support";

/** The pages ConsoleRosters sends are kept incrementally (rows refreshed by id when only rows can
 *  have changed, counts recounted only on people changes or once a second): after any sequence of
 *  joins, placements, submits, connects and removals, what each console was last sent is what a
 *  fresh page would show, `placing` aside until its recount is due, and then that too. */

const STARTERS = 8;
const people = fc.integer({ min: 0, max: STARTERS + 3 });
const cards = leaderDeck.statements.map((s) => s.id);
const step = fc.oneof(
  { weight: 6, arbitrary: fc.record({ p: people, card: fc.constantFrom(...cards), column: fc.constantFrom("leader", "manager", null) }).map((s) => ({ kind: "place" as const, ...s })) },
  { weight: 1, arbitrary: people.map((p) => ({ kind: "submit" as const, p })) },
  { weight: 1, arbitrary: people.map((p) => ({ kind: "connect" as const, p })) },
  { weight: 1, arbitrary: people.map((p) => ({ kind: "disconnect" as const, p })) },
  { weight: 1, arbitrary: people.map((p) => ({ kind: "remove" as const, p })) },
  { weight: 1, arbitrary: people.map((p) => ({ kind: "join" as const, p })) },
  { weight: 1, arbitrary: fc.constant({ kind: "flushOnly" as const }) },
);

const WINDOWS: Record<string, RosterWindow> = {
  first: { offset: 0, limit: 3 },
  second: { offset: 3, limit: 3 },
  searching: { offset: 0, limit: 2, search: "P1" },
};

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function commandOf(s: Step, seq: number): RoomCommand | null {
  if (s.kind === "flushOnly") return null;
  const participantId = `p${s.p}`;
  switch (s.kind) {
    case "place":
      return { type: "place", participantId, statementId: s.card, column: s.column, confidence: null, seq };
    case "remove":
      return { type: "remove", participantId, ban: false };
    case "join":
      return { type: "join", participantId, tokenHash: `h${s.p}`, nickname: `P${s.p}`, cohort: null };
    default:
      return { type: s.kind, participantId };
  }
}

const fresh = (state: RoomState, window: RosterWindow): RosterPage => ({ ...rosterRows(state, window), counts: rosterCounts(state) });
const withoutPlacing = (page: RosterPage) => ({ ...page, counts: { ...page.counts, placing: 0 } });

describe("ConsoleRosters", () => {
  it("what each console was last sent equals a fresh page (placing once its recount is due)", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const state = roomStateFrom(storedRoom("sorting"), { ...emptyRound(), members: Array.from({ length: STARTERS }, (_, i) => member(`p${i}`, { nickname: `P${i}`, nicknameKey: `p${i}` })) });
        let now = T0;
        const rosters = new ConsoleRosters(() => now);
        const last = new Map<string, RosterPage>();
        for (const [socketId, window] of Object.entries(WINDOWS)) {
          rosters.open(state.settings.id, socketId);
          last.set(socketId, rosters.pageFor(state, socketId, window));
        }
        let seq = 0;
        for (const s of steps) {
          const changes = noChanges();
          const command = commandOf(s, ++seq);
          const decision = command ? decide(state, command, now) : null;
          if (decision?.ok) {
            for (const event of decision.events) {
              apply(state, event);
              recordChange(changes, event, state);
            }
          }
          now += 137;
          for (const [socketId, page] of rosters.changed(state, changes)) last.set(socketId, page);
          for (const [socketId, window] of Object.entries(WINDOWS)) expect(withoutPlacing(last.get(socketId)!)).toEqual(withoutPlacing(fresh(state, window)));
        }
        now += PLACING_RECOUNT_MS;
        for (const [socketId, page] of rosters.changed(state, noChanges())) last.set(socketId, page);
        for (const [socketId, window] of Object.entries(WINDOWS)) expect(last.get(socketId)).toEqual(fresh(state, window));
      }),
      { numRuns: 300 },
    );
  });
});
