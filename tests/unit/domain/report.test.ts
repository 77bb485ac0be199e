import { describe, expect, it } from "vitest";
import { splitIndex } from "@/lib/domain/analysis";
import { anonymousIds, buildReport, confusionMatrix, joinOrder, planRounds, type ReportInput, type RoundReport } from "@/lib/domain/report";
import { at, events, liveSession, people, placements, revealedSession, submission, twoRoundSession } from "../reports/fixtures";
import { leaderDeck, makeDeck } from "./fixtures";

const ids = people;
const round = (input: ReportInput, index = 0): RoundReport => buildReport(input).rounds[index]!;

describe("planRounds: which rounds a report covers and who counts in each", () => {
  it.each([
    {
      name: "lobby only: no round yet",
      input: { ...revealedSession(), session: { ...revealedSession().session, phase: "lobby" as const }, submissions: [], phaseEvents: events([["draft", 1, 0], ["lobby", 1, 1]]) },
      expected: [],
    },
    { name: "live round 1: every participant not removed", input: liveSession(), expected: [{ round: 1, scored: false, population: [ids.ana.id, ids.ben.id, ids.cy.id] }] },
    { name: "revealed round 1: those with a submission", input: revealedSession(), expected: [{ round: 1, scored: true, population: [ids.ana.id, ids.ben.id, ids.cy.id] }] },
    {
      name: "two rounds: a round-2 latecomer counts in round 2 only",
      input: twoRoundSession(),
      expected: [
        { round: 1, scored: true, population: [ids.ana.id, ids.ben.id, ids.cy.id] },
        { round: 2, scored: false, population: [ids.ana.id, ids.ben.id, ids.cy.id, ids.eve.id] },
      ],
    },
  ])("$name", ({ input, expected }) => {
    expect(planRounds(input).map(({ round, scored, population }) => ({ round, scored, population }))).toEqual(expected);
  });

  it("takes the first sorting event of a round as its start", () => {
    const input = { ...liveSession(), phaseEvents: events([["sorting", 1, 9_000], ["sorting", 1, 5_000], ["sorting", 2, 1]]) };
    expect(planRounds(input)[0]!.sortingStartedAt).toEqual(at(5_000));
  });
});

describe("anonymous ids", () => {
  it("numbers every participant by join order, removed ones included, so ids never shift", () => {
    expect([...anonymousIds(Object.values(people)).entries()]).toEqual([
      [ids.ana.id, "P-001"],
      [ids.ben.id, "P-002"],
      [ids.dee.id, "P-003"],
      [ids.cy.id, "P-004"],
      [ids.eve.id, "P-005"],
    ]);
  });

  it("breaks join-time ties by id and ignores input order", () => {
    const same = at(0);
    const list = [
      { id: "b", joinedAt: same },
      { id: "a", joinedAt: same },
      { id: "c", joinedAt: at(-1) },
    ];
    expect(joinOrder(list).map((p) => p.id)).toEqual(["c", "a", "b"]);
    expect(anonymousIds(list)).toEqual(anonymousIds(list.slice().reverse()));
  });

  it("pads to three digits and keeps growing past 999", () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ id: `p${i}`, joinedAt: at(i) }));
    const map = anonymousIds(many);
    expect(map.get("p0")).toBe("P-001");
    expect(map.get("p998")).toBe("P-999");
    expect(map.get("p999")).toBe("P-1000");
  });
});

describe("buildReport: round figures", () => {
  it.each([
    {
      name: "revealed round (stored scores)",
      input: revealedSession(),
      expected: { status: "scored", participants: 3, submitted: 1, closedAtReveal: 2, completion: 1 / 3, placementRate: 9 / 12, meanScore: 7 / 3, medianScore: 2, distribution: [0, 1, 1, 0, 1] },
    },
    {
      name: "live round (scored now from placements, unplaced = wrong)",
      input: liveSession(),
      expected: { status: "provisional", participants: 3, submitted: 1, closedAtReveal: 0, completion: 1 / 3, placementRate: 9 / 12, meanScore: 7 / 3, medianScore: 2, distribution: [0, 1, 1, 0, 1] },
    },
    {
      name: "stored score wins over placements in a scored round",
      input: { ...revealedSession(), submissions: [submission("ana", 1, 35_000, true, 4), submission("ben", 1, 100_000, false, 3), submission("cy", 1, 100_000, false, 1)] },
      expected: { status: "scored", participants: 3, submitted: 1, closedAtReveal: 2, completion: 1 / 3, placementRate: 9 / 12, meanScore: 8 / 3, medianScore: 3, distribution: [0, 1, 0, 1, 1] },
    },
    {
      name: "round 2 of two (latecomer included, provisional)",
      input: twoRoundSession(),
      index: 1,
      expected: { status: "provisional", participants: 4, submitted: 1, closedAtReveal: 0, completion: 1 / 4, placementRate: 9 / 16, meanScore: 2, medianScore: 2, distribution: [1, 1, 0, 1, 1] },
    },
  ])("$name", ({ input, index, expected }) => {
    const r = round(input, index ?? 0);
    expect({
      status: r.status,
      participants: r.participants,
      submitted: r.submitted,
      closedAtReveal: r.closedAtReveal,
      completion: r.completion,
      placementRate: r.placementRate,
      meanScore: r.meanScore,
      medianScore: r.medianScore,
      distribution: r.distribution,
    }).toEqual(expected);
    expect(r.total).toBe(4);
  });

  it("counts participants and removed ones, and marks the session live until closed", () => {
    const report = buildReport(revealedSession());
    expect(report.participants).toBe(3);
    expect(report.removed).toBe(1);
    expect(report.session.live).toBe(true);
    expect(buildReport({ ...revealedSession(), session: { ...revealedSession().session, phase: "closed" } }).session.live).toBe(false);
  });

  it("has no rounds and empty figures before sorting starts", () => {
    const input: ReportInput = { ...revealedSession(), placements: [], submissions: [], phaseEvents: events([["draft", 1, 0], ["lobby", 1, 1]]) };
    const report = buildReport(input);
    expect(report.rounds).toEqual([]);
    expect(report.participantRows.every((r) => r.rounds.length === 0)).toBe(true);
    expect(report.changedMind).toBeNull();
  });

  it("gives null figures for a round without participants", () => {
    const input: ReportInput = { ...liveSession(), participants: [], placements: [], submissions: [] };
    const r = round(input);
    expect([r.participants, r.meanScore, r.medianScore, r.completion, r.placementRate]).toEqual([0, null, null, null, null]);
    expect(r.distribution).toEqual([0, 0, 0, 0, 0]);
    expect(r.statements[0]!.shares).toEqual({ leader: null, manager: null });
  });
});

describe("buildReport: per statement", () => {
  const statements = round(revealedSession()).statements;
  it.each([
    { id: "vision", counts: { leader: 2, manager: 1 }, placed: 3, notPlaced: 0, correct: 2, accuracy: 2 / 3, split: splitIndex([2, 1], 2), majorityWrong: false, sureButWrong: 1, sure: 2, unsure: 0 },
    { id: "budget", counts: { leader: 1, manager: 2 }, placed: 3, notPlaced: 0, correct: 2, accuracy: 2 / 3, split: splitIndex([1, 2], 2), majorityWrong: false, sureButWrong: 1, sure: 2, unsure: 1 },
    { id: "inspire", counts: { leader: 2, manager: 0 }, placed: 2, notPlaced: 1, correct: 2, accuracy: 1, split: 0, majorityWrong: false, sureButWrong: 0, sure: 0, unsure: 0 },
    { id: "schedule", counts: { leader: 0, manager: 1 }, placed: 1, notPlaced: 2, correct: 1, accuracy: 1, split: 0, majorityWrong: false, sureButWrong: 0, sure: 0, unsure: 0 },
  ])("$id", (e) => {
    const s = statements.find((x) => x.id === e.id)!;
    expect(s.counts).toEqual(e.counts);
    expect(s.shares).toEqual({ leader: e.counts.leader / 3, manager: e.counts.manager / 3 });
    expect([s.placed, s.notPlaced, s.correct, s.accuracy, s.majorityWrong]).toEqual([e.placed, e.notPlaced, e.correct, e.accuracy, e.majorityWrong]);
    expect(s.splitIndex).toBeCloseTo(e.split, 12);
    expect([s.sureButWrong, s.sure, s.unsure]).toEqual([e.sureButWrong, e.sure, e.unsure]);
    expect(s.canonical).toBe(leaderDeck.statements.find((x) => x.id === e.id)!.canonical);
  });

  it("keeps deck order and 1-based positions", () => {
    expect(statements.map((s) => `${s.position}:${s.id}`)).toEqual(["1:vision", "2:budget", "3:inspire", "4:schedule"]);
  });

  it("flags a statement most placers got wrong (exactly half is not a majority)", () => {
    const input: ReportInput = {
      ...liveSession(),
      placements: placements(1, [
        ["ana", "vision", "manager"],
        ["ben", "vision", "manager"],
        ["cy", "vision", "leader"],
        ["ana", "budget", "leader"],
        ["ben", "budget", "manager"],
      ]),
    };
    const s = round(input).statements;
    expect(s[0]!.majorityWrong).toBe(true);
    expect(s[1]!.majorityWrong).toBe(false);
  });

  it("ignores placements in columns or statements not in the deck", () => {
    const input: ReportInput = { ...liveSession(), placements: placements(1, [["ana", "vision", "nowhere"], ["ana", "ghost", "leader"]]) };
    const r = round(input);
    expect(r.statements[0]!.placed).toBe(0);
    expect(r.meanScore).toBe(0);
  });

  it("summarizes confidence calibration, and says when none was collected", () => {
    expect(round(revealedSession()).confidence).toEqual({ collected: true, sureRight: 2, sureWrong: 2, unsureRight: 1, unsureWrong: 0 });
    const none = { ...liveSession(), placements: placements(1, [["ana", "vision", "leader"]]) };
    expect(round(none).confidence).toEqual({ collected: false, sureRight: 0, sureWrong: 0, unsureRight: 0, unsureWrong: 0 });
  });
});

describe("confusion matrix", () => {
  it("crosses canonical with placed columns, with a not-placed column", () => {
    const m = round(revealedSession()).confusion;
    expect(m.canonical).toEqual(["leader", "manager"]);
    expect(m.placed).toEqual(["leader", "manager"]);
    // leader cards: vision L2 M1, inspire L2 (1 not placed); manager cards: budget L1 M2, schedule M1 (2 not placed)
    expect(m.cells).toEqual([
      [4, 1, 1],
      [1, 3, 2],
    ]);
    expect(m.rowTotals).toEqual([6, 6]);
  });

  it("has a row per deck column, zero rows included, and every cell sums to participants × statements", () => {
    const deck = makeDeck(["a", "b", "c"], [["x", "a"], ["y", "a"]]);
    const m = confusionMatrix(deck, [
      { canonical: "a", counts: { a: 1, b: 2, c: 0 }, notPlaced: 1 },
      { canonical: "a", counts: { a: 3, b: 0, c: 1 }, notPlaced: 0 },
    ]);
    expect(m.cells).toEqual([
      [4, 2, 1, 1],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(m.rowTotals.reduce((a, b) => a + b)).toBe(8);
  });
});

describe("participant rows", () => {
  it("lists active participants by join order with score, time to submit and cohort", () => {
    const rows = buildReport(revealedSession()).participantRows;
    expect(rows.map((r) => [r.nickname, r.anonymousId, r.cohort, r.rounds[0]?.score, r.rounds[0]?.timeToSubmitMs, r.rounds[0]?.byParticipant])).toEqual([
      ["Ana", "P-001", "Sales", 4, 30_000, true],
      ["=Ben", "P-002", "Engineering", 2, null, false],
      ["Cy", "P-004", null, 1, null, false],
    ]);
    expect(rows[0]!.ref).toBe(ids.ana.id);
    expect(rows.every((r) => r.rounds[0]!.provisional === false)).toBe(true);
  });

  it("anonymizes: no nickname and no participant id, stable P-ids instead", () => {
    const report = buildReport(revealedSession(), { anonymize: true });
    expect(report.anonymized).toBe(true);
    expect(report.participantRows.map((r) => [r.ref, r.nickname])).toEqual([
      ["P-001", null],
      ["P-002", null],
      ["P-004", null],
    ]);
    const json = JSON.stringify(report);
    for (const p of Object.values(people)) {
      expect(json).not.toContain(p.id);
      expect(json).not.toContain(`"${p.nickname}"`);
    }
  });

  it("aligns rounds with the report's rounds: null where a participant was not part of one", () => {
    const rows = buildReport(twoRoundSession()).participantRows;
    const eve = rows.find((r) => r.nickname === "Eve")!;
    expect(eve.rounds[0]).toBeNull();
    expect(eve.rounds[1]).toMatchObject({ round: 2, score: 1, provisional: true, placed: 1 });
    const ben = rows.find((r) => r.nickname === "=Ben")!;
    expect(ben.rounds.map((r) => r?.score)).toEqual([2, 4]);
    expect(ben.rounds[1]!.timeToSubmitMs).toBe(100_000);
  });
});

describe("changed mind between round 1 and round 2", () => {
  const changed = buildReport(twoRoundSession()).changedMind!;

  it("is absent without a second round", () => {
    expect(buildReport(revealedSession()).changedMind).toBeNull();
  });

  it("compares participants of both rounds only", () => {
    expect([changed.fromRound, changed.toRound, changed.compared]).toEqual([1, 2, 3]);
    expect([changed.participantsChanged, changed.changed, changed.toCorrect, changed.toWrong]).toEqual([2, 2, 2, 2]);
  });

  it.each([
    {
      id: "vision",
      changed: 2,
      toCorrect: 1,
      toWrong: 2,
      transitions: [
        { from: "leader", to: "manager", count: 1 },
        { from: "leader", to: null, count: 1 },
        { from: "manager", to: "leader", count: 1 },
      ],
    },
    { id: "budget", changed: 0, toCorrect: 0, toWrong: 0, transitions: [{ from: "leader", to: null, count: 1 }] },
    { id: "inspire", changed: 0, toCorrect: 0, toWrong: 0, transitions: [] },
    { id: "schedule", changed: 0, toCorrect: 1, toWrong: 0, transitions: [{ from: null, to: "manager", count: 1 }] },
  ])("$id", (e) => {
    const s = changed.statements.find((x) => x.id === e.id)!;
    expect({ changed: s.changed, toCorrect: s.toCorrect, toWrong: s.toWrong, transitions: s.transitions }).toEqual({
      changed: e.changed,
      toCorrect: e.toCorrect,
      toWrong: e.toWrong,
      transitions: e.transitions,
    });
    expect(s.compared).toBe(3);
  });

  it("orders equal transitions by deck column order, not placed last", () => {
    expect(changed.statements[0]!.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(["leader>manager", "leader>null", "manager>leader"]);
  });
});

it("serializes to plain JSON (dates as ISO strings)", () => {
  const report = buildReport(twoRoundSession());
  const copy = JSON.parse(JSON.stringify(report));
  expect(copy).toEqual(report);
  expect(report.session.createdAt).toBe(at(0).toISOString());
  expect(report.rounds[1]!.sortingStartedAt).toBe(at(150_000).toISOString());
});
