import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBuiltinDeck } from "@/lib/decks/builtin";
import type { Deck } from "@/lib/decks/types";
import { signedInFacilitator, withDb } from "./support/live";
import { startTestServer, type TestServer } from "./support/server";

// Who may see and change which deck, over the real pages and /api/decks routes.

const builtin = getBuiltinDeck("lead-or-manage")!;

const ownDeck = (title: string): Omit<Deck, "version"> => ({
  title,
  description: "Three columns.",
  language: "en",
  columns: [
    { id: "leader", label: "Leader" },
    { id: "manager", label: "Manager" },
    { id: "both", label: "Both" },
  ],
  statements: [
    { id: "direction", text: "Sets the direction", canonical: "leader", explanation: "" },
    { id: "budget", text: "Keeps the budget", canonical: "manager", explanation: "Plans and controls." },
    { id: "outcome", text: "Owns the outcome", canonical: "both", explanation: "" },
  ],
});

describe("deck access", () => {
  let server: TestServer;
  let alice: string;
  let bob: string;
  let aliceDeck: string;
  let builtinId: string;

  beforeAll(async () => {
    server = await startTestServer();
    alice = (await signedInFacilitator(server, "alice@example.com")).cookie;
    bob = (await signedInFacilitator(server, "bob@example.com")).cookie;
    builtinId = await withDb(server, async (c) => (await c.query<{ id: string }>(`SELECT id FROM decks WHERE slug = $1`, [builtin.slug])).rows[0]!.id);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function call(cookie: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${server.url}${path}`, {
      method,
      redirect: "manual",
      headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // pages answer HTML
    }
    return { status: res.status, json, text, location: res.headers.get("location") };
  }

  it("a facilitator creates a deck, which opens in the editor and the deck list for them", async () => {
    const created = await call(alice, "POST", "/api/decks", { deck: ownDeck("Alice's secret deck") });
    expect(created.status).toBe(201);
    expect(created.json.version).toBe(1);
    aliceDeck = created.json.id as string;

    const page = await call(alice, "GET", `/decks/${aliceDeck}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Alice&#x27;s secret deck");
    const list = await call(alice, "GET", "/decks");
    expect(list.status).toBe(200);
    expect(list.text).toContain("Alice&#x27;s secret deck");
    expect(list.text).toContain(builtin.title);
  });

  it("another facilitator gets 404 for that deck's page, data, export, update, duplicate and delete", async () => {
    expect((await call(bob, "GET", `/decks/${aliceDeck}`)).status).toBe(404);
    expect((await call(bob, "GET", `/api/decks/${aliceDeck}`)).status).toBe(404);
    expect((await call(bob, "GET", `/api/decks/${aliceDeck}/export?format=csv`)).status).toBe(404);
    expect((await call(bob, "GET", `/api/decks/${aliceDeck}/export?format=json`)).status).toBe(404);
    expect((await call(bob, "PUT", `/api/decks/${aliceDeck}`, { deck: ownDeck("Hijacked") })).status).toBe(404);
    expect((await call(bob, "POST", `/api/decks/${aliceDeck}/duplicate`)).status).toBe(404);
    expect((await call(bob, "DELETE", `/api/decks/${aliceDeck}`)).status).toBe(404);
    const list = await call(bob, "GET", "/decks");
    expect(list.text).not.toContain("Alice&#x27;s secret deck");
    expect(list.text).toContain(builtin.title);

    const still = await call(alice, "GET", `/api/decks/${aliceDeck}`);
    expect((still.json.deck as Deck).title).toBe("Alice's secret deck");
    expect((still.json.deck as Deck).version).toBe(1);
  });

  it("a malformed or unknown deck id is a plain 404", async () => {
    expect((await call(alice, "GET", "/decks/not-a-uuid")).status).toBe(404);
    expect((await call(alice, "GET", "/api/decks/not-a-uuid")).status).toBe(404);
    expect((await call(alice, "GET", "/decks/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await call(alice, "PUT", "/api/decks/00000000-0000-4000-8000-000000000000", { deck: ownDeck("x") })).status).toBe(404);
  });

  it("built-in decks are visible to every facilitator, read-only, and can be duplicated", async () => {
    const page = await call(bob, "GET", `/decks/${builtinId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Duplicate to edit");
    expect((await call(bob, "GET", `/api/decks/${builtinId}/export?format=json`)).status).toBe(200);
    expect((await call(bob, "PUT", `/api/decks/${builtinId}`, { deck: ownDeck("Not allowed") })).status).toBe(403);
    expect((await call(bob, "DELETE", `/api/decks/${builtinId}`)).status).toBe(403);

    const copy = await call(bob, "POST", `/api/decks/${builtinId}/duplicate`);
    expect(copy.status).toBe(201);
    const copyId = copy.json.id as string;
    const mine = await call(bob, "GET", `/api/decks/${copyId}`);
    expect(mine.json.builtIn).toBe(false);
    const { slug: _slug, ...rest } = builtin;
    expect(mine.json.deck).toStrictEqual({ ...rest, title: `${builtin.title} (copy)`, version: 1, columns: [...builtin.columns], statements: [...builtin.statements] });
    expect((await call(alice, "GET", `/api/decks/${copyId}`)).status).toBe(404);
    const original = await call(bob, "GET", `/api/decks/${builtinId}`);
    expect((original.json.deck as Deck).title).toBe(builtin.title);
  });

  it("validates a deck exactly as the editor does, and reports every problem by path", async () => {
    const bad = ownDeck("Bad");
    bad.statements[2] = { id: "outcome", text: "SETS the direction", canonical: "neither", explanation: "" };
    const res = await call(alice, "POST", "/api/decks", { deck: bad });
    expect(res.status).toBe(400);
    expect((res.json.errors as { path: string }[]).map((e) => e.path)).toEqual(["statements.2.text", "statements.2.canonical"]);
    // Each with a stable code and its params, for clients that word the problem themselves.
    expect(res.json.errors).toEqual([
      {
        path: "statements.2.text",
        code: "statement_text_duplicate",
        params: { n: 3, first: 1 },
        message: "Statement 3 has the same text as statement 1; each statement must be different",
      },
      expect.objectContaining({ path: "statements.2.canonical", code: "statement_canonical_unknown", params: expect.objectContaining({ n: 3, value: "neither" }) }),
    ]);
  });

  it("an update bumps the version; a stale one gets 409 with the current version", async () => {
    const first = await call(alice, "PUT", `/api/decks/${aliceDeck}`, { deck: ownDeck("Alice, edited"), expectedVersion: 1 });
    expect(first.status).toBe(200);
    expect(first.json.version).toBe(2);
    const stale = await call(alice, "PUT", `/api/decks/${aliceDeck}`, { deck: ownDeck("Alice, stale"), expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.currentVersion).toBe(2);
    const unconditional = await call(alice, "PUT", `/api/decks/${aliceDeck}`, { deck: ownDeck("Alice, again") });
    expect(unconditional.json.version).toBe(3);
  });

  it("refuses changes sent from a page on another site", async () => {
    const res = await call(alice, "POST", "/api/decks", { deck: ownDeck("Cross-site") }, { origin: "http://evil.example" });
    expect(res.status).toBe(403);
    const fetchMeta = await call(alice, "DELETE", `/api/decks/${aliceDeck}`, undefined, { "sec-fetch-site": "cross-site" });
    expect(fetchMeta.status).toBe(403);
    expect((await call(alice, "GET", `/api/decks/${aliceDeck}`)).status).toBe(200);
  });

  it("signed out: pages send to sign-in, the API answers 401", async () => {
    const page = await call("", "GET", "/decks");
    expect(page.status).toBe(307);
    expect(page.location).toContain("/signin?callbackUrl=%2Fdecks");
    const editor = await call("", "GET", `/decks/${aliceDeck}`);
    expect(editor.location).toContain(`/signin?callbackUrl=${encodeURIComponent(`/decks/${aliceDeck}`)}`);
    expect((await call("", "GET", "/api/decks")).status).toBe(401);
    expect((await call("", "POST", "/api/decks", { deck: ownDeck("x") })).status).toBe(401);
  });

  it("the owner deletes the deck; then it is gone", async () => {
    expect((await call(alice, "DELETE", `/api/decks/${aliceDeck}`)).status).toBe(204);
    expect((await call(alice, "GET", `/decks/${aliceDeck}`)).status).toBe(404);
    expect((await call(alice, "DELETE", `/api/decks/${aliceDeck}`)).status).toBe(404);
  });
});
