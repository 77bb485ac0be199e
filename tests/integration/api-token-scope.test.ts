import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runtimeConfig } from "@/lib/config/runtime";
import { disconnectDb } from "@/lib/db/client";
import { authenticateApiToken, createApiToken, listApiTokens } from "@/lib/db/tokens/tokens";
import { migrate, MIGRATIONS_DIR } from "@/server/db/migrate";
import { extraTestDatabase, query, testDatabaseUrl } from "./support/database";

/** API token scopes against a real Postgres, no app server: the migration keeps every existing
 *  token read-only, and createApiToken (what the token page's action calls) stores the scope it
 *  is given, refusing any other value. The HTTP side (403 on the write routes, the page's action)
 *  is in api-session-control.test.ts and token-page-scope.test.ts. */

const silent = pino({ level: "silent" });
const SCOPE_MIGRATION = "20261203090000_api_token_scope";

const insertUser = async (url: string, email: string) =>
  (await query<{ id: string }>(url, `INSERT INTO users (id, email) VALUES (gen_random_uuid(), $1) RETURNING id`, [email]))[0]!.id;

describe("the api_token_scope migration", () => {
  it("gives every token that existed before it the read scope, and the database refuses unknown scopes", async () => {
    const url = await extraTestDatabase();
    // The migrations up to the one before scopes, as a database deployed yesterday has them.
    const before = fs.mkdtempSync(path.join(os.tmpdir(), "sortroom-migrations-"));
    try {
      for (const name of fs.readdirSync(MIGRATIONS_DIR).filter((n) => n < SCOPE_MIGRATION)) {
        fs.cpSync(path.join(MIGRATIONS_DIR, name), path.join(before, name), { recursive: true });
      }
      await migrate(url, silent, before);
    } finally {
      fs.rmSync(before, { recursive: true, force: true });
    }
    const userId = await insertUser(url, "old-token@example.com");
    await query(url, `INSERT INTO api_tokens (id, user_id, name, token_hash, prefix) VALUES (gen_random_uuid(), $1, 'gradebook', $2, 'sr_aaaaa')`, [userId, "a".repeat(64)]);
    await query(url, `INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, revoked_at) VALUES (gen_random_uuid(), $1, 'old', $2, 'sr_bbbbb', now())`, [userId, "b".repeat(64)]);

    expect(await migrate(url, silent)).toContain(SCOPE_MIGRATION);

    expect(await query(url, `SELECT name, scope FROM api_tokens ORDER BY name`)).toEqual([
      { name: "gradebook", scope: "read" },
      { name: "old", scope: "read" },
    ]);
    await expect(query(url, `UPDATE api_tokens SET scope = 'admin' WHERE name = 'gradebook'`)).rejects.toThrow(/api_tokens_scope_check/);
    await expect(query(url, `UPDATE api_tokens SET scope = NULL WHERE name = 'gradebook'`)).rejects.toThrow(/null value/);
  });
});

describe("createApiToken with a scope", () => {
  let userId: string;
  beforeAll(async () => {
    const url = await testDatabaseUrl();
    await migrate(url, silent);
    runtimeConfig.setDatabaseUrl(url);
    userId = await insertUser(url, "scopes@example.com");
  });
  afterAll(async () => {
    await disconnectDb();
  });

  it.each(["read", "sessions"] as const)("stores a %s token, lists it with its scope and authenticates it with that scope", async (scope) => {
    const created = await createApiToken(userId, `${scope} bot`, scope);
    if (!created.ok) throw new Error(created.message);
    expect(created.summary.scope).toBe(scope);
    expect((await listApiTokens(userId)).find((t) => t.id === created.summary.id)?.scope).toBe(scope);
    expect(await authenticateApiToken(`Bearer ${created.token}`)).toEqual({ userId, tokenId: created.summary.id, scope });
  });

  it.each([undefined, null, "", "write", "SESSIONS", "read,sessions"])("refuses the scope %j as scopeInvalid and stores nothing", async (scope) => {
    const before = (await listApiTokens(userId)).length;
    const result = await createApiToken(userId, "bot", scope);
    expect(result).toEqual({ ok: false, reason: "scopeInvalid", message: "The scope must be one of: read, sessions." });
    expect((await listApiTokens(userId)).length).toBe(before);
  });
});
