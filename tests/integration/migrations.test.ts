import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/server/db/migrate";
import { extraTestDatabase, query } from "./support/database";
import { ROOT } from "./support/paths";
import { startTestServer, type TestServer } from "./support/server";

const silent = pino({ level: "silent" });

interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

/** What Prisma Migrate would record: every prisma/migrations/<name>/migration.sql, in name
 *  order, with the SHA-256 of the file's bytes as lowercase hex. Computed here independently
 *  of server/db/migrate.ts. */
const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");
const expected = fs
  .readdirSync(MIGRATIONS_DIR)
  .filter((name) => fs.existsSync(path.join(MIGRATIONS_DIR, name, "migration.sql")))
  .sort()
  .map((name) => ({
    name,
    checksum: createHash("sha256").update(fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"))).digest("hex"),
  }));

const readHistory = (url: string) => query<MigrationRow>(url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);

describe("migrations applied at start", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await server.close(); // the start migrated; the rest looks at the database only
  });
  afterAll(async () => {
    await server?.close();
  });

  it("has at least one migration to apply", () => {
    expect(expected.length).toBeGreaterThan(0);
  });

  it("records every migration in _prisma_migrations with Prisma's checksum", async () => {
    const rows = await readHistory(server.databaseUrl);
    expect(rows.map((r) => r.migration_name)).toEqual(expected.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.checksum).toBe(expected[i]!.checksum);
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("creates _prisma_migrations with the columns Prisma Migrate uses", async () => {
    const columns = await query<{ column_name: string; data_type: string; character_maximum_length: number | null; is_nullable: string }>(
      server.databaseUrl,
      `SELECT column_name, data_type, character_maximum_length, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = '_prisma_migrations' ORDER BY column_name`,
    );
    expect(columns).toEqual([
      { column_name: "applied_steps_count", data_type: "integer", character_maximum_length: null, is_nullable: "NO" },
      { column_name: "checksum", data_type: "character varying", character_maximum_length: 64, is_nullable: "NO" },
      { column_name: "finished_at", data_type: "timestamp with time zone", character_maximum_length: null, is_nullable: "YES" },
      { column_name: "id", data_type: "character varying", character_maximum_length: 36, is_nullable: "NO" },
      { column_name: "logs", data_type: "text", character_maximum_length: null, is_nullable: "YES" },
      { column_name: "migration_name", data_type: "character varying", character_maximum_length: 255, is_nullable: "NO" },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", character_maximum_length: null, is_nullable: "YES" },
      { column_name: "started_at", data_type: "timestamp with time zone", character_maximum_length: null, is_nullable: "NO" },
    ]);
  });

  it("created the schema's tables", async () => {
    const tables = await query<{ table_name: string }>(
      server.databaseUrl,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["users", "decks", "deck_statements", "workshops"]));
  });

  it("is a no-op when run again", async () => {
    const before = await readHistory(server.databaseUrl);
    await expect(migrate(server.databaseUrl, silent)).resolves.toEqual([]);
    expect(await readHistory(server.databaseUrl)).toEqual(before);
  });
});

describe("migrate() run twice at once on an empty database", () => {
  it("applies each migration exactly once (the runs serialize on Prisma's lock)", async () => {
    const url = await extraTestDatabase();
    const [a, b] = await Promise.all([migrate(url, silent), migrate(url, silent)]);
    expect([...a, ...b].sort()).toEqual(expected.map((m) => m.name));
    expect((await readHistory(url)).map((r) => r.migration_name)).toEqual(expected.map((m) => m.name));
  });
});
