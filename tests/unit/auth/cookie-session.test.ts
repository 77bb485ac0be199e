import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import {
  SECURE_SESSION_COOKIE,
  SESSION_COOKIE,
  parseCookieHeader,
  readChunkedCookie,
  sessionClaimsFromCookieHeader,
  sessionUserIdFromCookieHeader,
} from "@/lib/auth/cookie-session";

// No database here: facilitatorFromCookieHeader's user check is covered by the real-flow check.
const SECRET = "unit-test-secret-that-is-at-least-32-characters";
const USER_ID = "3f2a4a8e-2b1c-4c5d-9e8f-0a1b2c3d4e5f";

async function token(sub = USER_ID, secret = SECRET, maxAge?: number): Promise<string> {
  return encode({ token: { sub, email: "ana@example.com" }, secret, maxAge });
}

describe("parseCookieHeader / readChunkedCookie", () => {
  it("splits a Cookie header", () => {
    const cookies = parseCookieHeader("a=1; b=two%20words;c=\"q\"; junk; =x");
    expect([...cookies]).toEqual([
      ["a", "1"],
      ["b", "two words"],
      ["c", "q"],
    ]);
  });

  it("joins chunks in order and prefers an unchunked cookie", () => {
    const chunked = new Map([
      [`${SESSION_COOKIE}.1`, "def"],
      [`${SESSION_COOKIE}.0`, "abc"],
      [`${SESSION_COOKIE}.2`, "ghi"],
    ]);
    expect(readChunkedCookie(chunked, SESSION_COOKIE)).toBe("abcdefghi");
    expect(readChunkedCookie(new Map([...chunked, [SESSION_COOKIE, "whole"]]), SESSION_COOKIE)).toBe("whole");
    expect(readChunkedCookie(new Map(), SESSION_COOKIE)).toBeUndefined();
  });
});

describe("sessionUserIdFromCookieHeader", () => {
  it("reads the user id from a plain-http session cookie", async () => {
    const header = `other=1; ${SESSION_COOKIE}=${await token()}`;
    expect(await sessionUserIdFromCookieHeader(header, SECRET, "http://localhost:3000")).toBe(USER_ID);
  });

  it("reads the __Secure- cookie, and only that one when NEXTAUTH_URL is https", async () => {
    const t = await token();
    expect(await sessionUserIdFromCookieHeader(`${SECURE_SESSION_COOKIE}=${t}`, SECRET, "https://sortroom.example")).toBe(USER_ID);
    expect(await sessionUserIdFromCookieHeader(`${SESSION_COOKIE}=${t}`, SECRET, "https://sortroom.example")).toBeNull();
  });

  it("reassembles a chunked token", async () => {
    const t = await token();
    const cut = Math.floor(t.length / 3);
    const header = `${SESSION_COOKIE}.2=${t.slice(2 * cut)}; ${SESSION_COOKIE}.0=${t.slice(0, cut)}; ${SESSION_COOKIE}.1=${t.slice(cut, 2 * cut)}`;
    expect(await sessionUserIdFromCookieHeader(header, SECRET, undefined)).toBe(USER_ID);
  });

  it.each([
    ["no header", async () => undefined],
    ["no session cookie", async () => "a=1"],
    ["garbage token", async () => `${SESSION_COOKIE}=not-a-jwe`],
    ["another secret", async () => `${SESSION_COOKIE}=${await token(USER_ID, "a-different-secret-of-at-least-32-chars!!")}`],
    ["expired", async () => `${SESSION_COOKIE}=${await token(USER_ID, SECRET, -60)}`],
    ["no sub", async () => `${SESSION_COOKIE}=${await encode({ token: { email: "x@example.com" }, secret: SECRET })}`],
  ])("null for %s", async (_label, header) => {
    expect(await sessionUserIdFromCookieHeader(await header(), SECRET, undefined)).toBeNull();
  });

  it("null without a secret", async () => {
    expect(await sessionUserIdFromCookieHeader(`${SESSION_COOKIE}=${await token()}`, "", undefined)).toBeNull();
  });
});

describe("sessionClaimsFromCookieHeader", () => {
  const SID = "9c1e2d3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f";

  it("reads user id, session id and session version", async () => {
    const t = await encode({ token: { sub: USER_ID, sid: SID, sv: 2, email: "ana@example.com" }, secret: SECRET });
    expect(await sessionClaimsFromCookieHeader(`${SESSION_COOKIE}=${t}`, SECRET, undefined)).toEqual({ sub: USER_ID, sid: SID, sv: 2 });
  });

  it("null for a cookie issued before session ids and versions (it is no longer accepted)", async () => {
    expect(await sessionClaimsFromCookieHeader(`${SESSION_COOKIE}=${await token()}`, SECRET, undefined)).toBeNull();
  });
});
