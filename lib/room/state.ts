import type { Deck } from "@/lib/decks/types";
import type { Phase } from "@/lib/domain/phases";
import { applyMove, emptyTally, type Tally } from "@/lib/domain/tally";
import type { TimerState } from "@/lib/domain/timer";

/**
 * The state of one live room (a session while it runs), as plain data. Only `apply` (apply.ts)
 * changes it, and only the room's own mailbox (server/rooms/live-room.ts) calls `apply`; everyone
 * else reads it through the `ReadonlyRoomState` type. Postgres stays the source of truth: a state
 * can be rebuilt from the store at any time (`roomStateFrom`).
 *
 * Names: a *session* (UI, API) is stored as a `workshops` row and lives on the server as a
 * *room*; see docs/glossary.md.
 */

export type Confidence = "sure" | "unsure";

/** A participant as the store keeps them. */
export interface StoredMember {
  id: string;
  nickname: string;
  /** The nickname comparison key (lib/domain/nickname): two members never share one. */
  nicknameKey: string;
  cohort: string | null;
  /** Removed by the facilitator (kicked or banned): their cards stop counting. */
  kicked: boolean;
  /** Banned: their device may not come back while the session runs. Implies `kicked`. */
  banned: boolean;
  joinedAt: number;
}

export interface CardPlacement {
  column: string | null;
  confidence: Confidence | null;
  seq: number;
}

export interface MemberState extends StoredMember {
  /** Their cards in the current round, by statement id. */
  placements: Map<string, CardPlacement>;
  submitted: boolean;
  /** The round was closed for them at reveal: they had not submitted themselves. */
  closedAtReveal: boolean;
  /** Highest seq stored for them in any round: a returning client continues above it. */
  lastSeq: number;
  /** Sockets connected on this node. */
  connections: number;
  /** Score of the current round once it is closed (revealed). */
  score: { correct: number; total: number } | null;
}

/** What does not change while a room runs. */
export interface RoomSettings {
  id: string;
  ownerId: string;
  code: string;
  title: string;
  presenterKey: string;
  deck: Deck;
  maxRounds: number;
  cohortOptions: readonly string[];
}

export interface RoomState {
  settings: RoomSettings;
  phase: Phase;
  /** 1-based. */
  round: number;
  locked: boolean;
  timer: TimerState;
  discussionIndex: number;
  showLiveSplits: boolean;
  /** Every participant who ever joined, removed ones included, in joining order. */
  members: Map<string, MemberState>;
  /** Derived: where the active members' cards are (kept incrementally by `apply`, equal to
   *  `tallyOf(state)` at all times; the property tests check it). */
  tally: Tally;
  /** The round whose scores are stored (set at reveal), so reveal views can be shown. */
  scoredRound: number | null;
  /** Derived: every member's nicknameKey (removed ones too: their nicknames stay taken), so a
   *  join checks its nickname in O(1) instead of walking thousands of members. */
  nicknameKeys: Set<string>;
}

type DeepReadonly<T> = T extends Map<infer K, infer V>
  ? ReadonlyMap<K, DeepReadonly<V>>
  : T extends Set<infer V>
    ? ReadonlySet<V>
    : T extends (infer E)[]
      ? readonly DeepReadonly<E>[]
      : T extends object
        ? { readonly [P in keyof T]: DeepReadonly<T[P]> }
        : T;

/** The room's state as everyone but the room sees it (the settings and the deck are never
 *  changed by anyone, so they keep their own types). */
export type ReadonlyRoomState = DeepReadonly<Omit<RoomState, "settings">> & { readonly settings: RoomSettings };
export type ReadonlyMemberState = DeepReadonly<MemberState>;

/** A session as the store holds it (the `workshops` row, the round's rows). */
export interface StoredRoom {
  settings: RoomSettings;
  phase: Phase;
  round: number;
  locked: boolean;
  timer: TimerState;
  discussionIndex: number;
  showLiveSplits: boolean;
}

/** The current round as the store holds it. */
export interface StoredRound {
  round: number;
  members: StoredMember[];
  placements: { participantId: string; statementKey: string; column: string | null; confidence: Confidence | null; seq: number }[];
  /** This round's submissions. */
  submissions: { participantId: string; byParticipant: boolean; score: number | null; total: number | null }[];
  /** Highest seq per participant over every round. */
  lastSeq: ReadonlyMap<string, number>;
}

export function newMember(m: StoredMember): MemberState {
  return { ...m, placements: new Map(), submitted: false, closedAtReveal: false, lastSeq: 0, connections: 0, score: null };
}

/** A room's state from its stored row and round (at load, and on reload at reveal and next round).
 *  Connection counts are not stored: `connections` carries them over from the state being replaced. */
export function roomStateFrom(stored: StoredRoom, round: StoredRound, connections: (id: string) => number = () => 0): RoomState {
  const state: RoomState = { ...stored, members: new Map(), tally: emptyTally(stored.settings.deck), scoredRound: null, nicknameKeys: new Set() };
  loadRound(state, round, connections);
  return state;
}

/** Replaces members, placements, tally and scores with the stored round. */
export function loadRound(state: RoomState, round: StoredRound, connections: (id: string) => number): void {
  state.members = new Map();
  state.tally = emptyTally(state.settings.deck);
  state.nicknameKeys = new Set(round.members.map((m) => m.nicknameKey));
  for (const m of round.members) state.members.set(m.id, { ...newMember(m), connections: connections(m.id), lastSeq: round.lastSeq.get(m.id) ?? 0 });
  for (const p of round.placements) {
    const m = state.members.get(p.participantId);
    if (!m) continue;
    m.placements.set(p.statementKey, { column: p.column, confidence: p.confidence, seq: p.seq });
    if (!m.kicked) applyMove(state.tally, p.statementKey, null, p.column);
  }
  let scored = false;
  for (const s of round.submissions) {
    const m = state.members.get(s.participantId);
    if (!m) continue;
    m.submitted = true;
    m.closedAtReveal = !s.byParticipant;
    if (s.score !== null && s.total !== null) {
      m.score = { correct: s.score, total: s.total };
      scored = true;
    }
  }
  state.scoredRound = state.phase === "revealed" || (state.phase === "closed" && scored) ? state.round : null;
}
