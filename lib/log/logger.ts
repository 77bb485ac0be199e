import pino, { type Logger } from "pino";
import { outageLogThrottle } from "./outage-throttle";

/** One structured (JSON) logger for the server, route handlers and realtime code. Children carry
 *  a request or socket id. Kept on globalThis because Next bundles route handlers separately
 *  from the custom server, and both must write through the same configured instance. */
const globalForLog = globalThis as unknown as { sortroomLogger?: Logger };

export function logger(): Logger {
  globalForLog.sortroomLogger ??= pino({
    level: process.env.LOG_LEVEL || "info",
    base: { app: "sortroom" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ["password", "*.password", "token", "*.token", "req.headers.cookie"], censor: "[redacted]" },
    hooks: { logMethod: outageLogThrottle() },
  });
  return globalForLog.sortroomLogger;
}
