/**
 * Participant nicknames: shown on the facilitator's projector and used to tell people apart,
 * so they must be visible, of sensible length, and not able to reorder or hide the text
 * around them (bidi overrides) or impersonate someone else with invisible characters.
 */

import { isStorableText } from "./storable-text";

export const NICKNAME_MIN_LENGTH = 1;
/** Counted in grapheme clusters ("what a person sees as one character"), so "é" or "👍🏽" count as one. */
export const NICKNAME_MAX_LENGTH = 24;
/** Storage cap in UTF-16 code units (8 per allowed grapheme: room for flags, skin tones and
 *  Indic conjuncts). Without it, 24 graphemes could carry hundreds of stacked combining marks
 *  ("Zalgo" text) that spill over neighbouring rows on the projector and bloat storage. */
export const NICKNAME_MAX_CODE_UNITS = 8 * NICKNAME_MAX_LENGTH;
/** Inputs longer than this are refused before any Unicode work, so a huge payload costs nothing. */
const RAW_INPUT_LIMIT = 1024;

export type NicknameErrorCode = "NICKNAME_EMPTY" | "NICKNAME_TOO_LONG" | "NICKNAME_INVALID";

export type NicknameResult =
  | { ok: true; nickname: string; key: string }
  | { ok: false; code: NicknameErrorCode; message: string };

const MESSAGES: Record<NicknameErrorCode, string> = {
  NICKNAME_EMPTY: `Pick a nickname of ${NICKNAME_MIN_LENGTH} to ${NICKNAME_MAX_LENGTH} characters.`,
  NICKNAME_TOO_LONG: `That nickname is too long. Pick one of ${NICKNAME_MIN_LENGTH} to ${NICKNAME_MAX_LENGTH} characters.`,
  NICKNAME_INVALID: "That nickname contains hidden or control characters. Please type it again without copying and pasting.",
};

/**
 * Invisible characters that can change how surrounding text is displayed or make two
 * nicknames look identical:
 *  - bidi embeddings/overrides U+202A–U+202E, isolates U+2066–U+2069, marks U+200E, U+200F, U+061C
 *  - zero-width space/non-joiner/joiner U+200B–U+200D, word joiner U+2060, BOM/ZWNBSP U+FEFF
 */
const INVISIBLE_OR_BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF]/u;
const CONTROL = /\p{Cc}/u;

const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });

/**
 * Validate and canonicalize a nickname typed by a participant.
 *
 * Steps: refuse text Postgres cannot store (NUL, lone surrogates); NFC-normalize; refuse
 * invisible/bidi characters; collapse whitespace runs (including tabs and newlines from a paste)
 * to one space and trim; refuse any remaining control character; count grapheme clusters (1–24).
 *
 * `key` is the comparison form for "is this nickname taken?": NFKC (so full-width "Ａｎａ" or
 * the "ﬁ" ligature match their plain forms) and lower-cased, so "Ana" and "ANA" clash.
 */
export function validateNickname(raw: unknown): NicknameResult {
  if (raw === undefined || raw === null) return fail("NICKNAME_EMPTY");
  if (typeof raw !== "string") return fail("NICKNAME_INVALID");
  if (raw.length > RAW_INPUT_LIMIT) return fail("NICKNAME_TOO_LONG");
  if (!isStorableText(raw)) return fail("NICKNAME_INVALID");

  const normalized = raw.normalize("NFC");
  // Checked before whitespace handling because JavaScript's \s includes U+FEFF, which would
  // otherwise be silently turned into a space instead of reported.
  if (INVISIBLE_OR_BIDI.test(normalized)) return fail("NICKNAME_INVALID");

  const nickname = normalized.replace(/\s+/gu, " ").trim();
  if (CONTROL.test(nickname)) return fail("NICKNAME_INVALID");

  const length = countGraphemes(nickname);
  if (length < NICKNAME_MIN_LENGTH) return fail("NICKNAME_EMPTY");
  if (length > NICKNAME_MAX_LENGTH || nickname.length > NICKNAME_MAX_CODE_UNITS) return fail("NICKNAME_TOO_LONG");

  return { ok: true, nickname, key: nicknameKey(nickname) };
}

/** Comparison key for uniqueness within a session. Exposed so stored nicknames can be re-keyed the same way. */
export function nicknameKey(nickname: string): string {
  return nickname.normalize("NFKC").toLocaleLowerCase("und");
}

/** Number of user-perceived characters. */
export function countGraphemes(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

function fail(code: NicknameErrorCode): NicknameResult {
  return { ok: false, code, message: MESSAGES[code] };
}
