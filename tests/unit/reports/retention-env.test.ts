import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/config/env";

describe("RETENTION_DAYS", () => {
  it.each([
    { value: undefined, expected: undefined },
    { value: "", expected: undefined },
    { value: "30", expected: 30 },
    { value: "3650", expected: 3650 },
  ])("$value → $expected", ({ value, expected }) => {
    expect(parseEnv({ RETENTION_DAYS: value }).RETENTION_DAYS).toBe(expected);
  });

  it.each(["0", "-1", "2.5", "thirty"])("refuses %s", (value) => {
    expect(() => parseEnv({ RETENTION_DAYS: value })).toThrow(EnvError);
  });
});
