import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startServerCli, type RunningCli } from "./support/cli";
import { testDatabaseUrl } from "./support/database";
import { signIn, withDb } from "./support/live";
import { hashPassword } from "@/lib/auth/password";

// The real CLI (`tsx server/index.ts`) as `npm start` runs it, with a data folder that persists
// between the two runs — the development secret is generated on the first and read on the second.

async function stop(server: RunningCli): Promise<number | null> {
  server.child.kill("SIGTERM");
  return (await server.exited).code;
}

describe("a facilitator stays signed in across a restart", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sortroom-restart-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("keeps the generated secret in the data folder, so the session cookie still works; SIGTERM exits cleanly", async () => {
    const databaseUrl = await testDatabaseUrl();
    const env = { DATABASE_URL: databaseUrl, SORTROOM_DATA_DIR: dataDir };

    const first = await startServerCli(env);
    const server = { url: first.url, databaseUrl };
    await withDb(server, async (c) =>
      c.query(`INSERT INTO users (id, email, password_hash) VALUES (gen_random_uuid(), 'stay@example.com', $1)`, [await hashPassword("a long enough password")]),
    );
    const cookie = await signIn(server, "stay@example.com", "a long enough password");
    const before = await (await fetch(`${first.url}/api/auth/session`, { headers: { cookie } })).json();
    expect(before).toMatchObject({ user: { email: "stay@example.com" } });
    expect(await stop(first)).toBe(0);
    expect(first.output()).toContain("shut down cleanly");
    expect(fs.readFileSync(path.join(dataDir, "nextauth-secret"), "utf8").trim().length).toBeGreaterThanOrEqual(32);

    const second = await startServerCli(env);
    try {
      const after = await (await fetch(`${second.url}/api/auth/session`, { headers: { cookie } })).json();
      expect(after).toMatchObject({ user: { email: "stay@example.com" } });
    } finally {
      await stop(second);
    }
  }, 240_000); // two CLI starts: 53 s of the default 60 s on a loaded 2-core machine
});
