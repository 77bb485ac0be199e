import { makeIssue } from "@/lib/i18n/issue";
import { COHORT_MAX, SESSION_ISSUES, type SessionIssue } from "./issues";

/** The dashboard's group box: one group per line (commas also separate), blanks dropped. A group
 *  that is too long is reported with its line and text, so the facilitator sees which one to
 *  shorten; createSession still validates the list as a whole. Pure. */
export function parseCohortLines(raw: string): { cohorts: string[]; issues: SessionIssue[] } {
  const cohorts: string[] = [];
  const issues: SessionIssue[] = [];
  raw.split(/\r\n|\n|\r/).forEach((line, index) => {
    for (const piece of line.split(",")) {
      const group = piece.trim();
      if (group === "") continue;
      if (group.length > COHORT_MAX) {
        issues.push(makeIssue(SESSION_ISSUES, "cohort_too_long", { line: index + 1, group, length: group.length, max: COHORT_MAX }));
      } else {
        cohorts.push(group);
      }
    }
  });
  return { cohorts, issues };
}
