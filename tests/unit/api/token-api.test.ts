import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { CLIENT_ADDRESS_HEADER } from "@/lib/api/client-address";
import { API_LIMITS, withApiToken, type ApiCaller, type Authenticate } from "@/lib/api/token-api";

/** The token API's failed-authentication limit against concurrent waves (issue 9, item 11): the
 *  look-up is injected, counted, and held until the whole wave is in flight. */

function heldLookups(valid: Record<string, ApiCaller>) {
  const seen: string[] = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const authenticate: Authenticate = async (authorization) => {
    seen.push(authorization);
    await released;
    return valid[authorization.replace(/^Bearer /, "")] ?? null;
  };
  return { authenticate, seen, release };
}

const badToken = () => `sr_${randomBytes(32).toString("base64url")}`;
const call = (token: string, address: string, authenticate: Authenticate, now: number) =>
  withApiToken(new Request("http://sortroom.test/api/v1/sessions", { headers: { authorization: `Bearer ${token}`, [CLIENT_ADDRESS_HEADER]: address } }), "read", async () => Response.json({ ok: true }), {
    now,
    authenticate,
  });

describe("withApiToken under a concurrent wave", () => {
  it("looks up at most the burst of 100 bad tokens sent at once from one address, and refuses the rest with 429", async () => {
    const { authenticate, seen, release } = heldLookups({});
    const wave = Array.from({ length: 100 }, () => call(badToken(), "198.51.100.20", authenticate, 1_000));
    release();
    const statuses = (await Promise.all(wave)).map((r) => r.status);
    expect(seen.length).toBe(API_LIMITS.failedAuthPerAddress.capacity);
    expect(statuses.filter((s) => s === 401).length).toBe(API_LIMITS.failedAuthPerAddress.capacity);
    expect(statuses.filter((s) => s === 429).length).toBe(100 - API_LIMITS.failedAuthPerAddress.capacity);
  });

  it("serves a valid token's concurrent requests with one look-up, spending none of the address's failed-authentication budget", async () => {
    const token = badToken();
    const { authenticate, seen, release } = heldLookups({ [token]: { userId: "u", tokenId: "t", scope: "read" } });
    const wave = Array.from({ length: 50 }, () => call(token, "198.51.100.21", authenticate, 1_000));
    release();
    expect((await Promise.all(wave)).map((r) => r.status)).toEqual(Array.from({ length: 50 }, () => 200));
    expect(seen.length).toBe(1);
    // The whole failed-authentication burst is still there for this address.
    const bad = await Promise.all(Array.from({ length: API_LIMITS.failedAuthPerAddress.capacity }, () => call(badToken(), "198.51.100.21", authenticate, 1_000)));
    expect(bad.map((r) => r.status)).toEqual(Array.from({ length: API_LIMITS.failedAuthPerAddress.capacity }, () => 401));
    expect((await call(badToken(), "198.51.100.21", authenticate, 1_000)).status).toBe(429);
  });
});

describe("withApiToken's scope check", () => {
  const asToken = (needs: "read" | "sessions", scope: "read" | "sessions") => {
    const token = badToken();
    const ran: string[] = [];
    const response = withApiToken(
      new Request("http://sortroom.test/api/v1/sessions", { headers: { authorization: `Bearer ${token}`, [CLIENT_ADDRESS_HEADER]: "198.51.100.22" } }),
      needs,
      async (caller) => (ran.push(caller.scope), Response.json({ ok: true })),
      { authenticate: async () => ({ userId: "u", tokenId: "t", scope }) },
    );
    return { response, ran };
  };

  it("runs the handler when the token has the scope the route needs (sessions includes read)", async () => {
    for (const [needs, scope] of [["read", "read"], ["read", "sessions"], ["sessions", "sessions"]] as const) {
      const { response, ran } = asToken(needs, scope);
      expect((await response).status, `${scope} on a ${needs} route`).toBe(200);
      expect(ran).toEqual([scope]);
    }
  });

  it("answers a read token on a sessions route 403 INSUFFICIENT_SCOPE without running the handler", async () => {
    const { response, ran } = asToken("sessions", "read");
    const res = await response;
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "INSUFFICIENT_SCOPE", requiredScope: "sessions" });
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(ran).toEqual([]);
  });
});
