import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "./support/database";
import { ROOT } from "./support/paths";
import { freePort } from "./support/ports";
import { signIn, withDb } from "./support/live";
import { hashPassword } from "@/lib/auth/password";

/** The real CLI (`tsx server/index.ts`) as `npm start` runs it, with a data folder that persists
 *  between the two runs — the development secret is generated on the first and read on the second. */
async function startCli(env: Record<string, string>): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const port = await freePort();
  const base = { ...process.env };
  for (const key of ["NEXTAUTH_SECRET", "NEXTAUTH_URL", "DATABASE_URL", "PORT", "SORTROOM_DATA_DIR", "NODE_ENV"]) delete base[key];
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    env: { ...base, NODE_ENV: "production", SORTROOM_GENERATE_SECRET: "true", HOST: "127.0.0.1", PORT: String(port), LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.setEncoding("utf8").on("data", (c: string) => (output += c));
  child.stderr!.setEncoding("utf8").on("data", (c: string) => (output += c));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { url, child, output: () => output };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not become healthy:\n${output}`);
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

describe("a facilitator stays signed in across a restart", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sortroom-restart-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("keeps the generated secret in the data folder, so the session cookie still works; SIGTERM exits cleanly", async () => {
    const databaseUrl = await testDatabaseUrl();
    const env = { DATABASE_URL: databaseUrl, SORTROOM_DATA_DIR: dataDir };

    const first = await startCli(env);
    const server = { url: first.url, port: 0, databaseUrl, close: async () => undefined };
    await withDb(server, async (c) =>
      c.query(`INSERT INTO users (id, email, password_hash) VALUES (gen_random_uuid(), 'stay@example.com', $1)`, [await hashPassword("a long enough password")]),
    );
    const cookie = await signIn(server, "stay@example.com", "a long enough password");
    const before = await (await fetch(`${first.url}/api/auth/session`, { headers: { cookie } })).json();
    expect(before).toMatchObject({ user: { email: "stay@example.com" } });
    expect(await stop(first.child)).toBe(0);
    expect(first.output()).toContain("shut down cleanly");
    expect(fs.readFileSync(path.join(dataDir, "nextauth-secret"), "utf8").trim().length).toBeGreaterThanOrEqual(32);

    const second = await startCli(env);
    try {
      const after = await (await fetch(`${second.url}/api/auth/session`, { headers: { cookie } })).json();
      expect(after).toMatchObject({ user: { email: "stay@example.com" } });
    } finally {
      await stop(second.child);
    }
  });
});
