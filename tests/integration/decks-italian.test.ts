import { afterAll, describe, expect, it } from "vitest";
import { getBuiltinDeck } from "@/lib/decks/builtin";
import type { JoinResult } from "@/lib/protocol/views";
import { query, testDatabaseUrl } from "./support/database";
import { connect, createSession, must, signedInFacilitator, type ClientSocket } from "./support/live";
import { startTestServer, type TestServer } from "./support/server";

const italian = getBuiltinDeck("leader-or-manager-it")!;
const ITALIAN_SLUGS = ["lead-or-manage-it", "leader-or-manager-it"];

interface DeckRow {
  id: string;
  slug: string;
  language: string;
  updated_at: Date;
}

const readBuiltins = (url: string) => query<DeckRow>(url, `SELECT id, slug, language, updated_at FROM decks WHERE slug IS NOT NULL ORDER BY slug`);

// A database seeded before the Italian decks existed gets them at the next start, and a
// facilitator can then run a session on one: participants see the Italian cards and columns.
describe("Italian built-in decks", () => {
  // One server at a time: the first start is closed before the second, which the second test uses.
  const servers: TestServer[] = [];
  const sockets: ClientSocket[] = [];
  afterAll(async () => {
    for (const s of sockets) s.close();
    for (const s of servers) await s.close();
  });

  it("are added at start to a database that has only the English ones, which stay as they were", async () => {
    const url = await testDatabaseUrl();
    const first = await startTestServer({ databaseUrl: url });
    await first.close();
    // What a database seeded by the previous release holds: the English decks only.
    await query(url, `DELETE FROM decks WHERE slug = ANY($1)`, [ITALIAN_SLUGS]);
    const english = await readBuiltins(url);
    expect(english.map((d) => d.slug)).toEqual(["lead-or-manage", "leader-or-manager"]);

    servers.push(await startTestServer({ databaseUrl: url }));
    const after = await readBuiltins(url);
    expect(after.filter((d) => d.language === "en")).toEqual(english);
    expect(after.filter((d) => d.language === "it").map((d) => d.slug)).toEqual(ITALIAN_SLUGS);
  });

  it("is offered to a facilitator, and a session made from it shows the Italian cards", async () => {
    const server = servers[0]!;
    const { cookie } = await signedInFacilitator(server, "italiano@example.com");
    const listed = (await (await fetch(`${server.url}/api/decks`, { headers: { cookie } })).json()) as { decks: { slug: string | null; language: string }[] };
    expect(listed.decks.filter((d) => d.language === "it").map((d) => d.slug).toSorted()).toEqual(ITALIAN_SLUGS);

    const session = await createSession(server, cookie, "leader-or-manager-it");
    const [row] = await query<{ deck_snapshot: { slug: string; language: string } }>(server.databaseUrl, `SELECT deck_snapshot FROM workshops WHERE id = $1`, [session.id]);
    expect(row!.deck_snapshot).toMatchObject({ language: "it", title: italian.title, statements: italian.statements });

    const staff = await connect(server, { role: "facilitator", workshopId: session.id }, cookie);
    sockets.push(staff);
    await must(staff, "session:openLobby");
    await must(staff, "session:start", {});
    const phone = await connect(server, { role: "participant" });
    sockets.push(phone);
    const { view } = await must<JoinResult>(phone, "participant:join", { code: session.code, nickname: "Giulia" });
    expect(view.session.language).toBe("it");
    expect(view.session.columns).toEqual(italian.columns);
    expect(view.cards.map((c) => c.text).toSorted()).toEqual(italian.statements.map((s) => s.text).toSorted());
  });
});
