import { randomBytes } from "node:crypto";
import { hashPassword } from "../../lib/auth/password";
import { createApiToken, listApiTokens, revokeApiToken } from "../../lib/db/tokens/tokens";
import { upsertPasswordUser } from "../../lib/db/users/writes";

/** The demo's facilitator: an account under the reserved `.invalid` domain (RFC 2606), so it can
 *  never be a real person's, with a fresh random password on every run (printed once, never a
 *  fixed secret that would open a real deployment), and an API token the demo drives its session
 *  with, revoked when the demo stops. Needs the server's database (the demo runs it in-process). */

export const DEMO_EMAIL = "demo@sortroom.invalid";
const DEMO_TOKEN_NAME = "npm run demo";

export interface DemoAccount {
  userId: string;
  email: string;
  password: string;
  token: string;
  /** Revokes the token (at exit). */
  revoke(): Promise<void>;
}

export async function ensureDemoAccount(): Promise<DemoAccount> {
  // 96 random bits; base64url has no characters a terminal or a form would mangle.
  const password = randomBytes(12).toString("base64url");
  const user = await upsertPasswordUser({ email: DEMO_EMAIL, passwordHash: await hashPassword(password), name: "Demo facilitator" });
  // A demo stopped by kill -9 leaves its token active; revoke those so they never pile up to the
  // account's limit of active tokens.
  for (const old of await listApiTokens(user.id)) {
    if (old.name === DEMO_TOKEN_NAME && old.revokedAt === null) await revokeApiToken(user.id, old.id);
  }
  const created = await createApiToken(user.id, DEMO_TOKEN_NAME);
  if (!created.ok) throw new Error(`could not create the demo's API token: ${created.message}`);
  return {
    userId: user.id,
    email: DEMO_EMAIL,
    password,
    token: created.token,
    revoke: async () => void (await revokeApiToken(user.id, created.summary.id)),
  };
}
