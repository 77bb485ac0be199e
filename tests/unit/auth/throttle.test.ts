import { describe, expect, it } from "vitest";
import { AuthThrottle, authLimitsFromEnv, DEFAULT_AUTH_LIMITS } from "@/lib/auth/throttle";

/** Sign-in and sign-up limits (lib/auth/throttle.ts); the clock is passed in (ms). */

const tries = (n: number, attempt: () => { allowed: boolean }) => Array.from({ length: n }, attempt).map((v) => v.allowed);

describe("sign-in limits", () => {
  it("an account gets 10 attempts at once, then one a minute, with the wait to tell", () => {
    const throttle = new AuthThrottle();
    // Each from its own address: only the account's limit applies.
    expect(Array.from({ length: 10 }, (_, i) => throttle.beginSignIn(`10.0.0.${i}`, "ana@example.com", 0).allowed)).toEqual(Array(10).fill(true));
    expect(throttle.beginSignIn("10.0.1.1", "ana@example.com", 0)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(throttle.beginSignIn("10.0.1.2", "ana@example.com", 30_000)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(throttle.beginSignIn("10.0.1.3", "ana@example.com", 60_000).allowed).toBe(true);
    expect(throttle.beginSignIn("10.0.1.4", "ana@example.com", 60_000).allowed).toBe(false);
    // Another account is untouched.
    expect(throttle.beginSignIn("10.0.1.5", "bo@example.com", 60_000).allowed).toBe(true);
  });

  it("400 wrong passwords in a row leave the right one refused too (the check comes before the password)", () => {
    const throttle = new AuthThrottle();
    const verdicts = Array.from({ length: 400 }, (_, i) => throttle.beginSignIn(`10.1.${i >> 8}.${i & 255}`, "ana@example.com", i));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
    expect(throttle.beginSignIn("10.9.9.9", "ana@example.com", 400)).toMatchObject({ allowed: false });
  });

  it("a success forgets the account's failures and gives its token back to the address", () => {
    const throttle = new AuthThrottle();
    for (let i = 0; i < 9; i++) throttle.beginSignIn("10.0.0.1", "ana@example.com", 0);
    expect(throttle.beginSignIn("10.0.0.1", "ana@example.com", 0).allowed).toBe(true);
    throttle.signInSucceeded("10.0.0.1", "ana@example.com", 0);
    expect(tries(10, () => throttle.beginSignIn("10.0.0.2", "ana@example.com", 0))).toEqual(Array(10).fill(true));
    expect(throttle.beginSignIn("10.0.0.2", "ana@example.com", 0).allowed).toBe(false);
  });

  it("an address gets 30 attempts at once (any accounts), then one every 10 s", () => {
    const throttle = new AuthThrottle();
    expect(Array.from({ length: 30 }, (_, i) => throttle.beginSignIn("203.0.113.7", `user${i}@example.com`, 0).allowed)).toEqual(Array(30).fill(true));
    expect(throttle.beginSignIn("203.0.113.7", "someone@example.com", 0)).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(throttle.beginSignIn("203.0.113.8", "someone@example.com", 0).allowed).toBe(true);
    expect(throttle.beginSignIn("203.0.113.7", "other@example.com", 10_000).allowed).toBe(true);
  });

  it("attempts an address is refused take nothing from the account they name", () => {
    const throttle = new AuthThrottle();
    for (let i = 0; i < 30; i++) throttle.beginSignIn("203.0.113.7", `user${i}@example.com`, 0);
    for (let i = 0; i < 100; i++) throttle.beginSignIn("203.0.113.7", "victim@example.com", 0);
    expect(tries(10, () => throttle.beginSignIn("198.51.100.1", "victim@example.com", 0))).toEqual(Array(10).fill(true));
  });

  it("IPv6 addresses share a bucket per /64, IPv4-mapped ones with their IPv4 form", () => {
    const throttle = new AuthThrottle();
    for (let i = 0; i < 30; i++) throttle.beginSignIn(`2001:db8:1:2::${i.toString(16)}`, `u${i}@example.com`, 0);
    expect(throttle.beginSignIn("2001:db8:1:2:ffff::1", "x@example.com", 0).allowed).toBe(false);
    for (let i = 0; i < 30; i++) throttle.beginSignIn("192.0.2.1", `v${i}@example.com`, 0);
    expect(throttle.beginSignIn("::ffff:192.0.2.1", "y@example.com", 0).allowed).toBe(false);
  });

  it("an attempt that could not be checked (argon2 busy) is given back to both", () => {
    const throttle = new AuthThrottle({ ...DEFAULT_AUTH_LIMITS, signInPerAccount: { capacity: 1, perSecond: 1 / 60 }, signInPerAddress: { capacity: 1, perSecond: 1 / 60 } });
    expect(throttle.beginSignIn("10.0.0.1", "ana@example.com", 0).allowed).toBe(true);
    throttle.signInNotTried("10.0.0.1", "ana@example.com", 0);
    expect(throttle.beginSignIn("10.0.0.1", "ana@example.com", 0).allowed).toBe(true);
    expect(throttle.beginSignIn("10.0.0.1", "ana@example.com", 0).allowed).toBe(false);
  });
});

describe("sign-up limits", () => {
  it("an address may create 10 accounts at once, then 30 an hour", () => {
    const throttle = new AuthThrottle();
    expect(tries(10, () => throttle.beginSignUp("203.0.113.7", 0))).toEqual(Array(10).fill(true));
    expect(throttle.beginSignUp("203.0.113.7", 0)).toEqual({ allowed: false, retryAfterSeconds: 120 });
    expect(throttle.beginSignUp("203.0.113.8", 0).allowed).toBe(true);
    expect(throttle.beginSignUp("203.0.113.7", 120_000).allowed).toBe(true);
  });

  it("takes its numbers from the environment (the end-to-end tests raise the burst)", () => {
    const limits = authLimitsFromEnv({ SIGNUP_BURST_PER_ADDRESS: 1000, SIGNUPS_PER_HOUR_PER_ADDRESS: 3600 });
    expect(limits.signUpPerAddress).toEqual({ capacity: 1000, perSecond: 1 });
    expect(limits.signInPerAccount).toEqual(DEFAULT_AUTH_LIMITS.signInPerAccount);
    const throttle = new AuthThrottle(limits);
    expect(tries(1000, () => throttle.beginSignUp("127.0.0.1", 0)).every(Boolean)).toBe(true);
    expect(throttle.beginSignUp("127.0.0.1", 0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});
