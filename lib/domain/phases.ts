/**
 * Session lifecycle as a pure state machine.
 *
 *   draft ──openLobby──▶ lobby ──startSorting──▶ sorting ──reveal──▶ revealed
 *                                                   ▲                   │
 *                                                   └──startNextRound───┘  (while round < maxRounds)
 *   any phase except closed ──end──▶ closed
 *
 * The server calls `transition` before persisting a phase change, so every illegal move
 * (a double-clicked "Reveal", a stale tab) is refused here with a reason instead of
 * corrupting the session. Rounds are 1-based; only `startNextRound` changes the round.
 */

export const PHASES = ["draft", "lobby", "sorting", "revealed", "closed"] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_ACTIONS = ["openLobby", "startSorting", "reveal", "startNextRound", "end"] as const;
export type PhaseAction = (typeof PHASE_ACTIONS)[number];

export interface PhaseState {
  phase: Phase;
  /** Current round, 1-based. */
  round: number;
  /** Rounds allowed for this session (≥ 1). */
  maxRounds: number;
}

export type TransitionResult =
  | { ok: true; phase: Phase; round: number }
  | { ok: false; reason: string };

/** Narrow an untrusted string (from the DB or a request) to a Phase. */
export function isPhase(value: unknown): value is Phase {
  return typeof value === "string" && (PHASES as readonly string[]).includes(value);
}

/** Apply `action` to `state`. Never throws for a disallowed move: the reason is returned for the caller to report. */
export function transition(state: PhaseState, action: PhaseAction): TransitionResult {
  const { phase, round, maxRounds } = state;

  if (action === "end") {
    // Ending is always possible so a facilitator can never get stuck; ending twice is an error
    // so the caller does not re-run "session ended" side effects.
    return phase === "closed" ? refuse("The session has already ended.") : allow("closed", round);
  }

  switch (action) {
    case "openLobby":
      return phase === "draft" ? allow("lobby", round) : refuse(`Cannot open the lobby while the session is ${phase}.`);
    case "startSorting":
      return phase === "lobby" ? allow("sorting", round) : refuse(`Cannot start sorting while the session is ${phase}.`);
    case "reveal":
      return phase === "sorting" ? allow("revealed", round) : refuse(`Cannot reveal answers while the session is ${phase}.`);
    case "startNextRound":
      if (phase !== "revealed") return refuse(`Cannot start the next round while the session is ${phase}.`);
      if (round >= maxRounds) return refuse(`This was the last round (${round} of ${maxRounds}).`);
      return allow("sorting", round + 1);
    default:
      return refuse(`Unknown action "${String(action satisfies never)}".`);
  }
}

/** Participants may join while the lobby is open and during sorting (latecomers). */
export function canJoin(phase: Phase): boolean {
  return phase === "lobby" || phase === "sorting";
}

/** Where a session stands for someone who has not joined yet: not open yet (draft), open (lobby or
 *  sorting), between rounds (the room discusses a reveal; the next round lets people in again), or
 *  over (the last round was revealed, or the session ended): no one joins any more. */
export type JoinStage = "notYet" | "open" | "betweenRounds" | "over";

export function joinStage(state: PhaseState): JoinStage {
  if (state.phase === "draft") return "notYet";
  if (canJoin(state.phase)) return "open";
  if (state.phase === "revealed" && state.round < state.maxRounds) return "betweenRounds";
  return "over";
}

/** Cards may only be moved while sorting; after reveal the answers are known. */
export function canPlace(phase: Phase): boolean {
  return phase === "sorting";
}

function allow(phase: Phase, round: number): TransitionResult {
  return { ok: true, phase, round };
}

function refuse(reason: string): TransitionResult {
  return { ok: false, reason };
}
