import { defineConfig } from "vitest/config";
import path from "node:path";

// Unit tests: lib/ with no I/O (tests/unit), and server components in-process over loopback with
// no database (tests/server). Integration tests have their own config (vitest.integration.config.ts).
export default defineConfig({
  // "server-only" throws outside a react-server bundle; tests load those modules in plain Node.
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js") } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/server/**/*.test.ts"],
    environment: "node",
  },
});
