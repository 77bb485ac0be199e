import { CLIENT_ADDRESS_HEADER } from "@/lib/api/client-address";
import { env } from "@/lib/config/env";
import { findUserForSignIn } from "@/lib/db/users/reads";
import { signInSchema } from "./credentials-schema";
import { ARGON2_BUSY_RETRY_SECONDS, isPasswordWorkBusy, verifyAgainstDummy, verifyPassword } from "./password";
import { refusalMessage } from "./refusal";
import { AuthThrottle, authLimitsFromEnv } from "./throttle";

/** The Credentials provider's `authorize` (lib/auth/options.ts): validation, the sign-in limits
 *  (taken before any database or argon2 work), then the password check. Returns the user, null for
 *  wrong credentials, or throws an Error whose message is a refusal (lib/auth/refusal.ts) that the
 *  forms show with its retry-after. */

// On globalThis: Next bundles the auth route and the sign-up action separately, and all of them
// (on this node) must share one set of buckets. Each node limits on its own; a restart starts full.
const store = globalThis as unknown as { sortroomAuthThrottle?: AuthThrottle };

export function authThrottle(): AuthThrottle {
  return (store.sortroomAuthThrottle ??= new AuthThrottle(authLimitsFromEnv(env())));
}

/** The client address the custom server put on the request (server/app.ts), from next-auth's
 *  plain-object headers or a Headers instance. */
export function requestAddress(headers: Record<string, unknown> | Headers | undefined): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers?.[CLIENT_ADDRESS_HEADER];
  return typeof value === "string" && value ? value : "unknown";
}

export async function authorizeCredentials(
  credentials: Record<string, unknown> | undefined,
  headers: Record<string, unknown> | undefined,
  clock: () => number = Date.now,
): Promise<{ id: string; email: string; name: string | null } | null> {
  const parsed = signInSchema.safeParse({ email: credentials?.email, password: credentials?.password });
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const address = requestAddress(headers);
  const throttle = authThrottle();
  const verdict = throttle.beginSignIn(address, email, clock());
  if (!verdict.allowed) throw new Error(refusalMessage({ code: "TooManyAttempts", retryAfterSeconds: verdict.retryAfterSeconds }));
  try {
    const user = await findUserForSignIn(email);
    // Unknown email, or an OAuth-only account: same answer and about the same time as a wrong password.
    if (!user?.passwordHash) return verifyAgainstDummy(password).then(() => null);
    if (!(await verifyPassword(user.passwordHash, password))) return null;
    throttle.signInSucceeded(address, email, clock());
    return { id: user.id, email: user.email, name: user.name };
  } catch (error) {
    if (!isPasswordWorkBusy(error)) throw error;
    // Nothing was verified: the attempt costs nothing.
    throttle.signInNotTried(address, email, clock());
    throw new Error(refusalMessage({ code: "Busy", retryAfterSeconds: ARGON2_BUSY_RETRY_SECONDS }));
  }
}
