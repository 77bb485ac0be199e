import { LookupCache } from "@/lib/domain/lookup-cache";
import { addressKey, KeyedLimiter } from "@/lib/domain/rate-limit";

/**
 * The join page's look-up of a code (GET /join/<code>), under a limit per client address. The
 * page shows an open session's groups, so whether a code exists can be read off it; this keeps
 * that from being enumerated cheaply, without shutting out a whole room that loads the same page
 * through one NAT:
 *
 * - Only a code that is not found costs: the limit is taken before the look-up (so a concurrent
 *   wave cannot look up more than the burst) and given back when the code was found. A room
 *   loading its session's code never spends it; guessing does.
 * - Concurrent loads of one code share a single look-up, which costs only the first of them.
 * - While an address is over its limit, every code it asks for is refused the same way, found or
 *   not (before the look-up): the refusal says nothing about the code.
 *
 * Burst 20, then 1 every 2 seconds: a participant who mistypes a few codes is never slowed down,
 * and guessing gets ~43,000 tries a day per address (an IPv6 address by its /64) among 31^6 codes.
 * The socket join (participant:join) has its own limit (server/realtime).
 */
export const JOIN_PAGE_LIMIT = { capacity: 20, perSecond: 1 / 2 } as const;

export type JoinCodeLookup<T> = (code: string) => Promise<T | null>;

export type GateAnswer<T> = { refused: false; found: T | null } | { refused: true; retryAfterSeconds: number };

export class JoinCodeGate<T> {
  // Single flight only (nothing is kept): concurrent loads of one code share one look-up.
  private readonly lookups = new LookupCache<T | null>({ maxEntries: 1, ttlMs: () => 0, now: () => 0 });

  constructor(
    private readonly lookup: JoinCodeLookup<T>,
    private readonly misses = new KeyedLimiter(JOIN_PAGE_LIMIT.capacity, JOIN_PAGE_LIMIT.perSecond),
  ) {}

  async check(code: string, clientAddress: string, now: number): Promise<GateAnswer<T>> {
    const key = addressKey(clientAddress);
    const standing = this.misses.peek(key, now);
    if (!standing.allowed) return refusal(standing.retryAfterMs);
    // Charged only when this load starts a look-up (peek just said a token is there), and given
    // back when the code was found.
    const { value, source } = await this.lookups.resolve(code, () => {
      this.misses.attempt(key, now);
      return this.lookup(code);
    });
    if (source === "loaded" && value !== null) this.misses.refund(key, now);
    return { refused: false, found: value };
  }
}

function refusal(retryAfterMs: number): GateAnswer<never> {
  return { refused: true, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}
