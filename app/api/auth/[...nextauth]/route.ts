import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { withRefusalStatus } from "@/lib/auth/refusal-response";

// next-auth v4 in the App Router: one handler for every /api/auth/* endpoint
// (csrf, providers, session, signin, callback, signout).
const handler = NextAuth(authOptions) as (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

/** A throttled or busy sign-in is answered 429 / 503 with Retry-After (lib/auth/refusal-response.ts). */
async function POST(request: Request, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  return withRefusalStatus(await handler(request, context));
}

export { handler as GET, POST };
