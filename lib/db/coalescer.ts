/** Turns many concurrent single-row statements into few multi-row ones. Items that arrive while
 *  `maxInFlight` batches are running wait and go together in the next batch (up to `maxBatch`),
 *  so a burst (a whole room submitting at once) costs a handful of statements and connections
 *  instead of one each, and the batch size grows with the load while a lone item waits only
 *  for the end of the current event-loop turn. */
export class Coalescer<T, R> {
  private queue: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    /** Runs one batch; returns one result per item, in order. */
    private readonly run: (items: T[]) => Promise<R[]>,
    private readonly maxBatch = 1_000,
    private readonly maxInFlight = 2,
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight += 1;
      this.run(batch.map((b) => b.item))
        .then(
          (results) => batch.forEach((b, i) => b.resolve(results[i]!)),
          (error: unknown) => batch.forEach((b) => b.reject(error)),
        )
        .finally(() => {
          this.inFlight -= 1;
          this.pump();
        });
    }
  }
}
