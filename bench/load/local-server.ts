import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { hashPassword } from "../../lib/auth/password";
import { startEmbeddedPostgres } from "../../server/db/embedded";
import { databaseUrl as databaseUrlOf, withClient } from "../db";

/** A throwaway SortRoom for a load run: a fresh database (on TEST_DATABASE_URL's server, or an
 *  embedded Postgres in a temporary folder), the production server as its own process (so the
 *  simulated phones do not share its event loop) trusting X-Forwarded-For (one address per
 *  phone), and a facilitator account. Needs a production build (`npm run build`). */
export interface LocalServer {
  url: string;
  databaseUrl: string;
  email: string;
  password: string;
  /** The server trusts X-Forwarded-For, so its /metrics answers only with this token. */
  metricsToken: string;
  close(): Promise<void>;
}

export async function startLocalServer(adminDatabaseUrl: string | undefined): Promise<LocalServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sortroom-load-"));
  fs.chmodSync(dataDir, 0o755);
  const cleanups: (() => Promise<void>)[] = [async () => fs.rmSync(dataDir, { recursive: true, force: true })];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    let databaseUrl: string;
    if (adminDatabaseUrl) {
      const name = `sortroom_load_${Date.now()}`;
      await withClient(adminDatabaseUrl, (c) => c.query(`CREATE DATABASE ${name}`));
      cleanups.push(() => withClient(adminDatabaseUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined));
      databaseUrl = databaseUrlOf(adminDatabaseUrl, name);
    } else {
      const embedded = await startEmbeddedPostgres({ dataDir, port: "auto", log: pino({ level: "warn" }) });
      cleanups.push(embedded.stop);
      databaseUrl = embedded.url;
    }
    const metricsToken = randomBytes(24).toString("base64url");
    const server = await startServerProcess(databaseUrl, dataDir, metricsToken);
    cleanups.push(server.close);
    const email = "load@example.com";
    const password = "load generator password";
    const passwordHash = await hashPassword(password);
    await withClient(databaseUrl, (c) => c.query(`INSERT INTO users (id, email, password_hash) VALUES (gen_random_uuid(), $1, $2)`, [email, passwordHash]));
    return { url: server.url, databaseUrl, email, password, metricsToken, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The production server in a child process, as `npm run serve` runs it; resolves once healthy
 *  (its migrations have then created the users table). */
/** A port nothing listens on now (the kernel picks it), instead of a random one that another
 *  program may hold (a run failed that way: "Port … is already in use"). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function startServerProcess(databaseUrl: string, dataDir: string, metricsToken: string): Promise<{ url: string; close(): Promise<void> }> {
  const port = await freePort();
  // Kept after the run (outside the data folder, which is removed), so a bad run can be read.
  const logPath = path.join(os.tmpdir(), `sortroom-load-server-${port}.log`);
  // LOAD_SERVER_CPU_PROFILE=<dir>: the server writes a V8 CPU profile there when the run ends
  // (open it in Chrome DevTools), to see what holds its event loop under load.
  const profileDir = process.env.LOAD_SERVER_CPU_PROFILE;
  const profiling = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...profiling, "--import", "tsx", "server/index.ts"], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: databaseUrl, SORTROOM_DATA_DIR: dataDir, SORTROOM_GENERATE_SECRET: "true", TRUST_PROXY: "true", METRICS_TOKEN: metricsToken, LOG_LEVEL: "warn" },
    stdio: ["ignore", fs.openSync(logPath, "w"), "inherit"],
  });
  process.stderr.write(`server log (warnings and errors): ${logPath}\n`);
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { url, close };
    if (child.exitCode !== null) throw new Error("the server exited during start-up");
    await new Promise((r) => setTimeout(r, 500));
  }
  await close();
  throw new Error("the server did not become healthy within 2 minutes");
}
