import { describe, expect, it } from "vitest";
import { ProtocolError } from "@/lib/protocol/ack";

describe("ProtocolError", () => {
  it("carries its code and message but no stack frames (an expected answer is cheap to make)", () => {
    const error = new ProtocolError("BUSY");
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe("BUSY");
    expect(error.message).toMatch(/\S/);
    expect(error.stack ?? "").not.toMatch(/\n\s+at /);
  });

  it("leaves the stack trace limit as it found it, so other errors keep their stacks", () => {
    const before = Error.stackTraceLimit;
    new ProtocolError("STALE_PLACEMENT", "older move");
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error("a bug").stack).toMatch(/\n\s+at /);
  });
});
