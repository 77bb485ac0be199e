import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import type { Provider } from "next-auth/providers/index";
import { env } from "@/lib/config/env";
import { randomUUID } from "node:crypto";
import { findUserByEmail } from "@/lib/db/users/reads";
import { currentSessionVersion, findUserForSession, revokeSessionId } from "@/lib/db/users/sessions";
import { runtimeConfig } from "@/lib/config/runtime";
import { upsertOAuthUser } from "@/lib/db/users/writes";
import { logger } from "@/lib/log/logger";
import { authorizeCredentials } from "./credentials-sign-in";
import { emailSchema } from "./credentials-schema";
import { newSessionClaims, readSessionClaims, revocationExpiry, SESSION_ENDED, SESSION_MAX_AGE_SECONDS } from "./session-claims";

/** Facilitator accounts (participants never sign in).
 *
 *  Sessions are stateless JWTs: next-auth encrypts the token (JWE, A256GCM, key derived from
 *  NEXTAUTH_SECRET) into the session cookie. `token.sub` is our users.id (a uuid) for every
 *  provider, and `session.user.id` carries it to pages.
 *
 *  Cookies: we deliberately keep next-auth's defaults (no `cookies` option here). Every auth
 *  cookie (session token, CSRF token, callback URL, OAuth state/PKCE) is httpOnly, sameSite=lax,
 *  path=/. When NEXTAUTH_URL starts with https:// they are also `secure` and named with the
 *  __Secure- prefix (`__Secure-next-auth.session-token`; the CSRF cookie gets __Host-); over
 *  plain http (local development) the names are unprefixed (`next-auth.session-token`). The
 *  session lasts 30 days from sign-in (re-issued for another 30 whenever /api/auth/session is
 *  fetched; server components read it without refreshing it).
 *  A token larger than ~4 KB is split into `.0`, `.1`, … chunks. See lib/auth/cookie-session.ts
 *  for reading it outside Next (Socket.IO).
 *
 *  Ending sessions: each token carries a session id and the user's session version
 *  (lib/auth/session-claims.ts explains the design). Sign-out revokes the session id (events.signOut
 *  below); "sign out everywhere" increments the version (app/(auth)/account-actions.ts). */

const THIRTY_DAYS = SESSION_MAX_AGE_SECONDS;

export type OAuthProviderId = "github" | "google";

/** The OAuth providers switched on by configuration (both id and secret set), for the sign-in page. */
export function configuredOAuthProviders(): { id: OAuthProviderId; name: string }[] {
  const e = env();
  const list: { id: OAuthProviderId; name: string }[] = [];
  if (e.GITHUB_ID && e.GITHUB_SECRET) list.push({ id: "github", name: "GitHub" });
  if (e.GOOGLE_ID && e.GOOGLE_SECRET) list.push({ id: "google", name: "Google" });
  return list;
}

function providers(): Provider[] {
  const e = env();
  const list: Provider[] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      // Limits, then the password (lib/auth/credentials-sign-in.ts).
      authorize: (credentials, req) => authorizeCredentials(credentials, req?.headers),
    }),
  ];
  if (e.GITHUB_ID && e.GITHUB_SECRET) list.push(GitHubProvider({ clientId: e.GITHUB_ID, clientSecret: e.GITHUB_SECRET }));
  if (e.GOOGLE_ID && e.GOOGLE_SECRET) list.push(GoogleProvider({ clientId: e.GOOGLE_ID, clientSecret: e.GOOGLE_SECRET }));
  return list;
}

/** The email an OAuth provider vouches for, or null when it is missing or unverified. Accounts are
 *  matched by email, so an unverified address must never sign in (it could claim someone's account). */
async function verifiedOAuthEmail(
  provider: string,
  email: string | null | undefined,
  profile: Record<string, unknown> | undefined,
  accessToken: string | undefined,
): Promise<string | null> {
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) return null;
  if (provider === "google") return profile?.email_verified === true ? parsed.data : null;
  if (provider === "github") {
    if (!accessToken) return null;
    const res = await fetch("https://api.github.com/user/emails", {
      headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/vnd.github+json" },
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) return null;
    const emails = (await res.json()) as { email: string; verified: boolean }[];
    const match = emails.find((x) => x.email.trim().toLowerCase() === parsed.data);
    return match?.verified ? parsed.data : null;
  }
  return null;
}

let providerList: Provider[] | undefined;

export const authOptions: NextAuthOptions = {
  // Built on first use, not at import: `next build` loads this module without the runtime env
  // (and env() refuses a production environment without NEXTAUTH_SECRET).
  get providers() {
    return (providerList ??= providers());
  },
  // The custom server sets NEXTAUTH_SECRET (generated in development) before Next starts.
  secret: runtimeConfig.nextAuthSecret(),
  session: { strategy: "jwt", maxAge: THIRTY_DAYS },
  jwt: { maxAge: THIRTY_DAYS },
  pages: { signIn: "/signin", error: "/signin" },
  callbacks: {
    async signIn({ user, account, profile }) {
      if (!account || account.type === "credentials") return true; // authorize() already checked
      try {
        const email = await verifiedOAuthEmail(account.provider, user.email, profile as Record<string, unknown> | undefined, account.access_token);
        if (!email) {
          logger().warn({ provider: account.provider }, "oauth sign-in refused: no verified email");
          return false;
        }
        const record = await upsertOAuthUser({ email, name: user.name?.trim().slice(0, 80) || null });
        logger().info({ provider: account.provider, userId: record.id }, "oauth sign-in");
        return true;
      } catch (error) {
        logger().error({ err: error, provider: account.provider }, "oauth sign-in failed");
        return false;
      }
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        if (account.type === "credentials") {
          token.sub = user.id;
        } else {
          // For OAuth, user.id is the provider's account id; swap in ours (created in signIn above).
          const email = emailSchema.safeParse(user.email);
          const record = email.success ? await findUserByEmail(email.data) : null;
          if (!record) throw new Error("oauth user missing after sign-in");
          token.sub = record.id;
          token.email = record.email;
          token.name = record.name;
        }
        const version = await currentSessionVersion(token.sub);
        if (version === null) throw new Error("user missing after sign-in");
        return { ...token, ...newSessionClaims(token.sub, version, randomUUID()) };
      }
      // Any later read through next-auth (GET /api/auth/session, which also re-issues the cookie):
      // an ended session is refused, and next-auth then clears its cookie.
      const claims = readSessionClaims(token);
      if (!claims || !(await findUserForSession({ userId: claims.sub, sessionId: claims.sid, version: claims.sv }))) {
        throw new Error(SESSION_ENDED);
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) {
        session.user = { id: token.sub, email: token.email ?? null, name: token.name ?? null };
      }
      return session;
    },
  },
  events: {
    // Signs this browser out for good: its session id is refused from now on, on every node. If
    // the database cannot be reached, next-auth logs SIGNOUT_ERROR and still clears the cookie.
    async signOut({ token }) {
      const claims = readSessionClaims(token);
      if (!claims) return;
      const now = new Date();
      await revokeSessionId({ sessionId: claims.sid, userId: claims.sub, expiresAt: revocationExpiry(now), now });
      logger().info({ userId: claims.sub }, "facilitator signed out");
    },
  },
  logger: {
    error(code, metadata) {
      const err = metadata instanceof Error ? metadata : (metadata as { error?: unknown })?.error;
      // An ended session read through /api/auth/session is expected, not a failure.
      if (err instanceof Error && err.message === SESSION_ENDED) {
        logger().info({ code }, "ended session refused");
        return;
      }
      logger().error({ code, err }, "next-auth error");
    },
    warn(code) {
      logger().warn({ code }, "next-auth warning");
    },
    debug() {},
  },
};
