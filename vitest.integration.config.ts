import path from "node:path";
import { defineConfig } from "vitest/config";

// Integration tests: the real server (production Next build, so run `npm run build` first;
// `npm test` does) against a real PostgreSQL. One embedded Postgres serves the whole run (or
// TEST_DATABASE_URL, if set); every test file gets its own fresh database. Each file runs in its
// own process, which holds at most one SortRoom server at a time.
export default defineConfig({
  // "server-only" throws outside a react-server bundle; tests load those modules in plain Node.
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js") } },
  test: {
    include: ["tests/integration/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/integration/support/global-setup.ts"],
    setupFiles: ["tests/integration/support/per-file.ts"],
    pool: "forks",
    isolate: true,
    // Two cores: a Next server and a Postgres per file already keep both busy.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    // Route handlers log through lib/log's global logger; keep test output readable unless asked.
    env: { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent" },
  },
});
