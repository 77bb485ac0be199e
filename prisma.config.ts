// Prisma CLI configuration. The app itself never runs the CLI: it connects through
// @prisma/adapter-pg and applies prisma/migrations itself (server/db/migrate.ts).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/sortroom" },
});
