import type { Phase } from "@/lib/domain/phases";
import type { Confidence, ReportInput, ReportPhaseEventInput, ReportPlacementInput, ReportSubmissionInput } from "@/lib/domain/report";
import type { ExportPlacement } from "@/lib/domain/report-export";
import { leaderDeck } from "../domain/fixtures";

/** Small hand-checked sessions on the four-card Leader/Manager deck:
 *  vision → leader, budget → manager, inspire → leader, schedule → manager. */

export const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);
export const at = (ms: number): Date => new Date(T0 + ms);

export const people = {
  ana: { id: "00000000-0000-4000-8000-00000000000a", nickname: "Ana", cohort: "Sales", kicked: false, joinedAt: at(1_000) },
  ben: { id: "00000000-0000-4000-8000-00000000000b", nickname: "=Ben", cohort: "Engineering", kicked: false, joinedAt: at(2_000) },
  dee: { id: "00000000-0000-4000-8000-00000000000d", nickname: "Dee", cohort: null, kicked: true, joinedAt: at(2_500) },
  cy: { id: "00000000-0000-4000-8000-00000000000c", nickname: "Cy", cohort: null, kicked: false, joinedAt: at(3_000) },
  eve: { id: "00000000-0000-4000-8000-00000000000e", nickname: "Eve", cohort: "Sales", kicked: false, joinedAt: at(200_000) },
};

type Who = keyof typeof people;

/** [who, statement, column, confidence?, placedAt ms?] */
type Row = [Who, string, string | null, Confidence?, number?];

/** Placements as both the report and the export read them. */
export type FixturePlacement = ReportPlacementInput & ExportPlacement;

export interface FixtureInput extends ReportInput {
  placements: FixturePlacement[];
}

export function placements(round: number, rows: Row[]): FixturePlacement[] {
  return rows.map(([who, statementKey, column, confidence, ms], i) => ({
    participantId: people[who].id,
    round,
    statementKey,
    column,
    confidence: confidence ?? null,
    placedAt: at(ms ?? 10_000 + round * 100_000 + i).toISOString(),
  }));
}

export function submission(who: Who, round: number, ms: number, byParticipant: boolean, score: number | null): ReportSubmissionInput {
  return { participantId: people[who].id, round, submittedAt: at(ms), byParticipant, score, total: score === null ? null : 4 };
}

export function events(list: [Phase, number, number][]): ReportPhaseEventInput[] {
  return list.map(([phase, round, ms]) => ({ phase, round, at: at(ms) }));
}

export const round1Placements = placements(1, [
  ["ana", "vision", "leader", "sure"],
  ["ana", "budget", "manager", "sure"],
  ["ana", "inspire", "leader"],
  ["ana", "schedule", "manager"],
  ["ben", "vision", "manager", "sure"],
  ["ben", "budget", "manager", "unsure"],
  ["ben", "inspire", "leader"],
  ["ben", "schedule", null, undefined, 40_000], // taken back
  ["cy", "vision", "leader"],
  ["cy", "budget", "leader", "sure"],
  ["dee", "vision", "manager", "sure"], // removed: never counted
  ["dee", "budget", "leader", "sure"],
]);

const session = (phase: Phase, round: number, maxRounds = 1) => ({
  id: "11111111-1111-4111-8111-111111111111",
  title: "Monday workshop",
  code: "ABCDEF",
  phase,
  round,
  maxRounds,
  createdAt: at(0),
  closedAt: phase === "closed" ? at(500_000) : null,
});

/** Round 1 revealed: Ana submitted after 30 s (4/4), Ben (2/4) and Cy (1/4) were closed at reveal. */
export function revealedSession(): FixtureInput {
  return {
    session: session("revealed", 1),
    deck: leaderDeck,
    participants: Object.values(people).filter((p) => p.nickname !== "Eve"),
    placements: round1Placements,
    submissions: [submission("ana", 1, 35_000, true, 4), submission("ben", 1, 100_000, false, 2), submission("cy", 1, 100_000, false, 1)],
    phaseEvents: events([
      ["draft", 1, 0],
      ["lobby", 1, 500],
      ["sorting", 1, 5_000],
      ["revealed", 1, 100_000],
    ]),
  };
}

/** Same placements, still sorting: only Ana has submitted, nothing is scored yet. */
export function liveSession(): FixtureInput {
  const revealed = revealedSession();
  return {
    ...revealed,
    session: session("sorting", 1),
    submissions: [submission("ana", 1, 35_000, true, null)],
    phaseEvents: revealed.phaseEvents.slice(0, 3),
  };
}

/** Round 1 as revealedSession, round 2 sorting (Eve joined in round 2). */
export function twoRoundSession(): FixtureInput {
  const revealed = revealedSession();
  return {
    ...revealed,
    session: session("sorting", 2, 2),
    participants: Object.values(people),
    placements: [
      ...round1Placements,
      ...placements(2, [
        ["ana", "vision", "manager"], // right → wrong
        ["ana", "budget", "manager"],
        ["ana", "inspire", "leader"],
        ["ana", "schedule", "manager"],
        ["ben", "vision", "leader"], // wrong → right
        ["ben", "budget", "manager"],
        ["ben", "inspire", "leader"],
        ["ben", "schedule", "manager"], // not placed → right
        ["eve", "vision", "leader"],
      ]),
    ],
    submissions: [...revealed.submissions, submission("ben", 2, 250_000, true, null)],
    phaseEvents: events([
      ["draft", 1, 0],
      ["lobby", 1, 500],
      ["sorting", 1, 5_000],
      ["revealed", 1, 100_000],
      ["sorting", 2, 150_000],
    ]),
  };
}
