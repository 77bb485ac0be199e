import path from "node:path";
import type { Logger } from "pino";
import type { Env } from "@/lib/config/env";
import { PROJECT_ROOT, type ServerOptions } from "./app";

/** The server's options from the validated environment: what `npm start` and `npm run dev`
 *  (server/index.ts) run with, and `npm run demo` (scripts/demo.ts) too. */
export function serverOptionsFromEnv(env: Env, log: Logger): ServerOptions {
  return {
    port: env.PORT,
    host: env.HOST,
    dev: env.NODE_ENV !== "production",
    databaseUrl: env.DATABASE_URL,
    dataDir: path.resolve(PROJECT_ROOT, env.SORTROOM_DATA_DIR),
    embeddedPgPort: env.EMBEDDED_PG_PORT,
    allowedOrigins: env.ALLOWED_ORIGINS,
    trustProxy: env.TRUST_PROXY,
    publicUrl: env.PUBLIC_URL ?? env.NEXTAUTH_URL,
    metricsToken: env.METRICS_TOKEN,
    retentionDays: env.RETENTION_DAYS,
    log,
  };
}
