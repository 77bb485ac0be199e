import { describe, expect, it } from "vitest";
import { newSessionClaims, readSessionClaims, revocationExpiry, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-claims";

const USER = "0b8a6f5e-3c1d-4e2f-9a7b-1c2d3e4f5a6b";
const SID = "7d4c2b1a-9e8f-4a6b-8c5d-3e2f1a0b9c8d";

describe("session claims", () => {
  it("a new sign-in carries user, session id and version; they read back", () => {
    const claims = newSessionClaims(USER, 3, SID);
    expect(claims).toEqual({ sub: USER, sid: SID, sv: 3 });
    expect(readSessionClaims({ ...claims, email: "ana@example.com", iat: 1, exp: 2, jti: "x" })).toEqual(claims);
  });

  it.each([
    ["a cookie from before session ids", { sub: USER }],
    ["no version", { sub: USER, sid: SID }],
    ["a version that is not a whole number", { sub: USER, sid: SID, sv: 1.5 }],
    ["a negative version", { sub: USER, sid: SID, sv: -1 }],
    ["a session id that is not a uuid", { sub: USER, sid: "abc", sv: 0 }],
    ["a user id that is not a uuid", { sub: "1; DROP TABLE users", sid: SID, sv: 0 }],
    ["nothing", null],
  ])("refuses %s", (_name, token) => {
    expect(readSessionClaims(token)).toBeNull();
  });

  it("a signed-out session id stays refused for as long as any copy of its cookie can live", () => {
    const at = new Date("2026-12-02T12:00:00Z");
    expect(revocationExpiry(at).getTime() - at.getTime()).toBe(SESSION_MAX_AGE_SECONDS * 1000);
    expect(SESSION_MAX_AGE_SECONDS).toBe(30 * 24 * 3600);
  });
});
