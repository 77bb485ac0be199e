import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deckToCsv } from "@/lib/decks/csv";
import { deckToJson } from "@/lib/decks/json-format";
import type { Deck } from "@/lib/decks/types";
import { createApiToken } from "@/lib/db/tokens/tokens";
import { smallDeck } from "../unit/decks/fixtures";
import { connect, createSession, emit, must, signedInFacilitator, withDb } from "./support/live";
import { startTestServer, type TestServer } from "./support/server";

// Issue 9.8: a NUL (or a lone surrogate) in text that reaches Postgres used to end in HTTP 500.
// Every such input is now refused as a validation error that names the field, and nothing is stored.

const NUL = "\u0000";

interface Refusal {
  error?: string;
  errors?: { path?: string; line?: number | null; code: string; message: string }[];
}

describe("text Postgres cannot hold is refused at the boundary, naming the field", () => {
  let server: TestServer;
  let cookie: string;
  let userId: string;

  beforeAll(async () => {
    server = await startTestServer();
    ({ cookie, userId } = await signedInFacilitator(server, "nul@example.com"));
  });
  afterAll(async () => {
    await server?.close();
  });

  const count = (sql: string) => withDb(server, async (c) => Number((await c.query(sql, [userId])).rows[0].count));
  const ownDecks = () => count(`SELECT count(*) FROM decks WHERE owner_id = $1`);
  const ownSessions = () => count(`SELECT count(*) FROM workshops WHERE owner_id = $1`);
  const ownTokens = () => count(`SELECT count(*) FROM api_tokens WHERE user_id = $1`);

  async function send(method: string, path: string, body: BodyInit, contentType = "application/json"): Promise<{ status: number; body: Refusal }> {
    const res = await fetch(`${server.url}${path}`, { method, headers: { cookie, "content-type": contentType, origin: server.url }, body });
    return { status: res.status, body: (await res.json()) as Refusal };
  }

  const deckWith = (edit: (deck: Deck) => void): Deck => {
    const deck = smallDeck();
    edit(deck);
    return deck;
  };

  it("deck save (POST /api/decks): 400 naming the title, no deck stored", async () => {
    const before = await ownDecks();
    const res = await send("POST", "/api/decks", JSON.stringify({ deck: deckWith((d) => (d.title = `Small${NUL}deck`)) }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: "title", code: "title_invalid_character" }));
    expect(await ownDecks()).toBe(before);
  });

  it("deck save (PUT /api/decks/:id): 400 naming the statement text, the deck unchanged", async () => {
    const created = await send("POST", "/api/decks", JSON.stringify({ deck: smallDeck() }));
    expect(created.status).toBe(201);
    const { id } = created.body as unknown as { id: string };
    const res = await send("PUT", `/api/decks/${id}`, JSON.stringify({ deck: deckWith((d) => (d.statements[0]!.text = `Takes${NUL}risks`)) }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: "statements.0.text", code: "statement_text_invalid_character" }));
    const stored = await withDb(server, async (c) => (await c.query(`SELECT version FROM decks WHERE id = $1`, [id])).rows[0]);
    expect(stored).toEqual({ version: 1 });
  });

  it("deck import, JSON with a \\u0000 escape: 400 naming the column label at its line, no deck stored", async () => {
    const before = await ownDecks();
    const file = deckToJson(deckWith((d) => (d.columns[1]!.label = `Mana${NUL}ger`)));
    expect(file).toContain("\\u0000");
    const res = await send("POST", "/api/decks/import", file, "application/json");
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ code: "column_label_invalid_character", line: expect.any(Number) }));
    expect(await ownDecks()).toBe(before);
  });

  it("deck import, CSV with a NUL byte: 400 naming the explanation at its line, no deck stored", async () => {
    const before = await ownDecks();
    const file = deckToCsv(deckWith((d) => (d.statements[1]!.explanation = `Why${NUL}`)));
    const res = await send("POST", "/api/decks/import", file, "text/csv");
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ code: "statement_explanation_invalid_character", line: expect.any(Number) }));
    expect(await ownDecks()).toBe(before);
  });

  it("session title and group names (POST /api/sessions): 400 naming the field, no session stored", async () => {
    const deckId = await withDb(server, async (c) => (await c.query<{ id: string }>(`SELECT id FROM decks WHERE slug = 'leader-or-manager'`)).rows[0]!.id);
    const before = await ownSessions();
    const title = await send("POST", "/api/sessions", JSON.stringify({ deckId, title: `Monday${NUL}` }));
    expect(title.status).toBe(400);
    expect(title.body.error).toMatch(/^The title contains a character that cannot be saved/);
    const group = await send("POST", "/api/sessions", JSON.stringify({ deckId, cohorts: ["Team A", `Team${NUL}B`] }));
    expect(group.status).toBe(400);
    expect(group.body.error).toMatch(/^A group name contains a character that cannot be saved/);
    expect(await ownSessions()).toBe(before);
  });

  it("API token names: refused as nameInvalidCharacter, no token stored", async () => {
    const before = await ownTokens();
    const result = await createApiToken(userId, `CI${NUL}bot`, "read");
    expect(result).toMatchObject({ ok: false, reason: "nameInvalidCharacter" });
    expect(await ownTokens()).toBe(before);
  });

  it("nicknames: a NUL or a lone surrogate is NICKNAME_INVALID, no participant stored", async () => {
    const session = await createSession(server, cookie);
    const staff = await connect(server, { role: "facilitator", workshopId: session.id }, cookie);
    await must(staff, "session:openLobby");
    for (const nickname of [`Pat${NUL}`, "Pat\uD83D"]) {
      const phone = await connect(server, { role: "participant" });
      const ack = await emit(phone, "participant:join", { code: session.code, nickname });
      expect(ack).toMatchObject({ ok: false, code: "NICKNAME_INVALID" });
      phone.close();
    }
    staff.close();
    expect(await withDb(server, async (c) => Number((await c.query(`SELECT count(*) FROM participants WHERE workshop_id = $1`, [session.id])).rows[0].count))).toBe(0);
  });
});
