import { describe, expect, it } from "vitest";
import { ConcurrencyGate, GateFullError } from "@/lib/domain/concurrency-gate";

/** At most N tasks at once, at most M waiting, the rest refused at once. */

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("ConcurrencyGate", () => {
  it("runs at most maxRunning at once, queues up to maxQueued, refuses the rest", async () => {
    const gate = new ConcurrencyGate(2, 3);
    const started: number[] = [];
    const blockers = Array.from({ length: 6 }, () => deferred());
    const runs = blockers.map((b, i) =>
      gate.run(async () => {
        started.push(i);
        await b.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(gate.running).toBe(2);
    expect(gate.queued).toBe(3);
    await expect(runs[5]).rejects.toBeInstanceOf(GateFullError);

    blockers[0]!.resolve();
    await runs[0];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    expect(gate.running).toBe(2);

    for (const b of blockers) b.resolve();
    expect(await Promise.all(runs.slice(0, 5))).toEqual([0, 1, 2, 3, 4]);
    expect(gate.running).toBe(0);
    expect(gate.queued).toBe(0);
  });

  it("a failing task frees its slot", async () => {
    const gate = new ConcurrencyGate(1, 0);
    await expect(gate.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await gate.run(() => Promise.resolve("next"))).toBe("next");
  });

  it("with no queue, a second task while one runs is refused", async () => {
    const gate = new ConcurrencyGate(1, 0);
    const b = deferred();
    const first = gate.run(() => b.promise);
    await expect(gate.run(() => Promise.resolve())).rejects.toBeInstanceOf(GateFullError);
    b.resolve();
    await first;
  });

  it("refuses nonsense sizes", () => {
    expect(() => new ConcurrencyGate(0, 1)).toThrow(RangeError);
    expect(() => new ConcurrencyGate(1, -1)).toThrow(RangeError);
  });
});
