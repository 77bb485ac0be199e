import type { DefaultSession } from "next-auth";

/** session.user.id is our users.id (uuid), set in lib/auth/options.ts. */
declare module "next-auth" {
  interface Session {
    user: {
      id: string;
    } & DefaultSession["user"];
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** users.id */
    sub?: string;
    /** This sign-in's session id, kept through re-issues (lib/auth/session-claims.ts). */
    sid?: string;
    /** users.session_version when this session signed in. */
    sv?: number;
  }
}
