import { ERROR_CODES, KICKED_REJOIN_MESSAGE, type ErrorCode } from "@/lib/protocol/errors";

/** English texts that lib/client produces, or the server sends, without their own error code
 *  (notices). messages/en.ts uses them as its `notices`, and the client maps them back to keys to
 *  translate them. Keep in step with lib/client/participant-controller.ts. */
export const ENGLISH_NOTICES = {
  offline: "You are offline right now. Your answers are safe; submit again when reconnected.",
  unreachable: "We cannot reach the server yet. Still trying…",
  deviceForgotten: "This device is not part of the session any more. Join again with a nickname.",
  kickedMayRejoin: KICKED_REJOIN_MESSAGE,
};

export type NoticeKey = keyof typeof ENGLISH_NOTICES;

export const NOTICE_BY_TEXT = new Map<string, NoticeKey>(Object.entries(ENGLISH_NOTICES).map(([k, v]) => [v, k as NoticeKey]));

/** The default English message of each error code, back to its code. */
export const CODE_BY_TEXT = new Map<string, ErrorCode>(Object.entries(ERROR_CODES).map(([k, v]) => [v, k as ErrorCode]));
