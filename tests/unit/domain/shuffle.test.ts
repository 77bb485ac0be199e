import { describe, expect, it } from "vitest";
import { seededRandom, shuffledOrder } from "@/lib/domain/shuffle";

const letters = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"] as const;

describe("shuffledOrder", () => {
  it.each([
    // Pinned outputs: if these change, every live participant's card order changes on reconnect.
    { seed: "session-1:participant-1:1", expected: ["a", "b", "h", "d", "g", "j", "i", "f", "e", "c"] },
    { seed: "session-1:participant-2:1", expected: ["f", "j", "b", "a", "e", "h", "c", "d", "i", "g"] },
    { seed: "", expected: ["e", "c", "h", "b", "d", "j", "i", "a", "g", "f"] },
  ])("is stable for seed $seed", ({ seed, expected }) => {
    expect(shuffledOrder(letters, seed)).toEqual(expected);
  });

  it("returns the same order for the same seed", () => {
    for (const seed of ["x", "s:p:1", "s:p:2", "ünïcødé 🎲"]) {
      expect(shuffledOrder(letters, seed)).toEqual(shuffledOrder(letters, seed));
    }
  });

  it("returns different orders for most different seeds", () => {
    const orders = new Set<string>();
    for (let p = 0; p < 100; p++) orders.add(shuffledOrder(letters, `session:${p}:1`).join(""));
    // 10! = 3,628,800 orders: 100 seeds should essentially never collide.
    expect(orders.size).toBeGreaterThanOrEqual(99);
  });

  it("gives a participant a different order in the next round", () => {
    expect(shuffledOrder(letters, "s:p:1")).not.toEqual(shuffledOrder(letters, "s:p:2"));
  });

  it.each([
    { label: "empty", items: [] as string[] },
    { label: "one item", items: ["only"] },
    { label: "two items", items: ["x", "y"] },
    { label: "ten letters", items: [...letters] },
    { label: "duplicates", items: ["x", "x", "y", "y", "y"] },
  ])("is a permutation of the input and does not mutate it ($label)", ({ items }) => {
    const input = Object.freeze(items.slice());
    const output = shuffledOrder(input, "seed");
    expect(output).not.toBe(input);
    expect(input).toEqual(items);
    expect(output.slice().sort()).toEqual(items.slice().sort());
  });

  it("keeps object identity of items", () => {
    const cards = [{ id: "a" }, { id: "b" }, { id: "c" }];
    const out = shuffledOrder(cards, "seed");
    for (const card of out) expect(cards).toContain(card);
  });

  it("picks all 6 orders of 3 items about equally often (unbiased Fisher–Yates)", () => {
    // 12,000 seeds → 2,000 expected per order, σ ≈ 41. The classic "swap with any index" bug
    // gives 1,778 / 2,222 and Sattolo's off-by-one never yields the identity, so ±150 catches both.
    const counts = new Map<string, number>();
    for (let s = 0; s < 12_000; s++) {
      const key = shuffledOrder(["a", "b", "c"], `seed-${s}`).join("");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) expect(Math.abs(count - 2000)).toBeLessThan(150);
  });

  it("puts each item first about equally often", () => {
    const firsts = new Map<string, number>();
    for (let s = 0; s < 10_000; s++) {
      const first = shuffledOrder(["a", "b", "c", "d", "e"], `p${s}`)[0] as string;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    for (const item of ["a", "b", "c", "d", "e"]) expect(Math.abs((firsts.get(item) ?? 0) - 2000)).toBeLessThan(150);
  });
});

describe("seededRandom", () => {
  it("is reproducible and in [0, 1)", () => {
    const a = seededRandom("seed");
    const b = seededRandom("seed");
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it("differs between seeds that differ by one character", () => {
    expect(seededRandom("seed-1")()).not.toBe(seededRandom("seed-2")());
  });

  it("has a mean near 0.5", () => {
    const random = seededRandom("mean");
    let sum = 0;
    for (let i = 0; i < 100_000; i++) sum += random();
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });
});
