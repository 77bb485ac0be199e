/** Lets at most `maxRunning` tasks run at once and at most `maxQueued` wait for a turn; a task
 *  beyond that is refused at once (GateFullError) instead of piling up. Used to keep one kind of
 *  work (join lookups, participant inserts) from taking every database connection: the rest of
 *  the pool stays free for everyone else. Pure: no clock, no I/O of its own. */

export class GateFullError extends Error {
  constructor() {
    super("Too much of this work is already waiting.");
    this.name = "GateFullError";
  }
}

export class ConcurrencyGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly maxRunning: number,
    private readonly maxQueued: number,
  ) {
    if (!(maxRunning >= 1) || !(maxQueued >= 0)) throw new RangeError("A gate needs at least one running slot and a queue of zero or more.");
  }

  /** Runs `task` when a slot is free; rejects with GateFullError when the queue is full. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.maxRunning) {
      if (this.waiting.length >= this.maxQueued) throw new GateFullError();
      // The slot is handed over by `release`, so `active` already counts this task when it wakes.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active += 1;
    }
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
}
