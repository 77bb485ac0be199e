/**
 * Sign-in load: N facilitators sign in at the same moment (argon2id verification each) while a
 * poller asks GET /api/health back to back. Reports health latency before and during the wave, and
 * how the sign-ins were answered (200, 429 over a limit, 503 when argon2 is saturated).
 *
 *   npx tsx bench/signin-load.ts [--signins 30]
 *
 * Needs a production build (`npm run build`). Starts the real server as its own process on a fresh
 * database `sortroom_bench_<time>` on TEST_DATABASE_URL (else postgresql://postgres@127.0.0.1:5432/postgres),
 * dropped afterwards. All traffic goes to 127.0.0.1, is bounded in count and stops by itself.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "../lib/auth/password";
import { startServerProcess, summary } from "./support";

const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1]] as const).filter(([a]) => a.startsWith("--")));
const SIGNINS = Number(args.get("--signins") ?? 30);
const ADMIN_URL = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const PASSWORD = "bench password";

async function signIn(url: string, email: string): Promise<number> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  await res.text();
  return res.status;
}

/** GET /api/health back to back until `stop` resolves; the latency of each. */
async function pollHealth(url: string, stop: Promise<void>): Promise<number[]> {
  let stopped = false;
  void stop.then(() => (stopped = true));
  const latencies: number[] = [];
  while (!stopped) {
    const t = performance.now();
    await fetch(`${url}/api/health`).then((r) => r.text());
    latencies.push(performance.now() - t);
  }
  return latencies;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sortroom-bench-"));
  const name = `sortroom_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const databaseUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();
  const server = await startServerProcess(databaseUrl, dataDir);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const hash = await hashPassword(PASSWORD);
    const emails = Array.from({ length: SIGNINS + 1 }, (_, i) => `bench-${i}@example.com`);
    for (const email of emails) await db.query(`INSERT INTO users (id, email, password_hash) VALUES (gen_random_uuid(), $1, $2)`, [email, hash]);
    await signIn(server.url, emails[SIGNINS]!); // warm-up: compiles the routes, fills the dummy hash

    const quiet = await pollHealth(server.url, new Promise<void>((r) => setTimeout(r, 2_000)));
    let endWave!: () => void;
    const waveDone = new Promise<void>((r) => (endWave = r));
    const during = pollHealth(server.url, waveDone);
    const started = performance.now();
    const statuses = await Promise.all(emails.slice(0, SIGNINS).map((email) => signIn(server.url, email)));
    const waveMs = performance.now() - started;
    endWave();
    const counts = new Map<number, number>();
    for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
    console.log(`${SIGNINS} concurrent sign-ins in ${waveMs.toFixed(0)} ms; answers ${[...counts].map(([s, n]) => `${s}×${n}`).join(", ")}`);
    console.log(summary("health (quiet)", quiet));
    console.log(summary("health (wave)", await during));
  } finally {
    await db.end();
    await server.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
