import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_LIMITS } from "@/lib/api/token-api";
import { insertApiToken, signedInFacilitator } from "./support/live";
import { request, type Reply } from "./support/raw-http";
import { startTestServer, type TestServer } from "./support/server";

/** The token API's rate limits (docs/api.md): per token, a burst then 429 with Retry-After, other
 *  tokens unaffected; per client address, failed authentications, after which that address is
 *  refused before any token is looked up. Requests come from different loopback addresses
 *  (127.0.0.x), so each case has addresses of its own. */

function get(server: TestServer, path: string, options: { token?: string; from?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return request(server, path, { from: options.from, headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers } });
}

/** Sends requests in concurrent rounds until one is refused with 429 (or `max` were sent). */
async function untilRefused(send: () => Promise<Reply>, max: number): Promise<{ before: Reply[]; refused: Reply | undefined }> {
  const before: Reply[] = [];
  while (before.length < max) {
    const round = await Promise.all(Array.from({ length: 20 }, send));
    const refused = round.find((r) => r.status === 429);
    before.push(...round.filter((r) => r.status !== 429));
    if (refused) return { before, refused };
  }
  return { before, refused: undefined };
}

const wellFormedUnknownToken = () => `sr_${randomBytes(32).toString("base64url")}`;

describe("rate limits of the token API", () => {
  let server: TestServer;
  let userId: string;

  beforeAll(async () => {
    server = await startTestServer();
    userId = (await signedInFacilitator(server, "limits@example.com")).userId;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("answers 429 with Retry-After once a token's burst is spent, and leaves another token alone", async () => {
    const busy = await insertApiToken(server, userId, { name: "busy script" });
    const calm = await insertApiToken(server, userId, { name: "calm script" });

    const first = await get(server, "/api/v1/sessions", { token: busy });
    expect(first.status).toBe(200);
    expect(first.headers["ratelimit-limit"]).toBe(String(API_LIMITS.perToken.capacity));
    expect(Number(first.headers["ratelimit-remaining"])).toBe(API_LIMITS.perToken.capacity - 1);
    expect(Number(first.headers["ratelimit-reset"])).toBeGreaterThanOrEqual(1);

    const { before, refused } = await untilRefused(() => get(server, "/api/v1/sessions", { token: busy }), 400);
    expect(refused, "no 429 after the burst").toBeDefined();
    expect(before.every((r) => r.status === 200)).toBe(true);
    expect(before.length + 1).toBeGreaterThanOrEqual(API_LIMITS.perToken.capacity); // the whole burst was served
    expect(refused!.headers["retry-after"]).toMatch(/^[1-9]\d*$/);
    expect(refused!.headers["ratelimit-remaining"]).toBe("0");
    expect(refused!.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(refused!.body)).toEqual({ error: expect.stringMatching(/^Too many requests with this API token: retry in \d+ seconds?\.$/) });

    // Every endpoint draws on the same budget: the others are refused as soon as it is spent too.
    const id = "00000000-0000-4000-8000-000000000000";
    for (const path of [`/api/v1/sessions/${id}/report`, `/api/v1/sessions/${id}/results`]) {
      const spent = await untilRefused(() => get(server, path, { token: busy }), 40);
      expect(spent.refused, path).toBeDefined();
      expect(spent.before.length, path).toBeLessThan(20);
    }

    // The same account's other token, from the same address, is not slowed down.
    const other = await get(server, "/api/v1/sessions", { token: calm });
    expect(other.status).toBe(200);
    expect(Number(other.headers["ratelimit-remaining"])).toBe(API_LIMITS.perToken.capacity - 1);
    expect(JSON.parse(other.body)).toMatchObject({ sessions: [], total: 0 });
  });

  it("limits failed authentications per client address, then refuses that address before looking at tokens", async () => {
    const guesser = "127.0.0.2";
    const valid = await insertApiToken(server, userId, { name: "neighbour" });

    const { before, refused } = await untilRefused(() => get(server, "/api/v1/sessions", { token: wellFormedUnknownToken(), from: guesser }), 200);
    expect(refused, "no 429 after repeated failed authentications").toBeDefined();
    expect(before.every((r) => r.status === 401 && /^Bearer/.test(String(r.headers["www-authenticate"])))).toBe(true);
    expect(before.length).toBeGreaterThanOrEqual(API_LIMITS.failedAuthPerAddress.capacity);
    expect(refused!.headers["retry-after"]).toMatch(/^[1-9]\d*$/);
    expect(JSON.parse(refused!.body)).toEqual({ error: expect.stringMatching(/^Too many requests with an invalid API token from this address: retry in \d+ seconds?\.$/) });

    // While it is over the limit, that address gets 429 whatever it sends (a guess that happened
    // to be right would not be confirmed), and claiming another address in a header changes nothing.
    const spoofed = { "x-sortroom-client-address": "198.51.100.9", "x-forwarded-for": "198.51.100.9" };
    const blocked = await Promise.all([
      get(server, "/api/v1/sessions", { token: valid, from: guesser }),
      get(server, "/api/v1/sessions", { from: guesser }),
      get(server, "/api/v1/sessions", { token: wellFormedUnknownToken(), from: guesser, headers: spoofed }),
      get(server, "/api/v1/sessions", { token: valid, from: guesser, headers: spoofed }),
    ]);
    expect(blocked.map((r) => r.status)).toEqual([429, 429, 429, 429]);

    // Another address is unaffected: the same valid token works from there, and a bad token there is a plain 401.
    expect((await get(server, "/api/v1/sessions", { token: valid, from: "127.0.0.3" })).status).toBe(200);
    expect((await get(server, "/api/v1/sessions", { token: wellFormedUnknownToken(), from: "127.0.0.3" })).status).toBe(401);
  });

  it("lets a concurrent wave of bad tokens cost at most the burst of lookups", async () => {
    // All at once: each request must take its share of the limit before its token is looked up,
    // not find the limit untouched because the others' lookups have not failed yet. Every 401
    // here is a token that was looked up (and not found); every 429 was refused before that.
    const from = "127.0.0.5";
    const wave = await Promise.all(Array.from({ length: 100 }, () => get(server, "/api/v1/sessions", { token: wellFormedUnknownToken(), from })));
    const lookedUp = wave.filter((r) => r.status === 401).length;
    expect(wave.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    expect(lookedUp).toBeGreaterThanOrEqual(API_LIMITS.failedAuthPerAddress.capacity);
    // The burst, plus what refills (1 every 5 s) while the wave is served on a busy machine; the
    // exact count, with every look-up held in flight at once, is in tests/unit/api/token-api.test.ts.
    expect(lookedUp).toBeLessThan(2 * API_LIMITS.failedAuthPerAddress.capacity);

    // A valid token from an address with budget left is served, however many of its requests
    // run at once: a wave of good requests does not spend the failed-authentication budget.
    const valid = await insertApiToken(server, userId, { name: "parallel sync" });
    const sync = await Promise.all(Array.from({ length: 50 }, () => get(server, "/api/v1/sessions", { token: valid, from: "127.0.0.6" })));
    expect(sync.map((r) => r.status)).toEqual(Array.from({ length: 50 }, () => 200));
    expect((await get(server, "/api/v1/sessions", { token: wellFormedUnknownToken(), from: "127.0.0.6" })).status).toBe(401);
  });

  it("does not count a missing or malformed Authorization header as a guess", async () => {
    const from = "127.0.0.4";
    for (let i = 0; i < API_LIMITS.failedAuthPerAddress.capacity + 10; i++) {
      const res = await get(server, "/api/v1/sessions", { from, headers: i % 2 === 0 ? {} : { authorization: "Bearer not-a-token" } });
      expect(res.status, `request ${i + 1}`).toBe(401);
    }
  });
});
