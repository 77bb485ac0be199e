import { defineConfig, devices } from "@playwright/test";

// End-to-end tests against the production server (`npm run build` first; `npm test` does), with
// a fresh embedded Postgres in .data/e2e each run, or the database at TEST_DATABASE_URL if set.
// Browsers are not downloaded: the system (Debian) Chromium is used.
const PORT = Number(process.env.E2E_PORT ?? 3217);
const EMBEDDED_PG_PORT = Number(process.env.E2E_PG_PORT ?? 54417);
const DATA_DIR = ".data/e2e";
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: "list",
  timeout: 30_000,
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    command: `node tests/e2e/support/reset-data-dir.mjs ${DATA_DIR} && npx tsx server/index.ts`,
    url: `${BASE_URL}/api/health`, // 503 until the database is migrated; Playwright waits for 2xx
    reuseExistingServer: false,
    timeout: 120_000,
    // SIGTERM lets the server close Socket.IO, Next and the embedded Postgres cleanly.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      SORTROOM_GENERATE_SECRET: "true",
      HOST: "127.0.0.1",
      PORT: String(PORT),
      SORTROOM_DATA_DIR: DATA_DIR,
      EMBEDDED_PG_PORT: String(EMBEDDED_PG_PORT),
      // The address the browser uses: sign-in callbacks and cookies must be on the same host
      // (the server's default, http://localhost:PORT, is another cookie host than 127.0.0.1).
      PUBLIC_URL: BASE_URL,
      NEXTAUTH_URL: BASE_URL,
      // Empty means "unset" to lib/config/env: a DATABASE_URL from the shell must not leak in.
      DATABASE_URL: process.env.TEST_DATABASE_URL ?? "",
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
      NEXT_TELEMETRY_DISABLED: "1",
      // The suite signs up ~20 accounts from 127.0.0.1 within minutes; production allows 10 at once
      // then 30 an hour per address (lib/auth/throttle.ts).
      SIGNUP_BURST_PER_ADDRESS: "1000",
    },
  },
});
