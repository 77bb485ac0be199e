// Only route handlers and server components may load this (it reads the request, or the database): a
// client component importing it fails the build.
import "server-only";
import { jsonError, NO_STORE } from "@/lib/http/json";
import { tokenUnauthorizedResponse } from "@/lib/reports/http";
import { bearerToken, hashApiToken } from "@/lib/db/tokens/format";
import { authenticateApiToken } from "@/lib/db/tokens/tokens";
import { LookupCache } from "@/lib/domain/lookup-cache";
import { addressKey, KeyedLimiter, type Decision } from "@/lib/domain/rate-limit";
import { scopeAllows, type TokenScope } from "@/lib/domain/token-scope";
import { CLIENT_ADDRESS_HEADER } from "./client-address";

/** The one gate of the token API (`/api/v1`, docs/api.md): authentication by personal API token,
 *  its rate limits and its scope. Every v1 route handler runs through `withApiToken`, naming the
 *  scope it needs, so no route can forget to check it. */

/**
 * Per token: a burst of 60 requests, then 1 per second (3,600 an hour). A gradebook sync lists a
 * page of sessions and fetches a report or the results of each; 60 at once covers a typical
 * account in one go, and one a second is far above what any scheduled integration needs while
 * bounding what one token can cost the database (a results export reads a whole session).
 *
 * Per client address, failed authentications (a well-formed `sr_…` token that is unknown or
 * revoked): a burst of 30, then 1 every 5 seconds. A script left running with a revoked token
 * keeps getting its 401 at that pace; guessing is slowed to ~17,000 tries a day per address
 * (against 2^256 possible tokens). While an address is over this limit, its `/api/v1` requests
 * are answered 429 before any token is looked up. The limit is taken before each look-up and
 * given back when the token is valid, so a concurrent wave of bad tokens costs at most the burst
 * of look-ups (not as many as are in flight before the first one fails); concurrent requests
 * with one token share a single look-up, so a valid token's parallel requests are not slowed.
 *
 * The buckets live in this process's memory: each server node limits on its own, and a restart
 * starts them full.
 */
export const API_LIMITS = {
  perToken: { capacity: 60, perSecond: 1 },
  failedAuthPerAddress: { capacity: 30, perSecond: 1 / 5 },
} as const;

interface Limiters {
  perToken: KeyedLimiter;
  failedAuth: KeyedLimiter;
  /** Single flight only (nothing is kept, so a revoked token stops working at once): concurrent
   *  requests with one token share one look-up. */
  lookups: LookupCache<ApiCaller | null>;
}

// On globalThis: Next bundles route handlers separately, and all of them (on this node) must
// share one set of buckets.
const store = globalThis as unknown as { sortroomApiLimiters?: Limiters };

function limiters(): Limiters {
  return (store.sortroomApiLimiters ??= {
    perToken: new KeyedLimiter(API_LIMITS.perToken.capacity, API_LIMITS.perToken.perSecond),
    failedAuth: new KeyedLimiter(API_LIMITS.failedAuthPerAddress.capacity, API_LIMITS.failedAuthPerAddress.perSecond),
    lookups: new LookupCache<ApiCaller | null>({ maxEntries: 1, ttlMs: () => 0, now: () => 0 }),
  });
}

export interface ApiCaller {
  userId: string;
  tokenId: string;
  scope: TokenScope;
}

/** Looks an `Authorization` header's token up: its owner, or null. Injected by tests. */
export type Authenticate = (authorization: string, now: Date) => Promise<ApiCaller | null>;

export interface TokenGateOptions {
  now?: number;
  authenticate?: Authenticate;
}

/** Authenticates the request's bearer token under the rate limits, checks it has the scope `needs`,
 *  then runs `handle` for its owner. Answers 429 (with `Retry-After`) over a limit, 401 without a
 *  valid token, 403 INSUFFICIENT_SCOPE for a token without that scope (before `handle` reads the
 *  body or touches anything); other than the 401, responses carry `RateLimit-Limit`, `-Remaining`
 *  and `-Reset`. */
export async function withApiToken(request: Request, needs: TokenScope, handle: (caller: ApiCaller) => Promise<Response>, options: TokenGateOptions = {}): Promise<Response> {
  const { now = Date.now(), authenticate = authenticateApiToken } = options;
  const { perToken, failedAuth, lookups } = limiters();
  const address = addressKey(request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown");
  const guessing = failedAuth.peek(address, now);
  if (!guessing.allowed) return tooManyRequests(guessing, "Too many requests with an invalid API token from this address");

  const authorization = request.headers.get("authorization");
  const token = bearerToken(authorization);
  if (!token) return tokenUnauthorizedResponse();
  const hash = hashApiToken(token);
  // Keyed by the token's hash, so a token over its limit is refused before the database is asked.
  const budget = perToken.attempt(hash, now);
  if (!budget.allowed) return tooManyRequests(budget, "Too many requests with this API token");

  // The address's failed-authentication budget is taken when this request starts a look-up (the
  // peek above just found it there), before the database is asked, so a wave in flight cannot
  // outrun it; it is given back when the token is valid.
  const { value: caller, source } = await lookups.resolve(hash, () => {
    failedAuth.attempt(address, now);
    return authenticate(authorization!, new Date(now));
  });
  if (!caller) return tokenUnauthorizedResponse();
  if (source === "loaded") failedAuth.refund(address, now);
  if (!scopeAllows(caller.scope, needs)) return withHeaders(insufficientScope(needs), rateLimitHeaders(budget));
  return withHeaders(await handle(caller), rateLimitHeaders(budget));
}

/** 403 for a valid token without the scope: a JSON error with a code a client can branch on, and
 *  RFC 6750's `insufficient_scope` challenge naming the scope needed. Tokens from before scopes
 *  are `read`, so this is what an old token gets on a write. */
function insufficientScope(needs: TokenScope): Response {
  return Response.json(
    {
      error: `This API token lacks the \`${needs}\` scope this request needs. Create a token with the \`${needs}\` scope in Settings → API tokens (a token's scope cannot be changed).`,
      code: "INSUFFICIENT_SCOPE",
      requiredScope: needs,
    },
    { status: 403, headers: { ...NO_STORE, "www-authenticate": `Bearer realm="sortroom", error="insufficient_scope", scope="${needs}"` } },
  );
}

function rateLimitHeaders(decision: Decision): Record<string, string> {
  return {
    "ratelimit-limit": String(decision.limit),
    "ratelimit-remaining": String(decision.remaining),
    "ratelimit-reset": String(Math.ceil(decision.resetMs / 1000)),
  };
}

function tooManyRequests(decision: Decision, what: string): Response {
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  return jsonError(429, `${what}: retry in ${seconds} ${seconds === 1 ? "second" : "seconds"}.`, {
    "retry-after": String(seconds),
    ...rateLimitHeaders(decision),
  });
}

/** The handler's response with extra headers (a new Response: a streamed body is passed on as is). */
function withHeaders(response: Response, extra: Record<string, string>): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
