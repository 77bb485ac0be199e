import { z } from "zod";
import { isStorableText } from "@/lib/domain/storable-text";
import { makeIssue, packIssue, unpackIssue, type Issue } from "@/lib/i18n/issue";

/** Validation for facilitator sign-up and sign-in. Pure (no I/O): the server action, the
 *  Credentials provider and the client forms all use these, so messages match everywhere. */

export const EMAIL_MAX = 254; // RFC 5321 path limit
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128; // bounds the work argon2 does per attempt
export const NAME_MAX = 80;

/** The problems a sign-up or sign-in field can have, by code, with their English default.
 *  The forms translate the code (lib/i18n/messages, namespace `authIssues`). */
export const AUTH_ISSUES = {
  email_required: "Enter your email address",
  email_invalid: "Enter a valid email address",
  email_too_long: "Email is too long ({max} characters at most)",
  password_required: "Enter your password",
  password_too_short: "Use at least {min} characters",
  password_too_long: "Use {max} characters at most",
  name_too_long: "Name is too long ({max} characters at most)",
  name_invalid_character: "Name contains a character that cannot be saved (a control character or a broken emoji)",
  field_invalid: "This value is not valid",
} as const;

export type AuthIssueCode = keyof typeof AUTH_ISSUES;
export type AuthIssue = Issue<AuthIssueCode>;

const PARAMS: Record<AuthIssueCode, Record<string, number>> = {
  email_required: {},
  email_invalid: {},
  email_too_long: { max: EMAIL_MAX },
  password_required: {},
  password_too_short: { min: PASSWORD_MIN },
  password_too_long: { max: PASSWORD_MAX },
  name_too_long: { max: NAME_MAX },
  name_invalid_character: {},
  field_invalid: {},
};

/** The issue of `code`, with its limit filled in. */
export const authIssue = (code: AuthIssueCode): AuthIssue => makeIssue(AUTH_ISSUES, code, PARAMS[code]);

// zod keeps only a message: each check's is the packed issue, unpacked by firstFieldErrors.
const MESSAGES = Object.fromEntries(
  Object.keys(AUTH_ISSUES).map((code) => [code, packIssue(code, PARAMS[code as AuthIssueCode])]),
) as Record<AuthIssueCode, string>;

/** Trimmed and lowercased before any check, so "  Ana@Example.COM " is stored as "ana@example.com".
 *  The length check runs first: an over-long address gets the length message only. */
export const emailSchema = z
  .string(MESSAGES.email_required)
  .trim()
  .toLowerCase()
  .min(1, MESSAGES.email_required)
  .max(EMAIL_MAX, MESSAGES.email_too_long)
  .pipe(z.email(MESSAGES.email_invalid));

/** A new password. Never trimmed: spaces are characters like any other. */
export const newPasswordSchema = z
  .string(MESSAGES.password_too_short)
  .min(PASSWORD_MIN, MESSAGES.password_too_short)
  .max(PASSWORD_MAX, MESSAGES.password_too_long);

/** Optional display name: blank (or missing) becomes undefined. NUL and lone surrogates are
 *  refused here, naming the field: Postgres cannot store them and would answer with a 500. */
export const nameSchema = z.preprocess(
  (v) => (v === null || v === undefined ? undefined : typeof v === "string" ? v.trim() || undefined : v),
  z.string(MESSAGES.field_invalid).max(NAME_MAX, MESSAGES.name_too_long).refine(isStorableText, MESSAGES.name_invalid_character).optional(),
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
    .string(MESSAGES.password_required)
    .min(1, MESSAGES.password_required)
    .min(PASSWORD_MIN, MESSAGES.password_too_short)
    .max(PASSWORD_MAX, MESSAGES.password_too_long),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
export type SignInInput = z.infer<typeof signInSchema>;

export type FieldErrors<K extends string> = Partial<Record<K, AuthIssue>>;

/** The first issue per field, for forms that show one error under each input. */
export function firstFieldErrors<K extends string>(error: z.ZodError): FieldErrors<K> {
  const out: Partial<Record<string, AuthIssue>> = {};
  for (const issue of error.issues) {
    const key = issue.path[0];
    if (typeof key === "string" && out[key] === undefined) out[key] = unpackIssue(AUTH_ISSUES, issue.message) ?? authIssue("field_invalid");
  }
  return out as FieldErrors<K>;
}
