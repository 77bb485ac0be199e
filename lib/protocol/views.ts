import type { DeckColumn, DeckStatement, PublicStatement } from "@/lib/decks/types";
import type { Phase } from "@/lib/domain/phases";

/** Shapes the server sends. What a participant receives is typed separately from what the
 *  facilitator receives, so canonical answers cannot leak into a participant view by accident:
 *  participant types only ever hold `PublicStatement`. */

export interface TimerView {
  /** Epoch ms when a running timer ends; null when paused or unset. */
  endsAt: number | null;
  /** Ms left on a paused timer; null when running or unset. */
  remainingMs: number | null;
}

export interface PhaseView {
  phase: Phase;
  round: number;
  maxRounds: number;
  locked: boolean;
  timer: TimerView;
  discussionIndex: number;
  showLiveSplits: boolean;
  /** The server's clock when this was sent, so clients can correct their own for the countdown. */
  serverNow: number;
}

export interface PlacementView {
  statementId: string;
  column: string | null;
  confidence: "sure" | "unsure" | null;
  seq: number;
}

export interface ResultCard {
  statementId: string;
  text: string;
  placed: string | null;
  canonical: string;
  correct: boolean;
  explanation: string;
  /** How the room sorted it: count per column id. */
  room: Record<string, number>;
}

export interface ParticipantResult {
  round: number;
  correct: number;
  total: number;
  cards: ResultCard[];
}

export interface ParticipantView {
  session: PhaseView & { title: string; language: string; columns: DeckColumn[]; cohortOptions: string[] };
  me: { id: string; nickname: string; cohort: string | null; submitted: boolean };
  /** This participant's cards, in their own shuffled order. Text only: no answers. */
  cards: PublicStatement[];
  placements: PlacementView[];
  /** Highest `seq` the server has stored for this participant; continue above it. */
  lastSeq: number;
  result: ParticipantResult | null;
}

export interface JoinResult {
  /** The device token (≥ 128 bits); keep it and send it in the handshake to come back. */
  participantToken: string;
  view: ParticipantView;
}

export interface PlacementAck {
  statementId: string;
  column: string | null;
  seq: number;
}

export interface RosterEntry {
  id: string;
  nickname: string;
  cohort: string | null;
  placed: number;
  submitted: boolean;
  connected: boolean;
}

/** A participant the facilitator removed: they stay listed as removed on the console. A kicked
 *  participant may join again as someone new; a banned one's device cannot come back into the
 *  session (until the facilitator lifts the ban). */
export interface KickedEntry {
  id: string;
  nickname: string;
  cohort: string | null;
  banned: boolean;
}

/** Which rows of the roster a console shows (`roster:window`): active participants in joining
 *  order, from `offset`, at most `limit`, only those whose nickname contains `search` (ignoring
 *  case and width) when it is set. */
export interface RosterWindow {
  offset: number;
  limit: number;
  search?: string;
}

/** The room's figures a console shows beside its page: over every active participant, whatever
 *  the window. `submitted` and `placing` count as the rows do: `submitted` is a row's ✓ (closed at
 *  reveal included), `placing` has a card placed and no ✓. */
export interface RosterCounts {
  joined: number;
  online: number;
  submitted: number;
  placing: number;
}

/** What a console is sent of the roster: its window's rows and the room's counts, never every
 *  participant (`facilitator:sync`, the `roster:window` ack, `roster:page`). */
export interface RosterPage {
  offset: number;
  limit: number;
  /** The window's search as asked ("" for none). */
  search: string;
  /** Active participants matching the search (all of them without one). */
  total: number;
  rows: RosterEntry[];
  counts: RosterCounts;
}

/** Everyone the facilitator removed, in joining order: sent whole whenever a kick, ban or unban
 *  changes it (it is short, and the console lists it apart from the roster). */
export interface RosterKicked {
  kicked: KickedEntry[];
}

export interface ProgressView {
  round: number;
  joined: number;
  connected: number;
  /** Participants who submitted themselves. */
  submitted: number;
  /** Participants whose round was closed at reveal without their submitting (added in protocol
   *  1; older clients ignore it). submitted + closedAtReveal = joined once the round is revealed. */
  closedAtReveal: number;
  /** Cards placed across the room, and the most there could be (joined × cards). */
  placed: number;
  capacity: number;
}

/** Per statement in deck order, counts per column in column order: compact on the wire. */
export interface TallyView {
  round: number;
  counts: number[][];
}

export interface StatementAnalysisView {
  statementId: string;
  counts: Record<string, number>;
  placed: number;
  canonical: string;
  accuracy: number | null;
  splitIndex: number;
  majorityWrong: boolean;
}

export interface RevealView {
  round: number;
  statements: DeckStatement[];
  analysis: StatementAnalysisView[];
  /** Statement ids, majority-wrong first, then most evenly split. */
  queue: string[];
}

export interface ConsoleView {
  session: PhaseView & {
    id: string;
    code: string;
    title: string;
    presenterKey: string;
    columns: DeckColumn[];
    statements: DeckStatement[];
    cohortOptions: string[];
  };
  /** The page of the roster this console's window shows (the first 50 until it asks for another). */
  roster: RosterPage;
  /** Participants the facilitator removed, in joining order (not in `roster`). */
  kicked: KickedEntry[];
  progress: ProgressView;
  tally: TallyView;
  reveal: RevealView | null;
}

export interface PresenterView {
  session: PhaseView & { code: string; title: string; columns: DeckColumn[]; statementCount: number };
  /** Most recent nicknames (capped), and the total. */
  nicknames: string[];
  joined: number;
  progress: ProgressView;
  /** Only when the facilitator shows live splits, or after reveal. */
  tally: TallyView | null;
  reveal: RevealView | null;
}

/** What a removed participant's phone is told before its socket is closed. */
export interface KickedNotice {
  message: string;
  /** true: this device may not come back (keep the token, it will be refused as KICKED); false:
   *  the token is void, join again as someone new (added in protocol 1; absent means banned). */
  banned: boolean;
}

export interface LobbyDelta {
  added: string[];
  removed: string[];
  joined: number;
}

/** Socket.IO's typed map of server→client events, shared by client and server. The client→server
 *  events are derived from lib/protocol/registry.ts. */
export interface ServerToClientEvents {
  "session:phase": (view: PhaseView) => void;
  "session:progress": (view: ProgressView) => void;
  "session:tally": (view: TallyView) => void;
  "roster:page": (page: RosterPage) => void;
  "roster:kicked": (update: RosterKicked) => void;
  "lobby:delta": (delta: LobbyDelta) => void;
  "session:revealed": (view: RevealView) => void;
  "participant:result": (result: ParticipantResult) => void;
  "participant:kicked": (info: KickedNotice) => void;
}
