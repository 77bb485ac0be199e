import type { DeckColumn, PublicStatement } from "@/lib/decks/types";
import type { ParticipantResult, ParticipantView, PhaseView, PlacementAck } from "@/lib/protocol/views";

/** The participant's phone state as a pure reducer: no sockets, timers or storage here, so every
 *  rule about optimistic moves (pending, seq, retries, resync) is unit-testable. The controller
 *  (participant-controller.ts) does the I/O and feeds the results back in as actions. */

export type Confidence = "sure" | "unsure" | null;

/** One move as the server knows it (or will): the latest for its card wins by `seq`. */
export interface Move {
  statementId: string;
  column: string | null;
  confidence: Confidence;
  seq: number;
}

/** A move shown optimistically until the server acks it. `round` guards against replaying a
 *  move from an earlier round after a reload. */
export interface PendingMove extends Move {
  round: number;
  attempts: number;
}

/** What "Undo" restores: the card's effective state before the move. */
export interface UndoEntry {
  statementId: string;
  column: string | null;
  confidence: Confidence;
}

export type Screen =
  /** Server render and first paint, before the browser code has looked at storage. */
  | "starting"
  /** A stored token is being used: waiting for the first sync. */
  | "connecting"
  /** No (usable) token: ask for a nickname. */
  | "join"
  /** Joined: the phase decides what is shown. */
  | "ready"
  | "kicked"
  /** The page must be reloaded (protocol mismatch and the like). */
  | "fatal";

export type SessionInfo = ParticipantView["session"];

export interface ParticipantState {
  screen: Screen;
  /** Socket connected right now. The banner shows when joined but not connected. */
  connected: boolean;
  /** A message for the join, kicked or fatal screen. */
  notice: string | null;
  /** A short message after a refused action ("Time is up…"), shown on the sorting screens. */
  flash: string | null;
  session: SessionInfo | null;
  /** serverNow - Date.now() at the last phase update: corrects the countdown for a wrong phone clock. */
  clockOffset: number;
  me: ParticipantView["me"] | null;
  cards: PublicStatement[];
  /** What the server has stored, per statement id. */
  saved: Record<string, Move>;
  /** Optimistic moves not yet acked, per statement id (only the latest move of a card). */
  pending: Record<string, PendingMove>;
  /** The seq the next move will use. Never goes down. */
  nextSeq: number;
  history: UndoEntry[];
  result: ParticipantResult | null;
}

export type Action =
  | { type: "screen"; screen: Screen; notice?: string | null }
  | { type: "connection"; connected: boolean }
  /** Moves and seq kept in storage from an earlier page load, merged on the next sync. */
  | { type: "restored"; lastSeq: number; pending: PendingMove[] }
  | { type: "synced"; view: ParticipantView; now: number }
  | { type: "phase"; view: PhaseView; now: number }
  /** A new move. `confidence` undefined keeps the card's current one. `floorSeq` lets the caller
   *  raise the counter (another tab of the same participant may have used seqs). */
  | { type: "place"; statementId: string; column: string | null; confidence?: Confidence; floorSeq?: number }
  | { type: "undo"; floorSeq?: number }
  | { type: "acked"; ack: PlacementAck }
  | { type: "stale"; statementId: string; seq: number }
  | { type: "retry"; statementId: string; seq: number }
  /** The server refused the moves (wrong phase, already submitted...): drop them all. */
  | { type: "refused"; message: string }
  | { type: "submitted" }
  | { type: "result"; result: ParticipantResult }
  /** Forget the participant: back to the join form, or the "removed" screen. */
  | { type: "reset"; screen: "join" | "kicked"; notice: string | null }
  | { type: "flash"; message: string | null };

export const initialState: ParticipantState = {
  screen: "starting",
  connected: false,
  notice: null,
  flash: null,
  session: null,
  clockOffset: 0,
  me: null,
  cards: [],
  saved: {},
  pending: {},
  nextSeq: 1,
  history: [],
  result: null,
};

/** Undo goes back this many moves at most; older ones are dropped. */
export const UNDO_LIMIT = 50;

export function reduce(state: ParticipantState, action: Action): ParticipantState {
  switch (action.type) {
    case "screen":
      return { ...state, screen: action.screen, notice: action.notice === undefined ? state.notice : action.notice };
    case "connection":
      return state.connected === action.connected ? state : { ...state, connected: action.connected };
    case "restored": {
      const pending = { ...state.pending };
      for (const p of action.pending) {
        const current = pending[p.statementId];
        if (!current || current.seq < p.seq) pending[p.statementId] = { ...p, attempts: 0 };
      }
      return { ...state, pending, nextSeq: Math.max(state.nextSeq, action.lastSeq + 1) };
    }
    case "synced":
      return synced(state, action.view, action.now);
    case "phase": {
      if (!state.session) return state;
      const roundChanged = action.view.round !== state.session.round;
      return {
        ...state,
        session: { ...state.session, ...action.view },
        clockOffset: action.view.serverNow - action.now,
        // A new round starts from an empty board: the old moves and their undo no longer apply.
        ...(roundChanged ? { saved: {}, pending: {}, history: [], result: null, flash: null } : {}),
        ...(action.view.phase !== "sorting" ? { pending: {}, history: [] } : {}),
      };
    }
    case "place":
      return place(state, action.statementId, action.column, action.confidence, action.floorSeq, true);
    case "undo": {
      const last = state.history.at(-1);
      if (!last) return state;
      const next = place(state, last.statementId, last.column, last.confidence, action.floorSeq, false);
      return next === state ? state : { ...next, history: state.history.slice(0, -1) };
    }
    case "acked":
      return acked(state, action.ack);
    case "stale": {
      // A newer move for this card is stored already: ours lost. The controller resyncs to learn it.
      const p = state.pending[action.statementId];
      if (!p || p.seq !== action.seq) return state;
      return { ...state, pending: without(state.pending, action.statementId) };
    }
    case "retry": {
      const p = state.pending[action.statementId];
      if (!p || p.seq !== action.seq) return state;
      return { ...state, pending: { ...state.pending, [action.statementId]: { ...p, attempts: p.attempts + 1 } } };
    }
    case "refused":
      return { ...state, pending: {}, history: [], flash: action.message };
    case "submitted":
      return state.me ? { ...state, me: { ...state.me, submitted: true }, pending: {}, history: [] } : state;
    case "result":
      return { ...state, result: action.result };
    case "reset":
      return { ...initialState, screen: action.screen, notice: action.notice, connected: state.connected };
    case "flash":
      return { ...state, flash: action.message };
  }
}

function synced(state: ParticipantState, view: ParticipantView, now: number): ParticipantState {
  const saved: Record<string, Move> = {};
  for (const p of view.placements) saved[p.statementId] = { ...p };
  const round = view.session.round;
  const open = view.session.phase === "sorting" && !view.me.submitted;
  const sameRound = state.session === null || state.session.round === round;
  // Keep only moves the server has not stored yet (seq above what it holds for that card), of this
  // round, while moves are still possible: those get resent; the rest are settled.
  const pending: Record<string, PendingMove> = {};
  if (open) {
    for (const p of Object.values(state.pending)) {
      if (p.round !== round) continue;
      if (p.seq > (saved[p.statementId]?.seq ?? 0)) pending[p.statementId] = p;
    }
  }
  return {
    ...state,
    session: view.session,
    clockOffset: view.session.serverNow - now,
    me: view.me,
    cards: view.cards,
    saved,
    pending,
    nextSeq: Math.max(state.nextSeq, view.lastSeq + 1),
    history: open && sameRound ? state.history : [],
    result: view.result ?? (sameRound ? state.result : null),
  };
}

function place(
  state: ParticipantState,
  statementId: string,
  column: string | null,
  confidence: Confidence | undefined,
  floorSeq: number | undefined,
  undoable: boolean,
): ParticipantState {
  if (!canMove(state)) return state;
  if (!state.cards.some((c) => c.id === statementId)) return state;
  if (column !== null && !state.session!.columns.some((c) => c.id === column)) return state;
  const before = effectiveMove(state, statementId);
  const nextConfidence = confidence === undefined ? (before?.confidence ?? null) : confidence;
  if ((before?.column ?? null) === column && (before?.confidence ?? null) === nextConfidence) return state;
  const seq = Math.max(state.nextSeq, floorSeq ?? 0);
  const move: PendingMove = { statementId, column, confidence: nextConfidence, seq, round: state.session!.round, attempts: 0 };
  const history = undoable
    ? [...state.history, { statementId, column: before?.column ?? null, confidence: before?.confidence ?? null }].slice(-UNDO_LIMIT)
    : state.history;
  return { ...state, pending: { ...state.pending, [statementId]: move }, nextSeq: seq + 1, history, flash: null };
}

function acked(state: ParticipantState, ack: PlacementAck): ParticipantState {
  const p = state.pending[ack.statementId];
  const stored = state.saved[ack.statementId];
  // An older ack arriving after a newer one must not overwrite what is saved.
  const savedMove: Move | undefined =
    stored && stored.seq >= ack.seq
      ? stored
      : { statementId: ack.statementId, column: ack.column, confidence: p && p.seq === ack.seq ? p.confidence : (stored?.confidence ?? null), seq: ack.seq };
  const saved = savedMove === stored ? state.saved : { ...state.saved, [ack.statementId]: savedMove! };
  const pending = p && p.seq <= ack.seq ? without(state.pending, ack.statementId) : state.pending;
  if (saved === state.saved && pending === state.pending) return state;
  return { ...state, saved, pending };
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

// ── selectors ───────────────────────────────────────────────────────────────────────────────

/** Moves are possible only while sorting, before submitting. */
export function canMove(state: ParticipantState): boolean {
  return state.session?.phase === "sorting" && state.me !== null && !state.me.submitted;
}

/** What the participant sees for a card: their pending move, else what the server stored. */
export function effectiveMove(state: ParticipantState, statementId: string): Move | undefined {
  return state.pending[statementId] ?? state.saved[statementId];
}

export function columnOf(state: ParticipantState, statementId: string): string | null {
  return effectiveMove(state, statementId)?.column ?? null;
}

export function isPending(state: ParticipantState, statementId: string): boolean {
  return state.pending[statementId] !== undefined;
}

export function unplacedCards(state: ParticipantState): PublicStatement[] {
  return state.cards.filter((c) => columnOf(state, c.id) === null);
}

/** Card-by-card mode shows the first unplaced card in the server's (per-participant) order. */
export function currentCard(state: ParticipantState): PublicStatement | undefined {
  return state.cards.find((c) => columnOf(state, c.id) === null);
}

export function placedCount(state: ParticipantState): number {
  return state.cards.length - unplacedCards(state).length;
}

export function cardsIn(state: ParticipantState, column: string): PublicStatement[] {
  return state.cards.filter((c) => columnOf(state, c.id) === column);
}

export function columnLabel(columns: readonly DeckColumn[], id: string | null): string {
  if (id === null) return "not placed";
  return columns.find((c) => c.id === id)?.label ?? id;
}

/** Moves still to send, oldest first (the order they were made in). */
export function pendingMoves(state: ParticipantState): PendingMove[] {
  return Object.values(state.pending).sort((a, b) => a.seq - b.seq);
}

/** Ms left on the timer by the server's clock, or null without a timer. Paused timers report
 *  their frozen remainder. */
export function timeLeft(state: ParticipantState, now: number): { ms: number; paused: boolean } | null {
  const timer = state.session?.timer;
  if (!timer) return null;
  if (timer.endsAt !== null) return { ms: Math.max(0, timer.endsAt - (now + state.clockOffset)), paused: false };
  if (timer.remainingMs !== null) return { ms: Math.max(0, timer.remainingMs), paused: true };
  return null;
}
