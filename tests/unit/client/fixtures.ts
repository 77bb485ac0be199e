import type { PhaseView } from "@/lib/protocol/views";

/** A phase view while sorting round 1 of 1, unlocked, without a timer; override what a case needs. */
export function phaseView(overrides: Partial<PhaseView> = {}): PhaseView {
  return {
    phase: "sorting",
    round: 1,
    maxRounds: 1,
    locked: false,
    timer: { endsAt: null, remainingMs: null },
    discussionIndex: 0,
    showLiveSplits: false,
    serverNow: 1_000_000,
    ...overrides,
  };
}

/** What every fake Socket.IO client socket in these tests does alike: listeners, connection state
 *  and firing the socket's events in order. Subclasses add how acks are answered. */
export class FakeSocketBase {
  readonly listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  connected = false;
  active = true;
  disconnected = false;

  on(event: string, listener: (...args: unknown[]) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  removeAllListeners(): this {
    this.listeners.clear();
    return this;
  }
  disconnect(): this {
    this.disconnected = true;
    this.connected = false;
    return this;
  }
  fire(event: string, ...args: unknown[]): void {
    if (event === "connect") this.connected = true;
    if (event === "disconnect") this.connected = false;
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}
