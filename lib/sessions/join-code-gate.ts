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
  private readonly inFlight = new Map<string, Promise<T | null>>();

  constructor(
    private readonly lookup: JoinCodeLookup<T>,
    private readonly misses = new KeyedLimiter(JOIN_PAGE_LIMIT.capacity, JOIN_PAGE_LIMIT.perSecond),
  ) {}

  async check(code: string, clientAddress: string, now: number): Promise<GateAnswer<T>> {
    const key = addressKey(clientAddress);
    const standing = this.misses.peek(key, now);
    if (!standing.allowed) return refusal(standing.retryAfterMs);
    const shared = this.inFlight.get(code);
    if (shared) return { refused: false, found: await shared };

    const taken = this.misses.attempt(key, now);
    if (!taken.allowed) return refusal(taken.retryAfterMs);
    const lookup = this.lookup(code).finally(() => this.inFlight.delete(code));
    this.inFlight.set(code, lookup);
    const found = await lookup;
    if (found !== null) this.misses.refund(key, now);
    return { refused: false, found };
  }
}

function refusal(retryAfterMs: number): GateAnswer<never> {
  return { refused: true, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}
