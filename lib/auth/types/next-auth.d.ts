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
  }
}
