/** Token-bucket rate limits, the one implementation behind every limit in SortRoom: socket events
 *  (per socket), joins (per client address) and the token API (per token, and failed
 *  authentications per client address). Pure: the caller passes the time in, in ms. */

/** A limit's verdict on one request, with what the HTTP `RateLimit-*` / `Retry-After` headers need. */
export interface Decision {
  allowed: boolean;
  /** The burst: requests allowed at once after a quiet spell. */
  limit: number;
  /** Whole requests still allowed right now (after this one, when it was taken). */
  remaining: number;
  /** Ms until one more request will be allowed; 0 when one is allowed now. */
  retryAfterMs: number;
  /** Ms until the bucket is full again. */
  resetMs: number;
}

/** `capacity` requests at once, refilled continuously at `perSecond`. */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    if (!(capacity >= 1) || !(perSecond > 0)) throw new RangeError("A token bucket needs a capacity of at least 1 and a positive rate.");
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Takes one request's worth if there is one; true when allowed. */
  take(now: number): boolean {
    return this.attempt(now).allowed;
  }

  /** Takes one request's worth if there is one, and says how things stand. */
  attempt(now: number): Decision {
    this.refill(now);
    const allowed = this.tokens >= 1;
    if (allowed) this.tokens -= 1;
    return this.decision(allowed);
  }

  /** How things stand, without taking anything: `allowed` says whether a request would be. */
  peek(now: number): Decision {
    this.refill(now);
    return this.decision(this.tokens >= 1);
  }

  /** Gives back one request's worth taken earlier (never above the capacity): for a limit that
   *  must be taken before the outcome is known but only counts some outcomes (a failed lookup). */
  refund(now: number): void {
    this.refill(now);
    this.tokens = Math.min(this.capacity, this.tokens + 1);
  }

  /** True when the bucket is full again at `now`: forgetting it changes nothing. */
  isFull(now: number): boolean {
    return this.level(now) >= this.capacity;
  }

  private level(now: number): number {
    // A clock that steps back never adds tokens (nor takes any away).
    const elapsed = Math.max(0, now - this.updatedAt);
    return Math.min(this.capacity, this.tokens + (elapsed / 1000) * this.perSecond);
  }

  private refill(now: number): void {
    this.tokens = this.level(now);
    this.updatedAt = Math.max(this.updatedAt, now);
  }

  private decision(allowed: boolean): Decision {
    const msPerToken = 1000 / this.perSecond;
    return {
      allowed,
      limit: this.capacity,
      remaining: Math.floor(this.tokens),
      retryAfterMs: this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) * msPerToken),
      resetMs: Math.ceil((this.capacity - this.tokens) * msPerToken),
    };
  }
}

/** One bucket per key (a client address, a token), made on first use. Buckets that have filled up
 *  again are forgotten once there are many keys, so memory stays bounded by recent traffic. */
export class KeyedLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly sweepAbove = 50_000,
  ) {}

  take(key: string, now: number): boolean {
    return this.attempt(key, now).allowed;
  }

  attempt(key: string, now: number): Decision {
    return this.bucket(key, now).attempt(now);
  }

  /** Whether a request for `key` would be allowed, without taking anything (nor keeping a bucket). */
  peek(key: string, now: number): Decision {
    return (this.buckets.get(key) ?? new TokenBucket(this.capacity, this.perSecond, now)).peek(now);
  }

  /** Gives back one request's worth taken for `key` (see TokenBucket.refund). */
  refund(key: string, now: number): void {
    this.buckets.get(key)?.refund(now);
  }

  /** Forgets `key`: its next request starts from a full bucket. */
  reset(key: string): void {
    this.buckets.delete(key);
  }

  /** Keys with a bucket (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  private bucket(key: string, now: number): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.sweepAbove) this.sweep(now);
      bucket = new TokenBucket(this.capacity, this.perSecond, now);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) if (bucket.isFull(now)) this.buckets.delete(key);
  }
}

/** The key a client address is limited under: an IPv4 address as it is (also when written as
 *  IPv4-mapped IPv6), an IPv6 address by its /64 network, the prefix one household or phone gets,
 *  so stepping through one's own /64 does not buy new buckets. Anything unparseable is used as
 *  given (lower-cased). */
export function addressKey(address: string): string {
  const raw = address.trim().toLowerCase();
  const mapped = /^(?:::ffff:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(raw);
  if (mapped) return mapped[1]!;
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(raw)) return raw;
  const groups = ipv6Groups(raw.replace(/%.*$/, ""));
  if (!groups) return raw;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, or null. */
function ipv6Groups(text: string): number[] | null {
  if (!text.includes(":")) return null;
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string): number[] | null => {
    if (part === "") return [];
    const out: number[] = [];
    const pieces = part.split(":");
    for (const [i, piece] of pieces.entries()) {
      const dotted = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(piece);
      if (dotted && i === pieces.length - 1) {
        const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
        if ([a, b, c, d].some((n) => n > 255)) return null;
        out.push((a << 8) | b, (c << 8) | d);
      } else if (/^[0-9a-f]{1,4}$/.test(piece)) {
        out.push(parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return out;
  };
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}
