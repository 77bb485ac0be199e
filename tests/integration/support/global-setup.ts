import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDb } from "@/server/db/embedded";
import { testLogger } from "./log";
import { ROOT } from "./paths";
import { freePort } from "./ports";

declare module "vitest" {
  export interface ProvidedContext {
    /** A URL to a Postgres role that may CREATE/DROP DATABASE (test files derive theirs from it). */
    pgAdminUrl: string;
  }
}

const DATA_ROOT = path.join(ROOT, ".data");
const PREFIX = "test-pg-";

/** Once per `vitest run`: one Postgres for every test file. TEST_DATABASE_URL (any database on a
 *  server where that role can create databases) is used as is; otherwise an embedded Postgres is
 *  started in .data/test-pg-<pid> on a free port, and removed again at teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  warnIfBuildIsStale();
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    await assertReachable(external);
    project.provide("pgAdminUrl", external);
    return async () => {};
  }

  removeStaleFolders();
  const dataDir = path.join(DATA_ROOT, `${PREFIX}${process.pid}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  let embedded: EmbeddedDb;
  try {
    embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), log: testLogger("global-postgres"), database: "postgres" });
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide("pgAdminUrl", embedded.url);
  return async () => {
    await embedded.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

async function assertReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new Error(`TEST_DATABASE_URL is set but unreachable: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Folders of runs that were killed before their teardown (their pid is gone and no Postgres
 *  is still running on them). */
function removeStaleFolders(): void {
  if (!fs.existsSync(DATA_ROOT)) return;
  for (const entry of fs.readdirSync(DATA_ROOT)) {
    const pid = Number(entry.startsWith(PREFIX) ? entry.slice(PREFIX.length) : NaN);
    if (!Number.isInteger(pid) || isAlive(pid)) continue;
    const dir = path.join(DATA_ROOT, entry);
    const pidFile = path.join(dir, "pg", "postmaster.pid");
    const postmaster = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]) : 0;
    if (postmaster > 0 && isAlive(postmaster)) continue;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The tests run the production build; one older than the sources tests old code. Only a
 *  warning: `npm test` always builds first, and a developer may mean to test the last build. */
function warnIfBuildIsStale(): void {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) {
    console.warn("\n[integration] No production build in .next: tests that start the server will fail. Run `npm run build` first.\n");
    return;
  }
  const built = fs.statSync(buildId).mtimeMs;
  const newest = (p: string): number => {
    if (!fs.existsSync(p)) return 0;
    const stat = fs.statSync(p);
    if (!stat.isDirectory()) return stat.mtimeMs;
    let max = 0;
    for (const entry of fs.readdirSync(p)) if (entry !== "generated" && entry !== "node_modules") max = Math.max(max, newest(path.join(p, entry)));
    return max;
  };
  const changed = Math.max(...["app", "lib", "prisma", "public", "next.config.js"].map((s) => newest(path.join(ROOT, s))));
  if (changed > built) {
    console.warn("\n[integration] The production build in .next is older than app/ or lib/: the server under test runs the old code. Run `npm run build` to test what is checked out.\n");
  }
}
