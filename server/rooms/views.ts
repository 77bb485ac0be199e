import { publicStatements } from "@/lib/decks/schema";
import { shuffledOrder } from "@/lib/domain/shuffle";
import { scoreRound } from "@/lib/domain/scoring";
import type {
  ConsoleView,
  KickedEntry,
  ParticipantResult,
  ParticipantView,
  PresenterView,
  ProgressView,
  RosterEntry,
  TallyView,
} from "@/lib/protocol/views";
import type { LiveRoom, Member } from "./live-room";

/** Builds what each audience receives. The participant builders are the only place participant
 *  payloads are made: they use `publicStatements` before reveal, so no canonical column or
 *  explanation can reach a phone early. */

export const PRESENTER_NICKNAME_CAP = 300;

export function rosterEntry(m: Member): RosterEntry {
  let placed = 0;
  for (const p of m.placements.values()) if (p.column !== null) placed++;
  return { id: m.id, nickname: m.nickname, cohort: m.cohort, placed, submitted: m.submitted, connected: m.connections > 0 };
}

export function kickedEntry(m: Member): KickedEntry {
  return { id: m.id, nickname: m.nickname, cohort: m.cohort, banned: m.banned };
}

export function progressView(room: LiveRoom): ProgressView {
  let joined = 0;
  let connected = 0;
  let submitted = 0;
  let closedAtReveal = 0;
  let placed = 0;
  for (const m of room.members.values()) {
    if (m.kicked) continue;
    joined++;
    if (m.connections > 0) connected++;
    if (m.closedAtReveal) closedAtReveal++;
    else if (m.submitted) submitted++;
    for (const p of m.placements.values()) if (p.column !== null) placed++;
  }
  return { round: room.round, joined, connected, submitted, closedAtReveal, placed, capacity: joined * room.deck.statements.length };
}

export function tallyView(room: LiveRoom): TallyView {
  return {
    round: room.round,
    counts: room.deck.statements.map((s) => room.deck.columns.map((c) => room.tally.counts[s.id]?.[c.id] ?? 0)),
  };
}

export function participantResult(room: LiveRoom, m: Member): ParticipantResult | null {
  if (!room.reveal || room.reveal.round !== room.round) return null;
  const score = scoreRound(room.deck, new Map([...m.placements].map(([id, p]) => [id, p.column])));
  const byId = new Map(room.deck.statements.map((s) => [s.id, s]));
  return {
    round: room.round,
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
        room: { ...room.tally.counts[r.statementId] },
      };
    }),
  };
}

export function participantView(room: LiveRoom, m: Member): ParticipantView {
  const phase = room.phaseView();
  return {
    session: {
      ...phase,
      title: room.title,
      language: room.deck.language,
      columns: room.deck.columns,
      cohortOptions: room.cohortOptions,
    },
    me: { id: m.id, nickname: m.nickname, cohort: m.cohort, submitted: m.submitted },
    cards: shuffledOrder(publicStatements(room.deck), m.id),
    placements: [...m.placements].map(([statementId, p]) => ({ statementId, column: p.column, confidence: p.confidence, seq: p.seq })),
    lastSeq: m.lastSeq,
    result: phase.phase === "revealed" || phase.phase === "closed" ? participantResult(room, m) : null,
  };
}

export function consoleView(room: LiveRoom): ConsoleView {
  return {
    session: {
      ...room.phaseView(),
      id: room.id,
      code: room.code,
      title: room.title,
      presenterKey: room.presenterKey,
      columns: room.deck.columns,
      statements: room.deck.statements,
      cohortOptions: room.cohortOptions,
    },
    roster: [...room.members.values()].filter((m) => !m.kicked).map(rosterEntry),
    kicked: [...room.members.values()].filter((m) => m.kicked).map(kickedEntry),
    progress: progressView(room),
    tally: tallyView(room),
    reveal: room.reveal,
  };
}

/** Whether the projector may see the room's split: after reveal, or while sorting only when the
 *  facilitator chose to show live splits. One rule for the sync view and the broadcasts. */
export function screensMaySeeTally(room: LiveRoom): boolean {
  const phase = room.phaseView();
  return phase.phase === "revealed" || (phase.phase === "closed" && room.reveal !== null) || phase.showLiveSplits;
}

/** The projector: no answers before reveal, and live splits only when the facilitator allows. */
export function presenterView(room: LiveRoom): PresenterView {
  const phase = room.phaseView();
  const active = [...room.members.values()].filter((m) => !m.kicked);
  const revealed = phase.phase === "revealed" || (phase.phase === "closed" && room.reveal !== null);
  return {
    session: { ...phase, code: room.code, title: room.title, columns: room.deck.columns, statementCount: room.deck.statements.length },
    nicknames: active.slice(-PRESENTER_NICKNAME_CAP).map((m) => m.nickname),
    joined: active.length,
    progress: progressView(room),
    tally: screensMaySeeTally(room) ? tallyView(room) : null,
    reveal: revealed ? room.reveal : null,
  };
}
