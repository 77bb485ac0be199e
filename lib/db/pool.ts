import pg from "pg";
import { runtimeConfig } from "@/lib/config/runtime";
import { env } from "../config/env";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "./errors";

/** A plain node-postgres pool for the few hot-path statements (batched placement writes,
 *  submissions) where Prisma's per-query overhead is measurable; everything else goes through
 *  Prisma (lib/db/client). Shares DATABASE_URL and lives on globalThis like the Prisma client.
 *  Its size is SORTROOM_DB_HOT_POOL_SIZE (Prisma's pool is separate). */
const globalForPool = globalThis as unknown as { sortroomPool?: pg.Pool };

/** How long a statement waits for a free connection before it gives up with a PoolBusyError. */
const ACQUIRE_TIMEOUT_MS = 3_000;

export function pool(): pg.Pool {
  if (!globalForPool.sortroomPool) {
    const connectionString = runtimeConfig.databaseUrl();
    if (!connectionString) throw new Error("DATABASE_URL is not set (the server sets it before first use)");
    globalForPool.sortroomPool = new pg.Pool({
      connectionString,
      max: env().SORTROOM_DB_HOT_POOL_SIZE,
      connectionTimeoutMillis: ACQUIRE_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
    });
    // An idle client losing its connection (database restart) must not crash the process.
    globalForPool.sortroomPool.on("error", () => undefined);
  }
  return globalForPool.sortroomPool;
}

/** pg-pool's error when every connection stayed busy for the whole acquire timeout: the database
 *  is up but this process has more statements waiting than connections (load, not an outage). A
 *  connection that cannot be opened fails differently (ECONNREFUSED, "Connection terminated
 *  due to connection timeout"). */
export function isPoolSaturated(error: unknown): boolean {
  return error instanceof Error && error.message === "timeout exceeded when trying to connect";
}

export async function closePool(): Promise<void> {
  await globalForPool.sortroomPool?.end();
  globalForPool.sortroomPool = undefined;
}

/** One statement on the pool. A failure because the database is unavailable (down, restarting)
 *  is rethrown as a DatabaseUnavailableError, so callers tell an outage from a bug without knowing
 *  node-postgres's error shapes. A saturated pool is load, not an outage: its error is kept as is
 *  (isPoolSaturated). */
export async function query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
  try {
    return await pool().query<R>(text, values);
  } catch (error) {
    throw !isPoolSaturated(error) && isDatabaseUnavailable(error) ? new DatabaseUnavailableError(error) : error;
  }
}

/** Runs `attempt` again for as long as it fails only because every connection stayed busy for
 *  the whole acquire timeout (the statement never ran, so running it again is safe). For the
 *  hot-path writes whose callers have backpressure of their own (a room's write queue answers
 *  BUSY when full): under load they slow down instead of failing work phones are waiting on.
 *  Measured: 20 sessions starting at once put 40 placement batches behind 8 connections, and
 *  whole batches failed after 3 s. An outage still fails at once. */
export async function untilConnectionFree<T>(attempt: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isPoolSaturated(error)) throw error;
    }
  }
}

/** `query` for hot-path writes: waits out a saturated pool (see untilConnectionFree). */
export function queryWhenFree<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
  return untilConnectionFree(() => query<R>(text, values));
}
