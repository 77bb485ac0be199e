/**
 * One room's queue: every command runs here, one at a time, in arrival order, and nothing else
 * changes the room's state. A step is either quick (synchronous: a placement decided and handed
 * to the writer, a connect) or exclusive (asynchronous: a phase change awaiting its write); while
 * an exclusive step runs, later steps wait. Completions of writes already in flight (`urgent`)
 * run even then: they are what an exclusive step waits for before it decides.
 */
export class Mailbox {
  private readonly steps: (() => void | Promise<void>)[] = [];
  private readonly urgent: (() => void)[] = [];
  private exclusive = false;
  private pumping = false;

  /** Runs `step` after everything posted before it; resolves with its result. */
  post<T>(step: () => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.steps.push(() => {
        let result: T | Promise<T>;
        try {
          result = step();
        } catch (error) {
          reject(error);
          return;
        }
        if (!(result instanceof Promise)) return resolve(result);
        return result.then(resolve, reject);
      });
      this.pump();
    });
  }

  /** Runs a write's completion as soon as possible, even while an exclusive step awaits. */
  postUrgent(step: () => void): void {
    this.urgent.push(step);
    this.pump();
  }

  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        const urgent = this.urgent.shift();
        if (urgent) {
          urgent();
          continue;
        }
        if (this.exclusive) return;
        const step = this.steps.shift();
        if (!step) return;
        const running = step();
        if (running instanceof Promise) {
          this.exclusive = true;
          void running.finally(() => {
            this.exclusive = false;
            this.pump();
          });
        }
      }
    } finally {
      this.pumping = false;
    }
  }
}
