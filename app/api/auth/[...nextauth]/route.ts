import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { readCapped, tooLargeResponse } from "@/lib/api/body";
import { BODY_LIMITS } from "@/lib/api/http-policy";
import { authOptions } from "@/lib/auth/options";
import { withRefusalStatus } from "@/lib/auth/refusal-response";

// next-auth v4 in the App Router: one handler for every /api/auth/* endpoint
// (csrf, providers, session, signin, callback, signout).
const handler = NextAuth(authOptions) as (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth reads a POST's whole body, whatever its size: its forms (sign-in, sign-out) are
 *  read here first, counted as they stream in, and refused over the cap (413). A throttled or
 *  busy sign-in is answered 429 / 503 with Retry-After (lib/auth/refusal-response.ts). */
async function post(request: NextRequest, context: Context): Promise<Response> {
  const body = await readCapped(request, BODY_LIMITS.small);
  if (body === "too-large") return tooLargeResponse(BODY_LIMITS.small);
  return withRefusalStatus(await handler(new NextRequest(request, { body: body as BodyInit }), context));
}

export { handler as GET, post as POST };
