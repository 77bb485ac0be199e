import { EnvError, env as processEnv } from "@/lib/config/env";
import { logger } from "@/lib/log/logger";
import { startServer, type RunningServer } from "./app";
import { serverOptionsFromEnv } from "./options";

/** Entry point: `npm start` (production) and `npm run dev`. Turns bad configuration into one
 *  clear line and exit code 1, never a stack trace loop. */
async function main(): Promise<void> {
  let env;
  try {
    env = processEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable and its default.\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = logger();
  let server: RunningServer;
  try {
    server = await startServer(serverOptionsFromEnv(env, log));
  } catch (error) {
    log.fatal({ reason: (error as Error).message }, "SortRoom could not start");
    process.exit(1);
  }

  let signals = 0;
  const shutdown = (signal: string) => {
    signals += 1;
    if (signals > 1) process.exit(1); // a second Ctrl-C means "now"
    log.info({ signal }, "received signal");
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    server.close().then(
      () => {
        clearTimeout(force);
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

void main();
