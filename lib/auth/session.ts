import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { findUserById } from "@/lib/db/users/reads";
import { signInPath } from "./callback-url";
import { authOptions } from "./options";

export { facilitatorFromCookieHeader } from "./cookie-session";

export interface Facilitator {
  id: string;
  email: string;
  name: string | null;
}

/** The signed-in facilitator, for server components, server actions and route handlers; null
 *  when signed out or when the account no longer exists. Email and name come fresh from the
 *  database, not from the token. Memoised per request. */
export const getFacilitator = cache(async (): Promise<Facilitator | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await findUserById(id);
  return user ? { id: user.id, email: user.email, name: user.name } : null;
});

/** Like getFacilitator, but sends a signed-out visitor to /signin and back to `callbackUrl`
 *  (a same-site path, e.g. "/dashboard") afterwards. Call it outside any try/catch. */
export async function requireFacilitator(callbackUrl = "/dashboard"): Promise<Facilitator> {
  const facilitator = await getFacilitator();
  if (!facilitator) redirect(signInPath(callbackUrl));
  return facilitator;
}
