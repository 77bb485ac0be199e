/** "Unique constraint failed": Prisma's code (client and adapter), or Postgres's own from raw `pg`. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  const code = (error as { code: unknown }).code;
  return code === "P2002" || code === "23505";
}

/** SQLSTATEs for "the server cannot serve you now": admin or crash shutdown, starting up or in
 *  recovery ("the database system is starting up"), too many connections; plus class 08
 *  (connection exceptions). */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
/** Socket errors on the way to the server. */
const UNAVAILABLE_ERRNOS = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
/** Prisma: can't reach, timed out, connection closed, pool timeout. */
const UNAVAILABLE_PRISMA = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** node-postgres's own wording when the connection breaks or cannot be opened. (pg-pool's
 *  "timeout exceeded when trying to connect" is not one: every connection was busy, which is load;
 *  see isPoolSaturated in lib/db/pool.ts.) */
const UNAVAILABLE_MESSAGE = /Connection terminated|Connection ended unexpectedly|server closed the connection/i;

/** Whether `error` (or an error it wraps, via `cause`) means the database cannot be reached or
 *  cannot serve right now, as opposed to a query that is wrong. Callers answer the former with
 *  "unavailable, retry" and log it as an outage, not as a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string") {
      if (/^08[0-9A-Z]{3}$/.test(code) || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_ERRNOS.has(code) || UNAVAILABLE_PRISMA.has(code)) return true;
    }
    if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
    if (current instanceof DatabaseUnavailableError) return true;
    current = cause;
  }
  return false;
}

/** A query that failed because the database is unavailable (see isDatabaseUnavailable); the
 *  original error is its `cause`. Its message says "database connection unavailable", which is
 *  also what callers that classify errors by their text (the socket event wrapper) look for. */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`database connection unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "DatabaseUnavailableError";
  }
}
