import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/config/env";
import { DEFAULT_EMBEDDED_PG_PORT, startEmbeddedPostgres, type EmbeddedDb } from "@/server/db/embedded";
import { testLogger } from "./support/log";
import { holdPort } from "./support/ports";

// A second checkout, or a test run, may already hold the embedded Postgres's usual port. With
// EMBEDDED_PG_PORT unset ("auto") `npm start` must still come up, on another port.
describe("embedded Postgres on EMBEDDED_PG_PORT=auto", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sortroom-auto-port-"));
  fs.chmodSync(dataDir, 0o755);
  let embedded: EmbeddedDb | undefined;
  afterAll(async () => {
    await embedded?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("is the default", () => {
    expect(parseEnv({}).EMBEDDED_PG_PORT).toBe("auto");
    expect(parseEnv({ EMBEDDED_PG_PORT: "54400" }).EMBEDDED_PG_PORT).toBe(54400);
  });

  it("starts on a free port when the usual one is taken", async () => {
    // Held by this test, or already taken by something else on the machine: either way, taken.
    const held = await holdPort("127.0.0.1", DEFAULT_EMBEDDED_PG_PORT).catch(() => null);
    try {
      embedded = await startEmbeddedPostgres({ dataDir, port: "auto", log: testLogger("auto-port") });
      const port = Number(new URL(embedded.url).port);
      expect(port).not.toBe(DEFAULT_EMBEDDED_PG_PORT);
      const client = new pg.Client({ connectionString: embedded.url });
      await client.connect();
      try {
        expect((await client.query<{ one: number }>("SELECT 1 AS one")).rows[0]!.one).toBe(1);
      } finally {
        await client.end();
      }
    } finally {
      await held?.release();
    }
  });
});
