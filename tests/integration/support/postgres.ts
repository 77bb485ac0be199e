import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDb } from "@/server/db/embedded";
import { isAlive, runningPostmaster } from "@/server/db/postmaster.mjs";
import { testLogger } from "./log";
import { freePort } from "./ports";
import { waitFor } from "./server";

export interface ControlledPostgres {
  /** URL of its `sortroom` database; stays the same across stop/start. */
  url: string;
  stop(): Promise<void>;
  /** Kills it like a crash would (SIGKILL to the postmaster) and waits until every one of its
   *  processes is gone. It stays down until start(). */
  kill(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and deletes its data folder. */
  destroy(): Promise<void>;
}

/** A Postgres of the test's own (embedded, own folder and port), for tests that take the database
 *  away and bring it back: it is not restarted when it dies. Independent of TEST_DATABASE_URL. */
export async function startControlledPostgres(name: string): Promise<ControlledPostgres> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sortroom-test-pg-"));
  const pgDir = path.join(dataDir, "pg");
  const port = await freePort();
  const log = testLogger(`postgres-${name}`);
  const options = { dataDir, port, log, restart: false };
  let running: EmbeddedDb | undefined = await startEmbeddedPostgres(options);
  const url = running.url;
  const stop = async () => {
    await running?.stop();
    running = undefined;
  };
  return {
    url,
    stop,
    kill: async () => {
      const processes = postgresProcesses(pgDir);
      if (processes.length > 0) process.kill(processes[0]!, "SIGKILL");
      await stop(); // returns at once for a dead postmaster (its watchdog too)
      const left = await waitFor(async () => processes.filter(isAlive), (alive) => alive.length === 0, 60_000);
      if (left.length > 0) throw new Error(`Postgres processes ${left.join(", ")} outlived their killed postmaster`);
    },
    start: async () => {
      running ??= await startEmbeddedPostgres(options);
    },
    destroy: async () => {
      await stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The postmaster running on `pgDir` followed by its child processes (backends, checkpointer, …),
 *  read from /proc; empty when no postmaster runs there. */
export function postgresProcesses(pgDir: string): number[] {
  const postmaster = runningPostmaster(pgDir);
  if (postmaster === undefined) return [];
  const children = fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => parentOf(Number(pid)) === postmaster)
    .map(Number);
  return [postmaster, ...children];
}

function parentOf(pid: number): number | undefined {
  try {
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}
