/**
 * Participant nicknames: shown on the facilitator's projector and used to tell people apart,
 * so they must be visible, of sensible length, and not able to reorder or hide the text
 * around them (bidi overrides) or impersonate someone else with invisible characters or
 * look-alike letters (see nicknameKey and nicknameSkeleton).
 */

import unhomoglyph from "unhomoglyph";
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
// A nickname with nothing visible in it (only blank-looking or invisible characters, or only
// punctuation) is reported as NICKNAME_EMPTY: to the room it is no name at all.

/**
 * Invisible characters that can change how surrounding text is displayed or make two
 * nicknames look identical:
 *  - bidi embeddings/overrides U+202A–U+202E, isolates U+2066–U+2069, marks U+200E, U+200F, U+061C
 *  - zero-width space/non-joiner U+200B, U+200C, word joiner U+2060, BOM/ZWNBSP U+FEFF
 * The zero-width joiner U+200D is allowed only where it builds an emoji (see LONE_ZWJ).
 */
const INVISIBLE_OR_BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u200C\u2060\uFEFF]/u;
/** A ZWJ that does not join two emoji (👩‍💻, 👨‍👩‍👧, 🏳️‍🌈: emoji, optional skin tone or VS16, ZWJ, emoji). */
const LONE_ZWJ = /(?<!\p{Extended_Pictographic}[\p{Emoji_Modifier}\uFE0F]?)\u200D|\u200D(?!\p{Extended_Pictographic})/u;
const CONTROL = /\p{Cc}/u;
/** Characters that draw nothing: white space, default-ignorable code points (soft hyphen U+00AD,
 *  invisible operators U+2061–U+2064, CGJ U+034F, variation selectors, Hangul fillers U+3164 and
 *  U+FFA0, tags…), and the blank braille pattern U+2800, which is a symbol that renders empty. */
const BLANK = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\u2800]/gu;
const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
/** What makes a nickname a name: a letter, a digit, or an emoji. */
const VISIBLE = /[\p{L}\p{N}\p{Extended_Pictographic}\p{Regional_Indicator}]/u;

const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });

/**
 * Validate and canonicalize a nickname typed by a participant.
 *
 * Steps: refuse text Postgres cannot store (NUL, lone surrogates); NFC-normalize; refuse
 * invisible/bidi characters and a ZWJ outside an emoji; collapse whitespace runs (including tabs
 * and newlines from a paste) to one space and trim; refuse any remaining control character;
 * refuse a nickname with no visible letter, digit or emoji; count grapheme clusters (1–24).
 *
 * `key` is the comparison form for "is this nickname taken?" (nicknameKey).
 */
export function validateNickname(raw: unknown): NicknameResult {
  if (raw === undefined || raw === null) return fail("NICKNAME_EMPTY");
  if (typeof raw !== "string") return fail("NICKNAME_INVALID");
  if (raw.length > RAW_INPUT_LIMIT) return fail("NICKNAME_TOO_LONG");
  if (!isStorableText(raw)) return fail("NICKNAME_INVALID");

  const normalized = raw.normalize("NFC");
  // Checked before whitespace handling because JavaScript's \s includes U+FEFF, which would
  // otherwise be silently turned into a space instead of reported.
  if (INVISIBLE_OR_BIDI.test(normalized) || LONE_ZWJ.test(normalized)) return fail("NICKNAME_INVALID");

  const nickname = normalized.replace(/\s+/gu, " ").trim();
  if (CONTROL.test(nickname)) return fail("NICKNAME_INVALID");
  if (nickname !== "" && !VISIBLE.test(nickname.replace(BLANK, ""))) return fail("NICKNAME_EMPTY");

  const length = countGraphemes(nickname);
  if (length < NICKNAME_MIN_LENGTH) return fail("NICKNAME_EMPTY");
  if (length > NICKNAME_MAX_LENGTH || nickname.length > NICKNAME_MAX_CODE_UNITS) return fail("NICKNAME_TOO_LONG");

  return { ok: true, nickname, key: nicknameKey(nickname) };
}

/**
 * Two nicknames clash (NICKNAME_TAKEN) when they have the same key or the same skeleton: each is
 * a column of participants under a unique index per session, so the database decides, even for
 * joins that race.
 *
 * The key makes case and width irrelevant: NFKC (so full-width "Ａｎａ" or the "ﬁ" ligature match
 * their plain forms) and lower-cased, so "Ana" and "ANA" clash. Exposed so stored nicknames can
 * be re-keyed the same way.
 */
export function nicknameKey(nickname: string): string {
  return nickname.normalize("NFKC").toLocaleLowerCase("und");
}

/**
 * The other half of "is this nickname taken?": what the name looks like. NFKC, then every blank
 * or invisible character goes ("Pat" + U+2063, U+00AD, U+034F, U+FE0F, U+3164 or U+2800 is
 * "Pat"; so is "Pa t" with a hair space), then the Unicode TR39 confusable skeleton (Cyrillic
 * "Pаt" is "Pat", capital "Ian" is "lan", "rn" is "m"). Case-sensitive, as TR39 is: case is the
 * key's business, and folding case here would undo look-alikes (Cyrillic "В" is Latin "B",
 * but its small "в" is no "b").
 */
export function nicknameSkeleton(nickname: string): string {
  return confusableSkeleton(nickname.normalize("NFKC").replace(BLANK, ""));
}

/**
 * The TR39 (Unicode Security Mechanisms, section 4) skeleton: NFD, default-ignorable code points
 * removed, each code point replaced by its prototype from the confusables table (shipped by the
 * `unhomoglyph` package, generated from Unicode's confusables.txt), NFD again. Two strings with
 * the same skeleton are visually confusable. Not meant to be shown to anyone.
 */
export function confusableSkeleton(text: string): string {
  return unhomoglyph(text.normalize("NFD").replace(DEFAULT_IGNORABLE, "")).normalize("NFD");
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
