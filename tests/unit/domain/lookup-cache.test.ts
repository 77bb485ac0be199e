import { describe, expect, it } from "vitest";
import { LookupCache } from "@/lib/domain/lookup-cache";

/** The read-through cache behind join codes: TTL per value, an LRU bound, one load per key at a time. */

type Value = { kind: "hit" | "miss" };

function setup(maxEntries = 100) {
  let clock = 0;
  const loads: string[] = [];
  const cache = new LookupCache<Value>({ maxEntries, ttlMs: (v) => (v.kind === "hit" ? 30_000 : 5_000), now: () => clock });
  const load = (key: string, value: Value) => () => {
    loads.push(key);
    return Promise.resolve(value);
  };
  return { cache, loads, load, advance: (ms: number) => (clock += ms) };
}

describe("LookupCache", () => {
  it("serves a value from the cache until its TTL runs out, each kind with its own TTL", async () => {
    const { cache, loads, load, advance } = setup();
    expect(await cache.resolve("HIT", load("HIT", { kind: "hit" }))).toEqual({ value: { kind: "hit" }, source: "loaded" });
    expect(await cache.resolve("MISS", load("MISS", { kind: "miss" }))).toMatchObject({ source: "loaded" });
    advance(4_999);
    expect(await cache.resolve("HIT", load("HIT", { kind: "hit" }))).toMatchObject({ source: "cache" });
    expect(await cache.resolve("MISS", load("MISS", { kind: "miss" }))).toMatchObject({ source: "cache" });
    advance(1);
    expect(await cache.resolve("MISS", load("MISS", { kind: "miss" }))).toMatchObject({ source: "loaded" });
    advance(25_000);
    expect(await cache.resolve("HIT", load("HIT", { kind: "hit" }))).toMatchObject({ source: "loaded" });
    expect(loads).toEqual(["HIT", "MISS", "MISS", "HIT"]);
  });

  it("shares one load among concurrent lookups of a key", async () => {
    const { cache } = setup();
    let release!: (v: Value) => void;
    let calls = 0;
    const slow = () => {
      calls += 1;
      return new Promise<Value>((resolve) => (release = resolve));
    };
    const lookups = Array.from({ length: 50 }, () => cache.resolve("SAME", slow));
    expect(cache.loading).toBe(1);
    release({ kind: "miss" });
    const results = await Promise.all(lookups);
    expect(calls).toBe(1);
    expect(results.map((r) => r.source)).toEqual(["loaded", ...new Array(49).fill("shared")]);
    expect(cache.loading).toBe(0);
  });

  it("keeps at most maxEntries, dropping the least recently used", async () => {
    const { cache, loads, load } = setup(3);
    for (const key of ["A", "B", "C"]) await cache.resolve(key, load(key, { kind: "hit" }));
    await cache.resolve("A", load("A", { kind: "hit" })); // A is now the most recently used
    await cache.resolve("D", load("D", { kind: "hit" })); // B goes
    expect(cache.size).toBe(3);
    for (const key of ["A", "C", "D", "B"]) await cache.resolve(key, load(key, { kind: "hit" }));
    expect(loads).toEqual(["A", "B", "C", "D", "B"]);
  });

  it("10,000 made-up keys never hold more than maxEntries", async () => {
    const { cache, load } = setup(500);
    for (let i = 0; i < 10_000; i++) await cache.resolve(`K${i}`, load(`K${i}`, { kind: "miss" }));
    expect(cache.size).toBe(500);
  });

  it("does not cache a failed load, and the next lookup tries again", async () => {
    const { cache, loads, load } = setup();
    await expect(cache.resolve("X", () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(cache.loading).toBe(0);
    expect(await cache.resolve("X", load("X", { kind: "hit" }))).toMatchObject({ source: "loaded" });
    expect(loads).toEqual(["X"]);
  });

  it("a load refused synchronously fails only its caller: nothing is registered for the key", async () => {
    const { cache } = setup();
    await expect(
      cache.resolve("Y", () => {
        throw new Error("limited");
      }),
    ).rejects.toThrow("limited");
    expect(cache.loading).toBe(0);
    expect(await cache.resolve("Y", () => Promise.resolve<Value>({ kind: "miss" }))).toMatchObject({ source: "loaded" });
  });

  it("delete forgets a stale value", async () => {
    const { cache, loads, load } = setup();
    await cache.resolve("S", load("S", { kind: "hit" }));
    cache.delete("S");
    expect(await cache.resolve("S", load("S", { kind: "hit" }))).toMatchObject({ source: "loaded" });
    expect(loads).toEqual(["S", "S"]);
  });

  it("a TTL of zero or less is not cached", async () => {
    const cache = new LookupCache<number>({ maxEntries: 10, ttlMs: () => 0, now: () => 0 });
    await cache.resolve("Z", () => Promise.resolve(1));
    expect(cache.size).toBe(0);
  });

  it("refuses a size bound below one", () => {
    expect(() => new LookupCache<number>({ maxEntries: 0, ttlMs: () => 1, now: () => 0 })).toThrow(RangeError);
  });
});
