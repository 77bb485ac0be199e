/** Token bucket: `capacity` events at once, refilled at `perSecond`. Time is passed in so the
 *  limiter is testable and shares the caller's clock. */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** One bucket per key (e.g. client address), forgotten after a quiet spell so memory stays bounded. */
export class KeyedLimiter {
  private readonly buckets = new Map<string, { bucket: TokenBucket; seen: number }>();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
  ) {}

  take(key: string, now: number): boolean {
    let entry = this.buckets.get(key);
    if (!entry) {
      if (this.buckets.size > 50_000) this.sweep(now);
      entry = { bucket: new TokenBucket(this.capacity, this.perSecond, now), seen: now };
      this.buckets.set(key, entry);
    }
    entry.seen = now;
    return entry.bucket.take(now);
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.buckets) if (now - entry.seen > 10 * 60_000) this.buckets.delete(key);
  }
}
