import { analyzeDeck, discussionQueue } from "@/lib/domain/analysis";
import { scoreRound, type RoundScore } from "@/lib/domain/scoring";
import { tallyFromPlacements, type Tally } from "@/lib/domain/tally";
import type { ProgressView, RevealView, TallyView } from "@/lib/protocol/views";
import type { ReadonlyMemberState, ReadonlyRoomState } from "./state";

/** Figures derived from a room's state: nothing here is stored twice. */

/** The room's split recomputed from scratch: the active members' cards. `state.tally` is kept
 *  incrementally and always equals this (the property tests check it). */
export function tallyOf(state: ReadonlyRoomState): Tally {
  const cards = [];
  for (const m of state.members.values()) {
    if (m.kicked) continue;
    for (const [statementId, p] of m.placements) cards.push({ statementId, column: p.column });
  }
  return tallyFromPlacements(state.settings.deck, cards);
}

/** A member's score for the current round, from their cards. */
export function scoreOf(state: ReadonlyRoomState, m: ReadonlyMemberState): RoundScore {
  return scoreRound(state.settings.deck, new Map([...m.placements].map(([id, p]) => [id, p.column])));
}

/** Statement ids in suggested discussion order (lib/domain/analysis). */
export function discussionQueueOf(state: ReadonlyRoomState): string[] {
  return discussionQueue(state.settings.deck, state.tally as Tally);
}

/** What the console and projector show after reveal; null until the round is scored. */
export function revealOf(state: ReadonlyRoomState): RevealView | null {
  if (state.scoredRound === null || state.scoredRound !== state.round) return null;
  const { deck } = state.settings;
  return {
    round: state.round,
    statements: deck.statements,
    analysis: analyzeDeck(deck, state.tally as Tally),
    queue: discussionQueueOf(state),
  };
}

export function progressOf(state: ReadonlyRoomState): ProgressView {
  return progressWith(state, memberCounts(state));
}

/** The member counts of progress: a walk over every member, so a broadcaster recounts them
 *  only when one of them can have changed (RoomChanges.people), not on every placement. */
export type MemberCounts = Pick<ProgressView, "joined" | "connected" | "submitted" | "closedAtReveal">;

export function memberCounts(state: ReadonlyRoomState): MemberCounts {
  const counts = { joined: 0, connected: 0, submitted: 0, closedAtReveal: 0 };
  for (const m of state.members.values()) {
    if (m.kicked) continue;
    counts.joined++;
    if (m.connections > 0) counts.connected++;
    if (m.closedAtReveal) counts.closedAtReveal++;
    else if (m.submitted) counts.submitted++;
  }
  return counts;
}

/** Progress from member counts taken when they last changed. The tally counts exactly the
 *  active members' placed cards (an invariant the property tests check), so summing its
 *  statements × columns cells gives the placed count without walking every member's cards:
 *  this runs on every broadcast, up to 10 times a second per session. */
export function progressWith(state: ReadonlyRoomState, counts: MemberCounts): ProgressView {
  let placed = 0;
  for (const row of Object.values(state.tally.counts)) for (const n of Object.values(row)) placed += n;
  return { round: state.round, ...counts, placed, capacity: counts.joined * state.settings.deck.statements.length };
}

export function placedCount(m: ReadonlyMemberState): number {
  let placed = 0;
  for (const p of m.placements.values()) if (p.column !== null) placed++;
  return placed;
}

export function tallyViewOf(state: ReadonlyRoomState): TallyView {
  const { deck } = state.settings;
  return { round: state.round, counts: deck.statements.map((s) => deck.columns.map((c) => state.tally.counts[s.id]?.[c.id] ?? 0)) };
}

/** Whether the projector may see the room's split: after reveal, or while sorting only when the
 *  facilitator chose to show live splits. One rule for the sync view and the broadcasts. */
export function screensMaySeeTally(state: ReadonlyRoomState): boolean {
  return state.phase === "revealed" || (state.phase === "closed" && state.scoredRound === state.round) || state.showLiveSplits;
}
