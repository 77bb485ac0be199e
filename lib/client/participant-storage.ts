import type { PendingMove } from "./participant-store";

/** What a phone keeps per session code in localStorage: the device token (so a reload or a
 *  dropped connection never asks for the nickname again), the highest seq used (so a seq is never
 *  reused for a different move) and the moves not yet acked (so a reload does not lose them).
 *  Every access is guarded: private mode or a full quota must not break the page. */

const PREFIX = "sortroom.participant.";

export function tokenKey(code: string): string {
  return `${PREFIX}${code}`;
}

function movesKey(code: string): string {
  return `${PREFIX}${code}.moves`;
}

export interface StoredMoves {
  lastSeq: number;
  pending: PendingMove[];
}

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function readToken(code: string): string | null {
  try {
    const token = storage()?.getItem(tokenKey(code)) ?? null;
    return token && token.length >= 16 && token.length <= 128 ? token : null;
  } catch {
    return null;
  }
}

export function writeToken(code: string, token: string): void {
  try {
    storage()?.setItem(tokenKey(code), token);
  } catch {
    // Without storage the participant stays joined for this page load only.
  }
}

/** Forgets everything about this session on this device (the token was refused as unknown). */
export function forgetParticipant(code: string): void {
  try {
    storage()?.removeItem(tokenKey(code));
  } catch {
    // nothing to forget
  }
  forgetMoves(code);
}

/** Forgets the moves but keeps the token: a removed participant's device keeps presenting it, so
 *  the server keeps refusing it (KICKED) instead of seeing a new guest. */
export function forgetMoves(code: string): void {
  try {
    storage()?.removeItem(movesKey(code));
  } catch {
    // nothing to forget
  }
}

export function readMoves(code: string): StoredMoves {
  try {
    const raw = storage()?.getItem(movesKey(code));
    if (!raw) return { lastSeq: 0, pending: [] };
    const parsed = JSON.parse(raw) as Partial<StoredMoves>;
    const lastSeq = Number.isSafeInteger(parsed.lastSeq) && parsed.lastSeq! > 0 ? parsed.lastSeq! : 0;
    const pending = Array.isArray(parsed.pending) ? parsed.pending.filter(isPendingMove) : [];
    return { lastSeq, pending };
  } catch {
    return { lastSeq: 0, pending: [] };
  }
}

export function writeMoves(code: string, moves: StoredMoves): void {
  try {
    storage()?.setItem(movesKey(code), JSON.stringify(moves));
  } catch {
    // the in-memory copy still works for this page load
  }
}

function isPendingMove(value: unknown): value is PendingMove {
  const v = value as Partial<PendingMove> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.statementId === "string" &&
    (v.column === null || typeof v.column === "string") &&
    (v.confidence === null || v.confidence === "sure" || v.confidence === "unsure") &&
    Number.isSafeInteger(v.seq) &&
    Number.isSafeInteger(v.round) &&
    typeof v.attempts === "number"
  );
}
