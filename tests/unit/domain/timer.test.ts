import { describe, expect, it } from "vitest";
import {
  NO_TIMER,
  TIMER_MAX_DURATION_MS,
  TIMER_MIN_DURATION_MS,
  extendTimer,
  isExpired,
  pauseTimer,
  resumeTimer,
  startTimer,
  timeLeft,
  timerStatus,
  type TimerState,
} from "@/lib/domain/timer";

const T0 = 1_750_000_000_000; // an arbitrary epoch-ms "now"
const MIN = 60_000;

describe("limits", () => {
  it("are 10 s and 2 h", () => {
    expect(TIMER_MIN_DURATION_MS).toBe(10_000);
    expect(TIMER_MAX_DURATION_MS).toBe(7_200_000);
  });
});

describe("startTimer", () => {
  it.each([TIMER_MIN_DURATION_MS, 5 * MIN, TIMER_MAX_DURATION_MS])("starts a %i ms countdown", (duration) => {
    const state = startTimer(duration, T0);
    expect(state).toEqual({ endsAt: T0 + duration, remainingMs: null });
    expect(timerStatus(state)).toBe("running");
    expect(timeLeft(state, T0)).toBe(duration);
  });

  it.each([
    ["negative", -1000],
    ["zero", 0],
    ["just under the minimum", TIMER_MIN_DURATION_MS - 1],
    ["just over the maximum", TIMER_MAX_DURATION_MS + 1],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
  ])("throws RangeError for a %s duration", (_label, duration) => {
    expect(() => startTimer(duration, T0)).toThrow(RangeError);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])("throws RangeError for now = %s", (now) => {
    expect(() => startTimer(MIN, now)).toThrow(RangeError);
  });
});

describe("timeLeft / isExpired", () => {
  const running = startTimer(MIN, T0);
  it.each<{ label: string; state: TimerState; now: number; left: number | null; expired: boolean }>([
    { label: "running, at start", state: running, now: T0, left: MIN, expired: false },
    { label: "running, halfway", state: running, now: T0 + 30_000, left: 30_000, expired: false },
    { label: "running, 1 ms before the end", state: running, now: T0 + MIN - 1, left: 1, expired: false },
    { label: "running, exactly at the end", state: running, now: T0 + MIN, left: 0, expired: true },
    { label: "running, long after", state: running, now: T0 + 10 * MIN, left: 0, expired: true },
    { label: "running, clock before start (skew)", state: running, now: T0 - 5000, left: MIN + 5000, expired: false },
    { label: "paused with time left", state: { endsAt: null, remainingMs: 12_345 }, now: T0 + 99 * MIN, left: 12_345, expired: false },
    { label: "paused at zero", state: { endsAt: null, remainingMs: 0 }, now: T0, left: 0, expired: true },
    { label: "no timer", state: NO_TIMER, now: T0, left: null, expired: false },
  ])("$label → left $left, expired $expired", ({ state, now, left, expired }) => {
    expect(timeLeft(state, now)).toBe(left);
    expect(isExpired(state, now)).toBe(expired);
  });

  it("throws on an inconsistent state with both fields set", () => {
    expect(() => timeLeft({ endsAt: T0, remainingMs: 5 }, T0)).toThrow(RangeError);
  });
});

describe("pauseTimer / resumeTimer", () => {
  it("keeps the remaining time across a pause of any length", () => {
    const started = startTimer(2 * MIN, T0);
    const paused = pauseTimer(started, T0 + 45_000);
    expect(paused).toEqual({ endsAt: null, remainingMs: 75_000 });
    expect(timeLeft(paused, T0 + 60 * MIN)).toBe(75_000);
    const resumed = resumeTimer(paused, T0 + 60 * MIN);
    expect(resumed).toEqual({ endsAt: T0 + 60 * MIN + 75_000, remainingMs: null });
    expect(timeLeft(resumed, T0 + 60 * MIN + 70_000)).toBe(5000);
  });

  it("pausing an expired timer leaves 0, not a negative number", () => {
    expect(pauseTimer(startTimer(MIN, T0), T0 + 2 * MIN)).toEqual({ endsAt: null, remainingMs: 0 });
  });

  it.each<[string, TimerState]>([
    ["paused", { endsAt: null, remainingMs: 5000 }],
    ["no timer", NO_TIMER],
  ])("pausing when %s returns the state unchanged", (_label, state) => {
    expect(pauseTimer(state, T0)).toBe(state);
  });

  it.each<[string, TimerState]>([
    ["running", startTimer(MIN, T0)],
    ["no timer", NO_TIMER],
  ])("resuming when %s returns the state unchanged", (_label, state) => {
    expect(resumeTimer(state, T0 + 1000)).toBe(state);
  });

  it("does not mutate the input state", () => {
    const started = startTimer(MIN, T0);
    const copy = { ...started };
    pauseTimer(started, T0 + 1000);
    extendTimer(started, MIN, T0 + 1000);
    expect(started).toEqual(copy);
  });
});

describe("extendTimer", () => {
  it.each<{ label: string; state: TimerState; ms: number; now: number; expected: TimerState }>([
    {
      label: "running: adds to the deadline",
      state: startTimer(MIN, T0),
      ms: MIN,
      now: T0 + 10_000,
      expected: { endsAt: T0 + 2 * MIN, remainingMs: null },
    },
    {
      label: "expired: gives ms from now",
      state: startTimer(MIN, T0),
      ms: MIN,
      now: T0 + 5 * MIN,
      expected: { endsAt: T0 + 6 * MIN, remainingMs: null },
    },
    {
      label: "paused: adds to the remaining time",
      state: { endsAt: null, remainingMs: 20_000 },
      ms: 30_000,
      now: T0,
      expected: { endsAt: null, remainingMs: 50_000 },
    },
    {
      label: "running: capped at 2 h left",
      state: startTimer(TIMER_MAX_DURATION_MS - MIN, T0),
      ms: 5 * MIN,
      now: T0,
      expected: { endsAt: T0 + TIMER_MAX_DURATION_MS, remainingMs: null },
    },
    {
      label: "paused: capped at 2 h left",
      state: { endsAt: null, remainingMs: TIMER_MAX_DURATION_MS },
      ms: MIN,
      now: T0,
      expected: { endsAt: null, remainingMs: TIMER_MAX_DURATION_MS },
    },
    {
      label: "short extensions below the start minimum are fine",
      state: startTimer(MIN, T0),
      ms: 5000,
      now: T0,
      expected: { endsAt: T0 + MIN + 5000, remainingMs: null },
    },
  ])("$label", ({ state, ms, now, expected }) => {
    expect(extendTimer(state, ms, now)).toEqual(expected);
  });

  it("with no timer returns the state unchanged", () => {
    expect(extendTimer(NO_TIMER, MIN, T0)).toBe(NO_TIMER);
  });

  it.each([-MIN, 0, Number.NaN, Number.POSITIVE_INFINITY, TIMER_MAX_DURATION_MS + 1])("throws RangeError for ms = %s", (ms) => {
    expect(() => extendTimer(startTimer(MIN, T0), ms, T0)).toThrow(RangeError);
  });
});

describe("timerStatus", () => {
  it.each<[TimerState, string]>([
    [NO_TIMER, "none"],
    [{ endsAt: T0, remainingMs: null }, "running"],
    [{ endsAt: null, remainingMs: 0 }, "paused"],
  ])("%j → %s", (state, status) => {
    expect(timerStatus(state)).toBe(status);
  });
});
