"use server";

import { headers } from "next/headers";
import { firstFieldErrors, signUpSchema, type FieldErrors } from "@/lib/auth/credentials-schema";
import { authThrottle, requestAddress } from "@/lib/auth/credentials-sign-in";
import { ARGON2_BUSY_RETRY_SECONDS, hashPassword, isPasswordWorkBusy } from "@/lib/auth/password";
import { createUser } from "@/lib/db/users/writes";
import { logger } from "@/lib/log/logger";

export type SignUpField = "email" | "password" | "name";

export type SignUpResult =
  | { ok: true; email: string }
  | { ok: false; fieldErrors: FieldErrors<SignUpField>; formError?: "EMAIL_TAKEN" | "UNAVAILABLE" }
  | { ok: false; fieldErrors: FieldErrors<SignUpField>; formError: "RATE_LIMITED" | "BUSY"; retryAfterSeconds: number };

/** Creates a facilitator account. Anyone may call it (it is a public POST endpoint), so every
 *  input is validated here again, whatever the form already checked, and sign-ups are limited per
 *  client address (lib/auth/throttle.ts) before any hashing. It does not sign in: the client does
 *  that through next-auth with the same credentials, which sets the session cookie. */
export async function signUp(formData: FormData): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse({
    email: formData.get("email"),
    password: formData.get("password"),
    name: formData.get("name"),
  });
  if (!parsed.success) return { ok: false, fieldErrors: firstFieldErrors<SignUpField>(parsed.error) };

  const address = requestAddress(await headers());
  const verdict = authThrottle().beginSignUp(address, Date.now());
  if (!verdict.allowed) {
    logger().warn({ address }, "sign-up refused: too many from this address");
    return { ok: false, fieldErrors: {}, formError: "RATE_LIMITED", retryAfterSeconds: verdict.retryAfterSeconds };
  }

  const { email, password, name } = parsed.data;
  try {
    const result = await createUser({ email, passwordHash: await hashPassword(password), name: name ?? null });
    if (!result.ok) return { ok: false, fieldErrors: {}, formError: "EMAIL_TAKEN" };
    logger().info({ userId: result.user.id }, "facilitator signed up");
    return { ok: true, email: result.user.email };
  } catch (error) {
    if (isPasswordWorkBusy(error)) return { ok: false, fieldErrors: {}, formError: "BUSY", retryAfterSeconds: ARGON2_BUSY_RETRY_SECONDS };
    logger().error({ err: error }, "sign-up failed");
    return { ok: false, fieldErrors: {}, formError: "UNAVAILABLE" };
  }
}
