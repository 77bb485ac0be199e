import path from "node:path";
import pino, { type Logger } from "pino";
import { LOG_DIR } from "./paths";

/** A logger for servers and Postgres started by tests: silent unless TEST_LOG_LEVEL is set
 *  (e.g. TEST_LOG_LEVEL=debug), then written to test-results/integration-logs/<name>.log. */
export function testLogger(name: string): Logger {
  const level = process.env.TEST_LOG_LEVEL;
  if (!level || level === "silent") return pino({ level: "silent" });
  const file = path.join(LOG_DIR, `${name.replace(/[^\w.-]+/g, "_")}.log`);
  return pino({ level, base: { name } }, pino.destination({ dest: file, mkdir: true, sync: true }));
}
