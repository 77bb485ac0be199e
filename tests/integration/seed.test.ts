import { afterAll, describe, expect, it } from "vitest";
import { BUILTIN_DECKS } from "@/lib/decks/builtin";
import { query, testDatabaseUrl } from "./support/database";
import { startTestServer, type TestServer } from "./support/server";

interface DeckRow {
  id: string;
  slug: string;
  version: number;
  title: string;
  updated_at: Date;
  statement_ids: string[];
  statement_keys: string[];
}

const readDecks = (url: string) =>
  query<DeckRow>(
    url,
    `SELECT d.id, d.slug, d.version, d.title, d.updated_at,
            array_agg(s.id::text ORDER BY s.position) AS statement_ids,
            array_agg(s.key ORDER BY s.position) AS statement_keys
     FROM decks d LEFT JOIN deck_statements s ON s.deck_id = d.id
     GROUP BY d.id ORDER BY d.slug`,
  );

// Two starts of the server on the same database, one after the other (one server at a time).
describe("built-in decks", () => {
  let server: TestServer | undefined;
  afterAll(async () => {
    await server?.close();
  });

  const builtins = BUILTIN_DECKS.filter((d) => d.slug).toSorted((a, b) => a.slug!.localeCompare(b.slug!));

  it("has built-in decks to seed", () => {
    expect(builtins.length).toBeGreaterThan(0);
  });

  it("are seeded on the first start, with every statement in order", async () => {
    const url = await testDatabaseUrl();
    server = await startTestServer({ databaseUrl: url });
    await server.close();
    const decks = await readDecks(url);
    expect(decks.map((d) => d.slug)).toEqual(builtins.map((d) => d.slug));
    for (const [i, deck] of decks.entries()) {
      expect(deck.version).toBe(builtins[i]!.version);
      expect(deck.title).toBe(builtins[i]!.title);
      expect(deck.statement_keys).toEqual(builtins[i]!.statements.map((s) => s.id));
    }
  });

  it("are not seeded again on a second start (same rows, no duplicates)", async () => {
    const url = await testDatabaseUrl();
    const before = await readDecks(url);
    server = await startTestServer({ databaseUrl: url });
    await server.close();
    const after = await readDecks(url);
    expect(after).toEqual(before);
    const [{ count }] = (await query<{ count: string }>(url, "SELECT count(*) FROM deck_statements")) as [{ count: string }];
    expect(Number(count)).toBe(builtins.reduce((n, d) => n + d.statements.length, 0));
  });
});
