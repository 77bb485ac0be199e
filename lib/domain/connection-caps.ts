/** Open sockets per client address: a cap on all of them, and a lower one on guests (sockets that
 *  have not joined a session yet, which cost memory and nothing else). One address may be a whole
 *  room behind a NAT, so the caps are a room's worth, not a household's. Pure bookkeeping: the
 *  caller admits a socket at its handshake, promotes it when it joins, and releases it once when
 *  it closes. Keys with no socket are dropped, so memory follows the live connections. */

export interface ConnectionLimits {
  /** Sockets of any kind from one address. */
  perAddress: number;
  /** Guest sockets (not joined yet) from one address; at most `perAddress`. */
  guestsPerAddress: number;
}

export type Refusal = "ADDRESS_FULL" | "GUESTS_FULL";

export interface ConnectionSlot {
  /** The guest joined: it no longer counts against the guest cap. */
  promote(): void;
  /** The socket closed. Safe to call more than once. */
  release(): void;
}

interface Counts {
  total: number;
  guests: number;
}

export class ConnectionCaps {
  private readonly counts = new Map<string, Counts>();

  constructor(private readonly limits: ConnectionLimits) {
    if (!(limits.perAddress >= 1) || !(limits.guestsPerAddress >= 1) || limits.guestsPerAddress > limits.perAddress) {
      throw new RangeError("Connection caps need perAddress ≥ guestsPerAddress ≥ 1.");
    }
  }

  /** Whether one more socket from `key` would fit under the cap on all sockets (a cheap check
   *  before any work is spent on the handshake). */
  hasRoom(key: string): boolean {
    return (this.counts.get(key)?.total ?? 0) < this.limits.perAddress;
  }

  admit(key: string, guest: boolean): { ok: true; slot: ConnectionSlot } | { ok: false; refusal: Refusal } {
    const counts = this.counts.get(key) ?? { total: 0, guests: 0 };
    if (counts.total >= this.limits.perAddress) return { ok: false, refusal: "ADDRESS_FULL" };
    if (guest && counts.guests >= this.limits.guestsPerAddress) return { ok: false, refusal: "GUESTS_FULL" };
    counts.total += 1;
    if (guest) counts.guests += 1;
    this.counts.set(key, counts);
    let isGuest = guest;
    let released = false;
    return {
      ok: true,
      slot: {
        promote: () => {
          if (released || !isGuest) return;
          isGuest = false;
          counts.guests -= 1;
        },
        release: () => {
          if (released) return;
          released = true;
          counts.total -= 1;
          if (isGuest) counts.guests -= 1;
          if (counts.total === 0) this.counts.delete(key);
        },
      },
    };
  }

  /** Sockets and guests held for `key` now. */
  held(key: string): Counts {
    const counts = this.counts.get(key);
    return { total: counts?.total ?? 0, guests: counts?.guests ?? 0 };
  }
}
