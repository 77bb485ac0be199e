import { spawn } from "node:child_process";
import path from "node:path";

/** What the load benchmarks share: the production server as its own process, and latency summaries. */

export function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

export function summary(name: string, values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  return `${name.padEnd(10)} n=${String(s.length).padStart(6)}  p50=${percentile(s, 50).toFixed(1)} ms  p95=${percentile(s, 95).toFixed(1)} ms  p99=${percentile(s, 99).toFixed(1)} ms  max=${(s.at(-1) ?? NaN).toFixed(1)} ms`;
}

/** The production server in a child process, as `npm run serve` runs it; resolves once healthy. */
export async function startServerProcess(databaseUrl: string, dataDir: string, env: Record<string, string> = {}): Promise<{ url: string; close(): Promise<void> }> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: path.resolve(import.meta.dirname, ".."),
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      SORTROOM_DATA_DIR: dataDir,
      SORTROOM_GENERATE_SECRET: "true",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (child.exitCode !== null) throw new Error("the server exited during start-up");
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
