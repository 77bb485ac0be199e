import type { ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PostgresSupervisor } from "@/server/db/supervisor";

/** Stands in for a postmaster's ChildProcess: dies when told to, or when sent a signal. */
class FakePostmaster extends EventEmitter {
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;
  readonly signals: string[] = [];
  kill(signal: NodeJS.Signals): boolean {
    this.signals.push(signal);
    this.die(null, signal);
    return true;
  }
  die(code: number | null, signal: NodeJS.Signals | null): void {
    this.exitCode = code;
    this.signalCode = signal;
    this.emit("exit", code, signal);
  }
}

/** A start function whose successive calls succeed or fail as the test says. */
function starter() {
  const started: FakePostmaster[] = [];
  let failNext = 0;
  const start = vi.fn(async () => {
    if (failNext > 0) {
      failNext--;
      throw new Error("pre-existing shared memory block is still in use");
    }
    const child = new FakePostmaster();
    started.push(child);
    return child as unknown as ChildProcess;
  });
  return { start, started, failTimes: (n: number) => (failNext = n) };
}

function capturingLogger() {
  const lines: { level: number; msg: string; [key: string]: unknown }[] = [];
  const log = pino({ level: "debug" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines, errors: () => lines.filter((l) => l.level >= 50) };
}

describe("PostgresSupervisor", () => {
  let clock = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    clock = 0;
  });
  afterEach(() => vi.useRealTimers());
  const advance = async (ms: number) => {
    clock += ms;
    await vi.advanceTimersByTimeAsync(ms);
  };

  it("restarts a postmaster that dies, after a short delay, and logs the death once", async () => {
    const pg = starter();
    const { log, errors } = capturingLogger();
    const supervisor = new PostgresSupervisor(pg.start, { log, restart: true, initialDelayMs: 500, now: () => clock });
    await supervisor.start();
    pg.started[0]!.die(null, "SIGKILL");
    expect(supervisor.running).toBe(false);
    await advance(499);
    expect(pg.start).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(pg.start).toHaveBeenCalledTimes(2);
    expect(supervisor.running).toBe(true);
    expect(errors()).toEqual([expect.objectContaining({ signal: "SIGKILL", msg: expect.stringContaining("restarting") })]);
  });

  it("backs off exponentially while restarts fail, with one log line per attempt", async () => {
    const pg = starter();
    const { log, errors } = capturingLogger();
    const supervisor = new PostgresSupervisor(pg.start, { log, restart: true, initialDelayMs: 500, maxDelayMs: 4_000, now: () => clock });
    await supervisor.start();
    pg.failTimes(1_000);
    pg.started[0]!.die(null, "SIGKILL");
    await advance(60_000);
    // Attempts at 0.5, 1.5, 3.5, 7.5, 11.5, …, 59.5 s: 17 in a minute, not one per query or per millisecond.
    expect(pg.start.mock.calls.length - 1).toBe(17);
    expect(errors()).toHaveLength(1 + 17);
    expect(errors().at(-1)).toMatchObject({ retryInMs: 4_000, reason: expect.stringContaining("shared memory") });
    pg.failTimes(0);
    await advance(4_000);
    expect(supervisor.running).toBe(true);
  });

  it("keeps the long backoff for a crash loop and resets it after a stable run", async () => {
    const pg = starter();
    const { log } = capturingLogger();
    const supervisor = new PostgresSupervisor(pg.start, { log, restart: true, initialDelayMs: 500, maxDelayMs: 8_000, stableMs: 30_000, now: () => clock });
    await supervisor.start();
    await advance(60_000); // stable
    for (const expectedDelay of [500, 1_000, 2_000]) {
      const calls = pg.start.mock.calls.length;
      pg.started.at(-1)!.die(1, null); // dies right after each restart
      await advance(expectedDelay - 1);
      expect(pg.start).toHaveBeenCalledTimes(calls);
      await advance(1);
      expect(pg.start).toHaveBeenCalledTimes(calls + 1);
    }
    await advance(30_000); // stable again
    const calls = pg.start.mock.calls.length;
    pg.started.at(-1)!.die(1, null);
    await advance(500);
    expect(pg.start).toHaveBeenCalledTimes(calls + 1);
  });

  it("stops at once when the postmaster is already dead, and never restarts after a stop", async () => {
    const pg = starter();
    const { log } = capturingLogger();
    const supervisor = new PostgresSupervisor(pg.start, { log, restart: true, initialDelayMs: 500, now: () => clock });
    await supervisor.start();
    pg.started[0]!.die(null, "SIGKILL");
    await supervisor.stop(); // no timer advanced: it must not wait for anything
    await advance(60_000);
    expect(pg.start).toHaveBeenCalledTimes(1);
    expect(pg.started[0]!.signals).toEqual([]);
  });

  it("stops a running postmaster with a fast shutdown (SIGINT)", async () => {
    const pg = starter();
    const { log, errors } = capturingLogger();
    const supervisor = new PostgresSupervisor(pg.start, { log, restart: true, now: () => clock });
    await supervisor.start();
    await supervisor.stop();
    expect(pg.started[0]!.signals).toEqual(["SIGINT"]);
    expect(errors()).toEqual([]);
  });

  it("waits for a restart in progress, then stops what it started", async () => {
    const started: FakePostmaster[] = [];
    let finishStart: () => void = () => undefined;
    const start = vi.fn(async () => {
      const child = new FakePostmaster();
      started.push(child);
      if (started.length > 1) await new Promise<void>((resolve) => (finishStart = resolve));
      return child as unknown as ChildProcess;
    });
    const { log } = capturingLogger();
    const supervisor = new PostgresSupervisor(start, { log, restart: true, initialDelayMs: 500, now: () => clock });
    await supervisor.start();
    started[0]!.die(null, "SIGKILL");
    await advance(500);
    expect(start).toHaveBeenCalledTimes(2);
    const stopped = supervisor.stop();
    finishStart();
    await stopped;
    expect(started[1]!.signals).toEqual(["SIGINT"]);
    expect(supervisor.running).toBe(false);
  });

  it("only reports a death when restarting is off", async () => {
    const pg = starter();
    const { log, errors } = capturingLogger();
    const supervisor = new PostgresSupervisor(pg.start, { log, restart: false, now: () => clock });
    await supervisor.start();
    pg.started[0]!.die(null, "SIGKILL");
    await advance(60_000);
    expect(pg.start).toHaveBeenCalledTimes(1);
    expect(errors()).toHaveLength(1);
    await supervisor.stop();
  });
});
