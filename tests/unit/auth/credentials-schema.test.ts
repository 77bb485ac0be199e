import { describe, expect, it } from "vitest";
import { MESSAGES, firstFieldErrors, signInSchema, signUpSchema } from "@/lib/auth/credentials-schema";

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
    { case: "no @", input: { email: "ana.example.com", password: GOOD_PASSWORD }, field: "email", message: MESSAGES.emailInvalid },
    { case: "no domain", input: { email: "ana@", password: GOOD_PASSWORD }, field: "email", message: MESSAGES.emailInvalid },
    { case: "no TLD dot", input: { email: "ana@localhost", password: GOOD_PASSWORD }, field: "email", message: MESSAGES.emailInvalid },
    { case: "space inside", input: { email: "ana lopez@example.com", password: GOOD_PASSWORD }, field: "email", message: MESSAGES.emailInvalid },
    { case: "two @", input: { email: "ana@@example.com", password: GOOD_PASSWORD }, field: "email", message: MESSAGES.emailInvalid },
    { case: "empty email", input: { email: "", password: GOOD_PASSWORD }, field: "email", message: MESSAGES.emailRequired },
    { case: "whitespace-only email", input: { email: "   ", password: GOOD_PASSWORD }, field: "email", message: MESSAGES.emailRequired },
    { case: "missing email", input: { email: null, password: GOOD_PASSWORD }, field: "email", message: MESSAGES.emailRequired },
    { case: "255-char email", input: { email: emailOfLength(255), password: GOOD_PASSWORD }, field: "email", message: MESSAGES.emailTooLong },
    { case: "255-char malformed email", input: { email: "x".repeat(255), password: GOOD_PASSWORD }, field: "email", message: MESSAGES.emailTooLong },
    { case: "7-char password", input: { email: "ana@example.com", password: "1234567" }, field: "password", message: MESSAGES.passwordTooShort },
    { case: "empty password", input: { email: "ana@example.com", password: "" }, field: "password", message: MESSAGES.passwordTooShort },
    { case: "missing password", input: { email: "ana@example.com", password: null }, field: "password", message: MESSAGES.passwordTooShort },
    { case: "129-char password", input: { email: "ana@example.com", password: "p".repeat(129) }, field: "password", message: MESSAGES.passwordTooLong },
    { case: "81-char name", input: { email: "ana@example.com", password: GOOD_PASSWORD, name: "n".repeat(81) }, field: "name", message: MESSAGES.nameTooLong },
  ])("rejects $case", ({ input, field, message }) => {
    const result = signUpSchema.safeParse(input);
    expect(result.success).toBe(false);
    const errors = firstFieldErrors<string>(result.error!);
    expect(errors).toEqual({ [field]: message });
  });

  it("the exact messages the forms show", () => {
    expect(MESSAGES.emailInvalid).toBe("Enter a valid email address");
    expect(MESSAGES.emailTooLong).toBe("Email is too long (254 characters at most)");
    expect(MESSAGES.passwordTooShort).toBe("Use at least 8 characters");
  });

  it("reports every bad field at once, one message each", () => {
    const result = signUpSchema.safeParse({ email: "nope", password: "short", name: "n".repeat(81) });
    expect(result.success).toBe(false);
    expect(firstFieldErrors(result.error!)).toEqual({
      email: MESSAGES.emailInvalid,
      password: MESSAGES.passwordTooShort,
      name: MESSAGES.nameTooLong,
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
    { case: "malformed email", email: "ana", password: GOOD_PASSWORD, field: "email", message: MESSAGES.emailInvalid },
    { case: "255-char email", email: emailOfLength(255), password: GOOD_PASSWORD, field: "email", message: MESSAGES.emailTooLong },
    { case: "empty password", email: "ana@example.com", password: "", field: "password", message: MESSAGES.passwordRequired },
    { case: "short password", email: "ana@example.com", password: "1234567", field: "password", message: MESSAGES.passwordTooShort },
    { case: "129-char password", email: "ana@example.com", password: "p".repeat(129), field: "password", message: MESSAGES.passwordTooLong },
  ])("rejects $case", ({ email, password, field, message }) => {
    const result = signInSchema.safeParse({ email, password });
    expect(result.success).toBe(false);
    expect(firstFieldErrors<string>(result.error!)).toEqual({ [field]: message });
  });
});
