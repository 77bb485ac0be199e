import { spawn } from "node:child_process";
import { ROOT } from "./paths";

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
  const base = { ...process.env };
  for (const key of SCRUBBED) delete base[key];
  for (const key of Object.keys(base)) if (key.startsWith("VITEST")) delete base[key];
  const child = spawn("npx", ["tsx", "server/index.ts"], {
    cwd: ROOT,
    env: { ...base, NEXT_TELEMETRY_DISABLED: "1", ...env },
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

/** A line that looks like a JavaScript stack frame ("    at fn (file.ts:1:2)"). */
export const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;
