import { z } from "zod";
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

export type DeckError = { path: string; message: string };
export type ParseDeckResult = { ok: true; deck: Deck } | { ok: false; errors: DeckError[] };

// Every check carries its own message: in zod 4 a schema-level `error` would otherwise also be
// used for its checks, and "must be text" on a too-long string would mislead the deck author.
const text = (what: string) =>
  z.string({ error: (iss) => (iss.input === undefined ? `${what} is required` : `${what} must be text`) });

const lengthOf = (input: unknown) => (typeof input === "string" ? input.length : 0);

const slug = (what: string, max: number) =>
  text(what)
    .min(1, { error: `${what} must not be empty` })
    .max(max, { error: (iss) => `${what} must be at most ${max} characters (it has ${lengthOf(iss.input)})` })
    .regex(SLUG_PATTERN, {
      error: `${what} must be a lowercase slug: letters a–z, digits and single hyphens, like "vision-vs-goals"`,
    });

const boundedText = (what: string, min: number, max: number) =>
  text(what)
    .trim()
    .min(min, { error: `${what} must not be empty` })
    .max(max, { error: (iss) => `${what} must be at most ${max} characters (it has ${lengthOf(iss.input)})` });

const columnSchema = z.object(
  {
    id: slug("Column id", MAX_COLUMN_ID_LENGTH),
    label: boundedText("Column label", 1, MAX_COLUMN_LABEL_LENGTH),
  },
  { error: "Each column must be an object with an id and a label" },
);

const statementSchema = z.object(
  {
    id: slug("Statement id", MAX_STATEMENT_ID_LENGTH),
    text: boundedText("Statement text", 1, MAX_STATEMENT_LENGTH),
    canonical: text("Statement canonical answer").min(1, { error: "Statement canonical answer must not be empty" }),
    // Optional in spirit (a user-made deck may have no explanations), so empty is allowed.
    explanation: boundedText("Statement explanation", 0, MAX_EXPLANATION_LENGTH),
  },
  { error: "Each statement must be an object with an id, text, canonical answer and explanation" },
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
      else
        ctx.addIssue({
          code: "custom",
          path: ["columns", i, "id"],
          message: `Column id ${quote(column.id)} is already used by column ${first + 1}; column ids must be unique`,
        });
    }
    if (typeof column.label === "string") {
      const key = column.label.trim().toLowerCase();
      const first = seenLabels.get(key);
      if (first === undefined) seenLabels.set(key, i);
      else
        ctx.addIssue({
          code: "custom",
          path: ["columns", i, "label"],
          message: `Column label ${quote(column.label.trim())} is already used by column ${first + 1}; column labels must be unique (ignoring case)`,
        });
    }
  });

  const validColumns = [...new Set(columnIds)];
  const validList = validColumns.length > 0 ? validColumns.map(quote).join(", ") : "(none defined)";
  const seenStatementIds = new Map<string, number>();
  const seenTexts = new Map<string, number>();
  statements.forEach((statement, i) => {
    if (!isRecord(statement)) return;
    const name =
      typeof statement.id === "string" && statement.id !== ""
        ? `Statement ${i + 1} (${quote(statement.id)})`
        : `Statement ${i + 1}`;
    if (typeof statement.id === "string") {
      const first = seenStatementIds.get(statement.id);
      if (first === undefined) seenStatementIds.set(statement.id, i);
      else
        ctx.addIssue({
          code: "custom",
          path: ["statements", i, "id"],
          message: `Statement id ${quote(statement.id)} is already used by statement ${first + 1}; statement ids must be unique`,
        });
    }
    if (typeof statement.text === "string" && statement.text.trim() !== "") {
      const key = normalizeStatementText(statement.text);
      const first = seenTexts.get(key);
      if (first === undefined) seenTexts.set(key, i);
      else
        ctx.addIssue({
          code: "custom",
          path: ["statements", i, "text"],
          message: `${name} has the same text as statement ${first + 1}; each statement must be different`,
        });
    }
    // Without a column list at all, "not a column" on every statement would only repeat that error.
    const canCheckCanonical = Array.isArray(value.columns);
    if (
      canCheckCanonical &&
      typeof statement.canonical === "string" &&
      statement.canonical !== "" &&
      !validColumns.includes(statement.canonical)
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["statements", i, "canonical"],
        message: `${name} has canonical answer ${quote(statement.canonical)}, which is not a column of this deck. Valid columns: ${validList}`,
      });
    }
  });
}

export const deckSchema: z.ZodType<Deck> = z
  .object(
    {
      slug: slug("Deck slug", MAX_SLUG_LENGTH).optional(),
      title: boundedText("Title", 1, MAX_TITLE_LENGTH),
      description: boundedText("Description", 0, MAX_DESCRIPTION_LENGTH),
      language: text("Language").regex(LANGUAGE_PATTERN, {
        error: (iss) =>
          `Language must be a language tag like "en" or "en-GB" (got ${quote(String(iss.input))})`,
      }),
      columns: z
        .array(columnSchema, { error: (iss) => (iss.input === undefined ? "Columns are required" : "Columns must be a list") })
        .min(MIN_COLUMNS, { error: `A deck needs at least ${MIN_COLUMNS} columns` })
        .max(MAX_COLUMNS, {
          error: (iss) => `A deck can have at most ${MAX_COLUMNS} columns (it has ${Array.isArray(iss.input) ? iss.input.length : 0})`,
        }),
      statements: z
        .array(statementSchema, {
          error: (iss) => (iss.input === undefined ? "Statements are required" : "Statements must be a list"),
        })
        .min(MIN_STATEMENTS, { error: `A deck needs at least ${MIN_STATEMENTS} statement` })
        .max(MAX_STATEMENTS, {
          error: (iss) =>
            `A deck can have at most ${MAX_STATEMENTS} statements (it has ${Array.isArray(iss.input) ? iss.input.length : 0})`,
        }),
      version: z
        .number({ error: (iss) => (iss.input === undefined ? "Version is required" : "Version must be a number") })
        .int({ error: "Version must be a whole number" })
        .positive({ error: "Version must be 1 or more" }),
    },
    { error: "A deck must be an object" },
  )
  // zod skips refinements once any field failed; run anyway so all problems surface together.
  // (An over-long list still stops everything: zod refuses to parse its items at all.)
  .superRefine(checkCrossFieldRules, { when: () => true });

export function parseDeck(input: unknown): ParseDeckResult {
  const result = deckSchema.safeParse(input);
  if (result.success) return { ok: true, deck: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join("."),
      message: issue.message,
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
