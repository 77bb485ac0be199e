import type { RoomPatch, RoomWrite, RoundScore } from "./commands";
import type { Phase } from "@/lib/domain/phases";
import type { StoredMember, StoredRoom, StoredRound } from "./state";

/** One placement to store, for the room `roomId`. */
export type PlacementRow = Omit<Extract<RoomWrite, { kind: "placement" }>, "kind"> & { roomId: string };

/** What became of one placement handed to the store. */
export type PlacementOutcome =
  /** Stored: the move counts. */
  | "applied"
  /** The same move was already stored (a retried send): answer as if applied, change nothing. */
  | "duplicate"
  /** A newer move for this card is stored: the older one must not win. */
  | "stale"
  /** Refused for a state reason the store checked itself (phase, round, timer, submitted, removed). */
  | "rejected";

/**
 * Where a room's state is kept: Postgres in production (server/rooms/postgres-store.ts), memory in
 * tests. Every write that depends on the room's state re-checks it in the store itself (SQL
 * guards, compare-and-set on phase and round), so a second node or a stale cache can never
 * corrupt a session: the room's own rules (lib/room/decide) are the fast check, the store the
 * final one.
 */
export interface RoomStore {
  loadRoom(roomId: string): Promise<StoredRoom | null>;
  loadRound(roomId: string, round: number): Promise<StoredRound>;
  /** "refused" when the room no longer takes joins (phase or lock changed in the store). */
  insertParticipant(roomId: string, member: StoredMember, tokenHash: string): Promise<"inserted" | "nicknameTaken" | "refused">;
  /** Many placements in one round trip, at most one per (participant, round, card); outcomes in
   *  the order of `rows`. */
  writePlacements(rows: readonly PlacementRow[]): Promise<PlacementOutcome[]>;
  /** Participants' own submits, in one round trip; returns the ids actually stored (a second
   *  submit of the same round is not). */
  insertSubmissions(roomId: string, rows: readonly { participantId: string; round: number; submittedAt: number }[]): Promise<Set<string>>;
  /** Compare-and-set: false when the stored phase or round is no longer `expected`. */
  updateRoom(roomId: string, patch: RoomPatch, expected: { phase: Phase; round: number }, at: number, closedAt?: number): Promise<boolean>;
  removeParticipant(participantId: string, banned: boolean): Promise<void>;
  setBanned(participantId: string, banned: boolean): Promise<void>;
  finalizeRound(roomId: string, round: number, at: number, scores: readonly RoundScore[]): Promise<void>;
}

/** One stored card: a participant's card in a round (the placements table's primary key), as one
 *  string, for maps that pair rows written with rows asked for. */
export function cardKey(w: { participantId: string; round: number; statementKey: string }): string {
  return `${w.participantId}|${w.round}|${w.statementKey}`;
}
