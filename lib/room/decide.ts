import { validateNickname } from "@/lib/domain/nickname";
import { canJoin, canPlace, transition } from "@/lib/domain/phases";
import { scoreRound } from "@/lib/domain/scoring";
import { extendTimer, isExpired, NO_TIMER, pauseTimer, resumeTimer, startTimer, type TimerState } from "@/lib/domain/timer";
import { KICKED_REJOIN_MESSAGE, type ErrorCode } from "@/lib/protocol/errors";
import type { Decision, RoomCommand, RoomEvent, RoomPatch, RoomWrite } from "./commands";
import { discussionQueueOf } from "./derive";
import type { ReadonlyMemberState, ReadonlyRoomState } from "./state";

/**
 * Every rule of a live room, in one place: who may join when, which placements count, submit,
 * phase changes (reveal closes the round out, next round), the timer and its expiry, kick, ban
 * and unban. Pure: the time comes in as `now`, nothing is stored or sent here. The answer is an
 * error for the caller, or the writes to store and the events to apply once they are stored.
 */
export function decide(state: ReadonlyRoomState, command: RoomCommand, now: number): Decision {
  switch (command.type) {
    case "join":
      return join(state, command, now);
    case "place":
      return place(state, command, now);
    case "submit": {
      const member = activeMember(state, command.participantId);
      if ("error" in member) return member.error;
      if (!canPlace(state.phase)) return refuse("WRONG_PHASE", SORTING_CLOSED);
      if (member.submitted) return refuse("ALREADY_SUBMITTED");
      return accept([{ type: "submitted", participantId: member.id }], [{ kind: "submission", participantId: member.id, round: state.round, submittedAt: now }]);
    }
    case "connect":
    case "disconnect":
      if (!state.members.has(command.participantId)) return refuse("UNKNOWN_PARTICIPANT");
      return accept([{ type: "connectionsChanged", participantId: command.participantId, delta: command.type === "connect" ? 1 : -1 }], []);
    case "changePhase":
      return changePhase(state, command, now);
    case "timer":
      return timer(state, command, now);
    case "lock":
      if (state.phase === "closed") return refuse("SESSION_CLOSED");
      return patch(state, { locked: command.locked }, now);
    case "showSplits":
      return patch(state, { showLiveSplits: command.show }, now);
    case "gotoDiscussion": {
      if (state.phase !== "revealed" || state.scoredRound !== state.round) return refuse("WRONG_PHASE", "Discussion starts after reveal.");
      const length = discussionQueueOf(state).length;
      if (command.index >= length) return refuse("VALIDATION", `There are ${length} statements to discuss.`);
      return patch(state, { discussionIndex: command.index }, now);
    }
    case "remove": {
      // A kick lets the person join again as someone new; a ban also refuses their device.
      // Banning someone already kicked makes it a ban; kicking someone banned keeps the ban.
      const member = state.members.get(command.participantId);
      if (!member) return refuse("UNKNOWN_PARTICIPANT");
      if (member.kicked) return command.ban && !member.banned ? setBanned(member.id, true) : accept([], []);
      return accept([{ type: "removed", participantId: member.id, banned: command.ban }], [{ kind: "removeParticipant", participantId: member.id, banned: command.ban }]);
    }
    case "unban": {
      // The participant stays removed; their device may join again as someone new.
      const member = state.members.get(command.participantId);
      if (!member) return refuse("UNKNOWN_PARTICIPANT");
      return member.banned ? setBanned(member.id, false) : accept([], []);
    }
    case "closeRound":
      return closeRound(state, now);
  }
}

const SORTING_CLOSED = "Sorting is not open right now.";

function join(state: ReadonlyRoomState, command: Extract<RoomCommand, { type: "join" }>, now: number): Decision {
  if (state.phase === "closed") return refuse("SESSION_CLOSED");
  if (!canJoin(state.phase)) return refuse("WRONG_PHASE", "This session has not opened its lobby yet. Wait for the facilitator.");
  if (state.locked) return refuse("SESSION_LOCKED");
  const nickname = validateNickname(command.nickname);
  if (!nickname.ok) return refuse(nickname.code, nickname.message);
  const cohort = command.cohort?.trim() || null;
  const options = state.settings.cohortOptions;
  if (options.length > 0 ? cohort === null || !options.includes(cohort) : cohort !== null) return refuse("COHORT_INVALID");
  if (state.nicknameKeys.has(nickname.key)) return refuse("NICKNAME_TAKEN");
  if (state.members.has(command.participantId)) return refuse("INTERNAL", "Participant id reused.");
  const member = { id: command.participantId, nickname: nickname.nickname, nicknameKey: nickname.key, cohort, kicked: false, banned: false, joinedAt: now };
  return accept([{ type: "joined", member }], [{ kind: "insertParticipant", member, tokenHash: command.tokenHash }]);
}

function place(state: ReadonlyRoomState, command: Extract<RoomCommand, { type: "place" }>, now: number): Decision {
  const member = activeMember(state, command.participantId);
  if ("error" in member) return member.error;
  if (!canPlace(state.phase)) return refuse("WRONG_PHASE", SORTING_CLOSED);
  if (member.submitted) return refuse("ALREADY_SUBMITTED");
  if (isExpired(state.timer, now)) return refuse("WRONG_PHASE", "Time is up: the answers are locked.");
  const { deck } = state.settings;
  if (!deck.statements.some((s) => s.id === command.statementId)) return refuse("UNKNOWN_STATEMENT");
  if (command.column !== null && !deck.columns.some((c) => c.id === command.column)) return refuse("UNKNOWN_COLUMN");
  const placement = { column: command.column, confidence: command.confidence, seq: command.seq };
  return accept(
    [{ type: "placed", participantId: member.id, statementId: command.statementId, placement }],
    [{ kind: "placement", participantId: member.id, round: state.round, statementKey: command.statementId, ...placement, placedAt: now }],
  );
}

function changePhase(state: ReadonlyRoomState, command: Extract<RoomCommand, { type: "changePhase" }>, now: number): Decision {
  const result = transition({ phase: state.phase, round: state.round, maxRounds: state.settings.maxRounds }, command.action);
  if (!result.ok) return refuse("WRONG_PHASE", result.reason);
  const change: RoomPatch = { phase: result.phase, round: result.round };
  if (result.phase === "sorting") change.timer = command.timerSeconds ? startTimer(command.timerSeconds * 1000, now) : NO_TIMER;
  if (result.phase === "revealed") {
    change.timer = NO_TIMER;
    change.discussionIndex = 0;
  }
  const write: RoomWrite = { kind: "roomState", patch: change, expected: { phase: state.phase, round: state.round }, at: now };
  if (result.phase === "closed") write.closedAt = now;
  // Reveal and next round re-read the round from the store (the source of truth) before going on.
  const reload = command.action === "reveal" || command.action === "startNextRound";
  return { ok: true, events: [{ type: "patched", patch: change }], writes: [write], reload, then: command.action === "reveal" ? { type: "closeRound" } : undefined };
}

function timer(state: ReadonlyRoomState, command: Extract<RoomCommand, { type: "timer" }>, now: number): Decision {
  if (state.phase !== "sorting") return refuse("WRONG_PHASE", "The timer runs only while sorting.");
  const current = state.timer;
  const running = current.endsAt !== null;
  const paused = current.remainingMs !== null;
  let next: TimerState;
  switch (command.change) {
    case "set":
      next = startTimer((command.seconds ?? 0) * 1000, now);
      break;
    case "clear":
      next = NO_TIMER;
      break;
    case "pause":
      if (!running) return refuse("WRONG_PHASE", "No timer is running.");
      next = pauseTimer(current, now);
      break;
    case "resume":
      if (!paused) return refuse("WRONG_PHASE", "The timer is not paused.");
      next = resumeTimer(current, now);
      break;
    case "extend":
      if (!running && !paused) return refuse("WRONG_PHASE", "There is no timer to extend.");
      next = extendTimer(current, (command.seconds ?? 0) * 1000, now);
      break;
  }
  return patch(state, { timer: next }, now);
}

/** Scores every member not removed and closes the round for those who had not submitted. */
function closeRound(state: ReadonlyRoomState, now: number): Decision {
  if (state.phase !== "revealed") return refuse("WRONG_PHASE", "A round closes at reveal.");
  const scores = [];
  for (const m of state.members.values()) {
    if (m.kicked) continue;
    const s = scoreRound(state.settings.deck, new Map([...m.placements].map(([id, p]) => [id, p.column])));
    scores.push({ participantId: m.id, correct: s.correct, total: s.total });
  }
  return accept([{ type: "roundClosed", round: state.round, scores }], [{ kind: "finalizeRound", round: state.round, at: now, scores }]);
}

function patch(state: ReadonlyRoomState, change: RoomPatch, now: number): Decision {
  return accept([{ type: "patched", patch: change }], [{ kind: "roomState", patch: change, expected: { phase: state.phase, round: state.round }, at: now }]);
}

function setBanned(participantId: string, banned: boolean): Decision {
  return accept([{ type: "banChanged", participantId, banned }], [{ kind: "setBanned", participantId, banned }]);
}

/** A member who may still act: present, not removed. */
function activeMember(state: ReadonlyRoomState, participantId: string): ReadonlyMemberState | { error: Decision } {
  const member = state.members.get(participantId);
  if (!member) return { error: refuse("UNKNOWN_PARTICIPANT") };
  if (member.banned) return { error: refuse("KICKED") };
  // Kicked: this identity is void, but the person may join again as someone new.
  if (member.kicked) return { error: refuse("UNAUTHENTICATED", KICKED_REJOIN_MESSAGE) };
  return member;
}

/** Whether a participant may still act (sync, place, submit); the error to answer when not. */
export function checkActive(state: ReadonlyRoomState, participantId: string): Decision | null {
  const member = activeMember(state, participantId);
  return "error" in member ? member.error : null;
}

function accept(events: RoomEvent[], writes: RoomWrite[]): Decision {
  return { ok: true, events, writes };
}

function refuse(code: ErrorCode, message?: string): Decision {
  return { ok: false, error: message === undefined ? { code } : { code, message } };
}
