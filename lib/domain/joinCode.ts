/**
 * Join codes: short codes participants type on a phone or read off a projector.
 *
 * The alphabet leaves out characters that are easily confused when read aloud or off a
 * screen (0/O, 1/I/L), so any code we show can be typed back without guessing.
 * Randomness is passed in (`randomBytes`) to keep this module pure; the server passes
 * `crypto.randomBytes` / `crypto.getRandomValues`, tests pass a fixed sequence.
 */

export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 6;
/** Accepted lengths, so codes can grow (e.g. to 7 or 8) without breaking old links. */
export const JOIN_CODE_MIN_LENGTH = 6;
export const JOIN_CODE_MAX_LENGTH = 8;

export type RandomBytes = (n: number) => Uint8Array;

const ALPHABET_SIZE = JOIN_CODE_ALPHABET.length; // 31
/** Largest multiple of the alphabet size that fits in a byte (248). Bytes at or above it are
 *  rejected so that `byte % 31` is uniform: otherwise the first 8 letters would be more likely. */
const REJECTION_LIMIT = Math.floor(256 / ALPHABET_SIZE) * ALPHABET_SIZE;
/** A healthy source needs ~1.03 bytes per character; this only stops a broken one looping forever. */
const MAX_BATCHES = 64;

const WELL_FORMED = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_MIN_LENGTH},${JOIN_CODE_MAX_LENGTH}}$`);

/** A uniformly random code of `length` characters from JOIN_CODE_ALPHABET (rejection sampling, no modulo bias). */
export function generateJoinCode(randomBytes: RandomBytes, length: number = JOIN_CODE_LENGTH): string {
  if (!Number.isInteger(length) || length < JOIN_CODE_MIN_LENGTH || length > JOIN_CODE_MAX_LENGTH) {
    throw new RangeError(`Join code length must be an integer from ${JOIN_CODE_MIN_LENGTH} to ${JOIN_CODE_MAX_LENGTH}, got ${length}.`);
  }
  let code = "";
  for (let batch = 0; batch < MAX_BATCHES && code.length < length; batch++) {
    // Ask for a little more than needed so one call is almost always enough.
    const bytes = randomBytes(length - code.length + 4);
    for (const byte of bytes) {
      if (byte >= REJECTION_LIMIT) continue;
      code += JOIN_CODE_ALPHABET[byte % ALPHABET_SIZE];
      if (code.length === length) break;
    }
  }
  if (code.length < length) {
    throw new Error("Random source kept returning unusable bytes; is randomBytes broken?");
  }
  return code;
}

/**
 * Turn what a participant typed ("abc-def", " ABC DEF ", "abc.def") into the canonical form.
 * Null-safe: anything that is not a string becomes "" (which is not well-formed), so callers
 * can pass a raw query parameter straight in. It does not guess at confusable characters
 * (O→0 etc.): the result still has to pass `isWellFormedJoinCode`.
 */
export function normalizeJoinCode(input: unknown): string {
  if (typeof input !== "string") return "";
  return input.replace(/[\s\-_.]+/g, "").toUpperCase();
}

/** True when `code` is already canonical: only alphabet characters, 6–8 of them. */
export function isWellFormedJoinCode(code: unknown): code is string {
  return typeof code === "string" && WELL_FORMED.test(code);
}

/**
 * Display form, split in two groups so it is easier to read aloud: "ABCDEF" → "ABC-DEF",
 * "ABCDEFG" → "ABCD-EFG". Codes shorter than 6 are returned as they are.
 */
export function formatJoinCode(code: string): string {
  if (code.length < JOIN_CODE_MIN_LENGTH) return code;
  const half = Math.ceil(code.length / 2);
  return `${code.slice(0, half)}-${code.slice(half)}`;
}
