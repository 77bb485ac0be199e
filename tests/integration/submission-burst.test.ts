import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closePool, pool } from "@/lib/db/pool";
import { insertSubmission, type SubmissionWrite } from "@/lib/db/submissions/writes";
import { migrate } from "@/server/db/migrate";
import { query, testDatabaseUrl } from "./support/database";

/** A whole room submits at once: the submits must not queue one by one for the hot-path pool's
 *  few connections (they did, and the ones that waited past the 3 s acquire timeout failed as
 *  "database down"). Counted in statements, not timed. */
describe("a burst of submits", () => {
  const PHONES = 300;
  let workshopId: string;
  let participantIds: string[];
  const submitted = (participantId: string): SubmissionWrite => ({ workshopId, participantId, round: 1, submittedAt: new Date(), byParticipant: true });

  beforeAll(async () => {
    const url = await testDatabaseUrl();
    await migrate(url, pino({ level: "silent" }));
    process.env.DATABASE_URL = url; // lib/db/pool reads it on first use, as the server sets it
    const [owner] = await query<{ id: string }>(url, `INSERT INTO users (id, email) VALUES (gen_random_uuid(), 'burst@example.com') RETURNING id`);
    const [workshop] = await query<{ id: string }>(
      url,
      `INSERT INTO workshops (id, code, owner_id, title, deck_snapshot, phase, presenter_key) VALUES (gen_random_uuid(), 'BURST1', $1, 'Burst', '{}', 'sorting', 'key') RETURNING id`,
      [owner!.id],
    );
    workshopId = workshop!.id;
    participantIds = (
      await query<{ id: string }>(
        url,
        `INSERT INTO participants (id, workshop_id, nickname, nickname_key, token_hash) SELECT gen_random_uuid(), $1, 'P' || n, 'p' || n, 't' || n FROM generate_series(1, $2::int) n RETURNING id`,
        [workshopId, PHONES],
      )
    ).map((r) => r.id);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await closePool();
  });

  it("stores every submit of 300 phones at once in a few statements", async () => {
    const statements = vi.spyOn(pool(), "query");
    const results = await Promise.all(participantIds.map((id) => insertSubmission(submitted(id))));
    expect(results.every((r) => r === true)).toBe(true);
    expect(statements.mock.calls.length).toBeLessThanOrEqual(5);
    const [row] = await query<{ n: number }>(await testDatabaseUrl(), `SELECT count(*)::int AS n FROM submissions WHERE workshop_id = $1`, [workshopId]);
    expect(row!.n).toBe(PHONES);
    statements.mockRestore();
  });

  it("answers false to a second submit, also when both arrive together", async () => {
    const [again, fresh] = [participantIds[0]!, participantIds[1]!];
    await query(await testDatabaseUrl(), `DELETE FROM submissions WHERE participant_id = $1`, [fresh]);
    const results = await Promise.all([insertSubmission(submitted(again)), insertSubmission(submitted(fresh)), insertSubmission(submitted(fresh))]);
    expect(results).toEqual([false, true, false]);
  });
});
