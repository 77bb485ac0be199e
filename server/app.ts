import { randomUUID } from "node:crypto";
import http from "node:http";
import path from "node:path";
import next from "next";
import type { Logger } from "pino";
import { CLIENT_ADDRESS_HEADER } from "@/lib/api/client-address";
import { runtimeConfig } from "@/lib/config/runtime";
import { db, disconnectDb } from "@/lib/db/client";
import { seedBuiltinDecks } from "@/lib/db/decks/seed-builtin";
import { backfillNicknameSkeletons } from "@/lib/db/participants/backfill-skeletons";
import { isDbReady, markDbReady } from "@/lib/db/readiness";
import { purgeExpiredSessions } from "@/lib/db/workshops/purge";
import { clientAddress } from "./client-address";
import { startEmbeddedPostgres, type EmbeddedDb } from "./db/embedded";
import { migrate } from "./db/migrate";
import { attachRealtime, type Realtime } from "./realtime/attach";
import { refuseBadRequest } from "./http-guard";
import { serveMetrics } from "./observability/metrics-endpoint";
import type { RealtimeLimits } from "./realtime/limits";
import { ensureDevSecret } from "./secret";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");

export interface ServerOptions {
  port: number;
  host: string;
  dev: boolean;
  /** External database; when absent an embedded Postgres is started in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** "auto": the usual port when free, else any free one. */
  embeddedPgPort: number | "auto";
  allowedOrigins: string[];
  /** Purge closed sessions this many days after they ended (unset: keep forever). */
  retentionDays?: number;
  /** Trust X-Forwarded-* headers (behind a reverse proxy). */
  trustProxy?: boolean;
  /** The public URL (PUBLIC_URL or NEXTAUTH_URL): changing requests may come from its origin,
   *  and when it is https every response carries HSTS. */
  publicUrl?: string;
  /** METRICS_TOKEN: bearer token for GET /metrics (required from anywhere but plain loopback). */
  metricsToken?: string;
  /** Socket flood protections; unset fields keep their defaults (server/realtime/limits.ts). */
  realtimeLimits?: Partial<RealtimeLimits>;
  log: Logger;
}

export interface RunningServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

export class PortInUseError extends Error {}

/** Starts everything on one port: Next (pages, route handlers) and Socket.IO. The database may be
 *  unreachable at start: the server still serves (health says 503) and keeps retrying. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const { log } = opts;
  // Say "port taken" in a second, not after Postgres, migrations and Next have started.
  if (opts.port !== 0) await assertPortFree(opts.port, opts.host);
  runtimeConfig.setDataDir(opts.dataDir);
  // lib/config/env already refused a production start without a secret unless generation is allowed.
  ensureDevSecret(opts.dataDir, log);

  let embedded: EmbeddedDb | undefined;
  if (opts.databaseUrl) {
    runtimeConfig.setDatabaseUrl(opts.databaseUrl);
    log.info({ database: redactUrl(opts.databaseUrl) }, "using the database at DATABASE_URL");
  } else {
    embedded = await startEmbeddedPostgres({ dataDir: opts.dataDir, port: opts.embeddedPgPort, log });
    runtimeConfig.setDatabaseUrl(embedded.url);
  }
  const databaseUrl = runtimeConfig.databaseUrl()!;
  const readiness = prepareDatabaseUntilReady(databaseUrl, log);
  const retention = opts.retentionDays ? scheduleRetention(opts.retentionDays, log) : undefined;
  const httpServer = http.createServer();
  let realtime: Realtime | undefined;
  let nextApp: ReturnType<typeof next> | undefined;
  try {
    await readiness.firstAttempt;
    nextApp = next({ dev: opts.dev, dir: PROJECT_ROOT, hostname: opts.host, port: opts.port, httpServer, quiet: !opts.dev });
    await nextApp.prepare();
    httpServer.on("request", requestHandler(nextApp.getRequestHandler(), log.child({ component: "http" }), opts));
    realtime = attachRealtime(httpServer, { log, allowedOrigins: opts.allowedOrigins, trustProxy: opts.trustProxy, limits: opts.realtimeLimits });
    await listen(httpServer, opts.port, opts.host, opts.publicUrl);
  } catch (error) {
    // Leave nothing running behind a failed start (tests and tools start servers in-process).
    readiness.stop();
    retention?.stop();
    await realtime?.close();
    await nextApp?.close?.();
    await disconnectDb();
    await embedded?.stop();
    throw error;
  }

  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  log.info({ port, host: opts.host, dev: opts.dev }, `SortRoom is listening on http://localhost:${port}`);

  let closing: Promise<void> | undefined;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      (closing ??= (async () => {
        log.info("shutting down: no new connections, draining sockets");
        readiness.stop();
        retention?.stop();
        const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        await realtime?.close();
        httpServer.closeAllConnections();
        await httpClosed;
        await nextApp?.close?.();
        await disconnectDb();
        await embedded?.stop();
        log.info("shut down cleanly");
      })()),
  };
}

/** Migrates and seeds, retrying while the database is unreachable, so that a database that comes
 *  back later is picked up without a restart. */
function prepareDatabaseUntilReady(databaseUrl: string, log: Logger): { firstAttempt: Promise<void>; stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let delay = 1_000;
  const attempt = async (): Promise<void> => {
    try {
      await migrate(databaseUrl, log);
      const seeded = await seedBuiltinDecks(db());
      if (seeded.length) log.info({ decks: seeded }, "seeded built-in decks");
      const skeletons = await backfillNicknameSkeletons();
      if (skeletons) log.info({ participants: skeletons }, "filled nickname skeletons of participants from before they existed");
      markDbReady();
    } catch (error) {
      log.error({ database: redactUrl(databaseUrl), reason: (error as Error).message, retryInMs: delay }, "database unreachable or not ready; retrying");
      if (!stopped) {
        timer = setTimeout(() => void attempt(), delay);
        delay = Math.min(delay * 2, 15_000);
      }
    }
  };
  return {
    firstAttempt: attempt(),
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}

type NextHandler = ReturnType<ReturnType<typeof next>["getRequestHandler"]>;

/** Every HTTP request: an id (echoed as x-request-id) on every log line about it; /metrics is
 *  served here; a body too large, a change from another origin or a body of the wrong type is
 *  refused here (server/http-guard.ts); everything else goes to Next, told the client's address
 *  (route handlers cannot see the socket; the header a client may have sent is replaced). */
function requestHandler(handle: NextHandler, httpLog: Logger, opts: ServerOptions): http.RequestListener {
  const trustProxy = opts.trustProxy ?? false;
  const guard = { trustProxy, allowedOrigins: [...(opts.publicUrl ? [opts.publicUrl] : []), ...opts.allowedOrigins] };
  const hsts = opts.publicUrl?.startsWith("https:") ? HSTS : undefined;
  return (req, res) => {
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req, trustProxy);
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader("x-request-id", requestId);
    const started = performance.now();
    res.on("finish", () => {
      const line = { requestId, method: req.method, url: req.url, status: res.statusCode, ms: Math.round(performance.now() - started) };
      // Health is probed every few seconds, and answers 503 for as long as the database is down:
      // the route logs each change of state once, so a probe costs no line of its own.
      if (req.url === "/api/health" || req.url?.startsWith("/_next/")) httpLog.debug(line, "request");
      else if (res.statusCode >= 500) httpLog.error(line, "request");
      else httpLog.info(line, "request");
    });
    if (hsts) res.setHeader("strict-transport-security", hsts);
    if (req.url === "/metrics") {
      serveMetrics(req, res, { token: opts.metricsToken, trustProxy }).catch((error: unknown) => {
        httpLog.error({ err: error, requestId }, "metrics failed");
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    if (refuseBadRequest(req, res, guard)) return;
    handle(req, res).catch((error: unknown) => {
      httpLog.error({ err: error, requestId, url: req.url }, "request failed");
      if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
    });
  };
}

/** Behind an https public URL, browsers are told to use https only for a year (not for
 *  subdomains: other services may share the domain). */
const HSTS = "max-age=31536000";

const LISTEN_BACKLOG = 4096;

function listen(httpServer: http.Server, port: number, host: string, publicUrl: string | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    httpServer.once("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "EADDRINUSE" ? new PortInUseError(`Port ${port} is already in use: stop the other program or set PORT to a free port`) : error);
    });
    // A keynote's join burst opens hundreds of connections a second; Node's default accept
    // backlog (511) overflowed in 5,000-phone runs (the kernel logged SYN flooding and phones
    // failed to connect). The kernel caps this at net.core.somaxconn.
    httpServer.listen({ port, host, backlog: LISTEN_BACKLOG }, () => {
      // next-auth builds its callback URLs from NEXTAUTH_URL; default it to this server's own
      // address (known only now when PORT is 0) unless the deployment set a public URL.
      const bound = httpServer.address();
      const boundPort = typeof bound === "object" && bound ? bound.port : port;
      runtimeConfig.defaultNextAuthUrl(publicUrl || `http://localhost:${boundPort}`);
      resolve();
    });
  });
}

async function assertPortFree(port: number, host: string): Promise<void> {
  const probe = http.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new PortInUseError(`Port ${port} is already in use: stop the other program or set PORT to a free port`) : error),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** Retention: purges closed sessions older than `days` hourly (and once shortly after start). */
function scheduleRetention(days: number, log: Logger): { stop(): void } {
  const run = () => {
    if (!isDbReady()) return;
    purgeExpiredSessions(new Date(), days).then(
      (purged) => {
        if (purged > 0) log.info({ purged, days }, "purged expired sessions");
      },
      (error: unknown) => log.error({ err: error }, "retention purge failed"),
    );
  };
  const first = setTimeout(run, 30_000);
  const hourly = setInterval(run, 60 * 60_000);
  first.unref();
  hourly.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(hourly);
    },
  };
}
