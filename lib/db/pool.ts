import pg from "pg";
import { runtimeConfig } from "@/lib/config/runtime";

/** A plain node-postgres pool for the few hot-path statements (batched placement writes) where
 *  Prisma's per-query overhead is measurable; everything else goes through Prisma (lib/db/client).
 *  Shares DATABASE_URL and lives on globalThis like the Prisma client. */
const globalForPool = globalThis as unknown as { sortroomPool?: pg.Pool };

export function pool(): pg.Pool {
  if (!globalForPool.sortroomPool) {
    const connectionString = runtimeConfig.databaseUrl();
    if (!connectionString) throw new Error("DATABASE_URL is not set (the server sets it before first use)");
    globalForPool.sortroomPool = new pg.Pool({ connectionString, max: 4, connectionTimeoutMillis: 3_000, idleTimeoutMillis: 30_000 });
    // An idle client losing its connection (database restart) must not crash the process.
    globalForPool.sortroomPool.on("error", () => undefined);
  }
  return globalForPool.sortroomPool;
}

export async function closePool(): Promise<void> {
  await globalForPool.sortroomPool?.end();
  globalForPool.sortroomPool = undefined;
}
