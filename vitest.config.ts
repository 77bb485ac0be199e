import { defineConfig } from "vitest/config";
import path from "node:path";

// Unit tests: lib/ only, no I/O. Integration tests have their own config (vitest.integration.config.ts).
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
  },
});
