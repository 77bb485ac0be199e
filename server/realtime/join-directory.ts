import { findJoinTarget, type JoinTarget } from "@/lib/db/workshops/reads";
import { ConcurrencyGate, GateFullError } from "@/lib/domain/concurrency-gate";
import { LookupCache } from "@/lib/domain/lookup-cache";
import { addressKey, KeyedLimiter } from "@/lib/domain/rate-limit";
import { ProtocolError } from "@/lib/protocol/ack";
import { metrics } from "../observability/metrics";
import type { RealtimeLimits } from "./limits";

/** The part of a live room the directory needs: whether it has ended since its code was cached. */
interface RoomLike {
  readonly phase: string;
}

export interface JoinDirectoryDeps<R extends RoomLike> {
  rooms: { get(workshopId: string): Promise<R> };
  limits: Pick<RealtimeLimits, "joinCodeTtlMs" | "joinCodeCacheEntries" | "joinLookupsPerAddress" | "joinLookupConcurrency" | "joinWriteConcurrency">;
  now: () => number;
  /** The database lookup (tests pass a fake). */
  lookup?: (code: string) => Promise<JoinTarget>;
}

const BUSY = "The server is busy; try joining again in a moment.";

/** Join codes to live rooms, without a database query per join: answers are cached by code
 *  (open, closed, unknown; see RealtimeLimits for how long), concurrent joins with one code share
 *  one query, each client address may cause only so many lookups, and lookups and participant
 *  inserts run a few at a time so a flood of joins never takes the whole connection pool.
 *
 *  A cached open session is checked against its live room on every use: when the room has ended
 *  (or its session was purged) the entry is dropped and the code looked up again, since a closed
 *  session's code may be given to a new one. That is where phase changes reach the cache, without a
 *  hook in the room itself; a code's negative entry lasts seconds, so a new session whose code
 *  someone happened to probe just before is joinable moments later. */
export class JoinDirectory<R extends RoomLike> {
  private readonly cache: LookupCache<JoinTarget>;
  private readonly lookupsPerAddress: KeyedLimiter;
  private readonly lookups: ConcurrencyGate;
  private readonly writes: ConcurrencyGate;
  private readonly lookup: (code: string) => Promise<JoinTarget>;

  constructor(private readonly deps: JoinDirectoryDeps<R>) {
    const { limits } = deps;
    this.cache = new LookupCache<JoinTarget>({ maxEntries: limits.joinCodeCacheEntries, ttlMs: (t) => limits.joinCodeTtlMs[t.kind], now: deps.now });
    this.lookupsPerAddress = new KeyedLimiter(limits.joinLookupsPerAddress.burst, limits.joinLookupsPerAddress.perSecond);
    this.lookups = new ConcurrencyGate(limits.joinLookupConcurrency.running, limits.joinLookupConcurrency.queued);
    this.writes = new ConcurrencyGate(limits.joinWriteConcurrency.running, limits.joinWriteConcurrency.queued);
    this.lookup = deps.lookup ?? findJoinTarget;
  }

  /** The live room a join code opens, or SESSION_NOT_FOUND / SESSION_CLOSED (RATE_LIMITED or
   *  UNAVAILABLE, both worth a retry, when this address or the whole server looks up too much). */
  async roomFor(code: string, address: string): Promise<R> {
    const first = await this.resolve(code, address);
    if (first.kind === "open") {
      const room = await this.liveRoom(first.workshopId);
      if (room && room.phase !== "closed") return room;
      this.cache.delete(code);
      const again = await this.resolve(code, address);
      if (again.kind === "open") return this.deps.rooms.get(again.workshopId);
      return this.refuse(again);
    }
    return this.refuse(first);
  }

  /** Runs a join's database write (the participant insert) a few at a time. */
  async write<T>(task: () => Promise<T>): Promise<T> {
    return this.writes.run(task).catch((error: unknown) => {
      throw error instanceof GateFullError ? new ProtocolError("UNAVAILABLE", BUSY) : error;
    });
  }

  private async resolve(code: string, address: string): Promise<JoinTarget> {
    const { value, source } = await this.cache.resolve(code, () => {
      // Taken before the load is registered, so a refusal is this caller's alone.
      if (!this.lookupsPerAddress.take(addressKey(address), this.deps.now())) {
        metrics.joinLookups.inc({ source: "refused" });
        throw new ProtocolError("RATE_LIMITED", "Too many different session codes tried from this network; wait a moment.");
      }
      return this.lookups
        .run(() => {
          metrics.joinLookupQueries.inc();
          return this.lookup(code);
        })
        .catch((error: unknown) => {
          throw error instanceof GateFullError ? new ProtocolError("UNAVAILABLE", BUSY) : error;
        });
    });
    metrics.joinLookups.inc({ source });
    return value;
  }

  private async liveRoom(workshopId: string): Promise<R | null> {
    try {
      return await this.deps.rooms.get(workshopId);
    } catch (error) {
      if (error instanceof ProtocolError && error.code === "SESSION_NOT_FOUND") return null; // purged
      throw error;
    }
  }

  private refuse(target: JoinTarget): never {
    throw new ProtocolError(target.kind === "closed" ? "SESSION_CLOSED" : "SESSION_NOT_FOUND");
  }
}
