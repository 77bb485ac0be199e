/** A counting semaphore with a bounded queue: at most `limit` tasks run at once, up to
 *  `maxWaiting` more wait their turn in arrival order, and any beyond that are refused at once
 *  (GateFullError) instead of piling up. Pure: no timers, no I/O.
 *
 *  Used for argon2 (lib/auth/password.ts): @node-rs/argon2 already runs off the main thread, but
 *  every hash takes a libuv worker and 19 MiB, and a wave of them starves the CPU the event loop
 *  needs (30 concurrent sign-ins pushed /api/health to 2.5 s). */
export const GATE_FULL_ERROR_NAME = "GateFullError";

export class GateFullError extends Error {
  constructor() {
    super("Too many tasks are waiting; try again in a moment.");
    this.name = GATE_FULL_ERROR_NAME;
  }
}

export class ConcurrencyGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly limit: number,
    readonly maxWaiting: number,
  ) {
    if (!(limit >= 1) || !(maxWaiting >= 0)) throw new RangeError("A gate needs a limit of at least 1 and a non-negative queue.");
  }

  /** Runs `task` when a slot is free; rejects with GateFullError when the queue is full. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.limit) {
      this.running++;
    } else {
      if (this.waiting.length >= this.maxWaiting) throw new GateFullError();
      // release() hands its slot straight to us: `running` stays as it is.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /** Tasks running now. */
  get active(): number {
    return this.running;
  }

  /** Tasks waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
