import { ERROR_CODES, type ErrorCode } from "./errors";

/** The one reply shape for every client→server event. */
export type Ack<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; issues?: AckIssue[] };

/** Field-level detail for VALIDATION errors: where, and what is wrong, in plain words. */
export interface AckIssue {
  path: string;
  message: string;
}

export function ok<T>(data: T): Ack<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string = ERROR_CODES[code], issues?: AckIssue[]): Ack<never> {
  return issues?.length ? { ok: false, code, message, issues } : { ok: false, code, message };
}

/** Thrown inside handlers to answer with an error ack; anything else thrown becomes INTERNAL. */
export class ProtocolError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CODES[code],
  ) {
    super(message);
    this.name = "ProtocolError";
  }
}
