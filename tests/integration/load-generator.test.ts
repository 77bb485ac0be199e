import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLoad, type LoadReport } from "@/bench/load/run";
import type { PhoneOutcome } from "@/bench/load/phones";
import { verifyPlacements } from "@/bench/load/verify";
import { signedInFacilitator, withDb } from "./support/live";
import { startTestServer, type TestServer } from "./support/server";

/** The CI check of issue 11: the load generator (bench/load) at a small size against a real
 *  server: 200 phones join, sort every card open-loop and submit; the database must hold exactly
 *  what was acknowledged. Figures are not asserted (a benchmark, not a timed test). */
describe("the load generator against a real server", () => {
  let server: TestServer;
  let report: LoadReport;
  const PHONES = 200;

  beforeAll(async () => {
    server = await startTestServer();
    const email = "load@example.com";
    const password = "correct horse battery";
    await signedInFacilitator(server, email, password);
    report = await runLoad({
      url: server.url,
      facilitator: { email, password },
      deck: "leader-or-manager",
      phones: PHONES,
      joinRate: 400,
      sortSeconds: 15,
      moveAgainEvery: 5,
      workers: 0,
      forwardedFor: false,
      databaseUrl: server.databaseUrl,
      ackTimeoutMs: 60_000,
      maxSeconds: 240,
    });
  }, 300_000);
  afterAll(async () => {
    await server?.close();
  });

  it("joins every phone, and loses or doubles no acknowledged placement", () => {
    expect(report.joined).toBe(PHONES);
    expect(report.verification).toMatchObject({ lost: 0, doubled: 0, storedUnacknowledged: 0 });
    expect(report.verification!.checked).toBeGreaterThan(0);
    expect(report.placementAckMs.n).toBe(report.placementsSent);
    expect(report.submitMs.n).toBe(PHONES);
    const failedSubmitsOrJoins = Object.keys(report.errors).filter((k) => k.startsWith("participant:"));
    expect(failedSubmitsOrJoins).toEqual([]);
    // The simulated console saw the aggregate stream, and its roster pages were counted.
    expect(report.placementToConsoleMs?.n).toBeGreaterThan(0);
    expect(report.consoleRoster?.messages).toBeGreaterThan(0);
    expect(report.consoleRoster?.bytes).toBeGreaterThan(report.consoleRoster!.messages);
  });

  it("reports a lost and a doubled placement when the database disagrees with the acks, and tells a stored move whose ack was lost from both", async () => {
    const phones: PhoneOutcome[] = [{ participantId: "", acked: {}, ackedSeq: {}, sent: {} }];
    const phone = phones[0]!;
    const [row] = await withDb(server, async (c) => (await c.query<{ participant_id: string; statement_key: string; column: string }>(`SELECT participant_id::text, statement_key, "column" FROM placements LIMIT 1`)).rows);
    phone.participantId = row!.participant_id;
    const stored = await withDb(server, async (c) => (await c.query<{ statement_key: string; column: string; seq: number }>(`SELECT statement_key, "column", seq FROM placements WHERE participant_id = $1`, [row!.participant_id])).rows);
    for (const s of stored) {
      phone.acked[s.statement_key] = s.column;
      phone.ackedSeq[s.statement_key] = s.seq;
      phone.sent[s.statement_key] = [s.seq];
    }
    // Only this phone is ours: the session's other participants count as doubled joins.
    const others = report.joined - 1;
    expect(await verifyPlacements(server.databaseUrl, phones)).toEqual({ checked: stored.length, lost: 0, doubled: others, storedUnacknowledged: 0 });
    const [lostCard, unackedCard, foreignCard] = [row!.statement_key, ...stored.map((s) => s.statement_key).filter((k) => k !== row!.statement_key)] as [string, string, string];
    phone.acked[lostCard] = row!.column === "leader" ? "manager" : "leader"; // told one column, another stored
    delete phone.acked[unackedCard]; // sent, stored, but the ack never came
    delete phone.ackedSeq[unackedCard];
    delete phone.acked[foreignCard]; // stored, though this phone never sent that move
    delete phone.ackedSeq[foreignCard];
    phone.sent[foreignCard] = [];
    expect(await verifyPlacements(server.databaseUrl, phones)).toEqual({ checked: stored.length - 2, lost: 1, doubled: others + 1, storedUnacknowledged: 1 });
    // A newer move the phone sent is stored where an older acknowledged one was: nothing was lost.
    const newer = stored.find((s) => s.statement_key === lostCard)!;
    phone.acked[lostCard] = newer.column === "leader" ? "manager" : "leader";
    phone.ackedSeq[lostCard] = newer.seq - 1;
    phone.sent[lostCard] = [newer.seq - 1, newer.seq];
    expect(await verifyPlacements(server.databaseUrl, phones)).toMatchObject({ lost: 0, storedUnacknowledged: 2 });
  });

  it("drives several sessions at once: phone n joins session n mod sessions, each session reports its own figures, nothing is lost or doubled", async () => {
    const sessions = 3;
    const phones = 30;
    const multi = await runLoad({
      url: server.url,
      facilitator: { email: "load@example.com", password: "correct horse battery" },
      deck: "leader-or-manager",
      phones,
      sessions,
      joinRate: 200,
      sortSeconds: 5,
      moveAgainEvery: 5,
      workers: 0,
      forwardedFor: false,
      databaseUrl: server.databaseUrl,
      ackTimeoutMs: 60_000,
      maxSeconds: 120,
    });
    expect(multi.joined).toBe(phones);
    expect(multi.verification).toMatchObject({ lost: 0, doubled: 0 });
    expect(multi.perSession.map((s) => s.phones)).toEqual([10, 10, 10]);
    expect(new Set(multi.perSession.map((s) => s.code)).size).toBe(sessions);
    for (const s of multi.perSession) expect(s.placementToConsoleMs?.n).toBeGreaterThan(0);
    // In the database: three sessions of ten participants each, every one with their cards.
    const counts = await withDb(server, async (c) =>
      (
        await c.query<{ n: number }>(
          `SELECT count(DISTINCT p.id)::int AS n FROM participants p JOIN workshops w ON w.id = p.workshop_id WHERE w.code = ANY($1::text[]) GROUP BY w.id`,
          [multi.perSession.map((s) => s.code)],
        )
      ).rows.map((r) => r.n),
    );
    expect(counts).toEqual([10, 10, 10]);
  }, 180_000);
});
