import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JoinResult } from "@/lib/protocol/views";
import { connect, createSession, must, signedInFacilitator, withDb, type ClientSocket } from "./support/live";
import { getJson, startTestServer, type TestServer } from "./support/server";

/**
 * Runs a two-round session over the socket protocol, then checks the report (cookie API and token
 * API), the CSV/JSON exports and the summary against figures computed HERE, independently, from
 * the database rows (no lib/domain code is used to compute the expectations).
 */

interface Db {
  snapshot: { title: string; columns: { id: string; label: string }[]; statements: { id: string; text: string; canonical: string }[] };
  session: { id: string; title: string; round: number; phase: string };
  participants: { id: string; nickname: string; cohort: string | null; kicked: boolean; joined_at: Date }[];
  placements: { participant_id: string; round: number; statement_key: string; column: string | null; confidence: string | null; placed_at: Date }[];
  submissions: { participant_id: string; round: number; submitted_at: Date; by_participant: boolean; score: number | null; total: number | null }[];
  sortingStart: Map<number, Date>;
}

async function readDb(server: TestServer, id: string): Promise<Db> {
  return withDb(server, async (c) => {
    const w = (await c.query(`SELECT id, title, round, phase, deck_snapshot FROM workshops WHERE id = $1`, [id])).rows[0];
    const participants = (await c.query(`SELECT id, nickname, cohort, kicked, joined_at FROM participants WHERE workshop_id = $1 ORDER BY joined_at, id`, [id])).rows;
    const placements = (await c.query(`SELECT participant_id, round, statement_key, "column", confidence, placed_at FROM placements WHERE workshop_id = $1`, [id])).rows;
    const submissions = (await c.query(`SELECT participant_id, round, submitted_at, by_participant, score, total FROM submissions WHERE workshop_id = $1`, [id])).rows;
    const starts = (await c.query(`SELECT round, min(at) AS at FROM phase_events WHERE workshop_id = $1 AND phase = 'sorting' GROUP BY round`, [id])).rows;
    return {
      snapshot: w.deck_snapshot,
      session: { id: w.id, title: w.title, round: w.round, phase: w.phase },
      participants,
      placements,
      submissions,
      sortingStart: new Map(starts.map((r: { round: number; at: Date }) => [r.round, r.at])),
    };
  });
}

/** Independent expectations from the rows. */
function expectedFigures(d: Db) {
  const active = d.participants.filter((p) => !p.kicked);
  const rounds: number[] = [];
  for (let r = 1; r <= d.session.round; r++) if (d.sortingStart.has(r) || d.submissions.some((s) => s.round === r)) rounds.push(r);
  const cardOf = (round: number, pid: string, key: string) => d.placements.find((p) => p.round === round && p.participant_id === pid && p.statement_key === key);
  return rounds.map((round) => {
    const subs = d.submissions.filter((s) => s.round === round);
    const scored = subs.some((s) => s.score !== null);
    const population = scored ? active.filter((p) => subs.some((s) => s.participant_id === p.id)) : active;
    const scores = population.map((p) => {
      const stored = subs.find((s) => s.participant_id === p.id)?.score;
      if (scored && stored !== null && stored !== undefined) return stored;
      return d.snapshot.statements.filter((s) => cardOf(round, p.id, s.id)?.column === s.canonical).length;
    });
    const sorted = [...scores].sort((a, b) => a - b);
    const n = scores.length;
    const median = n === 0 ? null : n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
    const distribution = Array.from({ length: d.snapshot.statements.length + 1 }, (_, k) => scores.filter((s) => s === k).length);
    const statements = d.snapshot.statements.map((s) => {
      const counts: Record<string, number> = {};
      let sureButWrong = 0;
      for (const col of d.snapshot.columns) counts[col.id] = 0;
      for (const p of population) {
        const card = cardOf(round, p.id, s.id);
        if (card?.column) {
          counts[card.column]! += 1;
          if (card.confidence === "sure" && card.column !== s.canonical) sureButWrong++;
        }
      }
      const placed = Object.values(counts).reduce((a, b) => a + b, 0);
      const correct = counts[s.canonical]!;
      const entropy = Object.values(counts)
        .filter((c) => c > 0)
        .reduce((h, c) => h - (c / placed) * Math.log(c / placed), 0);
      return {
        id: s.id,
        counts,
        placed,
        notPlaced: n - placed,
        correct,
        accuracy: placed ? correct / placed : null,
        majorityWrong: placed > 0 && correct / placed < 0.5,
        sureButWrong,
        splitIndex: placed ? entropy / Math.log(d.snapshot.columns.length) : 0,
      };
    });
    const confusion = d.snapshot.columns.map((row) => [
      ...d.snapshot.columns.map((col) => statements.filter((s, i) => d.snapshot.statements[i]!.canonical === row.id).reduce((a, s) => a + s.counts[col.id]!, 0)),
      statements.filter((s, i) => d.snapshot.statements[i]!.canonical === row.id).reduce((a, s) => a + s.notPlaced, 0),
    ]);
    const timeToSubmit = Object.fromEntries(
      population.map((p) => {
        const sub = subs.find((s) => s.participant_id === p.id);
        return [p.nickname, sub?.by_participant ? sub.submitted_at.getTime() - d.sortingStart.get(round)!.getTime() : null];
      }),
    );
    return {
      round,
      status: scored ? "scored" : "provisional",
      participants: n,
      submitted: subs.filter((s) => s.by_participant && population.some((p) => p.id === s.participant_id)).length,
      meanScore: n ? scores.reduce((a, b) => a + b, 0) / n : null,
      medianScore: median,
      distribution,
      statements,
      confusion,
      scoresByNickname: Object.fromEntries(population.map((p, i) => [p.nickname, scores[i]])),
      timeToSubmit,
    };
  });
}

function expectedChangedMind(d: Db) {
  const subs1 = d.submissions.filter((s) => s.round === 1);
  const inRound1 = d.participants.filter((p) => !p.kicked && subs1.some((s) => s.participant_id === p.id));
  const subs2 = d.submissions.filter((s) => s.round === 2);
  const scored2 = subs2.some((s) => s.score !== null);
  const both = inRound1.filter((p) => !scored2 || subs2.some((s) => s.participant_id === p.id));
  const col = (round: number, pid: string, key: string) => d.placements.find((p) => p.round === round && p.participant_id === pid && p.statement_key === key)?.column ?? null;
  return d.snapshot.statements.map((s) => {
    let changed = 0;
    let toCorrect = 0;
    let toWrong = 0;
    for (const p of both) {
      const a = col(1, p.id, s.id);
      const b = col(2, p.id, s.id);
      if (a !== null && b !== null && a !== b) changed++;
      if (a !== s.canonical && b === s.canonical) toCorrect++;
      if (a === s.canonical && b !== s.canonical) toWrong++;
    }
    return { id: s.id, compared: both.length, changed, toCorrect, toWrong };
  });
}

/** RFC 4180 reader, written here so the check does not trust lib/domain/csv. */
function readCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const out: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let q = false;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i]!;
    if (q) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') q = false;
      else cell += ch;
    } else if (ch === '"') q = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      out.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  return out;
}

const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** The export rows the database holds, in the documented order. */
function expectedRows(d: Db, anonymize: boolean): string[][] {
  const anon = new Map(d.participants.map((p, i) => [p.id, `P-${String(i + 1).padStart(3, "0")}`]));
  const figures = expectedFigures(d);
  const active = d.participants.filter((p) => !p.kicked);
  const rows: string[][] = [];
  for (const p of active) {
    for (const f of figures) {
      const subs = d.submissions.filter((s) => s.round === f.round);
      if (f.status === "scored" && !subs.some((s) => s.participant_id === p.id)) continue;
      for (const s of d.snapshot.statements) {
        const card = d.placements.find((x) => x.round === f.round && x.participant_id === p.id && x.statement_key === s.id);
        rows.push([
          d.session.id,
          d.session.title,
          anonymize ? anon.get(p.id)! : safe(p.nickname),
          p.cohort ?? "",
          String(f.round),
          s.id,
          s.text,
          card?.column ?? "",
          s.canonical,
          String(card?.column === s.canonical),
          card?.confidence ?? "",
          card ? card.placed_at.toISOString() : "",
        ]);
      }
    }
  }
  return rows;
}

interface ReportJson {
  session: { id: string; live: boolean; phase: string };
  participants: number;
  removed: number;
  rounds: {
    round: number;
    status: string;
    participants: number;
    submitted: number;
    meanScore: number | null;
    medianScore: number | null;
    distribution: number[];
    statements: { id: string; counts: Record<string, number>; placed: number; notPlaced: number; correct: number; accuracy: number | null; majorityWrong: boolean; sureButWrong: number; splitIndex: number }[];
    confusion: { cells: number[][] };
  }[];
  participantRows: { nickname: string | null; anonymousId: string; cohort: string | null; rounds: ({ score: number; timeToSubmitMs: number | null } | null)[] }[];
  changedMind: { compared: number; statements: { id: string; compared: number; changed: number; toCorrect: number; toWrong: number }[] } | null;
}

function checkReport(report: ReportJson, d: Db) {
  const figures = expectedFigures(d);
  expect(report.participants).toBe(d.participants.filter((p) => !p.kicked).length);
  expect(report.removed).toBe(d.participants.filter((p) => p.kicked).length);
  expect(report.rounds.map((r) => r.round)).toEqual(figures.map((f) => f.round));
  for (const [i, f] of figures.entries()) {
    const r = report.rounds[i]!;
    expect({ status: r.status, participants: r.participants, submitted: r.submitted, medianScore: r.medianScore, distribution: r.distribution }).toEqual({
      status: f.status,
      participants: f.participants,
      submitted: f.submitted,
      medianScore: f.medianScore,
      distribution: f.distribution,
    });
    expect(r.meanScore).toBeCloseTo(f.meanScore!, 10);
    expect(r.confusion.cells).toEqual(f.confusion);
    for (const [j, s] of f.statements.entries()) {
      const got = r.statements[j]!;
      expect({ id: got.id, counts: got.counts, placed: got.placed, notPlaced: got.notPlaced, correct: got.correct, majorityWrong: got.majorityWrong, sureButWrong: got.sureButWrong }).toEqual({
        id: s.id,
        counts: s.counts,
        placed: s.placed,
        notPlaced: s.notPlaced,
        correct: s.correct,
        majorityWrong: s.majorityWrong,
        sureButWrong: s.sureButWrong,
      });
      if (s.accuracy === null) expect(got.accuracy).toBeNull();
      else expect(got.accuracy).toBeCloseTo(s.accuracy, 10);
      expect(got.splitIndex).toBeCloseTo(s.splitIndex, 10);
    }
    for (const row of report.participantRows) {
      const cell = row.rounds[i];
      if (!(row.nickname! in f.scoresByNickname)) {
        expect(cell).toBeNull();
        continue;
      }
      expect(cell!.score).toBe(f.scoresByNickname[row.nickname!]);
      expect(cell!.timeToSubmitMs).toBe(f.timeToSubmit[row.nickname!]);
    }
  }
}

describe("report figures, exports and the API equal what the database holds", () => {
  let server: TestServer;
  let cookie: string;
  let token: string;
  let staff: ClientSocket;
  let session: { id: string; code: string };
  const phones: { socket: ClientSocket; join: JoinResult; seq: number; nickname: string }[] = [];
  const NICKNAMES = ["Ana", "=Ben+1", "@Cy", 'Dee, "the" tester', "Eve", "-Fay"];
  let statements: { id: string; canonical: string }[] = [];

  const place = async (phone: (typeof phones)[number], statementId: string, column: string | null, confidence?: "sure" | "unsure") =>
    must(phone.socket, "placement:set", { statementId, column, seq: ++phone.seq, ...(confidence ? { confidence } : {}) });
  const other = (column: string) => (column === "lead" ? "manage" : "lead");

  beforeAll(async () => {
    server = await startTestServer();
    const signed = await signedInFacilitator(server, "reports-host@example.com");
    cookie = signed.cookie;
    token = `sr_${randomBytes(32).toString("base64url")}`;
    await withDb(server, (c) =>
      c.query(`INSERT INTO api_tokens (id, user_id, name, token_hash, prefix) VALUES (gen_random_uuid(), $1, 'test', $2, $3)`, [
        signed.userId,
        createHash("sha256").update(token).digest("hex"),
        token.slice(0, 8),
      ]),
    );
    session = await createSession(server, cookie, "lead-or-manage", { title: "Figures, =check", rounds: 2, cohorts: ["Sales", "Engineering"] });
    staff = await connect(server, { role: "facilitator", workshopId: session.id }, cookie);
    const snapshot = await withDb(server, async (c) => (await c.query(`SELECT deck_snapshot FROM workshops WHERE id = $1`, [session.id])).rows[0].deck_snapshot);
    statements = snapshot.statements;
  });
  afterAll(async () => {
    for (const p of phones) p.socket.close();
    staff?.close();
    await server?.close();
  });

  const report = async (path: string, headers: Record<string, string>) => {
    const res = await getJson(`${server.url}${path}`, { headers });
    expect(res.status).toBe(200);
    return res.body as ReportJson;
  };
  const text = async (path: string, headers: Record<string, string> = { cookie }) => {
    const res = await fetch(`${server.url}${path}`, { headers });
    expect(res.status).toBe(200);
    // Keep a byte order mark (Response.text() would drop it): CSV exports must start with one.
    return { body: new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer()), headers: res.headers };
  };

  it("has no rounds before sorting starts", async () => {
    await must(staff, "session:openLobby");
    for (const [i, nickname] of NICKNAMES.entries()) {
      const socket = await connect(server, { role: "participant" });
      const join = await must<JoinResult>(socket, "participant:join", { code: session.code, nickname, cohort: i % 2 ? "Engineering" : "Sales" });
      phones.push({ socket, join, seq: 0, nickname });
    }
    const r = await report(`/api/sessions/${session.id}/report`, { cookie });
    expect(r.rounds).toEqual([]);
    expect(r.participants).toBe(NICKNAMES.length);
  });

  it("gives live, provisional figures during round 1 that match the database", async () => {
    await must(staff, "session:start", {});
    // Phone i puts statement j in the right column when (i + j) % (i + 2) != 0, with confidence on even j.
    for (const [i, phone] of phones.entries()) {
      for (const [j, s] of statements.entries()) {
        if (i === 2 && j >= 7) continue; // Cy leaves three cards unplaced
        const right = (i + j) % (i + 2) !== 0;
        await place(phone, s.id, right ? s.canonical : other(s.canonical), j % 2 === 0 ? (j % 4 === 0 ? "sure" : "unsure") : undefined);
      }
    }
    await place(phones[3]!, statements[0]!.id, null); // Dee takes a card back
    await must(phones[0]!.socket, "participant:submit");
    const d = await readDb(server, session.id);
    const r = await report(`/api/sessions/${session.id}/report`, { cookie });
    expect(r.session.live).toBe(true);
    expect(r.rounds[0]!.status).toBe("provisional");
    checkReport(r, d);
  });

  it("exports during the session: the CSV equals the database rows", async () => {
    const d = await readDb(server, session.id);
    const { body, headers } = await text(`/api/sessions/${session.id}/export?format=csv`);
    expect(headers.get("content-type")).toMatch(/^text\/csv/);
    expect(headers.get("content-disposition")).toMatch(/^attachment; filename="sortroom-figures-check-\d{4}-\d{2}-\d{2}-results\.csv"$/);
    const [header, ...rows] = readCsv(body);
    expect(header).toEqual(["session_id", "session", "participant", "cohort", "round", "statement_id", "statement", "placed_column", "canonical_column", "correct", "confidence", "placed_at"]);
    expect(rows).toEqual(expectedRows(d, false));
  });

  it("scores at reveal, then counts only those present; a removed participant disappears", async () => {
    const eve = phones[4]!;
    await must(staff, "participant:kick", { participantId: eve.join.view.me.id });
    await must(staff, "session:reveal");
    const d = await readDb(server, session.id);
    // Sanity: the stored scores are the correct placements, as the test counts them.
    for (const s of d.submissions) {
      const correct = statements.filter((st) => d.placements.some((p) => p.participant_id === s.participant_id && p.round === 1 && p.statement_key === st.id && p.column === st.canonical)).length;
      expect(s.score).toBe(correct);
    }
    const r = await report(`/api/v1/sessions/${session.id}/report`, { authorization: `Bearer ${token}` });
    expect(r.rounds[0]!.status).toBe("scored");
    expect(r.rounds[0]!.statements.some((s) => s.sureButWrong > 0 && s.notPlaced >= 0)).toBe(true);
    expect(r.removed).toBe(1);
    checkReport(r, d);
  });

  it("reports round 2 with changed-mind figures, live and after the end", async () => {
    await must(staff, "session:nextRound");
    // Round 2: everyone (but Eve) moves every third card to the other column than in round 1.
    for (const [i, phone] of phones.entries()) {
      if (i === 4) continue;
      for (const [j, s] of statements.entries()) {
        if (i === 5 && j > 3) continue;
        const right = (i + j) % (i + 2) !== 0;
        const before = right ? s.canonical : other(s.canonical);
        await place(phone, s.id, j % 3 === 0 ? other(before) : before, j % 2 ? "sure" : undefined);
      }
    }
    await must(phones[1]!.socket, "participant:submit");
    let d = await readDb(server, session.id);
    expect(expectedChangedMind(d).reduce((sum, s) => sum + s.changed, 0)).toBeGreaterThan(0); // the scenario does change minds
    let r = await report(`/api/sessions/${session.id}/report`, { cookie });
    checkReport(r, d);
    expect(r.changedMind!.statements.map(({ id, compared, changed, toCorrect, toWrong }) => ({ id, compared, changed, toCorrect, toWrong }))).toEqual(expectedChangedMind(d));

    await must(staff, "session:reveal");
    await must(staff, "session:end");
    d = await readDb(server, session.id);
    r = await report(`/api/v1/sessions/${session.id}/report`, { authorization: `Bearer ${token}` });
    expect(r.session.live).toBe(false);
    expect(r.rounds.map((x) => x.status)).toEqual(["scored", "scored"]);
    checkReport(r, d);
    expect(r.changedMind!.statements.map(({ id, compared, changed, toCorrect, toWrong }) => ({ id, compared, changed, toCorrect, toWrong }))).toEqual(expectedChangedMind(d));
  });

  it("exports after the end: CSV, anonymized CSV, JSON and the API's results are the same rows", async () => {
    const d = await readDb(server, session.id);
    const csv = readCsv((await text(`/api/sessions/${session.id}/export?format=csv`)).body).slice(1);
    expect(csv).toEqual(expectedRows(d, false));
    const anonymized = await text(`/api/sessions/${session.id}/export?format=csv&anonymize=1`);
    expect(anonymized.headers.get("content-disposition")).toContain("-results-anonymized.csv");
    expect(readCsv(anonymized.body).slice(1)).toEqual(expectedRows(d, true));
    for (const p of d.participants) expect(anonymized.body).not.toContain(p.nickname);

    const toCells = (r: Record<string, unknown>) =>
      [r.sessionId, r.session, r.participant, r.cohort ?? "", String(r.round), r.statementId, r.statement, r.placedColumn ?? "", r.canonicalColumn, String(r.correct), r.confidence ?? "", r.placedAt ?? ""].map(
        (v, i) => (i === 2 ? safe(String(v)) : String(v)),
      );
    const json = JSON.parse((await text(`/api/sessions/${session.id}/export?format=json`)).body) as { rows: Record<string, unknown>[]; session: { id: string } };
    expect(json.session.id).toBe(session.id);
    expect(json.rows.map(toCells)).toEqual(expectedRows(d, false));
    const api = JSON.parse((await text(`/api/v1/sessions/${session.id}/results`, { authorization: `Bearer ${token}` })).body) as { rows: Record<string, unknown>[] };
    expect(api.rows).toEqual(json.rows);
    const apiCsv = await text(`/api/v1/sessions/${session.id}/results?format=csv&anonymize=1`, { authorization: `Bearer ${token}` });
    expect(apiCsv.body).toBe(anonymized.body);
  });

  it("writes the per-statement summary CSV from the same figures", async () => {
    const d = await readDb(server, session.id);
    const { body, headers } = await text(`/api/sessions/${session.id}/export?kind=summary`);
    expect(headers.get("content-disposition")).toContain("-summary.csv");
    const [header, ...rows] = readCsv(body);
    const figures = expectedFigures(d);
    expect(rows).toHaveLength(figures.length * statements.length);
    const col = (name: string) => header!.indexOf(name);
    for (const [i, row] of rows.entries()) {
      const f = figures[Math.floor(i / statements.length)]!;
      const s = f.statements[i % statements.length]!;
      expect([row[col("round")], row[col("statement_id")], row[col("count_lead")], row[col("count_manage")], row[col("not_placed")], row[col("correct")], row[col("sure_but_wrong")]]).toEqual([
        String(f.round),
        s.id,
        String(s.counts.lead),
        String(s.counts.manage),
        String(s.notPlaced),
        String(s.correct),
        String(s.sureButWrong),
      ]);
    }
  });

  it("renders the report, session list and comparison pages for the owner", async () => {
    const page = await text(`/reports/${session.id}`);
    expect(page.body).toContain("Figures, =check");
    expect(page.body).toContain("Confusion matrix");
    expect(page.body).toContain("Changed minds");
    const list = await text(`/sessions`);
    expect(list.body).toContain(`/reports/${session.id}`);
    const compare = await text(`/reports/compare?deck=lead-or-manage`);
    expect(compare.body).toContain("Accuracy per statement");
    const api = await getJson(`${server.url}/api/v1/sessions`, { headers: { authorization: `Bearer ${token}` } });
    expect(api.status).toBe(200);
    const body = api.body as { sessions: { id: string; participants: number; meanScore: number }[]; total: number };
    expect(body.total).toBe(1);
    const d = await readDb(server, session.id);
    const last = expectedFigures(d).at(-1)!;
    expect(body.sessions[0]).toMatchObject({ id: session.id, participants: d.participants.filter((p) => !p.kicked).length });
    expect(body.sessions[0]!.meanScore).toBeCloseTo(last.meanScore!, 10);
  });
});
