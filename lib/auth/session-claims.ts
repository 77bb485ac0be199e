import { z } from "zod";

/**
 * What a facilitator's session cookie carries besides next-auth's own claims, and why. Pure.
 *
 * The cookie is a stateless JWT valid for 30 days, so ending a session needs server-side state.
 * Two kinds of ending, two mechanisms:
 *
 * - **Sign out (this browser)**: every sign-in gets a random session id (`sid`), kept through
 *   next-auth's re-issues of the cookie (its own `jti` changes with each re-issue, so it cannot
 *   name "this browser"). Sign-out (next-auth's `signOut` event) records the sid in
 *   `revoked_sessions` until sign-out time + 30 days: no copy of that cookie can outlive that,
 *   because a revoked cookie is never re-issued. Signing out on a phone therefore leaves the
 *   console on the laptop running, as a facilitator expects mid-workshop.
 * - **Sign out everywhere** (and a password change, once SortRoom has one): every cookie carries
 *   the user's `session_version` at sign-in (`sv`); incrementing the column voids every cookie
 *   issued before, in all browsers, this one included.
 *
 * The check (lib/db/users/sessions.ts findUserForSession) is folded into the user lookup every
 * session read already did (HTTP: lib/auth/session.ts getFacilitator; Socket.IO handshakes:
 * server/realtime/identity.ts via facilitatorFromCookieHeader; next-auth's own /api/auth/session:
 * the jwt callback), so it costs no extra query and needs no cache. With no cache, there is
 * nothing to invalidate and nothing that goes stale when several nodes share the database: a
 * sign-out on one node is refused by every node on its next request. (A later Redis-backed cache
 * would have to be invalidated on sign-out across nodes, e.g. by publishing the sid.) Sockets
 * already open when a session ends stay open until they reconnect; their handshake is refused then.
 *
 * Cookies issued before this existed have no sid/sv and are refused: those facilitators sign in
 * once more.
 */

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** The claims of a session cookie SortRoom accepts. `sub` is users.id. */
export const sessionClaimsSchema = z.object({
  sub: z.guid(),
  sid: z.guid(),
  sv: z.number().int().min(0),
});

export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

/** The claims a new sign-in adds to its token. */
export function newSessionClaims(userId: string, version: number, sessionId: string): SessionClaims {
  return { sub: userId, sid: sessionId, sv: version };
}

/** The claims of a decoded token, or null when it lacks any of them (or is malformed). */
export function readSessionClaims(token: unknown): SessionClaims | null {
  const parsed = sessionClaimsSchema.safeParse(token);
  return parsed.success ? parsed.data : null;
}

/** Until when a signed-out session id must stay refused: any copy of its cookie was issued before
 *  `signedOutAt`, so expires within SESSION_MAX_AGE_SECONDS of it. */
export function revocationExpiry(signedOutAt: Date): Date {
  return new Date(signedOutAt.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
}

/** The error the jwt callback throws for an ended session; next-auth then clears the cookie. */
export const SESSION_ENDED = "SessionEnded";
