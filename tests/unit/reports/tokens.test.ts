import { describe, expect, it } from "vitest";
import { bearerToken, displayPrefix, generateApiToken, hashApiToken, isWellFormedToken } from "@/lib/db/tokens/format";

describe("API token format", () => {
  it("generates 256-bit sr_ tokens, different every time", () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(a).toMatch(/^sr_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(isWellFormedToken(a)).toBe(true);
    expect(displayPrefix(a)).toBe(a.slice(0, 8));
  });

  it("stores the SHA-256 in hex", () => {
    expect(hashApiToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"); // FIPS 180-2 test vector
    expect(hashApiToken("sr_abc")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiToken("sr_abc")).not.toBe(hashApiToken("sr_abd"));
  });

  const token = `sr_${"A".repeat(43)}`;
  it.each([
    { header: `Bearer ${token}`, expected: token },
    { header: `bearer ${token}`, expected: token },
    { header: `  Bearer   ${token}  `, expected: token },
    { header: token, expected: null },
    { header: `Basic ${token}`, expected: null },
    { header: "Bearer", expected: null },
    { header: "Bearer sr_short", expected: null },
    { header: `Bearer ${token} extra`, expected: null },
    { header: `Bearer ${token}=`, expected: null },
    { header: "", expected: null },
    { header: null, expected: null },
    { header: undefined, expected: null },
  ])("bearerToken($header)", ({ header, expected }) => {
    expect(bearerToken(header)).toBe(expected);
  });
});
