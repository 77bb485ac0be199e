import { describe, expect, it } from "vitest";
import { COHORT_MAX } from "@/lib/sessions/issues";
import { parseCohortLines } from "@/lib/sessions/cohort-lines";

describe("parseCohortLines", () => {
  it("splits on lines and commas, trims and drops blanks", () => {
    expect(parseCohortLines("Team A\r\n\n  Team B , Team C,\nTeam D  ")).toEqual({ cohorts: ["Team A", "Team B", "Team C", "Team D"], issues: [] });
  });

  it("names the line and the text of a group that is too long (issue 14: the error did not say which line)", () => {
    const long = "x".repeat(COHORT_MAX + 1);
    const { cohorts, issues } = parseCohortLines(`Team A\nTeam B, ${long}\n${"y".repeat(COHORT_MAX)}`);
    expect(cohorts).toEqual(["Team A", "Team B", "y".repeat(COHORT_MAX)]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "cohort_too_long", params: { line: 2, group: long, length: COHORT_MAX + 1, max: COHORT_MAX } });
    expect(issues[0]!.message).toBe(`Groups, line 2: “${long}” has ${COHORT_MAX + 1} characters; a group has at most ${COHORT_MAX}.`);
  });
});
