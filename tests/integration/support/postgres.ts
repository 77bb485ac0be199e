import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDb } from "@/server/db/embedded";
import { testLogger } from "./log";
import { freePort } from "./ports";

export interface ControlledPostgres {
  /** URL of its `sortroom` database; stays the same across stop/start. */
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and deletes its data folder. */
  destroy(): Promise<void>;
}

/** A Postgres of the test's own (embedded, own folder and port), for tests that take the database
 *  away and bring it back. Independent of TEST_DATABASE_URL. */
export async function startControlledPostgres(name: string): Promise<ControlledPostgres> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sortroom-test-pg-"));
  const port = await freePort();
  const log = testLogger(`postgres-${name}`);
  let running: EmbeddedDb | undefined = await startEmbeddedPostgres({ dataDir, port, log });
  const url = running.url;
  const stop = async () => {
    await running?.stop();
    running = undefined;
  };
  return {
    url,
    stop,
    start: async () => {
      running ??= await startEmbeddedPostgres({ dataDir, port, log });
    },
    destroy: async () => {
      await stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
