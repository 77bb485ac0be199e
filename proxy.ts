import { NextResponse, type NextRequest } from "next/server";
import { newNonce, pageCsp } from "@/lib/api/csp";
import { env } from "@/lib/config/env";

/** Next's proxy (the middleware of earlier versions): every page request gets a fresh nonce in a
 *  Content-Security-Policy (lib/api/csp.ts). Next reads the nonce from the request's policy and
 *  puts it on the scripts it renders; the browser gets the same policy on the response. Pages are
 *  all rendered per request (none is static), which a nonce requires. */
export function proxy(request: NextRequest): NextResponse {
  const csp = pageCsp({ nonce: newNonce(), host: request.headers.get("host"), dev: env().NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Not route handlers (next.config.js gives them a policy of their own), static files, nor
      // prefetches (data, not documents).
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
