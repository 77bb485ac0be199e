import type { Vars } from "@/lib/domain/issue";
import { crossRowIssues, crossRowPath, type CrossRowIssue } from "./cross-row";
import { deckIssue, type DeckIssue, type DeckIssueCode } from "./issues";
import { MAX_COLUMNS, MAX_STATEMENTS, parseDeck } from "./schema";
import { columnIdFor, statementIdFor } from "./slug";
import type { Deck } from "./types";

/** What the CSV and JSON deck formats share: limits, the error shape, and the last import step
 *  (defaults, derived ids, the editor's validation with errors mapped to file lines). Pure. */

/** Largest deck file accepted, in bytes of UTF-8. The largest valid deck is well under it. */
export const MAX_DECK_FILE_BYTES = 512 * 1024;
/** An import stops listing problems after this many (and says how many more there were). */
export const MAX_REPORTED_ERRORS = 50;

/** One problem with a file, as a deck issue (code, params, English message; lib/decks/issues.ts);
 *  `line` is 1-based, as a text editor counts, or null for the whole file. */
export type DeckFileError = DeckIssue & { line: number | null };

/** A file error: the issue `code` with `params`, at `line`. */
export function fileError(line: number | null, code: DeckIssueCode, params?: Vars): DeckFileError {
  return { line, ...deckIssue(code, params) };
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
  if (bytes > MAX_DECK_FILE_BYTES) return fileError(null, "file_too_large", { size: Math.ceil(bytes / KB), max: MAX_DECK_FILE_BYTES / KB });
  if (text.replace(/^\uFEFF/, "").trim() === "") return fileError(null, "file_empty");
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

/** A cross-row issue in the file's terms ("already used on line 5"), or null when the first
 *  row's line is unknown (parseDeck's own message, by position, says it then). */
function crossRowError(issue: CrossRowIssue, line: number | null, lineOf: (what: "columns" | "statements", index: number) => number | null): DeckFileError | null {
  if (issue.kind === "canonical-not-a-column") return fileError(line, "file_canonical_unknown", { value: shown(issue.value), columns: issue.columnIds.join(", ") });
  const [what, code] = CROSS_ROW_CODES[issue.kind];
  const firstLine = lineOf(what, issue.firstIndex);
  return firstLine === null ? null : fileError(line, code, { value: shown(issue.value), firstLine });
}

const CROSS_ROW_CODES: Record<Exclude<CrossRowIssue["kind"], "canonical-not-a-column">, ["columns" | "statements", DeckIssueCode]> = {
  "duplicate-column-id": ["columns", "file_column_id_duplicate"],
  "duplicate-column-label": ["columns", "file_column_label_duplicate"],
  "duplicate-statement-id": ["statements", "file_statement_id_duplicate"],
  "duplicate-statement-text": ["statements", "file_statement_text_duplicate"],
};

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
  for (const { path, ...e } of earlier) {
    errors.push(e);
    if (path !== undefined) covered.add(path);
  }

  const deck: Record<string, unknown> = { ...candidate };
  if (deck.description === undefined) deck.description = "";
  if (deck.version === undefined) deck.version = 1;

  let columns = Array.isArray(deck.columns) ? deck.columns : undefined;
  if (columns && columns.length > MAX_COLUMNS) {
    errors.push(fileError(locate(["columns", MAX_COLUMNS]), "file_too_many_columns", { max: MAX_COLUMNS, count: columns.length }));
    covered.add("columns");
    columns = columns.slice(0, MAX_COLUMNS);
  }
  let statements = Array.isArray(deck.statements) ? deck.statements : undefined;
  if (statements && statements.length > MAX_STATEMENTS) {
    errors.push(fileError(locate(["statements", MAX_STATEMENTS]), "file_too_many_statements", { max: MAX_STATEMENTS, count: statements.length }));
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

  const lineOf = (what: "columns" | "statements", index: number) => locate([what, index]);
  for (const issue of crossRowIssues(deck)) {
    const path = crossRowPath(issue);
    if (covered.has(path)) continue;
    // With no columns at all, "the deck needs columns" already says it; one per statement is noise.
    if (issue.kind === "canonical-not-a-column" && issue.columnIds.length === 0) {
      covered.add(path);
      continue;
    }
    const error = crossRowError(issue, locate(path.split(".").map(segment)), lineOf);
    if (!error) continue;
    covered.add(path);
    errors.push(error);
  }

  const parsed = parseDeck(deck);
  if (!parsed.ok) {
    for (const e of parsed.errors) {
      if (covered.has(e.path)) continue;
      covered.add(e.path);
      const { path, ...issue } = e;
      errors.push({ line: locate(path === "" ? [] : path.split(".").map(segment)), ...issue });
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
  return [...sorted.slice(0, MAX_REPORTED_ERRORS - 1), fileError(null, "file_more_problems", { count: more })];
}
