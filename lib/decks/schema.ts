import { z } from "zod";
import type { Vars } from "@/lib/domain/issue";
import { packIssue, unpackIssue } from "@/lib/domain/issue";
import { isStorableText } from "@/lib/domain/storable-text";
import { DECK_ISSUES, deckIssue, type DeckIssue, type DeckIssueCode } from "./issues";
import type { Deck, PublicStatement } from "./types";

export const MAX_TITLE_LENGTH = 120;
export const MAX_DESCRIPTION_LENGTH = 500;
export const MIN_COLUMNS = 2;
export const MAX_COLUMNS = 4;
export const MAX_COLUMN_ID_LENGTH = 40;
export const MAX_COLUMN_LABEL_LENGTH = 40;
export const MIN_STATEMENTS = 1;
export const MAX_STATEMENTS = 100;
export const MAX_STATEMENT_ID_LENGTH = 60;
export const MAX_STATEMENT_LENGTH = 200;
export const MAX_EXPLANATION_LENGTH = 1000;
export const MAX_SLUG_LENGTH = 60;

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const LANGUAGE_PATTERN = /^[a-z]{2}(-[A-Z]{2})?$/;

/** One problem with a deck: where (`path`, as "statements.3.text"; "" for the whole deck), and
 *  what, as a deck issue (code, params and the English message; lib/decks/issues.ts). */
export type DeckError = DeckIssue & { path: string };
export type ParseDeckResult = { ok: true; deck: Deck } | { ok: false; errors: DeckError[] };

// Every check carries its own error: in zod 4 a schema-level `error` would otherwise also be
// used for its checks, and "must be text" on a too-long string would mislead the deck author.
// Errors are packed deck issues (packIssue), unpacked by parseDeck.
const issue = (code: DeckIssueCode, params?: Vars) => packIssue(code, params);

const text = (field: TextField) =>
  z.string({ error: (iss) => issue(iss.input === undefined ? `${field}_required` : `${field}_not_text`) });

type TextField = "title" | "description" | "language" | "slug" | `column_${"id" | "label"}` | `statement_${"id" | "text" | "canonical" | "explanation"}`;

const lengthOf = (input: unknown) => (typeof input === "string" ? input.length : 0);
const countOf = (input: unknown) => (Array.isArray(input) ? input.length : 0);

const tooLong = (field: "title" | "description" | "slug" | "column_id" | "column_label" | "statement_id" | "statement_text" | "statement_explanation", max: number) => ({
  error: (iss: { input?: unknown }) => issue(`${field}_too_long`, { max, length: lengthOf(iss.input) }),
});

const slug = (field: "slug" | "column_id" | "statement_id", max: number) =>
  text(field)
    .min(1, { error: issue(`${field}_empty`) })
    .max(max, tooLong(field, max))
    .regex(SLUG_PATTERN, { error: issue(`${field}_not_slug`) });

type FreeTextField = "title" | "description" | "column_label" | "statement_text" | "statement_explanation";

/** Free text is stored as typed, so it must be text Postgres can hold (ids, slugs and the
 *  language already have patterns that refuse anything else). */
const storable = (field: FreeTextField) => ({ error: issue(`${field}_invalid_character`) });

const requiredText = (field: "title" | "column_label" | "statement_text", max: number) =>
  text(field).trim().min(1, { error: issue(`${field}_empty`) }).max(max, tooLong(field, max)).refine(isStorableText, storable(field));

// Optional in spirit (a user-made deck may have none), so empty is allowed.
const optionalText = (field: "description" | "statement_explanation", max: number) =>
  text(field).trim().max(max, tooLong(field, max)).refine(isStorableText, storable(field));

const columnSchema = z.object(
  {
    id: slug("column_id", MAX_COLUMN_ID_LENGTH),
    label: requiredText("column_label", MAX_COLUMN_LABEL_LENGTH),
  },
  { error: issue("column_not_object") },
);

const statementSchema = z.object(
  {
    id: slug("statement_id", MAX_STATEMENT_ID_LENGTH),
    text: requiredText("statement_text", MAX_STATEMENT_LENGTH),
    canonical: text("statement_canonical").min(1, { error: issue("statement_canonical_empty") }),
    explanation: optionalText("statement_explanation", MAX_EXPLANATION_LENGTH),
  },
  { error: issue("statement_not_object") },
);

/** Case and whitespace must not make two cards look different to a participant. */
export function normalizeStatementText(value: string): string {
  return value.trim().replace(/\s+/g, " ").toLowerCase();
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const quote = (s: string) => `"${s}"`;

/**
 * Cross-field rules. Runs even when field-level checks failed (see `when` below), so an author
 * sees every problem at once; the input may therefore be only partly valid and is inspected
 * defensively rather than trusted to match `Deck`.
 */
function checkCrossFieldRules(value: unknown, ctx: z.RefinementCtx): void {
  if (!isRecord(value)) return;
  const add = (path: (string | number)[], code: DeckIssueCode, params: Vars) => ctx.addIssue({ code: "custom", path, message: issue(code, params) });
  const columns = Array.isArray(value.columns) ? value.columns : [];
  const statements = Array.isArray(value.statements) ? value.statements : [];

  const columnIds: string[] = [];
  const seenColumnIds = new Map<string, number>();
  const seenLabels = new Map<string, number>();
  columns.forEach((column, i) => {
    if (!isRecord(column)) return;
    if (typeof column.id === "string") {
      columnIds.push(column.id);
      const first = seenColumnIds.get(column.id);
      if (first === undefined) seenColumnIds.set(column.id, i);
      else add(["columns", i, "id"], "column_id_duplicate", { value: column.id, first: first + 1 });
    }
    if (typeof column.label === "string") {
      const key = column.label.trim().toLowerCase();
      const first = seenLabels.get(key);
      if (first === undefined) seenLabels.set(key, i);
      else add(["columns", i, "label"], "column_label_duplicate", { value: column.label.trim(), first: first + 1 });
    }
  });

  const validColumns = [...new Set(columnIds)];
  const seenStatementIds = new Map<string, number>();
  const seenTexts = new Map<string, number>();
  statements.forEach((statement, i) => {
    if (!isRecord(statement)) return;
    if (typeof statement.id === "string") {
      const first = seenStatementIds.get(statement.id);
      if (first === undefined) seenStatementIds.set(statement.id, i);
      else add(["statements", i, "id"], "statement_id_duplicate", { value: statement.id, first: first + 1 });
    }
    if (typeof statement.text === "string" && statement.text.trim() !== "") {
      const key = normalizeStatementText(statement.text);
      const first = seenTexts.get(key);
      if (first === undefined) seenTexts.set(key, i);
      else add(["statements", i, "text"], "statement_text_duplicate", { n: i + 1, first: first + 1 });
    }
    // Without a column list at all, "not a column" on every statement would only repeat that error.
    const canCheckCanonical = Array.isArray(value.columns);
    if (
      canCheckCanonical &&
      typeof statement.canonical === "string" &&
      statement.canonical !== "" &&
      !validColumns.includes(statement.canonical)
    ) {
      add(
        ["statements", i, "canonical"],
        validColumns.length > 0 ? "statement_canonical_unknown" : "statement_canonical_no_columns",
        { n: i + 1, value: statement.canonical, columns: validColumns.map(quote).join(", ") },
      );
    }
  });
}

/** The deck schema. Its error messages are packed deck issues: use parseDeck for readable ones. */
export const deckSchema: z.ZodType<Deck> = z
  .object(
    {
      slug: slug("slug", MAX_SLUG_LENGTH).optional(),
      title: requiredText("title", MAX_TITLE_LENGTH),
      description: optionalText("description", MAX_DESCRIPTION_LENGTH),
      language: text("language").regex(LANGUAGE_PATTERN, { error: (iss) => issue("language_invalid", { value: String(iss.input) }) }),
      columns: z
        .array(columnSchema, { error: (iss) => issue(iss.input === undefined ? "columns_required" : "columns_not_list") })
        .min(MIN_COLUMNS, { error: issue("columns_too_few", { min: MIN_COLUMNS }) })
        .max(MAX_COLUMNS, { error: (iss) => issue("columns_too_many", { max: MAX_COLUMNS, count: countOf(iss.input) }) }),
      statements: z
        .array(statementSchema, { error: (iss) => issue(iss.input === undefined ? "statements_required" : "statements_not_list") })
        .min(MIN_STATEMENTS, { error: issue("statements_too_few", { min: MIN_STATEMENTS }) })
        .max(MAX_STATEMENTS, { error: (iss) => issue("statements_too_many", { max: MAX_STATEMENTS, count: countOf(iss.input) }) }),
      version: z
        .number({ error: (iss) => issue(iss.input === undefined ? "version_required" : "version_not_number") })
        .int({ error: issue("version_not_integer") })
        .positive({ error: issue("version_not_positive") }),
    },
    { error: issue("deck_not_object") },
  )
  // zod skips refinements once any field failed; run anyway so all problems surface together.
  // (An over-long list still stops everything: zod refuses to parse its items at all.)
  .superRefine(checkCrossFieldRules, { when: () => true });

export function parseDeck(input: unknown): ParseDeckResult {
  const result = deckSchema.safeParse(input);
  if (result.success) return { ok: true, deck: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((zodIssue) => ({
      path: zodIssue.path.map(String).join("."),
      ...(unpackIssue(DECK_ISSUES, zodIssue.message) ?? deckIssue("deck_invalid_value")),
    })),
  };
}

/** Builds fresh objects so canonical answers and explanations cannot leak to participants by reference. */
export function publicStatements(deck: Deck): PublicStatement[] {
  return deck.statements.map(({ id, text }) => ({ id, text }));
}

export function columnLabel(deck: Deck, id: string): string | undefined {
  return deck.columns.find((column) => column.id === id)?.label;
}
