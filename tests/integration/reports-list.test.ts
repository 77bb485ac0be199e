import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInFacilitator, withDb } from "./support/live";
import { getJson, startTestServer, type TestServer } from "./support/server";

/** The session list (page and API): newest first, filters by deck and date range, 20 per page. */

interface ListBody {
  sessions: { id: string; title: string; createdAt: string; deck: { id: string | null }; participants: number; meanScore: number | null; scoredRound: number | null }[];
  page: number;
  perPage: number;
  total: number;
  pages: number;
}

describe("session list", () => {
  let server: TestServer;
  let cookie: string;
  let token: string;
  const decks: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    const a = await signedInFacilitator(server, "lister@example.com");
    cookie = a.cookie;
    const other = await signedInFacilitator(server, "someone-else@example.com");
    token = `sr_${randomBytes(32).toString("base64url")}`;
    await withDb(server, async (c) => {
      await c.query(`INSERT INTO api_tokens (id, user_id, name, token_hash, prefix) VALUES (gen_random_uuid(), $1, 'list', $2, $3)`, [a.userId, createHash("sha256").update(token).digest("hex"), token.slice(0, 8)]);
      for (const r of (await c.query(`SELECT id, slug FROM decks WHERE slug IS NOT NULL`)).rows) decks[r.slug] = r.id;
      const snapshot = (await c.query(`SELECT d.title, d.description, d.language, d.columns, d.version FROM decks d WHERE d.slug = 'lead-or-manage'`)).rows[0];
      const statements = (await c.query(`SELECT key AS id, text, canonical_column AS canonical, explanation FROM deck_statements WHERE deck_id = $1 ORDER BY position`, [decks["lead-or-manage"]])).rows;
      const deck = { ...snapshot, statements };
      // 25 sessions for A, one a day from 2026-10-01 (odd days on lead-or-manage, even on leader-or-manager), and 3 for someone else.
      for (let i = 0; i < 25; i++) {
        const day = new Date(Date.UTC(2026, 9, 1 + i, 10));
        const slug = i % 2 === 0 ? "lead-or-manage" : "leader-or-manager";
        const id = (
          await c.query(
            `INSERT INTO workshops (id, code, owner_id, deck_id, title, deck_snapshot, phase, presenter_key, created_at, closed_at)
             VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 'closed', 'k', $6, $6) RETURNING id`,
            [`L${String(i).padStart(5, "0")}`.replace(/0/g, "A").replace(/1/g, "B"), a.userId, decks[slug], `Session ${i + 1}`, deck, day],
          )
        ).rows[0].id;
        if (i === 24) {
          // The newest one has two participants (one removed) and a revealed round: mean of stored scores.
          const p1 = (await c.query(`INSERT INTO participants (id, workshop_id, nickname, nickname_key, token_hash) VALUES (gen_random_uuid(), $1, 'x', 'x', 'h1') RETURNING id`, [id])).rows[0].id;
          const p2 = (await c.query(`INSERT INTO participants (id, workshop_id, nickname, nickname_key, token_hash) VALUES (gen_random_uuid(), $1, 'y', 'y', 'h2') RETURNING id`, [id])).rows[0].id;
          const p3 = (await c.query(`INSERT INTO participants (id, workshop_id, nickname, nickname_key, token_hash, kicked) VALUES (gen_random_uuid(), $1, 'z', 'z', 'h3', true) RETURNING id`, [id])).rows[0].id;
          for (const [p, score] of [[p1, 3], [p2, 6], [p3, 0]] as const) {
            await c.query(`INSERT INTO submissions (workshop_id, participant_id, round, submitted_at, by_participant, score, total) VALUES ($1, $2, 1, $3, true, $4, 10)`, [id, p, day, score]);
          }
        }
      }
      for (let i = 0; i < 3; i++) {
        await c.query(
          `INSERT INTO workshops (id, code, owner_id, title, deck_snapshot, phase, presenter_key, created_at) VALUES (gen_random_uuid(), $1, $2, 'Not yours', $3, 'closed', 'k', now())`,
          [`ZZZZZ${i + 2}`, other.userId, deck],
        );
      }
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  const list = async (query = "") => {
    const res = await getJson(`${server.url}/api/v1/sessions${query}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return res.body as ListBody;
  };

  it("lists the owner's sessions newest first, 20 per page", async () => {
    const first = await list();
    expect([first.total, first.pages, first.perPage, first.sessions.length]).toEqual([25, 2, 20, 20]);
    expect(first.sessions.map((s) => s.title).slice(0, 3)).toEqual(["Session 25", "Session 24", "Session 23"]);
    const second = await list("?page=2");
    expect(second.sessions.map((s) => s.title)).toEqual(["Session 5", "Session 4", "Session 3", "Session 2", "Session 1"]);
    expect([...first.sessions, ...second.sessions].every((s) => s.title.startsWith("Session"))).toBe(true);
  });

  it("gives the participants (removed ones left out) and the mean of the stored scores", async () => {
    const newest = (await list("?per_page=1")).sessions[0]!;
    expect(newest).toMatchObject({ title: "Session 25", participants: 2, meanScore: 4.5, scoredRound: 1 });
    expect((await list("?page=2")).sessions[0]).toMatchObject({ participants: 0, meanScore: null, scoredRound: null });
  });

  it("filters by deck and by an inclusive date range", async () => {
    const lead = await list(`?deck=${decks["lead-or-manage"]}&per_page=100`);
    expect(lead.total).toBe(13);
    expect(lead.sessions.every((s) => s.deck.id === decks["lead-or-manage"])).toBe(true);
    const range = await list("?from=2026-10-05&to=2026-10-07");
    expect(range.sessions.map((s) => s.title)).toEqual(["Session 7", "Session 6", "Session 5"]);
    const both = await list(`?from=2026-10-05&to=2026-10-07&deck=${decks["leader-or-manager"]}`);
    expect(both.sessions.map((s) => s.title)).toEqual(["Session 6"]);
  });

  it("refuses bad parameters with 400", async () => {
    for (const q of ["?per_page=101", "?per_page=0", "?page=0", "?page=x", "?from=yesterday", "?to=2026-13-01", "?deck=nope"]) {
      const res = await getJson(`${server.url}/api/v1/sessions${q}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status, q).toBe(400);
    }
  });

  /** The page's HTML without React's text separators (`25<!-- --> sessions`). */
  const html = async (path: string) => (await (await fetch(`${server.url}${path}`, { headers: { cookie } })).text()).replace(/<!-- -->/g, "");

  it("counts the same participants on the dashboard as on the list (removed ones left out)", async () => {
    const dashboard = await html("/dashboard");
    expect(dashboard).toContain("Session 25");
    expect(dashboard).toContain("2 participants");
    expect(dashboard).not.toContain("3 participants");
  });

  it("renders the same page, filters and pagination on /sessions", async () => {
    const page1 = await html("/sessions");
    expect(page1).toContain("25 sessions");
    expect(page1).toContain("Session 25");
    expect(page1).not.toContain(">Session 5<");
    expect(page1).toContain("Page 1 of 2");
    expect(page1).toContain('href="/sessions?page=2"');
    expect(page1).not.toContain("Not yours");
    const page2 = await html("/sessions?page=2");
    expect(page2).toContain(">Session 5<");
    const filtered = await html(`/sessions?deck=${decks["leader-or-manager"]}&from=2026-10-05&to=2026-10-07`);
    expect(filtered).toContain("1 session match");
    expect(filtered).toContain(">Session 6<");
    expect(filtered).toContain(`/reports/compare?deck=${decks["leader-or-manager"]}`);
  });
});
