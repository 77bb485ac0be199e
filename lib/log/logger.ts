import pino, { type Logger } from "pino";
import { outageLogThrottle } from "./outage-throttle";
import { configuredLogLevel } from "@/lib/config/runtime";

/** One structured (JSON) logger for the server, route handlers and realtime code. Children carry
 *  a request or socket id. Kept on globalThis because Next bundles route handlers separately
 *  from the custom server, and both must write through the same configured instance. */
const globalForLog = globalThis as unknown as { sortroomLogger?: Logger };

export function logger(): Logger {
  globalForLog.sortroomLogger ??= pino({
    level: configuredLogLevel(),
    base: { app: "sortroom" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ["password", "*.password", "token", "*.token", "req.headers.cookie"], censor: "[redacted]" },
    hooks: { logMethod: outageLogThrottle() },
  });
  return globalForLog.sortroomLogger;
}
