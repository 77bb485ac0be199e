import { REFUSAL_STATUS, refusalInUrl } from "./refusal";

/** next-auth answers a refused sign-in (lib/auth/refusal.ts) like a wrong password: 401 with the
 *  error in a redirect URL (JSON `{ url }` for the client's signIn(), a Location otherwise). This
 *  gives such an answer its real status, 429 over a limit or 503 when argon2 is saturated, and a
 *  Retry-After header, keeping the body the client reads its error from. Other responses pass as
 *  they are. */
export async function withRefusalStatus(response: Response): Promise<Response> {
  const location = response.headers.get("location");
  let refusal = refusalInUrl(location);
  let body: string | null = null;
  if (!refusal && response.status === 401 && response.headers.get("content-type")?.includes("application/json")) {
    body = await response.text();
    try {
      refusal = refusalInUrl((JSON.parse(body) as { url?: unknown }).url as string | undefined);
    } catch {
      refusal = null;
    }
  }
  if (!refusal) return body === null ? response : new Response(body, { status: response.status, headers: response.headers });
  const headers = new Headers(response.headers);
  headers.set("retry-after", String(refusal.retryAfterSeconds));
  // A redirect (a sign-in form posted without JavaScript) stays a redirect, to /signin?error=…
  const status = location ? response.status : REFUSAL_STATUS[refusal.code];
  return new Response(body ?? response.body, { status, headers });
}
