import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeExpiredSessions } from "@/lib/db/workshops/purge";
import { withDb } from "./support/live";
import { startTestServer, type TestServer } from "./support/server";

/** Retention: purgeExpiredSessions deletes CLOSED sessions that ended before the cutoff, with all
 *  their rows, and never touches open sessions. (The server has DATABASE_URL set for this process,
 *  so the library call below talks to this file's database.) */

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2027-03-01T12:00:00.000Z");
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

describe("purgeExpiredSessions", () => {
  let server: TestServer;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    await withDb(server, async (c) => {
      const owner = (await c.query(`INSERT INTO users (id, email) VALUES (gen_random_uuid(), 'retention@example.com') RETURNING id`)).rows[0].id;
      const snapshot = { title: "t", description: "", language: "en", version: 1, columns: [], statements: [] };
      const make = async (name: string, phase: string, created: Date, closed: Date | null) => {
        const id = (
          await c.query(
            `INSERT INTO workshops (id, code, owner_id, title, deck_snapshot, phase, presenter_key, created_at, closed_at)
             VALUES (gen_random_uuid(), $1, $2, $3, $4, $5::"WorkshopPhase", 'k', $6, $7) RETURNING id`,
            [name.toUpperCase().padEnd(6, "X").slice(0, 6), owner, name, snapshot, phase, created, closed],
          )
        ).rows[0].id;
        const pid = (
          await c.query(`INSERT INTO participants (id, workshop_id, nickname, nickname_key, token_hash) VALUES (gen_random_uuid(), $1, 'p', 'p', $2) RETURNING id`, [id, `hash-${name}`])
        ).rows[0].id;
        await c.query(`INSERT INTO placements (workshop_id, participant_id, round, statement_key, "column", seq, placed_at) VALUES ($1, $2, 1, 's', 'a', 1, $3)`, [id, pid, created]);
        await c.query(`INSERT INTO submissions (workshop_id, participant_id, round, submitted_at, by_participant, score, total) VALUES ($1, $2, 1, $3, true, 1, 1)`, [id, pid, created]);
        await c.query(`INSERT INTO phase_events (workshop_id, phase, round, at) VALUES ($1, 'closed', 1, $2)`, [id, created]);
        ids[name] = id;
      };
      await make("oldclosed", "closed", ago(90), ago(40));
      await make("legacy", "closed", ago(50), null); // closed without a closed_at: its creation counts
      await make("recent", "closed", ago(90), ago(10));
      await make("oldopen", "lobby", ago(400), null);
      await make("oldsort", "sorting", ago(400), null);
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("refuses a retention that is not a positive whole number of days", async () => {
    for (const days of [0, -1, 1.5, Number.NaN]) await expect(purgeExpiredSessions(NOW, days)).rejects.toThrow(RangeError);
  });

  it("deletes closed sessions older than the retention, with their participants, placements, submissions and phase events", async () => {
    expect(await purgeExpiredSessions(NOW, 30, 1)).toBe(2);
    const left = await withDb(server, async (c) => (await c.query(`SELECT title FROM workshops ORDER BY title`)).rows.map((r) => r.title));
    expect(left).toEqual(["oldopen", "oldsort", "recent"]);
    for (const table of ["participants", "placements", "submissions", "phase_events"]) {
      const n = await withDb(server, async (c) => (await c.query(`SELECT count(*)::int AS n FROM ${table} WHERE workshop_id = ANY($1::uuid[])`, [[ids.oldclosed, ids.legacy]])).rows[0].n);
      expect(n, table).toBe(0);
    }
    expect(await purgeExpiredSessions(NOW, 30)).toBe(0);
    expect(await purgeExpiredSessions(NOW, 5)).toBe(1);
  });
});
