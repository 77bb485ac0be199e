import { publicStatements } from "@/lib/decks/schema";
import { shuffledOrder } from "@/lib/domain/shuffle";
import type {
  ConsoleView,
  KickedEntry,
  ParticipantResult,
  ParticipantView,
  PhaseView,
  PresenterView,
  RosterPage,
} from "@/lib/protocol/views";
import { progressOf, revealOf, scoreOf, screensMaySeeTally, tallyViewOf } from "./derive";
import { DEFAULT_ROSTER_WINDOW, rosterPage } from "./roster-page";
import type { ReadonlyMemberState, ReadonlyRoomState } from "./state";

/** Builds what each audience receives from a room's state. The participant builders are the only
 *  place participant payloads are made: they use `publicStatements` before reveal, so no
 *  canonical column or explanation can reach a phone early. */

export const PRESENTER_NICKNAME_CAP = 300;

export function phaseView(state: ReadonlyRoomState, now: number): PhaseView {
  return {
    phase: state.phase,
    round: state.round,
    maxRounds: state.settings.maxRounds,
    locked: state.locked,
    timer: { ...state.timer },
    discussionIndex: state.discussionIndex,
    showLiveSplits: state.showLiveSplits,
    serverNow: now,
  };
}

export function kickedEntry(m: ReadonlyMemberState): KickedEntry {
  return { id: m.id, nickname: m.nickname, cohort: m.cohort, banned: m.banned };
}

export function participantResult(state: ReadonlyRoomState, m: ReadonlyMemberState): ParticipantResult | null {
  if (state.scoredRound !== state.round) return null;
  const { deck } = state.settings;
  const score = scoreOf(state, m);
  const byId = new Map(deck.statements.map((s) => [s.id, s]));
  return {
    round: state.round,
    correct: score.correct,
    total: score.total,
    cards: score.results.map((r) => {
      const statement = byId.get(r.statementId)!;
      return {
        statementId: r.statementId,
        text: statement.text,
        placed: r.placed,
        canonical: r.canonical,
        correct: r.correct,
        explanation: statement.explanation,
        room: { ...state.tally.counts[r.statementId] },
      };
    }),
  };
}

export function participantView(state: ReadonlyRoomState, m: ReadonlyMemberState, now: number): ParticipantView {
  const phase = phaseView(state, now);
  const { deck } = state.settings;
  return {
    session: { ...phase, title: state.settings.title, language: deck.language, columns: deck.columns, cohortOptions: [...state.settings.cohortOptions] },
    me: { id: m.id, nickname: m.nickname, cohort: m.cohort, submitted: m.submitted },
    cards: shuffledOrder(publicStatements(deck), m.id),
    placements: [...m.placements].map(([statementId, p]) => ({ statementId, column: p.column, confidence: p.confidence, seq: p.seq })),
    lastSeq: m.lastSeq,
    result: phase.phase === "revealed" || phase.phase === "closed" ? participantResult(state, m) : null,
  };
}

/** Everyone the facilitator removed, in joining order. */
export function kickedEntries(state: ReadonlyRoomState): KickedEntry[] {
  const kicked: KickedEntry[] = [];
  for (const m of state.members.values()) if (m.kicked) kicked.push(kickedEntry(m));
  return kicked;
}

/** The console's full view; its roster is one page (`roster`: the socket's window's page). */
export function consoleView(state: ReadonlyRoomState, now: number, roster: RosterPage = rosterPage(state, DEFAULT_ROSTER_WINDOW)): ConsoleView {
  const { settings } = state;
  return {
    session: {
      ...phaseView(state, now),
      id: settings.id,
      code: settings.code,
      title: settings.title,
      presenterKey: settings.presenterKey,
      columns: settings.deck.columns,
      statements: settings.deck.statements,
      cohortOptions: [...settings.cohortOptions],
    },
    roster,
    kicked: kickedEntries(state),
    progress: progressOf(state),
    tally: tallyViewOf(state),
    reveal: revealOf(state),
  };
}

/** The projector: no answers before reveal, and live splits only when the facilitator allows. */
export function presenterView(state: ReadonlyRoomState, now: number): PresenterView {
  const { settings } = state;
  const active = [...state.members.values()].filter((m) => !m.kicked);
  return {
    session: { ...phaseView(state, now), code: settings.code, title: settings.title, columns: settings.deck.columns, statementCount: settings.deck.statements.length },
    nicknames: active.slice(-PRESENTER_NICKNAME_CAP).map((m) => m.nickname),
    joined: active.length,
    progress: progressOf(state),
    tally: screensMaySeeTally(state) ? tallyViewOf(state) : null,
    reveal: revealOf(state),
  };
}
