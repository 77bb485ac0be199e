import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBuiltinDeck } from "@/lib/decks/builtin";
import { deckToCsv } from "@/lib/decks/csv";
import { deckToJson } from "@/lib/decks/json-format";
import type { Deck } from "@/lib/decks/types";
import { trickyDeck } from "../unit/decks/fixtures";
import { signedInFacilitator, withDb } from "./support/live";
import { startTestServer, type TestServer } from "./support/server";

// Import and export of deck files over HTTP: GET /api/decks/:id/export, POST /api/decks/import.

const builtin = getBuiltinDeck("leader-or-manager")!;

/** What an imported deck becomes: no slug (slugs name built-in decks), version 1. */
const asImported = ({ slug: _slug, ...deck }: Deck): Deck => ({ ...deck, columns: [...deck.columns], statements: [...deck.statements], version: 1 });

interface FileError {
  line: number | null;
  message: string;
  text: string;
  code: string;
  params: Record<string, string | number>;
}

describe("deck files over HTTP", () => {
  let server: TestServer;
  let cookie: string;
  let userId: string;
  let builtinId: string;

  beforeAll(async () => {
    server = await startTestServer();
    ({ cookie, userId } = await signedInFacilitator(server, "files@example.com"));
    builtinId = await withDb(server, async (c) => (await c.query<{ id: string }>(`SELECT id FROM decks WHERE slug = $1`, [builtin.slug])).rows[0]!.id);
  });
  afterAll(async () => {
    await server?.close();
  });

  const exportDeck = (id: string, format: string, as = cookie) => fetch(`${server.url}/api/decks/${id}/export?format=${format}`, { headers: { cookie: as } });
  const ownDeckCount = () => withDb(server, async (c) => Number((await c.query(`SELECT count(*) FROM decks WHERE owner_id = $1`, [userId])).rows[0].count));

  async function importFile(body: BodyInit, contentType?: string): Promise<{ status: number; body: { id?: string; error?: string; errors?: FileError[]; statements?: number } }> {
    const res = await fetch(`${server.url}/api/decks/import`, {
      method: "POST",
      headers: { cookie, ...(contentType ? { "content-type": contentType } : {}) },
      body,
    });
    return { status: res.status, body: (await res.json()) as never };
  }

  const multipart = (text: string | Uint8Array, name: string) => {
    const form = new FormData();
    form.set("file", new Blob([text as BlobPart]), name);
    return form;
  };

  async function deckOver(id: string): Promise<Deck> {
    const res = await fetch(`${server.url}/api/decks/${id}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { deck: Deck }).deck;
  }

  it("exports a built-in deck as CSV and as JSON, with download headers, exactly as the formats say", async () => {
    const csv = await exportDeck(builtinId, "csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="leader-or-manager.csv"');
    // text() would drop the byte order mark; compare the bytes.
    expect(Buffer.from(await csv.arrayBuffer()).toString("utf8")).toBe(deckToCsv(builtin));

    const json = await exportDeck(builtinId, "json");
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(json.headers.get("content-disposition")).toBe('attachment; filename="leader-or-manager.json"');
    expect(await json.text()).toBe(deckToJson(builtin));
  });

  it("imports an exported CSV file (multipart) as a new deck of the facilitator's, which exports back the same", async () => {
    const csv = Buffer.from(await (await exportDeck(builtinId, "csv")).arrayBuffer());
    const imported = await importFile(multipart(new Uint8Array(csv), "leader-or-manager.csv"));
    expect(imported.status).toBe(201);
    expect(imported.body.statements).toBe(builtin.statements.length);
    const id = imported.body.id!;
    expect(await deckOver(id)).toStrictEqual(asImported(builtin));
    const again = Buffer.from(await (await exportDeck(id, "csv")).arrayBuffer()).toString("utf8");
    expect(again).toBe(deckToCsv(asImported(builtin)));
  });

  it("round-trips a deck with quotes, commas, line breaks, unicode and formula-like cells: JSON in, CSV out, CSV in, JSON out", async () => {
    const deck = trickyDeck();
    const first = await importFile(deckToJson(deck), "application/json");
    expect(first.status).toBe(201);
    expect(await deckOver(first.body.id!)).toStrictEqual(asImported(deck));

    const csv = await (await exportDeck(first.body.id!, "csv")).arrayBuffer();
    const second = await importFile(new Uint8Array(csv), "text/csv");
    expect(second.status).toBe(201);
    expect(await deckOver(second.body.id!)).toStrictEqual(asImported(deck));
    expect(await (await exportDeck(second.body.id!, "json")).text()).toBe(deckToJson(asImported(deck)));
  });

  it("rejects a bad file with line-numbered errors and imports nothing of it", async () => {
    const before = await ownDeckCount();
    const bad = [
      "kind,id,text,canonical,explanation",
      "title,,Broken deck,,",
      "language,,en,,",
      "column,leader,Leader,,",
      "column,manager,Manager,,",
      "statement,,Sets the direction,leader,",
      "statement,,Does both,both,",
      "statement,,SETS the direction,manager,",
      "colum,,Oops,,",
    ].join("\r\n");
    const result = await importFile(multipart(bad, "broken.csv"));
    expect(result.status).toBe(400);
    expect(result.body.error).toBe("The file was not imported: 3 problems. Nothing was saved.");
    expect(result.body.errors!.map((e) => e.text)).toEqual([
      "line 7: canonical column 'both' is not one of leader, manager",
      "line 8: duplicate statement: 'SETS the direction' has the same text as the statement on line 6 (ignoring case and spacing); each statement must be different",
      "line 9: unknown row kind 'colum'; use one of title, description, language, version, slug, column, statement",
    ]);
    expect(result.body.errors![0]).toEqual({
      line: 7,
      message: "canonical column 'both' is not one of leader, manager",
      text: "line 7: canonical column 'both' is not one of leader, manager",
      code: "file_canonical_unknown",
      params: { value: "'both'", columns: "leader, manager" },
    });

    const json = await importFile('{\n  "format": "sortroom-deck",\n  "version": 1,\n  "deck": {\n    "title": "x",\n  }\n}', "application/json");
    expect(json.status).toBe(400);
    expect(json.body.errors!.map((e) => e.text)).toEqual(["line 6: a comma before '}': JSON allows no trailing comma"]);

    const empty = await importFile(multipart("", "empty.csv"));
    expect(empty.status).toBe(400);
    expect(empty.body.errors!.map((e) => e.text)).toEqual(["The file is empty."]);
    expect(await ownDeckCount()).toBe(before);
  });

  it("refuses a file over 512 KB (413) and one that is not UTF-8 text, importing nothing", async () => {
    const before = await ownDeckCount();
    const big = `kind,id,text,canonical,explanation\r\ntitle,,${"x".repeat(512 * 1024)},,\r\n`;
    const asBody = await importFile(big, "text/csv");
    expect(asBody.status).toBe(413);
    expect(asBody.body.error).toBe("The file is too large: a deck file can be at most 512 KB.");
    const asUpload = await importFile(multipart(big, "big.csv"));
    expect(asUpload.status).toBe(413);

    const latin1 = new Uint8Array([...Buffer.from("kind,id,text,canonical,explanation\ntitle,,Caf"), 0xe9, 0x0a]);
    const notUtf8 = await importFile(multipart(latin1, "latin1.csv"));
    expect(notUtf8.status).toBe(400);
    expect(notUtf8.body.error).toMatch(/not UTF-8/);
    expect(await ownDeckCount()).toBe(before);
  });

  it("asks for a known format, and for a signed-in facilitator", async () => {
    expect((await exportDeck(builtinId, "xlsx")).status).toBe(400);
    expect((await exportDeck(builtinId, "csv", "")).status).toBe(401);
    const res = await fetch(`${server.url}/api/decks/import`, { method: "POST", headers: { "content-type": "text/csv" }, body: deckToCsv(builtin) });
    expect(res.status).toBe(401);
  });
});
