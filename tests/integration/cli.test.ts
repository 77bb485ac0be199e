import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runServerCli, STACK_FRAME } from "./support/cli";
import { testDatabaseUrl } from "./support/database";
import { holdPort } from "./support/ports";

// The CLI entry (server/index.ts) refuses bad configuration with one clear message and exit
// code 1. Each case spawns `npx tsx server/index.ts` and is bounded by a timeout.
describe("server/index.ts start-up failures", () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sortroom-test-cli-"));
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("exits non-zero naming PORT, without a stack trace, when PORT is not a number", async () => {
    const result = await runServerCli({ PORT: "abc", SORTROOM_DATA_DIR: dataDir }, 30_000);
    expect(result.timedOut).toBe(false);
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr).toMatch(/\bPORT\b/);
    expect(result.output).not.toMatch(STACK_FRAME);
  });

  it("exits non-zero naming NEXTAUTH_SECRET in production without a secret or SORTROOM_GENERATE_SECRET", async () => {
    const result = await runServerCli({ NODE_ENV: "production", SORTROOM_DATA_DIR: dataDir }, 30_000);
    expect(result.timedOut).toBe(false);
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr).toMatch(/\bNEXTAUTH_SECRET\b/);
    expect(result.output).not.toMatch(STACK_FRAME);
  });

  describe("when PORT is taken", () => {
    let held: Awaited<ReturnType<typeof holdPort>>;
    beforeAll(async () => {
      held = await holdPort("127.0.0.1");
    });
    afterAll(async () => {
      await held?.release();
    });

    it("exits non-zero saying the port is in use", async () => {
      const result = await runServerCli(
        {
          NODE_ENV: "production",
          SORTROOM_GENERATE_SECRET: "true",
          SORTROOM_DATA_DIR: dataDir,
          DATABASE_URL: await testDatabaseUrl(),
          HOST: "127.0.0.1",
          PORT: String(held.port),
          LOG_LEVEL: "info",
        },
        90_000,
      );
      expect(result.timedOut).toBe(false);
      expect(result.code).not.toBe(0);
      expect(result.code).not.toBeNull();
      expect(result.output).toMatch(new RegExp(`Port ${held.port} is already in use`));
      expect(result.output).not.toMatch(STACK_FRAME);
    }, 120_000);
  });
});
