import { describe, expect, it } from "vitest";
import { authIssue, firstFieldErrors, signInSchema, signUpSchema, type AuthIssueCode } from "@/lib/auth/credentials-schema";

const GOOD_PASSWORD = "correct horse";
/** A syntactically valid address of exactly `length` characters. */
function emailOfLength(length: number): string {
  const domain = "@example.com";
  return "a".repeat(length - domain.length) + domain;
}

describe("signUpSchema", () => {
  it.each([
    { case: "plain", input: { email: "ana@example.com", password: GOOD_PASSWORD }, email: "ana@example.com", name: undefined },
    { case: "with name", input: { email: "ana@example.com", password: GOOD_PASSWORD, name: "Ana" }, email: "ana@example.com", name: "Ana" },
    { case: "uppercase email", input: { email: "Ana.Lopez@Example.COM", password: GOOD_PASSWORD }, email: "ana.lopez@example.com", name: undefined },
    { case: "surrounding whitespace", input: { email: "  ana@example.com\t\n", password: GOOD_PASSWORD }, email: "ana@example.com", name: undefined },
    { case: "plus address", input: { email: "ana+workshops@example.co.uk", password: GOOD_PASSWORD }, email: "ana+workshops@example.co.uk", name: undefined },
    { case: "254 characters", input: { email: emailOfLength(254), password: GOOD_PASSWORD }, email: emailOfLength(254), name: undefined },
    { case: "blank name dropped", input: { email: "ana@example.com", password: GOOD_PASSWORD, name: "   " }, email: "ana@example.com", name: undefined },
    { case: "null name (missing form field)", input: { email: "ana@example.com", password: GOOD_PASSWORD, name: null }, email: "ana@example.com", name: undefined },
    { case: "name trimmed", input: { email: "ana@example.com", password: GOOD_PASSWORD, name: "  Ana  " }, email: "ana@example.com", name: "Ana" },
    { case: "emoji in the name", input: { email: "ana@example.com", password: GOOD_PASSWORD, name: "Ana 👩‍💻" }, email: "ana@example.com", name: "Ana 👩‍💻" },
    { case: "80-char name", input: { email: "ana@example.com", password: GOOD_PASSWORD, name: "n".repeat(80) }, email: "ana@example.com", name: "n".repeat(80) },
    { case: "8-char password", input: { email: "ana@example.com", password: "12345678" }, email: "ana@example.com", name: undefined },
    { case: "128-char password", input: { email: "ana@example.com", password: "p".repeat(128) }, email: "ana@example.com", name: undefined },
  ])("accepts $case", ({ input, email, name }) => {
    const result = signUpSchema.safeParse(input);
    expect(result.success).toBe(true);
    expect(result.data?.email).toBe(email);
    expect(result.data?.name).toBe(name);
    expect(result.data?.password).toBe(input.password); // never trimmed or altered
  });

  it.each([
    { case: "no @", input: { email: "ana.example.com", password: GOOD_PASSWORD }, field: "email", code: "email_invalid" },
    { case: "no domain", input: { email: "ana@", password: GOOD_PASSWORD }, field: "email", code: "email_invalid" },
    { case: "no TLD dot", input: { email: "ana@localhost", password: GOOD_PASSWORD }, field: "email", code: "email_invalid" },
    { case: "space inside", input: { email: "ana lopez@example.com", password: GOOD_PASSWORD }, field: "email", code: "email_invalid" },
    { case: "two @", input: { email: "ana@@example.com", password: GOOD_PASSWORD }, field: "email", code: "email_invalid" },
    { case: "empty email", input: { email: "", password: GOOD_PASSWORD }, field: "email", code: "email_required" },
    { case: "whitespace-only email", input: { email: "   ", password: GOOD_PASSWORD }, field: "email", code: "email_required" },
    { case: "missing email", input: { email: null, password: GOOD_PASSWORD }, field: "email", code: "email_required" },
    { case: "255-char email", input: { email: emailOfLength(255), password: GOOD_PASSWORD }, field: "email", code: "email_too_long" },
    { case: "255-char malformed email", input: { email: "x".repeat(255), password: GOOD_PASSWORD }, field: "email", code: "email_too_long" },
    { case: "7-char password", input: { email: "ana@example.com", password: "1234567" }, field: "password", code: "password_too_short" },
    { case: "empty password", input: { email: "ana@example.com", password: "" }, field: "password", code: "password_too_short" },
    { case: "missing password", input: { email: "ana@example.com", password: null }, field: "password", code: "password_too_short" },
    { case: "129-char password", input: { email: "ana@example.com", password: "p".repeat(129) }, field: "password", code: "password_too_long" },
    { case: "81-char name", input: { email: "ana@example.com", password: GOOD_PASSWORD, name: "n".repeat(81) }, field: "name", code: "name_too_long" },
    { case: "NUL in the name", input: { email: "ana@example.com", password: GOOD_PASSWORD, name: "An\u0000a" }, field: "name", code: "name_invalid_character" },
    { case: "a lone surrogate in the name", input: { email: "ana@example.com", password: GOOD_PASSWORD, name: "Ana \uD83D" }, field: "name", code: "name_invalid_character" },
  ])("rejects $case", ({ input, field, code }) => {
    const result = signUpSchema.safeParse(input);
    expect(result.success).toBe(false);
    const errors = firstFieldErrors<string>(result.error!);
    expect(errors).toEqual({ [field]: authIssue(code as AuthIssueCode) });
  });

  it("issues carry their limit as a param and the exact English message the API and English forms show", () => {
    expect(authIssue("email_invalid")).toEqual({ code: "email_invalid", params: {}, message: "Enter a valid email address" });
    expect(authIssue("email_too_long")).toEqual({ code: "email_too_long", params: { max: 254 }, message: "Email is too long (254 characters at most)" });
    expect(authIssue("password_too_short")).toEqual({ code: "password_too_short", params: { min: 8 }, message: "Use at least 8 characters" });
  });

  it("a name that is not text (a file in the form) is reported, not thrown", () => {
    const result = signUpSchema.safeParse({ email: "ana@example.com", password: GOOD_PASSWORD, name: 42 });
    expect(firstFieldErrors(result.error!)).toEqual({ name: authIssue("field_invalid") });
  });

  it("reports every bad field at once, one message each", () => {
    const result = signUpSchema.safeParse({ email: "nope", password: "short", name: "n".repeat(81) });
    expect(result.success).toBe(false);
    expect(firstFieldErrors(result.error!)).toEqual({
      email: authIssue("email_invalid"),
      password: authIssue("password_too_short"),
      name: authIssue("name_too_long"),
    });
  });
});

describe("signInSchema", () => {
  it.each([
    { case: "plain", email: "ana@example.com", expected: "ana@example.com" },
    { case: "uppercase + whitespace", email: "  ANA@Example.com ", expected: "ana@example.com" },
  ])("normalises the email: $case", ({ email, expected }) => {
    const result = signInSchema.safeParse({ email, password: GOOD_PASSWORD });
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ email: expected, password: GOOD_PASSWORD });
  });

  it.each([
    { case: "malformed email", email: "ana", password: GOOD_PASSWORD, field: "email", code: "email_invalid" },
    { case: "255-char email", email: emailOfLength(255), password: GOOD_PASSWORD, field: "email", code: "email_too_long" },
    { case: "empty password", email: "ana@example.com", password: "", field: "password", code: "password_required" },
    { case: "short password", email: "ana@example.com", password: "1234567", field: "password", code: "password_too_short" },
    { case: "129-char password", email: "ana@example.com", password: "p".repeat(129), field: "password", code: "password_too_long" },
  ])("rejects $case", ({ email, password, field, code }) => {
    const result = signInSchema.safeParse({ email, password });
    expect(result.success).toBe(false);
    expect(firstFieldErrors<string>(result.error!)).toEqual({ [field]: authIssue(code as AuthIssueCode) });
  });
});
