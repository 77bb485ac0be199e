import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isExpired } from "@/lib/domain/timer";
import { apply, decide, memberCounts, noChanges, placedCount, progressOf, progressWith, recordChange, roomStateFrom, scoreOf, tallyOf, type RoomCommand, type RoomEvent, type RoomState, type RoomWrite, type StoredMember, type StoredRound } from "@/lib/room";
import { leaderDeck } from "../domain/fixtures";
import { emptyRound, storedRoom, T0 } from "./support";

/** Random command sequences against the pure core, with the writes kept in a tiny model store so
 *  reloads (reveal, next round) read back what was written. Invariants are checked after every
 *  step. */

const people = ["p0", "p1", "p2", "p3"];
const cards = leaderDeck.statements.map((s) => s.id);
const columns = [...leaderDeck.columns.map((c) => c.id), null];

const person = fc.constantFrom(...people);
const command: fc.Arbitrary<RoomCommand> = fc.oneof(
  { weight: 2, arbitrary: person.map((p) => ({ type: "join", participantId: p, tokenHash: `h-${p}`, nickname: p.toUpperCase(), cohort: null }) as RoomCommand) },
  {
    weight: 8,
    arbitrary: fc
      .record({ p: person, card: fc.constantFrom(...cards), column: fc.constantFrom(...columns), seq: fc.integer({ min: 1, max: 40 }) })
      .map(({ p, card, column, seq }) => ({ type: "place", participantId: p, statementId: card, column, confidence: null, seq }) as RoomCommand),
  },
  { weight: 2, arbitrary: person.map((p) => ({ type: "submit", participantId: p }) as RoomCommand) },
  { weight: 1, arbitrary: person.map((p) => ({ type: "connect", participantId: p }) as RoomCommand) },
  { weight: 1, arbitrary: person.map((p) => ({ type: "disconnect", participantId: p }) as RoomCommand) },
  { weight: 3, arbitrary: fc.constantFrom("openLobby", "startSorting", "reveal", "startNextRound", "end").map((action) => ({ type: "changePhase", action, timerSeconds: 30 }) as RoomCommand) },
  { weight: 1, arbitrary: fc.constantFrom("set", "pause", "resume", "extend", "clear").map((change) => ({ type: "timer", change, seconds: 20 }) as RoomCommand) },
  { weight: 1, arbitrary: fc.boolean().map((locked) => ({ type: "lock", locked }) as RoomCommand) },
  { weight: 1, arbitrary: fc.record({ p: person, ban: fc.boolean() }).map(({ p, ban }) => ({ type: "remove", participantId: p, ban }) as RoomCommand) },
  { weight: 1, arbitrary: person.map((p) => ({ type: "unban", participantId: p }) as RoomCommand) },
);
/** Most traces start from a sorting room with three members, so the rules past the lobby get
 *  exercised; some start from a draft. */
const opening: RoomCommand[] = [
  { type: "changePhase", action: "openLobby" },
  ...people.slice(0, 3).map((p): RoomCommand => ({ type: "join", participantId: p, tokenHash: `h-${p}`, nickname: p.toUpperCase(), cohort: null })),
  { type: "changePhase", action: "startSorting", timerSeconds: null },
];
const steps = fc
  .tuple(fc.boolean(), fc.array(fc.record({ command, advanceMs: fc.integer({ min: 0, max: 15_000 }) }), { maxLength: 80 }))
  .map(([fromDraft, random]) => [...(fromDraft ? [] : opening.map((c) => ({ command: c, advanceMs: 0 }))), ...random]);

/** The writes as a store would keep them. */
class ModelStore {
  members = new Map<string, StoredMember>();
  placements = new Map<string, { participantId: string; round: number; statementKey: string; column: string | null; seq: number }>();
  submissions = new Map<string, { participantId: string; round: number; byParticipant: boolean; score: number | null; total: number | null }>();
  write(w: RoomWrite): void {
    switch (w.kind) {
      case "insertParticipant":
        this.members.set(w.member.id, { ...w.member });
        break;
      case "placement": {
        const key = `${w.participantId}|${w.round}|${w.statementKey}`;
        if ((this.placements.get(key)?.seq ?? 0) < w.seq) this.placements.set(key, { participantId: w.participantId, round: w.round, statementKey: w.statementKey, column: w.column, seq: w.seq });
        break;
      }
      case "submission":
        this.submissions.set(`${w.participantId}|${w.round}`, { participantId: w.participantId, round: w.round, byParticipant: true, score: null, total: null });
        break;
      case "finalizeRound":
        for (const s of w.scores) {
          const prev = this.submissions.get(`${s.participantId}|${w.round}`);
          this.submissions.set(`${s.participantId}|${w.round}`, { participantId: s.participantId, round: w.round, byParticipant: prev?.byParticipant ?? false, score: s.correct, total: s.total });
        }
        break;
      case "removeParticipant":
        Object.assign(this.members.get(w.participantId)!, { kicked: true, banned: w.banned });
        break;
      case "setBanned":
        this.members.get(w.participantId)!.banned = w.banned;
        break;
      case "roomState":
        break;
    }
  }
  round(round: number): StoredRound {
    const lastSeq = new Map<string, number>();
    for (const p of this.placements.values()) lastSeq.set(p.participantId, Math.max(lastSeq.get(p.participantId) ?? 0, p.seq));
    return {
      round,
      members: [...this.members.values()].map((m) => ({ ...m })),
      placements: [...this.placements.values()].filter((p) => p.round === round).map((p) => ({ ...p, confidence: null })),
      submissions: [...this.submissions.values()].filter((s) => s.round === round),
      lastSeq,
    };
  }
}

function activeCards(state: RoomState): number {
  let n = 0;
  for (const m of state.members.values()) if (!m.kicked) for (const p of m.placements.values()) if (p.column !== null) n++;
  return n;
}

function countedCards(state: RoomState): number {
  let n = 0;
  for (const row of Object.values(state.tally.counts)) for (const c of Object.values(row)) n += c;
  return n;
}

describe("room invariants under random command sequences", () => {
  it("tally = active members' cards, nobody counted twice, no card after submit or expiry, scores = recomputation, reloads change nothing", () => {
    fc.assert(
      fc.property(steps, (trace) => {
        const store = new ModelStore();
        const state = roomStateFrom(storedRoom("draft"), emptyRound());
        let now = T0;
        // As the broadcaster does: member counts recounted only when the changes say "people".
        let changes = noChanges();
        let counts = memberCounts(state);
        const applyAndRecord = (e: RoomEvent) => {
          apply(state, e);
          recordChange(changes, e, state);
        };
        for (const { command: cmd, advanceMs } of trace) {
          now += advanceMs;
          const before = cmd.type === "place" ? state.members.get(cmd.participantId) : undefined;
          const submittedBefore = before?.submitted ?? false;
          const expiredBefore = isExpired(state.timer, now);
          let decision = decide(state, cmd, now);
          while (decision.ok) {
            for (const w of decision.writes) store.write(w);
            for (const e of decision.events) applyAndRecord(e);
            if (decision.reload) {
              const reloadedFrom = cmd.type === "changePhase" && cmd.action === "reveal" ? { tally: structuredClone(state.tally), cards: activeCards(state) } : null;
              applyAndRecord({ type: "roundLoaded", round: store.round(state.round) });
              // Reveal's reload reads back exactly what the room had: nothing acknowledged is lost.
              if (reloadedFrom) expect({ tally: state.tally, cards: activeCards(state) }).toEqual(reloadedFrom);
            }
            if (!decision.then) break;
            decision = decide(state, decision.then, now);
            expect(decision.ok).toBe(true);
          }
          if (cmd.type === "place" && decision.ok) {
            expect(submittedBefore).toBe(false);
            expect(expiredBefore).toBe(false);
            expect(state.phase).toBe("sorting");
          }
          expect(state.tally).toEqual(tallyOf(state));
          if (changes.people) counts = memberCounts(state);
          changes = noChanges();
          expect(progressWith(state, counts)).toEqual(progressOf(state));
          expect(state.nicknameKeys).toEqual(new Set([...state.members.values()].map((m) => m.nicknameKey)));
          expect(countedCards(state)).toBe(activeCards(state));
          expect(progressOf(state).placed).toBe([...state.members.values()].filter((m) => !m.kicked).reduce((n, m) => n + placedCount(m), 0));
          for (const row of Object.values(state.tally.counts)) {
            const total = Object.values(row).reduce((a, b) => a + b, 0);
            expect(total).toBeLessThanOrEqual([...state.members.values()].filter((m) => !m.kicked).length);
          }
          if (state.scoredRound === state.round) {
            for (const m of state.members.values()) {
              if (m.kicked || m.score === null) continue;
              const s = scoreOf(state, m);
              expect(m.score).toEqual({ correct: s.correct, total: s.total });
            }
          }
        }
        // A fresh load from the store equals the live state (connections aside: they are not stored).
        const reloaded = roomStateFrom({ ...storedRoom(state.phase), round: state.round, locked: state.locked, timer: state.timer, discussionIndex: state.discussionIndex, showLiveSplits: state.showLiveSplits }, store.round(state.round));
        for (const m of state.members.values()) m.connections = 0;
        expect(reloaded).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });
});
