import { randomBytes } from "node:crypto";
import { phaseWithToken } from "../../bench/load/protocol-client";
import { hashPassword } from "../../lib/auth/password";
import { createApiToken, listApiTokens, revokeApiToken } from "../../lib/db/tokens/tokens";
import { upsertPasswordUser } from "../../lib/db/users/writes";

/** The demo's facilitator: an account under the reserved `.invalid` domain (RFC 2606), so it can
 *  never be a real person's, with a fresh random password on every run (printed once, never a
 *  fixed secret that would open a real deployment), and an API token the demo drives its session
 *  with, revoked once the session is started. Needs the server's database (the demo runs it in-process). */

export const DEMO_EMAIL = "demo@sortroom.invalid";
const DEMO_TOKEN_NAME = "npm run demo";

export interface DemoAccount {
  userId: string;
  email: string;
  password: string;
  token: string;
  /** Revokes the token (once the session is started). */
  revoke(): Promise<void>;
}

export async function ensureDemoAccount(): Promise<DemoAccount> {
  // 96 random bits; base64url has no characters a terminal or a form would mangle.
  const password = randomBytes(12).toString("base64url");
  const user = await upsertPasswordUser({ email: DEMO_EMAIL, passwordHash: await hashPassword(password), name: "Demo facilitator" });
  // A demo stopped before it started its session leaves its token active; revoke those so they
  // never pile up to the account's limit of active tokens.
  for (const old of await listApiTokens(user.id)) {
    if (old.name === DEMO_TOKEN_NAME && old.revokedAt === null) await revokeApiToken(user.id, old.id);
  }
  // `sessions`: the demo creates its session and drives its phases with this token.
  const created = await createApiToken(user.id, DEMO_TOKEN_NAME, "sessions");
  if (!created.ok) throw new Error(`could not create the demo's API token: ${created.message}`);
  return {
    userId: user.id,
    email: DEMO_EMAIL,
    password,
    token: created.token,
    revoke: async () => void (await revokeApiToken(user.id, created.summary.id)),
  };
}

/** At most this many left-over sessions are ended per run (each is a request on the token's
 *  budget of 60 at once); any older ones go on later runs. */
const TIDY_AT_MOST = 20;

/** Ends the demo account's sessions that earlier runs left open, through the token API: a demo
 *  stopped with Ctrl-C cannot end its own (see scripts/demo.ts). Returns how many it ended. */
export async function endEarlierSessions(url: string, token: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/sessions?per_page=100`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`GET /api/v1/sessions: HTTP ${res.status} ${await res.text()}`);
  const { sessions } = (await res.json()) as { sessions: { id: string; phase: string }[] };
  const open = sessions.filter((s) => s.phase !== "closed").slice(0, TIDY_AT_MOST);
  for (const session of open) await phaseWithToken(url, token, session.id, "end");
  return open.length;
}
