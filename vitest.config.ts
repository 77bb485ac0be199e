import { defineConfig } from "vitest/config";
import path from "node:path";

// Unit tests: lib/ with no I/O (tests/unit), and server components in-process over loopback with
// no database (tests/server). Integration tests have their own config (vitest.integration.config.ts).
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/server/**/*.test.ts"],
    environment: "node",
  },
});
