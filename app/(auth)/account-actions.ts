"use server";

import { getFacilitator } from "@/lib/auth/session";
import { bumpSessionVersion } from "@/lib/db/users/sessions";
import { logger } from "@/lib/log/logger";

/** "Sign out everywhere": every session cookie of the signed-in facilitator, in any browser, this
 *  one included, stops working (their session version is now old: lib/auth/session-claims.ts).
 *  False when nobody is signed in (the session had already ended). Server actions check the
 *  request's Origin, so another site cannot trigger it. */
export async function signOutEverywhere(): Promise<{ ok: boolean }> {
  const facilitator = await getFacilitator();
  if (!facilitator) return { ok: false };
  await bumpSessionVersion(facilitator.id);
  logger().info({ userId: facilitator.id }, "facilitator signed out everywhere");
  return { ok: true };
}
