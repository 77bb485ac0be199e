import { MAX_COLUMN_ID_LENGTH, MAX_STATEMENT_ID_LENGTH } from "./schema";

/** Turns text into a lowercase slug that matches SLUG_PATTERN ("Leader / Manager" → "leader-manager"):
 *  accents are dropped ("Già" → "gia"), anything else that is not a–z or 0–9 becomes a single
 *  hyphen, and the result is cut at `maxLength` without leaving a trailing hyphen. May return "" (for
 *  text with no Latin letters or digits): callers fall back to a numbered id. */
export function slugify(text: string, maxLength: number): string {
  const base = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return base.slice(0, maxLength).replace(/-+$/, "");
}

/** `base` (or `fallback` when `base` is empty) made unique against `taken` by appending "-2",
 *  "-3"…, still within `maxLength`. Adds the result to `taken`. */
export function uniqueSlug(base: string, fallback: string, taken: Set<string>, maxLength: number): string {
  const stem = base || fallback;
  let candidate = stem.slice(0, maxLength).replace(/-+$/, "");
  for (let n = 2; taken.has(candidate) || candidate === ""; n++) {
    const suffix = `-${n}`;
    candidate = `${stem.slice(0, maxLength - suffix.length).replace(/-+$/, "")}${suffix}`;
  }
  taken.add(candidate);
  return candidate;
}

/** A column id from its label, unique among `taken` ("Both" → "both"; a second "Both" → "both-2"). */
export function columnIdFor(label: string, position: number, taken: Set<string>): string {
  return uniqueSlug(slugify(label, MAX_COLUMN_ID_LENGTH), `column-${position}`, taken, MAX_COLUMN_ID_LENGTH);
}

/** A statement id from its text, unique among `taken`. */
export function statementIdFor(text: string, position: number, taken: Set<string>): string {
  return uniqueSlug(slugify(text, MAX_STATEMENT_ID_LENGTH), `statement-${position}`, taken, MAX_STATEMENT_ID_LENGTH);
}
