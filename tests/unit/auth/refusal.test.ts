import { describe, expect, it } from "vitest";
import { parseRefusal, refusalInUrl, refusalMessage } from "@/lib/auth/refusal";
import { withRefusalStatus } from "@/lib/auth/refusal-response";

/** How a throttled sign-in travels through next-auth's error parameter (lib/auth/refusal.ts) and
 *  gets its HTTP status back (lib/auth/refusal-response.ts). */

describe("refusal messages", () => {
  it("round-trips code and whole seconds (rounded up, at least 1)", () => {
    expect(refusalMessage({ code: "TooManyAttempts", retryAfterSeconds: 42 })).toBe("TooManyAttempts:42");
    expect(refusalMessage({ code: "Busy", retryAfterSeconds: 0.2 })).toBe("Busy:1");
    expect(parseRefusal("TooManyAttempts:42")).toEqual({ code: "TooManyAttempts", retryAfterSeconds: 42 });
    expect(parseRefusal("Busy:2")).toEqual({ code: "Busy", retryAfterSeconds: 2 });
  });

  it.each([null, undefined, "", "CredentialsSignin", "TooManyAttempts", "TooManyAttempts:", "TooManyAttempts:-1", "Busy:1e9", "Other:5", " TooManyAttempts:5"])(
    "anything else is not a refusal: %j",
    (error) => {
      expect(parseRefusal(error)).toBeNull();
    },
  );

  it("is read from next-auth's redirect URL, absolute or relative", () => {
    expect(refusalInUrl("http://localhost:3000/api/auth/error?error=TooManyAttempts%3A60")).toEqual({ code: "TooManyAttempts", retryAfterSeconds: 60 });
    expect(refusalInUrl("/signin?error=Busy%3A2")).toEqual({ code: "Busy", retryAfterSeconds: 2 });
    expect(refusalInUrl("/api/auth/error?error=CredentialsSignin&provider=credentials")).toBeNull();
    expect(refusalInUrl(null)).toBeNull();
  });
});

describe("withRefusalStatus", () => {
  const json = (status: number, url: string) => new Response(JSON.stringify({ url }), { status, headers: { "content-type": "application/json" } });

  it("turns next-auth's 401 for a throttled sign-in into 429 with Retry-After, body kept", async () => {
    const response = await withRefusalStatus(json(401, "http://x/api/auth/error?error=TooManyAttempts%3A37"));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("37");
    expect(await response.json()).toEqual({ url: "http://x/api/auth/error?error=TooManyAttempts%3A37" });
  });

  it("a saturated server answers 503 with Retry-After", async () => {
    const response = await withRefusalStatus(json(401, "http://x/api/auth/error?error=Busy%3A2"));
    expect([response.status, response.headers.get("retry-after")]).toEqual([503, "2"]);
  });

  it("a redirect (no JavaScript) stays a redirect, with Retry-After", async () => {
    const response = await withRefusalStatus(new Response(null, { status: 302, headers: { location: "http://x/api/auth/error?error=TooManyAttempts%3A5" } }));
    expect([response.status, response.headers.get("retry-after"), response.headers.get("location")]).toEqual([302, "5", "http://x/api/auth/error?error=TooManyAttempts%3A5"]);
  });

  it("leaves a wrong password, a success and other bodies as they were", async () => {
    const wrong = await withRefusalStatus(json(401, "http://x/api/auth/error?error=CredentialsSignin&provider=credentials"));
    expect([wrong.status, wrong.headers.get("retry-after")]).toEqual([401, null]);
    expect(await wrong.json()).toEqual({ url: "http://x/api/auth/error?error=CredentialsSignin&provider=credentials" });
    const ok = await withRefusalStatus(json(200, "http://x/dashboard"));
    expect([ok.status, await ok.text()]).toEqual([200, JSON.stringify({ url: "http://x/dashboard" })]);
    const notJson = await withRefusalStatus(new Response("nope", { status: 401, headers: { "content-type": "application/json" } }));
    expect([notJson.status, await notJson.text()]).toEqual([401, "nope"]);
  });
});
