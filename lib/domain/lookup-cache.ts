/** A small read-through cache for lookups that are expensive (a database query) and asked for
 *  again and again with the same key (a join code typed by a whole room, or by a flood).
 *
 *  - Each entry lives for `ttlMs(value)` ms, so a hit, a miss and a closed session can each be
 *    trusted for as long as suits them.
 *  - At most `maxEntries` entries are kept; the least recently used goes first, so keys an attacker
 *    makes up cannot grow memory without limit.
 *  - Concurrent lookups of one key share one load ("single flight"): N joins with the same code
 *    cost one query, not N.
 *  Pure: the clock is passed in, and the load is the caller's. A load that fails is not cached. */

export interface LookupCacheOptions<V> {
  maxEntries: number;
  /** How long a value may be served from the cache, in ms (0 or less: not cached). */
  ttlMs: (value: V) => number;
  now: () => number;
}

export type LookupSource = "cache" | "shared" | "loaded";

interface Entry<V> {
  value: V;
  expiresAt: number;
}

export class LookupCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly inflight = new Map<string, Promise<V>>();

  constructor(private readonly options: LookupCacheOptions<V>) {
    if (!(options.maxEntries >= 1)) throw new RangeError("A lookup cache needs room for at least one entry.");
  }

  /** The cached value, or the load already running for `key`, or a new one from `load`.
   *  `load` is called only when neither exists; if it throws synchronously (e.g. a rate limit
   *  taken before the query), nothing is registered and only this caller sees the error. */
  async resolve(key: string, load: () => Promise<V>): Promise<{ value: V; source: LookupSource }> {
    const cached = this.get(key);
    if (cached !== undefined) return { value: cached, source: "cache" };
    const running = this.inflight.get(key);
    if (running) return { value: await running, source: "shared" };
    const loading = load();
    this.inflight.set(key, loading);
    try {
      const value = await loading;
      this.set(key, value);
      return { value, source: "loaded" };
    } finally {
      this.inflight.delete(key);
    }
  }

  /** The value for `key` if it has not expired (and marks it recently used). */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.options.now()) return undefined;
    this.entries.set(key, entry); // re-inserted: a Map keeps insertion order, the LRU order here
    return entry.value;
  }

  set(key: string, value: V): void {
    const ttl = this.options.ttlMs(value);
    this.entries.delete(key);
    if (!(ttl > 0)) return;
    this.entries.set(key, { value, expiresAt: this.options.now() + ttl });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** Forgets `key` (its value turned out to be stale). A load in flight is left to finish. */
  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Entries held, expired or not (for tests and metrics). */
  get size(): number {
    return this.entries.size;
  }

  /** Loads running now. */
  get loading(): number {
    return this.inflight.size;
  }
}
