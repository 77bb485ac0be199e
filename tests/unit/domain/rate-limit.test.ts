import { describe, expect, it } from "vitest";
import { addressKey, KeyedLimiter, TokenBucket } from "@/lib/domain/rate-limit";

/** The one token bucket behind every limit: the caller's clock is passed in (ms). */

describe("TokenBucket", () => {
  // [name, capacity, perSecond, requests at these times (ms), expected allowed pattern]
  const cases: [string, number, number, number[], boolean[]][] = [
    ["a full bucket lets a burst through, then refuses", 3, 1, [0, 0, 0, 0], [true, true, true, false]],
    ["refills at its rate", 2, 1, [0, 0, 0, 999, 1000, 1000], [true, true, false, false, true, false]],
    ["never refills above its capacity", 2, 10, [0, 60_000, 60_000, 60_000], [true, true, true, false]],
    ["a slow rate: one every 5 s", 1, 0.2, [0, 4_999, 5_000, 9_999, 10_000], [true, false, true, false, true]],
    ["a clock stepping back adds nothing", 1, 1, [10_000, 5_000, 10_500, 11_000], [true, false, false, true]],
  ];
  it.each(cases)("%s", (_name, capacity, perSecond, times, expected) => {
    const bucket = new TokenBucket(capacity, perSecond, times[0]!);
    expect(times.map((t) => bucket.take(t))).toEqual(expected);
  });

  it("reports what the HTTP headers need", () => {
    const bucket = new TokenBucket(60, 1, 0);
    expect(bucket.attempt(0)).toEqual({ allowed: true, limit: 60, remaining: 59, retryAfterMs: 0, resetMs: 1000 });
    for (let i = 0; i < 59; i++) bucket.attempt(0);
    expect(bucket.attempt(0)).toEqual({ allowed: false, limit: 60, remaining: 0, retryAfterMs: 1000, resetMs: 60_000 });
    expect(bucket.attempt(250)).toMatchObject({ allowed: false, remaining: 0, retryAfterMs: 750 });
    expect(bucket.attempt(1000)).toMatchObject({ allowed: true, remaining: 0, retryAfterMs: 1000, resetMs: 60_000 });
  });

  it("peeks without taking", () => {
    const bucket = new TokenBucket(1, 1, 0);
    expect(bucket.peek(0).allowed).toBe(true);
    expect(bucket.peek(0).allowed).toBe(true);
    expect(bucket.take(0)).toBe(true);
    expect(bucket.peek(0)).toMatchObject({ allowed: false, remaining: 0, retryAfterMs: 1000 });
  });

  it.each([
    [0, 1],
    [1, 0],
    [1, -1],
    [Number.NaN, 1],
  ])("refuses capacity %s with rate %s", (capacity, perSecond) => {
    expect(() => new TokenBucket(capacity, perSecond, 0)).toThrow(RangeError);
  });
});

describe("KeyedLimiter", () => {
  it("keeps one bucket per key: one key's burst leaves another's untouched", () => {
    const limiter = new KeyedLimiter(2, 1);
    expect([limiter.take("a", 0), limiter.take("a", 0), limiter.take("a", 0)]).toEqual([true, true, false]);
    expect([limiter.take("b", 0), limiter.take("b", 0)]).toEqual([true, true]);
  });

  it("peeks without making a bucket", () => {
    const limiter = new KeyedLimiter(1, 1);
    expect(limiter.peek("a", 0).allowed).toBe(true);
    expect(limiter.size).toBe(0);
    limiter.take("a", 0);
    expect(limiter.peek("a", 0).allowed).toBe(false);
    expect(limiter.peek("a", 1000).allowed).toBe(true);
  });

  it("forgets only buckets that have filled up again, once there are many keys", () => {
    const limiter = new KeyedLimiter(2, 1, 3);
    limiter.take("old", 0);
    limiter.take("busy", 0);
    limiter.take("busy", 0);
    limiter.take("third", 0);
    expect(limiter.size).toBe(3);
    // At 1.5 s "old" and "third" are full again (1 + 1.5 ≥ 2); "busy" is not (0 + 1.5).
    limiter.take("new", 1_500);
    expect(limiter.size).toBe(2);
    expect(limiter.peek("busy", 1_500)).toMatchObject({ remaining: 1 });
    expect(limiter.take("busy", 1_500)).toBe(true);
    expect(limiter.take("busy", 1_500)).toBe(false);
  });
});

describe("refund and reset (limits that count only failures)", () => {
  it("a refund gives one request back, never above the capacity", () => {
    const bucket = new TokenBucket(2, 1 / 60, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, false]);
    bucket.refund(0);
    expect([bucket.take(0), bucket.take(0)]).toEqual([true, false]);
    const full = new TokenBucket(2, 1, 0);
    full.refund(0);
    full.refund(0);
    expect([full.take(0), full.take(0), full.take(0)]).toEqual([true, true, false]);
  });

  it("refunds one key only, and an unknown key not at all", () => {
    const limiter = new KeyedLimiter(1, 1 / 60);
    limiter.take("a", 0);
    limiter.take("b", 0);
    limiter.refund("a", 0);
    limiter.refund("never-seen", 0);
    expect(limiter.size).toBe(2);
    expect([limiter.take("a", 0), limiter.take("b", 0)]).toEqual([true, false]);
  });

  it("reset forgets a key: its next request starts from a full bucket", () => {
    const limiter = new KeyedLimiter(2, 1 / 60);
    limiter.take("a", 0);
    limiter.take("a", 0);
    expect(limiter.take("a", 0)).toBe(false);
    limiter.reset("a");
    expect(limiter.size).toBe(0);
    expect([limiter.take("a", 0), limiter.take("a", 0), limiter.take("a", 0)]).toEqual([true, true, false]);
  });
});

describe("addressKey", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["::FFFF:203.0.113.7", "203.0.113.7"],
    ["127.0.0.1", "127.0.0.1"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"],
    ["2001:DB8:0001:0002::9", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["64:ff9b::192.0.2.33", "64:ff9b:0:0::/64"],
    ["unknown", "unknown"],
    ["1:2:3", "1:2:3"],
    ["1::2::3", "1::2::3"],
  ])("%s → %s", (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});
