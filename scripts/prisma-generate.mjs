// Generates the Prisma client (lib/db/generated) offline. `prisma generate` never runs the schema
// engine, but the CLI insists on locating one and downloads it when missing; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies that without a network. A user who
// installed the real engine keeps theirs.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
execFileSync(process.execPath, [cli, "generate"], {
  stdio: ["ignore", "ignore", "inherit"],
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
