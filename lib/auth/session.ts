import { headers } from "next/headers";
import { redirect, unauthorized } from "next/navigation";
import { cache } from "react";
import { signInPath } from "./callback-url";
import { facilitatorFromCookieHeader } from "./cookie-session";

export { facilitatorFromCookieHeader } from "./cookie-session";

export interface Facilitator {
  id: string;
  email: string;
  name: string | null;
}

/** The signed-in facilitator, for server components, server actions and route handlers; null
 *  when signed out, when the session was ended (sign-out, sign out everywhere) or when the account
 *  no longer exists. Reads the session cookie the way Socket.IO handshakes do
 *  (facilitatorFromCookieHeader: one database query). Email and name come fresh from the
 *  database, not from the token. Memoised per request. */
export const getFacilitator = cache(async (): Promise<Facilitator | null> => {
  const user = await facilitatorFromCookieHeader((await headers()).get("cookie") ?? undefined);
  return user ? { id: user.id, email: user.email, name: user.name } : null;
});

/** Like getFacilitator, but sends a signed-out visitor to /signin and back to `callbackUrl`
 *  (a same-site path, e.g. "/dashboard") afterwards. Call it outside any try/catch. */
export async function requireFacilitator(callbackUrl = "/dashboard"): Promise<Facilitator> {
  const facilitator = await getFacilitator();
  if (!facilitator) redirect(signInPath(callbackUrl));
  return facilitator;
}

/** Like getFacilitator, but answers a signed-out visitor HTTP 401 with app/unauthorized.tsx (which
 *  offers to sign in and come back). For pages reached by link rather than the front door (reports,
 *  sessions, settings); /dashboard keeps redirecting with requireFacilitator. Call it outside any
 *  try/catch, before anything streams. */
export async function facilitatorOrUnauthorized(): Promise<Facilitator> {
  const facilitator = await getFacilitator();
  if (!facilitator) unauthorized();
  return facilitator;
}
