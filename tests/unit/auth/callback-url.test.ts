import { describe, expect, it } from "vitest";
import { safeCallbackUrl, signInPath } from "@/lib/auth/callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/dashboard", "/dashboard"],
    ["/w/abc?tab=results#top", "/w/abc?tab=results#top"],
    ["/", "/"],
    ["/a/../dashboard", "/dashboard"],
  ])("keeps the same-site path %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it.each([
    ["absolute URL", "https://evil.example/x"],
    ["protocol-relative", "//evil.example/x"],
    ["backslash", "/\\evil.example"],
    ["tab trick", "/\t/evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["relative without slash", "dashboard"],
    ["empty", ""],
    ["not a string", 42],
    ["undefined", undefined],
    ["too long", "/" + "a".repeat(3000)],
  ])("falls back for %s", (_label, input) => {
    expect(safeCallbackUrl(input)).toBe("/dashboard");
    expect(safeCallbackUrl(input, "/")).toBe("/");
  });

  it("builds the sign-in link", () => {
    expect(signInPath("/w/abc?x=1")).toBe("/signin?callbackUrl=%2Fw%2Fabc%3Fx%3D1");
    expect(signInPath("https://evil.example")).toBe("/signin?callbackUrl=%2Fdashboard");
  });
});
