import type { Phase } from "@/lib/domain/phases";
import { NO_TIMER } from "@/lib/domain/timer";
import { apply, decide, roomStateFrom, type RoomCommand, type RoomState, type StoredMember, type StoredRoom, type StoredRound } from "@/lib/room";
import { leaderDeck } from "../domain/fixtures";

export const ROOM_ID = "room-1";
export const T0 = 1_700_000_000_000;

export function storedRoom(phase: Phase = "draft", over: Partial<StoredRoom> = {}): StoredRoom {
  return {
    settings: { id: ROOM_ID, ownerId: "owner", code: "ABC234", title: "Test", presenterKey: "k".repeat(20), deck: leaderDeck, maxRounds: 2, cohortOptions: [] },
    phase,
    round: 1,
    locked: false,
    timer: NO_TIMER,
    discussionIndex: 0,
    showLiveSplits: false,
    ...over,
  };
}

export function member(id: string, over: Partial<StoredMember> = {}): StoredMember {
  return { id, nickname: id, nicknameKey: id.toLowerCase(), cohort: null, kicked: false, banned: false, joinedAt: T0, ...over };
}

export const emptyRound = (round = 1): StoredRound => ({ round, members: [], placements: [], submissions: [], lastSeq: new Map() });

/** A room in `phase` with alice (active, one card placed), bob (kicked) and cara (banned); after
 *  reveal the round is scored. */
export function seededState(phase: Phase): RoomState {
  const round: StoredRound = {
    ...emptyRound(),
    members: [member("alice"), member("bob", { kicked: true }), member("cara", { kicked: true, banned: true })],
    placements: [{ participantId: "alice", statementKey: "vision", column: "leader", confidence: null, seq: 1 }],
    submissions: phase === "revealed" ? [{ participantId: "alice", byParticipant: true, score: 1, total: 4 }] : [],
  };
  return roomStateFrom(storedRoom(phase), round);
}

/** Decides and, when accepted, applies the events at once (the writes are taken as stored). */
export function run(state: RoomState, command: RoomCommand, now = T0) {
  const decision = decide(state, command, now);
  if (decision.ok) for (const e of decision.events) apply(state, e);
  return decision;
}
