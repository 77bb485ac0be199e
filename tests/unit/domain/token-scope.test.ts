import { describe, expect, it } from "vitest";
import { DEFAULT_TOKEN_SCOPE, scopeAllows, storedScope, tokenScope } from "@/lib/domain/token-scope";

describe("API token scopes", () => {
  it("orders the scopes: sessions includes read, read does not include sessions", () => {
    expect(scopeAllows("read", "read")).toBe(true);
    expect(scopeAllows("sessions", "read")).toBe(true);
    expect(scopeAllows("sessions", "sessions")).toBe(true);
    expect(scopeAllows("read", "sessions")).toBe(false);
  });

  it("defaults to read", () => {
    expect(DEFAULT_TOKEN_SCOPE).toBe("read");
  });

  it.each([undefined, null, "", "Sessions", "write", "admin", 1, ["sessions"]])("refuses %j as a scope with a message naming the valid ones", (value) => {
    const parsed = tokenScope.safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toBe("The scope must be one of: read, sessions.");
  });

  it("reads a stored value it does not know as read-only, never as more", () => {
    expect(storedScope("sessions")).toBe("sessions");
    expect(storedScope("read")).toBe("read");
    expect(storedScope("admin")).toBe("read");
  });
});
