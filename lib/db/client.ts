import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { runtimeConfig } from "@/lib/config/runtime";
import { env } from "../config/env";
import { closePool } from "./pool";

/** The Prisma client for this process, through node-postgres. Held on globalThis so the custom
 *  server and Next's separately bundled route handlers share one pool. The URL is read when the
 *  client is first used: the server sets DATABASE_URL itself when it starts embedded Postgres. */
const globalForDb = globalThis as unknown as { sortroomPrisma?: PrismaClient };

export function db(): PrismaClient {
  if (!globalForDb.sortroomPrisma) {
    const connectionString = runtimeConfig.databaseUrl();
    if (!connectionString) throw new Error("DATABASE_URL is not set (the server sets it before first use)");
    const adapter = new PrismaPg({
      connectionString,
      max: env().SORTROOM_DB_POOL_SIZE,
      // Fail fast while the database is unreachable, so health answers 503 instead of hanging.
      connectionTimeoutMillis: 3_000,
      idleTimeoutMillis: 30_000,
    });
    globalForDb.sortroomPrisma = new PrismaClient({ adapter });
  }
  return globalForDb.sortroomPrisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.sortroomPrisma?.$disconnect();
  globalForDb.sortroomPrisma = undefined;
  await closePool();
}

export type { PrismaClient };
