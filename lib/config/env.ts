import { z } from "zod";

/** Every environment variable SortRoom reads, validated once at start. `.env.example` documents
 *  each one; keep the two in step. Values are strings in the environment, so booleans and
 *  numbers are coerced here and nowhere else. */
const booleanish = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const optionalUrl = z.preprocess((v) => (v === "" ? undefined : v), z.url().optional());
const optionalString = z.preprocess((v) => (v === "" ? undefined : v), z.string().min(1).optional());

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: optionalUrl,
  SORTROOM_DATA_DIR: z.string().min(1).default(".data"),
  // "auto": 54329 when free, else any free loopback port (a second checkout, or a test run, may
  // hold 54329); a number: exactly that port.
  EMBEDDED_PG_PORT: z.union([z.literal("auto"), z.coerce.number().int().min(1024).max(65535)]).default("auto"),
  NEXTAUTH_SECRET: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(32, "must be at least 32 characters").optional()),
  NEXTAUTH_URL: optionalUrl,
  PUBLIC_URL: optionalUrl,
  ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean)),
  TRUST_PROXY: booleanish.default(false),
  /** Set by `npm start` for local use: a missing NEXTAUTH_SECRET is generated and kept in the data
   *  folder, as in development. Deployments leave it unset and must provide the secret. */
  SORTROOM_GENERATE_SECRET: booleanish.default(false),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Connections of Prisma's pool (pages, API, handshakes), per server process. */
  SORTROOM_DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Connections of the plain node-postgres pool that carries the hot path (batched placement
   *  writes, submissions), per server process: apart from Prisma's, so page loads and the live
   *  room never wait for each other's connections. */
  SORTROOM_DB_HOT_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(8),
  /** Bearer token for GET /metrics from other hosts; without it only loopback may read metrics. */
  METRICS_TOKEN: optionalString,
  /** Optional retention: CLOSED sessions are purged this many days after they ended (unset = kept). */
  RETENTION_DAYS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().optional()),
  GITHUB_ID: optionalString,
  GITHUB_SECRET: optionalString,
  GOOGLE_ID: optionalString,
  GOOGLE_SECRET: optionalString,
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid environment:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses an environment; throws EnvError naming every bad variable. Pure: pass process.env. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const env = result.data;
  // `next build` runs with NODE_ENV=production but serves nobody: no secret is needed to build.
  const building = source.NEXT_PHASE === "phase-production-build";
  if (env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET && !env.SORTROOM_GENERATE_SECRET && !building) {
    throw new EnvError(["NEXTAUTH_SECRET: required in production (at least 32 random characters); for a local run use `npm start`, which generates one"]);
  }
  return env;
}

let cached: Env | undefined;

/** The validated process environment (parsed on first use). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
