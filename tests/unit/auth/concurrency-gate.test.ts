import { describe, expect, it } from "vitest";
import { ConcurrencyGate, GateFullError } from "@/lib/auth/concurrency-gate";
import { isPasswordWorkBusy } from "@/lib/auth/password";

/** The bound on concurrent argon2 work (lib/auth/concurrency-gate.ts). Tasks are promises the test
 *  settles by hand, so "running" is observed, not timed. */

function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const settle = () => new Promise((r) => setImmediate(r));

describe("ConcurrencyGate", () => {
  it("runs at most `limit` tasks at once; the rest wait and start in arrival order", async () => {
    const gate = new ConcurrencyGate(2, 10);
    const started: number[] = [];
    const tasks = Array.from({ length: 5 }, () => deferred<number>());
    const results = tasks.map((task, i) =>
      gate.run(() => {
        started.push(i);
        return task.promise;
      }),
    );
    const firstOutcome = results[0]!.then(
      () => "resolved",
      (error: Error) => error.message,
    );
    await settle();
    expect(started).toEqual([0, 1]);
    expect([gate.active, gate.queued]).toEqual([2, 3]);
    tasks[1]!.resolve(1);
    await settle();
    expect(started).toEqual([0, 1, 2]);
    tasks[0]!.reject(new Error("boom")); // a failing task frees its slot too
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const [i, task] of tasks.entries()) if (i >= 2) task.resolve(i);
    await settle();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(await firstOutcome).toBe("boom");
    expect(await Promise.all(results.slice(1))).toEqual([1, 2, 3, 4]);
    expect([gate.active, gate.queued]).toEqual([0, 0]);
  });

  it("refuses at once when the queue is full, and the refusal reads as 'password work busy'", async () => {
    const gate = new ConcurrencyGate(1, 1);
    const block = deferred();
    const running = gate.run(() => block.promise);
    const waiting = gate.run(async () => "waited");
    const refused = gate.run(async () => "never");
    await expect(refused).rejects.toBeInstanceOf(GateFullError);
    await refused.catch((error: unknown) => expect(isPasswordWorkBusy(error)).toBe(true));
    block.resolve();
    await running;
    expect(await waiting).toBe("waited");
    expect(await gate.run(async () => "room again")).toBe("room again");
  });

  it("other errors are not 'busy'", () => {
    expect(isPasswordWorkBusy(new Error("database down"))).toBe(false);
    expect(isPasswordWorkBusy("GateFullError")).toBe(false);
  });

  it.each([
    [0, 1],
    [1, -1],
    [Number.NaN, 1],
  ])("refuses limit %s with queue %s", (limit, maxWaiting) => {
    expect(() => new ConcurrencyGate(limit, maxWaiting)).toThrow(RangeError);
  });
});
