import { fileError, fileSizeError, finishImport, limitErrors, shown, type DeckFileError, type DeckFileResult, type Locate } from "./file-common";
import type { Vars } from "@/lib/domain/issue";
import type { DeckIssueCode } from "./issues";
import type { Deck } from "./types";

/**
 * The JSON deck format (documented in docs/decks.md). Pure.
 *
 *   { "format": "sortroom-deck", "version": 1,
 *     "deck": { "title": …, "description": …, "language": "en", "version": 1,
 *               "columns": [{ "id": "leader", "label": "Leader" }, …],
 *               "statements": [{ "id": …, "text": …, "canonical": "leader", "explanation": … }, …] } }
 *
 * "version" at the top is the version of the file format; deck.version is the deck's own.
 * Import reads the file with its own small JSON parser, which remembers the line of every value,
 * so each problem is reported with the line it is on.
 */

export const DECK_FILE_FORMAT = "sortroom-deck";
export const DECK_FILE_VERSION = 1;

const ENVELOPE_KEYS = ["format", "version", "deck"] as const;
const DECK_KEYS = ["title", "description", "language", "version", "slug", "columns", "statements"] as const;
const COLUMN_KEYS = ["id", "label"] as const;
const STATEMENT_KEYS = ["id", "text", "canonical", "explanation"] as const;

/** The deck as a JSON file: two-space indentation, keys in a fixed order, a final newline. */
export function deckToJson(deck: Deck): string {
  const body = {
    format: DECK_FILE_FORMAT,
    version: DECK_FILE_VERSION,
    deck: {
      title: deck.title,
      description: deck.description,
      language: deck.language,
      version: deck.version,
      ...(deck.slug !== undefined ? { slug: deck.slug } : {}),
      columns: deck.columns.map(({ id, label }) => ({ id, label })),
      statements: deck.statements.map(({ id, text, canonical, explanation }) => ({ id, text, canonical, explanation })),
    },
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Reads a deck from a JSON file. Either the whole deck, valid, or every problem with its line. */
export function deckFromJson(text: string): DeckFileResult {
  const tooBig = fileSizeError(text);
  if (tooBig) return { ok: false, errors: [tooBig] };
  const parsed = parseJsonWithLines(text);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const { value, lines } = parsed;
  const lineAt = (path: readonly (string | number)[]): number | null => {
    for (let n = path.length; n >= 0; n--) {
      const line = lines.get(pathKey(path.slice(0, n)));
      if (line !== undefined) return line;
    }
    return null;
  };

  if (!isRecord(value)) {
    return { ok: false, errors: [fileError(lineAt([]), "json_not_object", { format: DECK_FILE_FORMAT, version: DECK_FILE_VERSION })] };
  }
  const errors: DeckFileError[] = [...unknownKeys(value, ENVELOPE_KEYS, [], { code: "json_unknown_key_file" }, lineAt)];
  if (value.format !== DECK_FILE_FORMAT) {
    errors.push(
      value.format === undefined
        ? fileError(lineAt(["format"]), "json_format_missing", { format: DECK_FILE_FORMAT })
        : fileError(lineAt(["format"]), "json_format_wrong", { format: DECK_FILE_FORMAT, found: shown(JSON.stringify(value.format)) }),
    );
  }
  if (value.version !== DECK_FILE_VERSION) {
    errors.push(
      value.version === undefined
        ? fileError(lineAt(["version"]), "json_version_missing", { version: DECK_FILE_VERSION })
        : fileError(lineAt(["version"]), "json_version_unsupported", { version: DECK_FILE_VERSION, found: shown(JSON.stringify(value.version)) }),
    );
  }
  const deck = value.deck;
  if (!isRecord(deck)) errors.push(fileError(lineAt(["deck"]), deck === undefined ? "json_deck_missing" : "json_deck_not_object"));
  if (errors.length > 0 || !isRecord(deck)) return { ok: false, errors: limitErrors(errors) };

  errors.push(...unknownKeys(deck, DECK_KEYS, ["deck"], { code: "json_unknown_key_deck" }, lineAt));
  if (Array.isArray(deck.columns)) {
    deck.columns.forEach((column, i) => {
      if (isRecord(column)) errors.push(...unknownKeys(column, COLUMN_KEYS, ["deck", "columns", i], { code: "json_unknown_key_column", n: i + 1 }, lineAt));
    });
  }
  if (Array.isArray(deck.statements)) {
    deck.statements.forEach((statement, i) => {
      if (isRecord(statement)) {
        errors.push(...unknownKeys(statement, STATEMENT_KEYS, ["deck", "statements", i], { code: "json_unknown_key_statement", n: i + 1 }, lineAt));
      }
    });
  }

  const locate: Locate = (path) => lineAt(["deck", ...path]);
  return finishImport(deck, locate, errors);
}

function unknownKeys(
  object: Record<string, unknown>,
  allowed: readonly string[],
  path: readonly (string | number)[],
  where: { code: DeckIssueCode; n?: number },
  lineAt: (path: readonly (string | number)[]) => number | null,
): DeckFileError[] {
  const { code, ...params } = where;
  return Object.keys(object)
    .filter((key) => !allowed.includes(key))
    .map((key) => fileError(lineAt([...path, key]), code, { ...params, key: shown(key), allowed: allowed.join(", ") }));
}

// ── JSON with line numbers ──────────────────────────────────────────────────────────────────

const pathKey = (path: readonly (string | number)[]) => JSON.stringify(path);
const MAX_DEPTH = 32;

class JsonError extends Error {
  constructor(
    readonly line: number,
    readonly code: DeckIssueCode,
    readonly params: Vars = {},
  ) {
    super(code);
  }
}

export type JsonWithLines = { ok: true; value: unknown; lines: Map<string, number> } | { ok: false; error: DeckFileError };

/** Strict JSON (RFC 8259: no comments, no trailing commas, no duplicate keys) that also records
 *  the line on which each value starts, keyed by its path (see pathKey). A leading byte order
 *  mark is skipped. */
export function parseJsonWithLines(text: string): JsonWithLines {
  const lines = new Map<string, number>();
  let i = text.startsWith("\uFEFF") ? 1 : 0;
  let line = 1;

  /** "expected …, found 'x'" (code, with the text found), or the end of the file. */
  const unexpected = (code: DeckIssueCode, params: Vars = {}) =>
    i >= text.length ? new JsonError(line, "json_unexpected_end") : new JsonError(line, code, { ...params, found: shown(text.slice(i, i + 12)) });

  const skipSpace = () => {
    for (;;) {
      const ch = text[i];
      if (ch === " " || ch === "\t") i++;
      else if (ch === "\n") {
        i++;
        line++;
      } else if (ch === "\r") {
        i++;
        if (text[i] === "\n") i++;
        line++;
      } else return;
    }
  };

  const parseString = (): string => {
    const startLine = line;
    i++; // opening quote
    let out = "";
    for (;;) {
      if (i >= text.length) throw new JsonError(startLine, "json_unclosed_string");
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return out;
      }
      if (ch === "\\") {
        const esc = text[i + 1];
        const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (esc !== undefined && esc in simple) {
          out += simple[esc];
          i += 2;
        } else if (esc === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          throw new JsonError(line, "json_bad_escape", { found: shown(text.slice(i, i + 6)) });
        }
        continue;
      }
      if (ch < " ") throw new JsonError(line, "json_control_character");
      out += ch;
      i++;
    }
  };

  const parseValue = (path: (string | number)[], depth: number): unknown => {
    skipSpace();
    lines.set(pathKey(path), line);
    const ch = text[i];
    if (ch === "{") {
      if (depth >= MAX_DEPTH) throw new JsonError(line, "json_too_deep");
      i++;
      const entries: [string, unknown][] = [];
      const firstLines = new Map<string, number>();
      skipSpace();
      if (text[i] === "}") {
        i++;
        return {};
      }
      for (;;) {
        skipSpace();
        if (text[i] !== '"') throw unexpected("json_expected_name");
        const keyLine = line;
        const key = parseString();
        const first = firstLines.get(key);
        if (first !== undefined) throw new JsonError(keyLine, "json_duplicate_key", { key: shown(key), first });
        firstLines.set(key, keyLine);
        skipSpace();
        if (text[i] !== ":") throw unexpected("json_expected_colon", { key: shown(key) });
        i++;
        entries.push([key, parseValue([...path, key], depth + 1)]);
        skipSpace();
        if (text[i] === ",") {
          i++;
          skipSpace();
          if (text[i] === "}") throw new JsonError(line, "json_trailing_comma_object");
          continue;
        }
        if (text[i] === "}") {
          i++;
          // fromEntries defines own properties, so a "__proto__" key stays a plain (unknown) key.
          return Object.fromEntries(entries);
        }
        throw unexpected("json_expected_comma_object");
      }
    }
    if (ch === "[") {
      if (depth >= MAX_DEPTH) throw new JsonError(line, "json_too_deep");
      i++;
      const items: unknown[] = [];
      skipSpace();
      if (text[i] === "]") {
        i++;
        return items;
      }
      for (;;) {
        items.push(parseValue([...path, items.length], depth + 1));
        skipSpace();
        if (text[i] === ",") {
          i++;
          skipSpace();
          if (text[i] === "]") throw new JsonError(line, "json_trailing_comma_list");
          continue;
        }
        if (text[i] === "]") {
          i++;
          return items;
        }
        throw unexpected("json_expected_comma_list");
      }
    }
    if (ch === '"') return parseString();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (literal) {
      i += literal[0].length;
      const word = literal[0];
      return word === "true" ? true : word === "false" ? false : word === "null" ? null : Number(word);
    }
    throw unexpected("json_expected_value");
  };

  try {
    const value = parseValue([], 0);
    skipSpace();
    if (i < text.length) throw unexpected("json_text_after_end");
    return { ok: true, value, lines };
  } catch (error) {
    if (error instanceof JsonError) return { ok: false, error: fileError(error.line, error.code, error.params) };
    throw error;
  }
}
