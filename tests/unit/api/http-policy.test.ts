import { describe, expect, it } from "vitest";
import { pageCsp } from "@/lib/api/csp";
import { BODY_LIMITS, isSameOrigin, mediaType, requestPolicy } from "@/lib/api/http-policy";

describe("requestPolicy", () => {
  it("gives every changing cookie route under /api an Origin check, JSON routes their type, and the deck routes their larger caps", () => {
    expect(requestPolicy("POST", "/api/sessions")).toEqual({ maxBodyBytes: BODY_LIMITS.small, contentTypes: ["application/json"], checkOrigin: true });
    expect(requestPolicy("PUT", "/api/decks/abc")).toEqual({ maxBodyBytes: BODY_LIMITS.deckJson, contentTypes: ["application/json"], checkOrigin: true });
    expect(requestPolicy("post", "/api/decks/import")).toMatchObject({ maxBodyBytes: BODY_LIMITS.deckImport, checkOrigin: true });
    expect(requestPolicy("POST", "/api/decks/import").contentTypes).toContain("multipart/form-data");
    expect(requestPolicy("DELETE", "/api/sessions/abc")).toEqual({ maxBodyBytes: BODY_LIMITS.small, checkOrigin: true });
    expect(requestPolicy("PATCH", "/api/anything/new")).toEqual({ maxBodyBytes: BODY_LIMITS.small, checkOrigin: true });
  });

  it("leaves next-auth's endpoints and the token API to their own protection, and reads unchecked", () => {
    expect(requestPolicy("POST", "/api/auth/callback/credentials")).toEqual({ maxBodyBytes: BODY_LIMITS.small, checkOrigin: false });
    // The token API's writes take JSON only; a bearer token (which a page cannot attach) stands in for the Origin check.
    expect(requestPolicy("POST", "/api/v1/sessions")).toEqual({ maxBodyBytes: BODY_LIMITS.small, contentTypes: ["application/json"], checkOrigin: false });
    expect(requestPolicy("POST", "/api/v1/sessions/abc/phase")).toEqual({ maxBodyBytes: BODY_LIMITS.small, contentTypes: ["application/json"], checkOrigin: false });
    expect(requestPolicy("POST", "/api/v1/sessions/abc/report")).toEqual({ maxBodyBytes: BODY_LIMITS.small, checkOrigin: false });
    expect(requestPolicy("GET", "/api/sessions")).toEqual({ maxBodyBytes: BODY_LIMITS.small, checkOrigin: false });
    // Pages get POSTs only as server actions (Next checks their Origin), at the action cap.
    expect(requestPolicy("POST", "/dashboard")).toEqual({ maxBodyBytes: BODY_LIMITS.serverAction, checkOrigin: false });
  });

  it("matches Next's server action limit in next.config.js", async () => {
    const file = "../../../next.config.js"; // a plain JS module, loaded untyped
    const { default: nextConfig } = (await import(file)) as { default: { experimental?: { serverActions?: { bodySizeLimit?: string } } } };
    const limit = nextConfig.experimental?.serverActions?.bodySizeLimit;
    expect(limit).toBe(`${BODY_LIMITS.serverAction / 1024}kb`);
  });
});

describe("isSameOrigin", () => {
  it("accepts the host the request was sent to, the public origin and ALLOWED_ORIGINS, or no Origin at all", () => {
    expect(isSameOrigin("http://127.0.0.1:3000", "127.0.0.1:3000", [])).toBe(true);
    expect(isSameOrigin("https://sortroom.example.org", "10.0.0.5:3000", ["https://sortroom.example.org"])).toBe(true);
    expect(isSameOrigin(undefined, "127.0.0.1:3000", [])).toBe(true);
  });

  it("refuses another port of the same host, another host, a malformed Origin and 'null'", () => {
    expect(isSameOrigin("http://127.0.0.1:3001", "127.0.0.1:3000", [])).toBe(false);
    expect(isSameOrigin("http://localhost:3001", "localhost:3000", ["http://localhost:3000"])).toBe(false);
    expect(isSameOrigin("https://evil.example", "127.0.0.1:3000", [])).toBe(false);
    expect(isSameOrigin("null", "127.0.0.1:3000", [])).toBe(false);
    expect(isSameOrigin("not a url", "127.0.0.1:3000", [])).toBe(false);
    // The public origin matches by scheme too.
    expect(isSameOrigin("http://sortroom.example.org", "10.0.0.5:3000", ["https://sortroom.example.org"])).toBe(false);
  });
});

describe("mediaType", () => {
  it("drops parameters and case", () => {
    expect(mediaType("Application/JSON; charset=utf-8")).toBe("application/json");
    expect(mediaType(undefined)).toBe("");
  });
});

describe("pageCsp", () => {
  it("allows scripts by nonce only and sockets to the same host only", () => {
    const csp = pageCsp({ nonce: "abc123==", host: "sortroom.example.org", dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'; ");
    expect(csp).toContain("connect-src 'self' ws://sortroom.example.org wss://sortroom.example.org;");
    expect(csp).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
  });

  it("keeps a Host header that is not a plain host out of the policy", () => {
    const csp = pageCsp({ nonce: "n", host: "evil.example; script-src *", dev: false });
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toContain("evil");
  });
});
