import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/** Per-file databases on the run's Postgres (see global-setup.ts). */

function adminUrl(): string {
  return inject("pgAdminUrl");
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function urlFor(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates an empty database `sortroom_t_<random>` and returns its URL. */
export async function createTestDatabase(): Promise<string> {
  const name = `sortroom_t_${randomBytes(6).toString("hex")}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  return urlFor(name);
}

/** Drops a database made by createTestDatabase, disconnecting whoever is still on it. */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^sortroom_t_[0-9a-f]+$/.test(name)) throw new Error(`refusing to drop ${name}: not a test database`);
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

const created: string[] = [];
let fileDatabase: Promise<string> | undefined;

/** This test file's own database, created on first use and dropped after the file (per-file.ts). */
export function testDatabaseUrl(): Promise<string> {
  fileDatabase ??= createTestDatabase().then((url) => {
    created.push(url);
    return url;
  });
  return fileDatabase;
}

/** An extra fresh database for this file, also dropped after the file. */
export async function extraTestDatabase(): Promise<string> {
  const url = await createTestDatabase();
  created.push(url);
  return url;
}

/** Called once after each file (per-file.ts). */
export async function dropFileDatabases(): Promise<void> {
  await fileDatabase?.catch(() => undefined);
  for (const url of created.splice(0)) await dropTestDatabase(url);
  fileDatabase = undefined;
}

/** Runs one query on a database and returns its rows. */
export async function query<R extends pg.QueryResultRow = pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
