import { z } from "zod";

/** Validation for facilitator sign-up and sign-in. Pure (no I/O): the server action, the
 *  Credentials provider and the client forms all use these, so messages match everywhere. */

export const EMAIL_MAX = 254; // RFC 5321 path limit
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128; // bounds the work argon2 does per attempt
export const NAME_MAX = 80;

export const MESSAGES = {
  emailRequired: "Enter your email address",
  emailInvalid: "Enter a valid email address",
  emailTooLong: `Email is too long (${EMAIL_MAX} characters at most)`,
  passwordRequired: "Enter your password",
  passwordTooShort: `Use at least ${PASSWORD_MIN} characters`,
  passwordTooLong: `Use ${PASSWORD_MAX} characters at most`,
  nameTooLong: `Name is too long (${NAME_MAX} characters at most)`,
} as const;

/** Trimmed and lowercased before any check, so "  Ana@Example.COM " is stored as "ana@example.com".
 *  The length check runs first: an over-long address gets the length message only. */
export const emailSchema = z
  .string(MESSAGES.emailRequired)
  .trim()
  .toLowerCase()
  .min(1, MESSAGES.emailRequired)
  .max(EMAIL_MAX, MESSAGES.emailTooLong)
  .pipe(z.email(MESSAGES.emailInvalid));

/** A new password. Never trimmed: spaces are characters like any other. */
export const newPasswordSchema = z
  .string(MESSAGES.passwordTooShort)
  .min(PASSWORD_MIN, MESSAGES.passwordTooShort)
  .max(PASSWORD_MAX, MESSAGES.passwordTooLong);

/** Optional display name: blank (or missing) becomes undefined. */
export const nameSchema = z.preprocess(
  (v) => (v === null || v === undefined ? undefined : typeof v === "string" ? v.trim() || undefined : v),
  z.string().max(NAME_MAX, MESSAGES.nameTooLong).optional(),
);

export const signUpSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  name: nameSchema,
});

/** Sign-in enforces the same 8–128 range as sign-up: no account can have a password outside it,
 *  and the upper bound keeps a huge input from reaching argon2. */
export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string(MESSAGES.passwordRequired)
    .min(1, MESSAGES.passwordRequired)
    .min(PASSWORD_MIN, MESSAGES.passwordTooShort)
    .max(PASSWORD_MAX, MESSAGES.passwordTooLong),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
export type SignInInput = z.infer<typeof signInSchema>;

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** The first message per field, for forms that show one error under each input. */
export function firstFieldErrors<K extends string>(error: z.ZodError): FieldErrors<K> {
  const out: Partial<Record<string, string>> = {};
  for (const issue of error.issues) {
    const key = issue.path[0];
    if (typeof key === "string" && out[key] === undefined) out[key] = issue.message;
  }
  return out as FieldErrors<K>;
}
