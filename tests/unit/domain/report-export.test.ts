import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/domain/csv";
import { buildReport } from "@/lib/domain/report";
import { exportRowCount, planExport, RESULT_CSV_HEADER, resultCsvHeader, resultCsvLine, resultRows, summaryCsv } from "@/lib/domain/report-export";
import { at, people, revealedSession, twoRoundSession } from "../reports/fixtures";

describe("export rows", () => {
  it("has one row per counted participant × round × statement, in join, round and deck order", () => {
    const input = twoRoundSession();
    const plan = planExport(input);
    const rows = resultRows(plan, plan.participantIds, input.placements);
    expect(rows).toHaveLength(3 * 4 + 4 * 4);
    expect(exportRowCount(plan)).toBe(rows.length);
    expect(rows.slice(0, 5).map((r) => `${r.participant}/${r.round}/${r.statementId}`)).toEqual(["Ana/1/vision", "Ana/1/budget", "Ana/1/inspire", "Ana/1/schedule", "Ana/2/vision"]);
    expect(rows.every((r) => r.participant !== "Dee")).toBe(true); // removed
    expect(rows.filter((r) => r.participant === "Eve").map((r) => r.round)).toEqual([2, 2, 2, 2]);
  });

  it.each([
    { who: "Ana", statement: "vision", expected: { placedColumn: "leader", correct: true, confidence: "sure" } },
    { who: "=Ben", statement: "vision", expected: { placedColumn: "manager", correct: false, confidence: "sure" } },
    { who: "=Ben", statement: "schedule", expected: { placedColumn: null, correct: false, confidence: null, placedAt: at(40_000).toISOString() } },
    { who: "Cy", statement: "inspire", expected: { placedColumn: null, correct: false, confidence: null, placedAt: null } },
  ])("$who / $statement", ({ who, statement, expected }) => {
    const input = revealedSession();
    const plan = planExport(input);
    const row = resultRows(plan, plan.participantIds, input.placements).find((r) => r.participant === who && r.statementId === statement)!;
    expect(row).toMatchObject({ sessionId: input.session.id, session: "Monday workshop", round: 1, canonicalColumn: input.deck.statements.find((s) => s.id === statement)!.canonical, ...expected });
    expect(row.statement).toBe(`Text of ${statement}`);
  });

  it("gives the same rows page by page as all at once", () => {
    const input = twoRoundSession();
    const plan = planExport(input);
    const whole = resultRows(plan, plan.participantIds, input.placements);
    const paged = [];
    for (let i = 0; i < plan.participantIds.length; i += 3) {
      const page = plan.participantIds.slice(i, i + 3);
      paged.push(...resultRows(plan, page, input.placements.filter((p) => page.includes(p.participantId))));
    }
    expect(paged).toEqual(whole);
  });

  it("anonymizes participants to their stable ids, keeping cohorts", () => {
    const input = revealedSession();
    const plan = planExport(input, { anonymize: true });
    const rows = resultRows(plan, plan.participantIds, input.placements);
    expect([...new Set(rows.map((r) => `${r.participant}:${r.cohort}`))]).toEqual(["P-001:Sales", "P-002:Engineering", "P-004:null"]);
    expect(JSON.stringify(rows)).not.toContain(people.ana.nickname);
  });
});

describe("results CSV", () => {
  it("writes the header and spreadsheet-safe rows that parse back to the row values", () => {
    const input = revealedSession();
    const plan = planExport(input);
    const rows = resultRows(plan, plan.participantIds, input.placements);
    const csv = resultCsvHeader() + rows.map(resultCsvLine).join("");
    const records = parseCsv(csv);
    expect(records[0]).toEqual([...RESULT_CSV_HEADER]);
    expect(records).toHaveLength(rows.length + 1);
    const ben = records.find((r) => r[2] === "'=Ben" && r[5] === "vision")!;
    expect(ben).toEqual([input.session.id, "Monday workshop", "'=Ben", "Engineering", "1", "vision", "Text of vision", "manager", "leader", "false", "sure", ben[11]]);
    expect(new Date(ben[11]!).toISOString()).toBe(ben[11]);
    const cy = records.find((r) => r[2] === "Cy" && r[5] === "inspire")!;
    expect(cy.slice(7)).toEqual(["", "leader", "false", "", ""]);
  });
});

describe("summary CSV", () => {
  it("has one record per round × statement with counts, percentages and flags", () => {
    const csv = summaryCsv(buildReport(revealedSession()));
    const [header, ...records] = parseCsv(csv);
    expect(header).toEqual([
      "session_id", "session", "round", "round_status", "position", "statement_id", "statement", "canonical_column", "participants", "placed", "not_placed",
      "count_leader", "pct_leader", "count_manager", "pct_manager", "pct_not_placed", "correct", "accuracy_pct", "split_index", "majority_wrong", "sure", "unsure", "sure_but_wrong",
    ]);
    expect(records).toHaveLength(4);
    const vision = Object.fromEntries(header!.map((h, i) => [h, records[0]![i]]));
    expect(vision).toMatchObject({ round: "1", round_status: "scored", statement_id: "vision", participants: "3", placed: "3", not_placed: "0", count_leader: "2", pct_leader: "66.7", count_manager: "1", pct_manager: "33.3", pct_not_placed: "0", correct: "2", accuracy_pct: "66.7", majority_wrong: "false", sure_but_wrong: "1" });
  });

  it("adds changed-mind figures on the round-2 records of a two-round session", () => {
    const [header, ...records] = parseCsv(summaryCsv(buildReport(twoRoundSession())));
    expect(header!.slice(-3)).toEqual(["changed_since_round_1", "wrong_to_right", "right_to_wrong"]);
    expect(records).toHaveLength(8);
    expect(records[0]!.slice(-3)).toEqual(["", "", ""]);
    expect(records[4]!.slice(-3)).toEqual(["2", "1", "2"]); // round 2, vision
  });
});
