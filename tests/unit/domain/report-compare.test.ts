import { describe, expect, it } from "vitest";
import { buildReport, type ReportInput } from "@/lib/domain/report";
import { compareSessions, type CompareSessionInput } from "@/lib/domain/report-compare";
import { liveSession, revealedSession, twoRoundSession } from "../reports/fixtures";
import { makeDeck } from "./fixtures";

/** What lib/db/reports aggregates in SQL, computed here from the fixture rows. */
function aggregate(input: ReportInput, id: string, createdAt: Date): CompareSessionInput {
  const kicked = new Set(input.participants.filter((p) => p.kicked).map((p) => p.id));
  const counts = new Map<number, Map<string, Map<string, number>>>();
  for (const p of input.placements) {
    if (kicked.has(p.participantId) || p.column === null) continue;
    const r = counts.get(p.round) ?? new Map<string, Map<string, number>>();
    counts.set(p.round, r);
    const s = r.get(p.statementKey) ?? new Map<string, number>();
    r.set(p.statementKey, s);
    s.set(p.column, (s.get(p.column) ?? 0) + 1);
  }
  const submissions = new Map<number, { count: number; scored: boolean }>();
  for (const s of input.submissions) {
    if (kicked.has(s.participantId)) continue;
    const e = submissions.get(s.round) ?? { count: 0, scored: false };
    submissions.set(s.round, { count: e.count + 1, scored: e.scored || s.score !== null });
  }
  return {
    id,
    title: id,
    phase: input.session.phase,
    round: input.session.round,
    createdAt,
    deck: input.deck,
    participants: input.participants.filter((p) => !p.kicked).length,
    submissions,
    sortingRounds: new Set(input.phaseEvents.filter((e) => e.phase === "sorting").map((e) => e.round)),
    counts,
  };
}

describe("compareSessions", () => {
  it.each([
    { name: "revealed", input: revealedSession(), which: "first" as const, round: 0 },
    { name: "live", input: liveSession(), which: "first" as const, round: 0 },
    { name: "two rounds, first", input: twoRoundSession(), which: "first" as const, round: 0 },
    { name: "two rounds, last", input: twoRoundSession(), which: "last" as const, round: 1 },
  ])("agrees with the full report ($name)", ({ input, which, round }) => {
    const report = buildReport(input).rounds[round]!;
    const compared = compareSessions([aggregate(input, "s1", new Date(0))], which).sessions[0]!;
    expect(compared.round).toBe(report.round);
    expect(compared.status).toBe(report.status);
    expect(compared.participants).toBe(report.participants);
    expect(compared.meanScore).toBeCloseTo(report.meanScore!, 12);
    expect(compared.meanShare).toBeCloseTo(report.meanScore! / 4, 12);
    expect(compared.accuracy).toEqual(Object.fromEntries(report.statements.map((s) => [s.id, s.accuracy])));
  });

  it("orders sessions oldest first and lists statements of every snapshot (newest order first)", () => {
    const older = { ...aggregate(revealedSession(), "old", new Date(2000)), deck: makeDeck(["leader", "manager"], [["retired", "leader"], ["vision", "leader"]]) };
    const newer = aggregate(revealedSession(), "new", new Date(3000));
    const result = compareSessions([newer, older]);
    expect(result.sessions.map((s) => s.id)).toEqual(["old", "new"]);
    expect(result.statements.map((s) => s.id)).toEqual(["vision", "budget", "inspire", "schedule", "retired"]);
    expect(Object.keys(result.sessions[0]!.accuracy)).toEqual(["retired", "vision"]);
  });

  it("leaves a session that never started sorting without figures", () => {
    const input = aggregate({ ...revealedSession(), submissions: [], placements: [], phaseEvents: [] }, "idle", new Date(0));
    expect(compareSessions([input]).sessions[0]).toMatchObject({ round: null, status: null, meanScore: null, accuracy: {} });
  });
});
