import { describe, expect, it } from "vitest";
import { JOIN_PAGE_LIMIT, JoinCodeGate } from "@/lib/sessions/join-code-gate";

/** The join page's look-up limit (lib/sessions/join-code-gate.ts), with the look-up injected so
 *  each one is counted. */

function countingGate(open: Record<string, string[]>) {
  const lookups: string[] = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const gate = new JoinCodeGate<string[]>(async (code) => {
    lookups.push(code);
    await released; // every look-up of a wave is in flight at once
    return open[code] ?? null;
  });
  return { gate, lookups, release };
}

describe("JoinCodeGate", () => {
  it("lets a concurrent wave of unknown codes look up at most the burst, and refuses the rest", async () => {
    const { gate, lookups, release } = countingGate({});
    const wave = Array.from({ length: 100 }, (_, i) => gate.check(`CODE${String(i).padStart(2, "0")}`, "198.51.100.1", 0));
    release();
    const answers = await Promise.all(wave);
    expect(lookups.length).toBe(JOIN_PAGE_LIMIT.capacity);
    expect(answers.filter((a) => a.refused).length).toBe(100 - JOIN_PAGE_LIMIT.capacity);
    expect(answers.find((a) => a.refused)).toEqual({ refused: true, retryAfterSeconds: 2 });
  });

  it("refuses an address over its limit before looking up, whether the code exists or not", async () => {
    const { gate, lookups, release } = countingGate({ ABCDEF: ["Blue"] });
    release();
    for (let i = 0; i < JOIN_PAGE_LIMIT.capacity; i++) expect((await gate.check(`MISS${i}`, "198.51.100.2", 0)).refused).toBe(false);
    const before = lookups.length;
    expect(await gate.check("ABCDEF", "198.51.100.2", 0)).toEqual({ refused: true, retryAfterSeconds: 2 });
    expect(await gate.check("ZZZZZZ", "198.51.100.2", 0)).toEqual({ refused: true, retryAfterSeconds: 2 });
    expect(lookups.length).toBe(before);
    // Another address is not affected; and the limit refills.
    expect(await gate.check("ABCDEF", "198.51.100.3", 0)).toEqual({ refused: false, found: ["Blue"] });
    expect(await gate.check("ABCDEF", "198.51.100.2", 2_000)).toEqual({ refused: false, found: ["Blue"] });
  });

  it("charges nothing for codes that exist, and shares one look-up among concurrent loads of a code", async () => {
    const { gate, lookups, release } = countingGate({ ABCDEF: ["Blue"] });
    const room = Array.from({ length: 200 }, () => gate.check("ABCDEF", "198.51.100.4", 0));
    release();
    expect(await Promise.all(room)).toEqual(Array.from({ length: 200 }, () => ({ refused: false, found: ["Blue"] })));
    expect(lookups).toEqual(["ABCDEF"]);
    for (let i = 0; i < 3 * JOIN_PAGE_LIMIT.capacity; i++) expect((await gate.check("ABCDEF", "198.51.100.4", 0)).refused).toBe(false);
    // The address's budget for unknown codes is whole.
    for (let i = 0; i < JOIN_PAGE_LIMIT.capacity; i++) expect((await gate.check(`MISS${i}`, "198.51.100.4", 0)).refused).toBe(false);
    expect((await gate.check("MISSED", "198.51.100.4", 0)).refused).toBe(true);
  });
});
