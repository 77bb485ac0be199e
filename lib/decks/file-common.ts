import { crossRowIssues, crossRowPath, type CrossRowIssue } from "./cross-row";
import { MAX_COLUMNS, MAX_STATEMENTS, parseDeck } from "./schema";
import { columnIdFor, statementIdFor } from "./slug";
import type { Deck } from "./types";

/** What the CSV and JSON deck formats share: limits, the error shape, and the last import step
 *  (defaults, derived ids, the editor's validation with errors mapped to file lines). Pure. */

/** Largest deck file accepted, in bytes of UTF-8. The largest valid deck is well under it. */
export const MAX_DECK_FILE_BYTES = 512 * 1024;
/** An import stops listing problems after this many (and says how many more there were). */
export const MAX_REPORTED_ERRORS = 50;

/** One problem with a file; `line` is 1-based, as a text editor counts, or null for the whole file. */
export interface DeckFileError {
  line: number | null;
  message: string;
}

export type DeckFileResult = { ok: true; deck: Deck } | { ok: false; errors: DeckFileError[] };

/** "line 7: …", or the bare message for a problem with the whole file. */
export function formatDeckFileError(error: DeckFileError): string {
  return error.line === null ? error.message : `line ${error.line}: ${error.message}`;
}

export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const KB = 1024;

/** The error for a file over MAX_DECK_FILE_BYTES, or for one with nothing in it; else null. */
export function fileSizeError(text: string): DeckFileError | null {
  const bytes = utf8ByteLength(text);
  if (bytes > MAX_DECK_FILE_BYTES) {
    return {
      line: null,
      message: `The file is too large: ${Math.ceil(bytes / KB)} KB, and a deck file can be at most ${MAX_DECK_FILE_BYTES / KB} KB.`,
    };
  }
  if (text.replace(/^\uFEFF/, "").trim() === "") return { line: null, message: "The file is empty." };
  return null;
}

/** Quotes a value for a message, shortened so one long cell cannot drown the list. */
export function shown(value: string, max = 60): string {
  const flat = value.replace(/\s+/g, " ").trim();
  return `'${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}'`;
}

/** Maps a deck path (["statements", 3, "text"]) to the file line it came from, or null. */
export type Locate = (path: readonly (string | number)[]) => number | null;

/** An error found while reading the file; `path` (a parseDeck path) suppresses parseDeck's own
 *  message about the same field, so each problem is reported once. */
export interface EarlierError extends DeckFileError {
  path?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function crossRowMessage(issue: CrossRowIssue, lineOf: (what: "columns" | "statements", index: number) => string): string {
  switch (issue.kind) {
    case "duplicate-column-id":
      return `column id ${shown(issue.value)} is already used on ${lineOf("columns", issue.firstIndex)}; column ids must be unique`;
    case "duplicate-column-label":
      return `column label ${shown(issue.value)} is already used on ${lineOf("columns", issue.firstIndex)}; column labels must be unique (ignoring case)`;
    case "duplicate-statement-id":
      return `statement id ${shown(issue.value)} is already used on ${lineOf("statements", issue.firstIndex)}; statement ids must be unique`;
    case "duplicate-statement-text":
      return `duplicate statement: ${shown(issue.value)} has the same text as the statement on ${lineOf("statements", issue.firstIndex)} (ignoring case and spacing); each statement must be different`;
    case "canonical-not-a-column":
      return `canonical column ${shown(issue.value)} is not one of ${issue.columnIds.join(", ")}`;
  }
}

/**
 * The last step of every import. `candidate` holds the deck's fields as read from the file (any
 * types: validation is parseDeck's job). Fills what a file may leave out (description "", version
 * 1, explanation "", ids derived from labels and texts), lets a canonical answer name a column by
 * its label, then validates exactly as the editor does. Nothing is returned unless the file is
 * wholly valid.
 */
export function finishImport(candidate: Record<string, unknown>, locate: Locate, earlier: readonly EarlierError[]): DeckFileResult {
  const errors: DeckFileError[] = [];
  const covered = new Set<string>();
  for (const e of earlier) {
    errors.push({ line: e.line, message: e.message });
    if (e.path !== undefined) covered.add(e.path);
  }

  const deck: Record<string, unknown> = { ...candidate };
  if (deck.description === undefined) deck.description = "";
  if (deck.version === undefined) deck.version = 1;

  let columns = Array.isArray(deck.columns) ? deck.columns : undefined;
  if (columns && columns.length > MAX_COLUMNS) {
    errors.push({ line: locate(["columns", MAX_COLUMNS]), message: `too many columns: a deck has at most ${MAX_COLUMNS} (this file has ${columns.length})` });
    covered.add("columns");
    columns = columns.slice(0, MAX_COLUMNS);
  }
  let statements = Array.isArray(deck.statements) ? deck.statements : undefined;
  if (statements && statements.length > MAX_STATEMENTS) {
    errors.push({
      line: locate(["statements", MAX_STATEMENTS]),
      message: `too many statements: a deck holds at most ${MAX_STATEMENTS} (this file has ${statements.length})`,
    });
    covered.add("statements");
    statements = statements.slice(0, MAX_STATEMENTS);
  }

  if (columns) {
    const taken = new Set(columns.flatMap((c) => (isRecord(c) && typeof c.id === "string" && c.id !== "" ? [c.id] : [])));
    columns = columns.map((c, i) =>
      isRecord(c) && (c.id === undefined || c.id === "")
        ? { ...c, id: columnIdFor(typeof c.label === "string" ? c.label : "", i + 1, taken) }
        : c,
    );
    deck.columns = columns;
  }
  if (statements) {
    const taken = new Set(statements.flatMap((s) => (isRecord(s) && typeof s.id === "string" && s.id !== "" ? [s.id] : [])));
    const columnList = (columns ?? []).filter(isRecord);
    const ids = new Set(columnList.map((c) => c.id));
    statements = statements.map((s, i) => {
      if (!isRecord(s)) return s;
      const out: Record<string, unknown> = { ...s };
      if (out.explanation === undefined) out.explanation = "";
      if (out.id === undefined || out.id === "") out.id = statementIdFor(typeof s.text === "string" ? s.text : "", i + 1, taken);
      if (typeof out.canonical === "string") {
        const wanted = out.canonical.trim();
        out.canonical = wanted;
        if (!ids.has(wanted)) {
          const byLabel = columnList.filter((c) => typeof c.label === "string" && c.label.trim().toLowerCase() === wanted.toLowerCase());
          if (byLabel.length === 1) out.canonical = byLabel[0]!.id;
        }
      }
      return out;
    });
    deck.statements = statements;
  }

  const lineOf = (what: "columns" | "statements", index: number) => {
    const line = locate([what, index]);
    return line === null ? `${what === "columns" ? "column" : "statement"} ${index + 1}` : `line ${line}`;
  };
  for (const issue of crossRowIssues(deck)) {
    const path = crossRowPath(issue);
    if (covered.has(path)) continue;
    covered.add(path);
    // With no columns at all, "the deck needs columns" already says it; one per statement is noise.
    if (issue.kind === "canonical-not-a-column" && issue.columnIds.length === 0) continue;
    errors.push({ line: locate(path.split(".").map(segment)), message: crossRowMessage(issue, lineOf) });
  }

  const parsed = parseDeck(deck);
  if (!parsed.ok) {
    for (const e of parsed.errors) {
      if (covered.has(e.path)) continue;
      covered.add(e.path);
      errors.push({ line: locate(e.path === "" ? [] : e.path.split(".").map(segment)), message: e.message });
    }
  }
  if (errors.length > 0 || !parsed.ok) return { ok: false, errors: limitErrors(errors) };
  return { ok: true, deck: parsed.deck };
}

const segment = (s: string): string | number => (/^\d+$/.test(s) ? Number(s) : s);

/** Sorted by line (whole-file problems first), without repeats, at most MAX_REPORTED_ERRORS. */
export function limitErrors(errors: readonly DeckFileError[]): DeckFileError[] {
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const key = formatDeckFileError(e);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const sorted = unique
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.line ?? 0) - (b.e.line ?? 0) || a.i - b.i)
    .map(({ e }) => e);
  if (sorted.length <= MAX_REPORTED_ERRORS) return sorted;
  const more = sorted.length - (MAX_REPORTED_ERRORS - 1);
  return [...sorted.slice(0, MAX_REPORTED_ERRORS - 1), { line: null, message: `…and ${more} more problems.` }];
}
