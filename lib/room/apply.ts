import { applyMove } from "@/lib/domain/tally";
import type { RoomEvent } from "./commands";
import { loadRound, newMember, type RoomState } from "./state";

/**
 * Folds one event into the state, IN PLACE, and returns it: a room applies thousands of
 * placements a second, and copying every member's cards each time would cost more than the rest
 * of the path. Only the room's mailbox holds a mutable state; everyone else reads it through
 * `ReadonlyRoomState`. Events carry no rules: `decide` already checked them.
 */
export function apply(state: RoomState, event: RoomEvent): RoomState {
  switch (event.type) {
    case "joined":
      state.members.set(event.member.id, newMember(event.member));
      state.nicknameKeys.add(event.member.nicknameKey);
      break;
    case "placed": {
      const m = state.members.get(event.participantId);
      if (!m) break;
      const previous = m.placements.get(event.statementId);
      // A write never goes back to an older move of a card (the store refuses those too).
      if (previous && previous.seq >= event.placement.seq) break;
      m.placements.set(event.statementId, event.placement);
      if (!m.kicked) applyMove(state.tally, event.statementId, previous?.column ?? null, event.placement.column);
      m.lastSeq = Math.max(m.lastSeq, event.placement.seq);
      break;
    }
    case "submitted": {
      const m = state.members.get(event.participantId);
      if (m) m.submitted = true;
      break;
    }
    case "connectionsChanged": {
      const m = state.members.get(event.participantId);
      if (m) m.connections = Math.max(0, m.connections + event.delta);
      break;
    }
    case "patched": {
      const p = event.patch;
      if (p.phase !== undefined) state.phase = p.phase;
      if (p.round !== undefined) state.round = p.round;
      if (p.locked !== undefined) state.locked = p.locked;
      if (p.timer !== undefined) state.timer = { ...p.timer };
      if (p.discussionIndex !== undefined) state.discussionIndex = p.discussionIndex;
      if (p.showLiveSplits !== undefined) state.showLiveSplits = p.showLiveSplits;
      break;
    }
    case "removed": {
      const m = state.members.get(event.participantId);
      if (!m || m.kicked) break;
      // A removed participant's cards no longer count in the room's split.
      for (const [statementId, p] of m.placements) applyMove(state.tally, statementId, p.column, null);
      m.kicked = true;
      m.banned = event.banned;
      break;
    }
    case "banChanged": {
      const m = state.members.get(event.participantId);
      if (m) m.banned = event.banned;
      break;
    }
    case "roundClosed":
      for (const s of event.scores) {
        const m = state.members.get(s.participantId);
        if (!m) continue;
        m.score = { correct: s.correct, total: s.total };
        if (!m.submitted) m.closedAtReveal = true;
        m.submitted = true;
      }
      state.scoredRound = event.round;
      break;
    case "roundLoaded": {
      const previous = state.members;
      loadRound(state, event.round, (id) => previous.get(id)?.connections ?? 0);
      break;
    }
  }
  return state;
}
