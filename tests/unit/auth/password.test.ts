import { parseOptions } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("hashes with argon2id and the OWASP parameters", async () => {
    const hashed = await hashPassword("correct horse battery");
    expect(hashed).not.toBe("correct horse battery");
    expect(hashed).not.toContain("correct horse battery");
    expect(hashed.startsWith("$argon2id$")).toBe(true);
    const params = parseOptions(hashed);
    expect({ m: params.memoryCost, t: params.timeCost, p: params.parallelism }).toEqual({ m: 19456, t: 2, p: 1 });
  });

  it("salts every hash", async () => {
    const [a, b] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    expect(a).not.toBe(b);
  });

  it("verifies the right password and refuses others", async () => {
    const hashed = await hashPassword("correct horse battery");
    expect(await verifyPassword(hashed, "correct horse battery")).toBe(true);
    expect(await verifyPassword(hashed, "correct horse batter")).toBe(false);
    expect(await verifyPassword(hashed, "Correct horse battery")).toBe(false);
    expect(await verifyPassword(hashed, "")).toBe(false);
  });

  it("handles non-ASCII passwords", async () => {
    const hashed = await hashPassword("pässwörd-日本語-🔑");
    expect(await verifyPassword(hashed, "pässwörd-日本語-🔑")).toBe(true);
    expect(await verifyPassword(hashed, "passwoord-日本語-🔑")).toBe(false);
  });

  it("answers false, never throws, for a corrupt hash", async () => {
    expect(await verifyPassword("not-a-hash", "whatever1")).toBe(false);
    expect(await verifyPassword("", "whatever1")).toBe(false);
  });

  it("the dummy verification always fails", async () => {
    expect(await verifyAgainstDummy("sortroom-dummy-password-for-timing")).toBe(false);
  });
});
