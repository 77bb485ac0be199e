import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// next-auth v4 in the App Router: one handler for every /api/auth/* endpoint
// (csrf, providers, session, signin, callback, signout).
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
