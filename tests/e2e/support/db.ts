import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/** The database the e2e server uses: TEST_DATABASE_URL when set, otherwise the embedded Postgres
 *  the server started in .data/e2e (its password is in that folder). Mirrors playwright.config.ts. */
export function e2eDatabaseUrl(): string {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  const password = fs.readFileSync(path.resolve(".data/e2e/pg-password"), "utf8").trim();
  const port = Number(process.env.E2E_PG_PORT ?? 54417);
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/sortroom`;
}

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
