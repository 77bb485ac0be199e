import type { Logger, LogFn } from "pino";
import { isDatabaseUnavailable } from "@/lib/db/errors";

/** While the database is down, every query fails the same way: each socket event, each placement
 *  batch and each page logged its own error and stack trace (5,563 in 15 s in a review). A warning
 *  or error about an unavailable database is therefore logged once per `intervalMs` for each
 *  message; the next one that gets through says how many were left out (`repeated`). Other lines,
 *  and failures that are not outages, are never held back. Install as pino's `hooks.logMethod`;
 *  child loggers share the one count. */
export function outageLogThrottle(intervalMs = 10_000, now: () => number = Date.now) {
  const last = new Map<string, { at: number; skipped: number }>();
  return function logMethod(this: Logger, args: Parameters<LogFn>, method: LogFn, level: number): void {
    const [first, message] = args as unknown[];
    const failure = first instanceof Error ? first : (first as { err?: unknown } | null)?.err;
    if (level < 40 || !isDatabaseUnavailable(failure)) return method.apply(this, args);
    const key = typeof message === "string" ? message : String(failure);
    const seen = last.get(key);
    const at = now();
    if (seen && at - seen.at < intervalMs) {
      seen.skipped++;
      return;
    }
    last.set(key, { at, skipped: 0 });
    if (!seen?.skipped) return method.apply(this, args);
    const fields = first instanceof Error ? { err: first } : (first as object);
    return method.apply(this, [{ ...fields, repeated: seen.skipped }, ...args.slice(1)] as unknown as Parameters<LogFn>);
  };
}
