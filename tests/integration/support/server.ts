import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { startServer, type ServerOptions } from "@/server/app";
import { testDatabaseUrl } from "./database";
import { testLogger } from "./log";
import { trackOpen, untrackOpen } from "./open-servers";
import { ROOT } from "./paths";

export interface TestServer {
  url: string;
  port: number;
  databaseUrl: string;
  close(): Promise<void>;
}

let serial = 0;

/** Variables startServer sets on process.env for its lifetime. Restored when the test server
 *  closes, so a second server in the same file starts like the first (e.g. NEXTAUTH_URL would
 *  otherwise keep the first server's port). NEXTAUTH_SECRET is kept: like a data folder's
 *  secret, it survives a restart, so sessions signed before a restart stay valid after it. */
const SERVER_ENV = ["DATABASE_URL", "NEXTAUTH_URL", "SORTROOM_DATA_DIR"] as const;

/** Starts the real SortRoom server in this process: production Next build (`npm run build`
 *  first), a free port on 127.0.0.1, and this file's fresh database unless `databaseUrl` is given.
 *  Start at most one at a time per file (Next keeps per-process state); close it in afterAll. */
export async function startTestServer(options: { databaseUrl?: string } & Pick<ServerOptions, "trustProxy" | "realtimeLimits"> = {}): Promise<TestServer> {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npm run build` before the integration tests (`npm test` does).");
  }
  const databaseUrl = options.databaseUrl ?? (await testDatabaseUrl());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sortroom-test-"));
  const savedEnv = SERVER_ENV.map((key) => [key, process.env[key]] as const);
  const restoreEnv = () => {
    for (const [key, value] of savedEnv) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  const name = `${path.basename(expect.getState().testPath ?? "server", ".test.ts")}-${process.pid}-${++serial}`;
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    dev: false,
    databaseUrl,
    dataDir,
    embeddedPgPort: 0,
    allowedOrigins: [],
    trustProxy: options.trustProxy,
    realtimeLimits: options.realtimeLimits,
    log: testLogger(name),
  }).catch((error: unknown) => {
    restoreEnv();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  let closed: Promise<void> | undefined;
  const testServer: TestServer = {
    url: server.url,
    port: server.port,
    databaseUrl,
    close: () =>
      (closed ??= server.close().finally(() => {
        untrackOpen(testServer);
        restoreEnv();
        fs.rmSync(dataDir, { recursive: true, force: true });
      })),
  };
  trackOpen(testServer);
  return testServer;
}

/** GET a path; returns the status and the parsed JSON body (or undefined). */
export async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, body, headers: response.headers };
}

/** Calls `probe` until `done` accepts its value or `timeoutMs` passes; returns the last value seen. */
export async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, intervalMs));
    value = await probe();
  }
  return value;
}
