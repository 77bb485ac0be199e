import { runtimeConfig } from "@/lib/config/runtime";
import { spawn } from "node:child_process";
import path from "node:path";
import type { Logger } from "pino";

/** The script postgres-watchdog.mjs explains why it exists. */
const WATCHDOG_SCRIPT = path.join(import.meta.dirname, "postgres-watchdog.mjs");

export interface Watchdog {
  /** After a clean stop of Postgres: ends the watchdog (it finds nothing left to stop). */
  release(): Promise<void>;
}

/** Starts the watchdog that stops the Postgres on `pgDir` once this process is gone, however it
 *  ends (including SIGKILL). It runs under bare `node` (no loader, fast) in its own process group,
 *  so a signal to the server's group does not take it down before it has done its job. Neither it
 *  nor its channel keeps this process alive. Without one (it could not start) the server still
 *  runs, and says so: a leftover Postgres is then stopped at the next start instead. */
export async function startWatchdog(pgDir: string, log: Logger): Promise<Watchdog> {
  const env = runtimeConfig.childEnvWithoutLoader();
  const child = spawn(process.execPath, [WATCHDOG_SCRIPT, pgDir], { detached: true, stdio: ["ignore", "ignore", "ignore", "ipc"], env });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = await new Promise<boolean>((resolve) => {
    setTimeout(() => resolve(false), 15_000).unref();
    child.once("message", (message) => resolve(message === "ready"));
    child.once("error", () => resolve(false));
    child.once("exit", () => resolve(false));
  });
  if (!ready) {
    log.warn({ script: WATCHDOG_SCRIPT }, "the embedded Postgres watchdog did not start: a Postgres left behind by a killed server is stopped at the next start instead");
    child.kill("SIGKILL");
    return { release: async () => undefined };
  }
  child.unref();
  child.channel?.unref();
  return {
    release: async () => {
      // Held again while it exits: awaiting an unref'd child would let the loop run dry, and a
      // shutting-down server exit (with code 0) before its last steps and log line.
      child.ref();
      if (child.connected) child.disconnect();
      await exited;
    },
  };
}
