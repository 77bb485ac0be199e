/**
 * Sorting-round countdown that the facilitator can pause, resume and extend.
 *
 * State is stored as an absolute deadline while running (so every client can render the
 * countdown from one broadcast, and a server restart loses nothing) and as the remaining
 * duration while paused (so pausing doesn't eat time). The current time is always passed in.
 *
 *   none:    { endsAt: null,   remainingMs: null }
 *   running: { endsAt: number, remainingMs: null }
 *   paused:  { endsAt: null,   remainingMs: number }
 *
 * Invalid arguments (negative, NaN, out-of-range durations; a non-finite `now`) throw
 * RangeError: callers validate user input first, so reaching one is a programming error.
 */

export const TIMER_MIN_DURATION_MS = 10 * 1000;
export const TIMER_MAX_DURATION_MS = 2 * 60 * 60 * 1000;

export interface TimerState {
  endsAt: number | null;
  remainingMs: number | null;
}

export type TimerStatus = "none" | "running" | "paused";

export const NO_TIMER: Readonly<TimerState> = Object.freeze({ endsAt: null, remainingMs: null });

export function timerStatus(state: TimerState): TimerStatus {
  if (state.endsAt !== null && state.remainingMs !== null) {
    throw new RangeError("Invalid timer state: both endsAt and remainingMs are set.");
  }
  if (state.endsAt !== null) return "running";
  if (state.remainingMs !== null) return "paused";
  return "none";
}

/** A running timer of `durationMs` (10 s – 2 h) from `now`. */
export function startTimer(durationMs: number, now: number): TimerState {
  assertNow(now);
  if (!Number.isFinite(durationMs) || durationMs < TIMER_MIN_DURATION_MS || durationMs > TIMER_MAX_DURATION_MS) {
    throw new RangeError(
      `Timer duration must be between ${TIMER_MIN_DURATION_MS} and ${TIMER_MAX_DURATION_MS} ms, got ${durationMs}.`,
    );
  }
  return { endsAt: now + durationMs, remainingMs: null };
}

/** Freeze the remaining time. Pausing a paused timer or no timer returns the state unchanged (double clicks are harmless). */
export function pauseTimer(state: TimerState, now: number): TimerState {
  assertNow(now);
  if (timerStatus(state) !== "running") return state;
  return { endsAt: null, remainingMs: Math.max(0, (state.endsAt as number) - now) };
}

/** Continue a paused timer from `now`. Anything other than a paused timer is returned unchanged. */
export function resumeTimer(state: TimerState, now: number): TimerState {
  assertNow(now);
  if (timerStatus(state) !== "paused") return state;
  return { endsAt: now + (state.remainingMs as number), remainingMs: null };
}

/**
 * Add `ms` (> 0, ≤ 2 h) to the time left. The result is capped at TIMER_MAX_DURATION_MS left,
 * because pressing "+5 min" repeatedly is a legitimate action, not an error. An expired
 * running timer gets `ms` from now ("one more minute" after the bell). Works while paused.
 * With no timer there is nothing to extend: the state is returned unchanged.
 */
export function extendTimer(state: TimerState, ms: number, now: number): TimerState {
  assertNow(now);
  if (!Number.isFinite(ms) || ms <= 0 || ms > TIMER_MAX_DURATION_MS) {
    throw new RangeError(`Timer extension must be more than 0 and at most ${TIMER_MAX_DURATION_MS} ms, got ${ms}.`);
  }
  switch (timerStatus(state)) {
    case "running": {
      const left = Math.max(0, (state.endsAt as number) - now);
      return { endsAt: now + Math.min(left + ms, TIMER_MAX_DURATION_MS), remainingMs: null };
    }
    case "paused":
      return { endsAt: null, remainingMs: Math.min((state.remainingMs as number) + ms, TIMER_MAX_DURATION_MS) };
    case "none":
      return state;
  }
}

/** Milliseconds left (never negative), or null when there is no timer. */
export function timeLeft(state: TimerState, now: number): number | null {
  assertNow(now);
  switch (timerStatus(state)) {
    case "running":
      return Math.max(0, (state.endsAt as number) - now);
    case "paused":
      return state.remainingMs;
    case "none":
      return null;
  }
}

/** True once a timer has run out (including one paused at 0). No timer never expires. */
export function isExpired(state: TimerState, now: number): boolean {
  return timeLeft(state, now) === 0;
}

function assertNow(now: number): void {
  if (!Number.isFinite(now)) throw new RangeError(`now must be a finite epoch-ms number, got ${now}.`);
}
