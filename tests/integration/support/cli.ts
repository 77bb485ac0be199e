import { spawn, type ChildProcess } from "node:child_process";
import { trackOpen, untrackOpen } from "./open-servers";
import { ROOT } from "./paths";
import { freePort } from "./ports";

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** stdout and stderr together. */
  output: string;
}

/** Variables the test runner or the developer's shell may carry that would change what the
 *  server does; each spawn starts without them and sets what it needs. */
const SCRUBBED = [
  "DATABASE_URL",
  "PORT",
  "HOST",
  "NODE_ENV",
  "NEXTAUTH_SECRET",
  "NEXTAUTH_URL",
  "SORTROOM_GENERATE_SECRET",
  "SORTROOM_DATA_DIR",
  "EMBEDDED_PG_PORT",
  "ALLOWED_ORIGINS",
  "LOG_LEVEL",
  "PUBLIC_URL",
  "TRUST_PROXY",
];

/** Runs `npx tsx server/index.ts` (the real CLI entry) with `env` added to a scrubbed copy of
 *  this environment; resolves when it exits, or kills its whole process group after `timeoutMs`. */
export function runServerCli(env: Record<string, string>, timeoutMs = 60_000): Promise<CliResult> {
  const child = spawn("npx", ["tsx", "server/index.ts"], {
    cwd: ROOT,
    env: scrubbedEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // own process group: a timeout kills npx, tsx and node together
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut, output: stdout + stderr });
    });
  });
}

function scrubbedEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const key of SCRUBBED) delete base[key];
  for (const key of Object.keys(base)) if (key.startsWith("VITEST")) delete base[key];
  return { ...base, NEXT_TELEMETRY_DISABLED: "1", ...env };
}

/** A server started by startServerCli, running until it exits or the test ends it. */
export interface RunningCli {
  url: string;
  /** The server's own node process (signals sent to it reach the server, not a wrapper). */
  pid: number;
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** Settles when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL to its whole process group (Postgres included); for cleanup, never throws. */
  destroy(): Promise<void>;
}

/** Starts the real CLI (`node --import tsx server/index.ts`, production mode, info logs) on a free
 *  port with `env` added to a scrubbed environment, and resolves once it says it is listening.
 *  Whatever a test does not end itself is killed when the file ends (per-file.ts). */
export async function startServerCli(env: Record<string, string>, readyTimeoutMs = 240_000): Promise<RunningCli> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    env: scrubbedEnv({ NODE_ENV: "production", SORTROOM_GENERATE_SECRET: "true", HOST: "127.0.0.1", PORT: String(port), LOG_LEVEL: "info", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // own process group, so cleanup can take Postgres down with it
  });
  let output = "";
  // "close", not "exit": the output must be complete when a test reads it after the exit.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("close", (code, signal) => resolve({ code, signal })));
  const listening = new Promise<boolean>((resolve) => {
    const onData = (chunk: string) => {
      output += chunk;
      if (/SortRoom is listening/.test(output)) resolve(true);
    };
    child.stdout!.setEncoding("utf8").on("data", onData);
    child.stderr!.setEncoding("utf8").on("data", onData);
    void exited.then(() => resolve(false));
    setTimeout(() => resolve(false), readyTimeoutMs).unref();
  });
  const tracked = { close: () => destroy() };
  const destroy = async () => {
    untrackOpen(tracked);
    try {
      process.kill(-child.pid!, "SIGKILL"); // the group outlives a server killed on its own
    } catch {
      // nothing left in it
    }
    await exited;
  };
  trackOpen(tracked);
  const running: RunningCli = { url: `http://127.0.0.1:${port}`, pid: child.pid!, child, output: () => output, exited, destroy };
  if (!(await listening)) {
    await running.destroy();
    throw new Error(`the server did not start listening:\n${output}`);
  }
  return running;
}

/** A line that looks like a JavaScript stack frame ("    at fn (file.ts:1:2)"). */
export const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;
