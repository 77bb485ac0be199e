import type { Phase, PhaseAction } from "@/lib/domain/phases";
import type { TimerState } from "@/lib/domain/timer";
import type { ErrorCode } from "@/lib/protocol/errors";
import type { CardPlacement, Confidence, StoredMember, StoredRound } from "./state";

/** What someone asks a room to do. Every change of a room's state starts as one of these. */
export type RoomCommand =
  | { type: "join"; participantId: string; tokenHash: string; nickname: string; cohort: string | null | undefined }
  | { type: "place"; participantId: string; statementId: string; column: string | null; confidence: Confidence | null; seq: number }
  | { type: "submit"; participantId: string }
  | { type: "connect"; participantId: string }
  | { type: "disconnect"; participantId: string }
  | { type: "changePhase"; action: PhaseAction; timerSeconds?: number | null }
  | { type: "timer"; change: TimerChange; seconds?: number }
  | { type: "lock"; locked: boolean }
  | { type: "showSplits"; show: boolean }
  | { type: "gotoDiscussion"; index: number }
  | { type: "remove"; participantId: string; ban: boolean }
  | { type: "unban"; participantId: string }
  /** At reveal, after the round was reloaded from the store: score everyone, close the round. */
  | { type: "closeRound" };

export type TimerChange = "set" | "pause" | "resume" | "extend" | "clear";

/** The live fields of a room's stored row that commands change. */
export interface RoomPatch {
  phase?: Phase;
  round?: number;
  locked?: boolean;
  timer?: TimerState;
  discussionIndex?: number;
  showLiveSplits?: boolean;
}

export interface RoundScore {
  participantId: string;
  correct: number;
  total: number;
}

/** What happened; `apply` folds these into the state. */
export type RoomEvent =
  | { type: "joined"; member: StoredMember }
  | { type: "placed"; participantId: string; statementId: string; placement: CardPlacement }
  | { type: "submitted"; participantId: string }
  | { type: "connectionsChanged"; participantId: string; delta: 1 | -1 }
  | { type: "patched"; patch: RoomPatch }
  | { type: "removed"; participantId: string; banned: boolean }
  | { type: "banChanged"; participantId: string; banned: boolean }
  | { type: "roundClosed"; round: number; scores: RoundScore[] }
  | { type: "roundLoaded"; round: StoredRound };

/** What must be stored before the events may be applied. */
export type RoomWrite =
  | { kind: "insertParticipant"; member: StoredMember; tokenHash: string }
  | {
      kind: "placement";
      participantId: string;
      round: number;
      statementKey: string;
      column: string | null;
      confidence: Confidence | null;
      seq: number;
      placedAt: number;
    }
  | { kind: "submission"; participantId: string; round: number; submittedAt: number }
  /** Compare-and-set: stored only while the row still has the phase and round `expected`. */
  | { kind: "roomState"; patch: RoomPatch; expected: { phase: Phase; round: number }; at: number; closedAt?: number }
  | { kind: "removeParticipant"; participantId: string; banned: boolean }
  | { kind: "setBanned"; participantId: string; banned: boolean }
  | { kind: "finalizeRound"; round: number; at: number; scores: RoundScore[] };

export interface RoomError {
  code: ErrorCode;
  /** Overrides the code's default message when the reason is more specific. */
  message?: string;
}

/** `decide`'s answer. The room performs `writes` in order; when they are stored it applies
 *  `events` in order; with `reload` it then reloads the round from the store; with `then` it
 *  decides that command next (still as one step: nothing else runs in between). */
export type Decision =
  | { ok: false; error: RoomError }
  | { ok: true; events: RoomEvent[]; writes: RoomWrite[]; reload?: boolean; then?: RoomCommand };
