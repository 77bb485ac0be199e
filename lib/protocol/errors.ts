/** Every error code an ack or a connect error can carry. Public contract: documented in
 *  docs/protocol.md; never rename one, only add. */
export const ERROR_CODES = {
  PROTOCOL_MISMATCH: "The app was updated. Reload the page.",
  ORIGIN_REJECTED: "This page is not allowed to connect.",
  UNAUTHENTICATED: "Sign in again.",
  FORBIDDEN: "You are not allowed to do that.",
  VALIDATION: "Some of the data sent was not valid.",
  PAYLOAD_TOO_LARGE: "The message was too large.",
  RATE_LIMITED: "Too many requests; slow down a little.",
  UNKNOWN_EVENT: "Unknown event.",
  SESSION_NOT_FOUND: "No open session has that code. Check the code on the screen.",
  SESSION_CLOSED: "This session has ended.",
  SESSION_LOCKED: "The facilitator has locked this session; no one new can join.",
  WRONG_PHASE: "That is not possible at this point of the session.",
  NICKNAME_EMPTY: "Pick a nickname.",
  NICKNAME_TOO_LONG: "Pick a nickname of 24 characters at most.",
  NICKNAME_INVALID: "That nickname has characters we cannot show.",
  NICKNAME_TAKEN: "Someone in this session already uses that nickname. Pick another.",
  COHORT_INVALID: "Pick one of the listed groups.",
  UNKNOWN_STATEMENT: "That card is not in this deck.",
  UNKNOWN_COLUMN: "That column is not in this deck.",
  UNKNOWN_PARTICIPANT: "No such participant in this session.",
  ALREADY_SUBMITTED: "You already submitted your answers.",
  STALE_PLACEMENT: "A newer move for this card was already saved.",
  KICKED: "The facilitator removed you from this session.",
  UNAVAILABLE: "The server cannot save right now. Your answers are kept; it will retry.",
  BUSY: "The server is very busy right now. Your answers are kept; it will retry.",
  INTERNAL: "Something went wrong on the server.",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Told to a participant the facilitator kicked (not banned): in `participant:kicked`, and as the
 *  message of UNAUTHENTICATED when the void token comes back. */
export const KICKED_REJOIN_MESSAGE = "The facilitator removed you. You can join again with another nickname.";

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_CODES, value);
}
