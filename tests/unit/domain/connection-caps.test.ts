import { describe, expect, it } from "vitest";
import { ConnectionCaps } from "@/lib/domain/connection-caps";

/** Sockets per client address: a cap on all, a lower one on guests that have not joined. */

describe("ConnectionCaps", () => {
  it("refuses the guest over the guest cap, and still admits a joined participant's socket", () => {
    const caps = new ConnectionCaps({ perAddress: 5, guestsPerAddress: 2 });
    expect(caps.admit("a", true).ok).toBe(true);
    expect(caps.admit("a", true).ok).toBe(true);
    expect(caps.admit("a", true)).toEqual({ ok: false, refusal: "GUESTS_FULL" });
    expect(caps.admit("a", false).ok).toBe(true);
    expect(caps.held("a")).toEqual({ total: 3, guests: 2 });
  });

  it("another address is counted apart", () => {
    const caps = new ConnectionCaps({ perAddress: 1, guestsPerAddress: 1 });
    expect(caps.admit("a", true).ok).toBe(true);
    expect(caps.admit("a", true).ok).toBe(false);
    expect(caps.admit("b", true).ok).toBe(true);
  });

  it("refuses any socket over the cap on all sockets", () => {
    const caps = new ConnectionCaps({ perAddress: 2, guestsPerAddress: 2 });
    caps.admit("a", false);
    caps.admit("a", false);
    expect(caps.hasRoom("a")).toBe(false);
    expect(caps.admit("a", false)).toEqual({ ok: false, refusal: "ADDRESS_FULL" });
    expect(caps.admit("a", true)).toEqual({ ok: false, refusal: "ADDRESS_FULL" });
  });

  it("a guest that joins frees a guest slot; a closed socket frees its slot once", () => {
    const caps = new ConnectionCaps({ perAddress: 3, guestsPerAddress: 1 });
    const first = caps.admit("a", true);
    if (!first.ok) throw new Error("admitted expected");
    expect(caps.admit("a", true).ok).toBe(false);
    first.slot.promote();
    first.slot.promote();
    expect(caps.held("a")).toEqual({ total: 1, guests: 0 });
    const second = caps.admit("a", true);
    if (!second.ok) throw new Error("admitted expected");
    second.slot.release();
    second.slot.release();
    second.slot.promote();
    expect(caps.held("a")).toEqual({ total: 1, guests: 0 });
    first.slot.release();
    expect(caps.held("a")).toEqual({ total: 0, guests: 0 });
    expect(caps.hasRoom("a")).toBe(true);
  });

  it("refuses caps that make no sense", () => {
    expect(() => new ConnectionCaps({ perAddress: 1, guestsPerAddress: 2 })).toThrow(RangeError);
    expect(() => new ConnectionCaps({ perAddress: 0, guestsPerAddress: 0 })).toThrow(RangeError);
  });
});
