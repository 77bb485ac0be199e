import {
  fileError,
  fileSizeError,
  finishImport,
  shown,
  type DeckFileError,
  type DeckFileResult,
  type EarlierError,
  type Locate,
} from "./file-common";
import { MAX_COLUMNS, MIN_COLUMNS } from "./schema";
import type { Deck } from "./types";

/**
 * The CSV deck format (documented in docs/decks.md). Pure: strings in, strings out.
 *
 *   kind,id,text,canonical,explanation
 *   title,,Leader or Manager?,,
 *   description,,Sort each statement into the column it describes.,,
 *   language,,en,,
 *   version,,1,,
 *   column,leader,Leader,,
 *   column,manager,Manager,,
 *   statement,takes-risks,Takes risks,leader,"Leaders take risks, managers control risk."
 *
 * RFC 4180: comma-separated, double-quoted cells may hold commas, line breaks and doubled quotes;
 * export writes CRLF line ends and a UTF-8 byte order mark (so spreadsheets read accents right).
 * Cells a spreadsheet would run as a formula are written with a leading apostrophe, which import
 * removes again, so export → import gives back exactly the same deck.
 */

export const CSV_HEADER = ["kind", "id", "text", "canonical", "explanation"] as const;
const META_KINDS = ["title", "description", "language", "version", "slug"] as const;
type MetaKind = (typeof META_KINDS)[number];
export const CSV_ROW_KINDS = [...META_KINDS, "column", "statement"] as const;

const BOM = "\uFEFF";

// ── RFC 4180 ────────────────────────────────────────────────────────────────────────────────

export interface CsvRecord {
  /** The line the record starts on (a quoted cell may carry it over several lines). */
  line: number;
  cells: string[];
}

export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; error: DeckFileError };

/** Splits RFC 4180 text into records. Accepts CRLF, LF or CR line ends and skips a leading byte
 *  order mark; a final line end is optional. Quoted cells keep their content exactly (line breaks
 *  included); a quote must open a cell, and a doubled quote inside stands for one. */
export function parseCsv(text: string): CsvParseResult {
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = text.startsWith(BOM) ? 1 : 0;
  let line = 1;
  const fail = (at: number, code: "csv_unclosed_quote" | "csv_text_after_quote" | "csv_stray_quote"): CsvParseResult => ({ ok: false, error: fileError(at, code) });

  while (i < n) {
    const recordLine = line;
    const cells: string[] = [];
    for (;;) {
      let value: string;
      if (text[i] === '"') {
        const openedOn = line;
        const parts: string[] = [];
        i++;
        for (;;) {
          const close = text.indexOf('"', i);
          if (close === -1) return fail(openedOn, "csv_unclosed_quote");
          const chunk = text.slice(i, close);
          parts.push(chunk);
          line += countLineBreaks(chunk);
          if (text[close + 1] === '"') {
            parts.push('"');
            i = close + 2;
            continue;
          }
          i = close + 1;
          break;
        }
        value = parts.join("");
        if (i < n && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") {
          return fail(line, "csv_text_after_quote");
        }
      } else {
        const start = i;
        while (i < n && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") {
          if (text[i] === '"') {
            return fail(line, "csv_stray_quote");
          }
          i++;
        }
        value = text.slice(start, i);
      }
      cells.push(value);
      if (text[i] === ",") {
        i++;
        continue;
      }
      break;
    }
    if (i < n) {
      i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
    }
    records.push({ line: recordLine, cells });
  }
  return { ok: true, records };
}

function countLineBreaks(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "\n") count++;
    else if (s[i] === "\r" && s[i + 1] !== "\n") count++;
  }
  return count;
}

function quoteCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 text: cells quoted when they hold a comma, quote or line break (or start or end with
 *  white space), records ended by CRLF. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quoteCell).join(",") + "\r\n").join("");
}

// A spreadsheet runs a cell starting with one of these as a formula ("CSV injection").
const FORMULA_START = /^'*[=+\-@\t\r]/;
const PROTECTED = /^'+[=+\-@\t\r]/;

/** Export: prefixes an apostrophe to a cell a spreadsheet would run as a formula. A cell that
 *  already starts with apostrophes before such a character gets one more, so import can always
 *  remove exactly one and give back the original. */
export function protectCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Import: the inverse of protectCell. */
export function unprotectCell(value: string): string {
  return PROTECTED.test(value) ? value.slice(1) : value;
}

// ── Deck ↔ CSV ──────────────────────────────────────────────────────────────────────────────

/** The deck as CSV: header, meta rows, one row per column, one per statement, in order. */
export function deckToCsv(deck: Deck): string {
  const meta = (kind: MetaKind, value: string) => [kind, "", value, "", ""];
  const rows: string[][] = [
    [...CSV_HEADER],
    meta("title", deck.title),
    meta("description", deck.description),
    meta("language", deck.language),
    meta("version", String(deck.version)),
  ];
  if (deck.slug !== undefined) rows.push(meta("slug", deck.slug));
  for (const column of deck.columns) rows.push(["column", column.id, column.label, "", ""]);
  for (const s of deck.statements) rows.push(["statement", s.id, s.text, s.canonical, s.explanation]);
  return BOM + formatCsv(rows.map((row) => row.map(protectCell)));
}

const KIND_LIST = CSV_ROW_KINDS.join(", ");
const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === "");

/** Reads a deck from CSV. Either the whole deck, valid, or every problem found with its line. */
export function deckFromCsv(text: string): DeckFileResult {
  const tooBig = fileSizeError(text);
  if (tooBig) return { ok: false, errors: [tooBig] };
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };

  const records = parsed.records.filter((r) => !isBlank(r.cells));
  const header = records[0];
  if (!header) return { ok: false, errors: [fileError(null, "file_empty")] };
  const headerCells = trimTrailingEmpty(header.cells).map((c) => c.trim().toLowerCase());
  if (headerCells.join(",") !== CSV_HEADER.join(",")) {
    return { ok: false, errors: [fileError(header.line, "csv_bad_header", { header: CSV_HEADER.join(","), found: shown(header.cells.join(","), 80) })] };
  }

  const errors: EarlierError[] = [];
  const metaLines = new Map<MetaKind, number>();
  const meta: Partial<Record<MetaKind, string>> = {};
  const columns: Record<string, unknown>[] = [];
  const columnLines: number[] = [];
  const statements: Record<string, unknown>[] = [];
  const statementLines: number[] = [];

  for (const record of records.slice(1)) {
    const { line } = record;
    if (record.cells.length > CSV_HEADER.length && !isBlank(record.cells.slice(CSV_HEADER.length))) {
      errors.push(fileError(line, "csv_too_many_cells", { count: record.cells.length, headerCount: CSV_HEADER.length, columns: CSV_HEADER.join(", ") }));
      continue;
    }
    const [rawKind = "", rawId = "", text = "", rawCanonical = "", explanation = ""] = record.cells.map(unprotectCell);
    const kind = rawKind.trim().toLowerCase();
    const id = rawId.trim();
    const canonical = rawCanonical.trim();

    if (kind === "column") {
      if (canonical !== "" || explanation !== "") {
        errors.push(fileError(line, "csv_column_extra_cells"));
      }
      columns.push({ id, label: text });
      columnLines.push(line);
    } else if (kind === "statement") {
      statements.push({ id, text, canonical, explanation });
      statementLines.push(line);
    } else if ((META_KINDS as readonly string[]).includes(kind)) {
      const metaKind = kind as MetaKind;
      const first = metaLines.get(metaKind);
      if (first !== undefined) {
        errors.push(fileError(line, "csv_meta_repeated", { kind: metaKind, first }));
        continue;
      }
      metaLines.set(metaKind, line);
      if (id !== "" || canonical !== "" || explanation !== "") {
        errors.push(fileError(line, "csv_meta_extra_cells", { kind: metaKind }));
      }
      meta[metaKind] = text;
    } else if (kind === "") {
      errors.push(fileError(line, "csv_kind_empty", { kinds: KIND_LIST }));
    } else {
      errors.push(fileError(line, "csv_kind_unknown", { found: shown(rawKind), kinds: KIND_LIST }));
    }
  }

  const candidate: Record<string, unknown> = { columns, statements };
  if (meta.title !== undefined) candidate.title = meta.title;
  else errors.push({ ...fileError(null, "csv_no_title"), path: "title" });
  if (meta.description !== undefined) candidate.description = meta.description;
  if (meta.language !== undefined) candidate.language = meta.language.trim();
  else errors.push({ ...fileError(null, "csv_no_language"), path: "language" });
  if (meta.slug !== undefined) candidate.slug = meta.slug.trim();
  if (meta.version !== undefined) {
    const version = meta.version.trim();
    if (/^\d{1,9}$/.test(version)) candidate.version = Number(version);
    else {
      candidate.version = version;
      errors.push({ ...fileError(metaLines.get("version") ?? null, "csv_bad_version", { found: shown(version) }), path: "version" });
    }
  }
  if (columns.length === 0) errors.push({ ...fileError(null, "csv_no_columns", { min: MIN_COLUMNS, max: MAX_COLUMNS }), path: "columns" });
  if (statements.length === 0) errors.push({ ...fileError(null, "csv_no_statements"), path: "statements" });

  const locate: Locate = (path) => {
    const [head, index] = path;
    if (head === "columns" && typeof index === "number") return columnLines[index] ?? null;
    if (head === "statements" && typeof index === "number") return statementLines[index] ?? null;
    if (typeof head === "string" && (META_KINDS as readonly string[]).includes(head)) return metaLines.get(head as MetaKind) ?? null;
    return null;
  };
  return finishImport(candidate, locate, errors);
}

function trimTrailingEmpty(cells: readonly string[]): string[] {
  const out = [...cells];
  while (out.length > 0 && out[out.length - 1]!.trim() === "") out.pop();
  return out;
}
