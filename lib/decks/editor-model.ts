import { crossRowIssues } from "./cross-row";
import { deckIssue, type DeckIssue } from "./issues";
import { parseDeck, type DeckError } from "./schema";
import { columnIdFor, statementIdFor } from "./slug";
import type { Deck } from "./types";

/**
 * The deck editor's model, pure so it can be tested without a browser. The editor edits a draft:
 * rows carry a stable `key` of their own (for React and focus), so a column can be renamed or a
 * statement reworded without losing track of it. Ids are derived as slugs when a row is first
 * saved and kept afterwards; a statement's canonical answer points at a column by key, so
 * renaming or moving a column never breaks it.
 */

export interface DraftColumn {
  key: string;
  /** Saved id, or null for a column not saved yet (its id is derived from the label). */
  id: string | null;
  label: string;
}

export interface DraftStatement {
  key: string;
  id: string | null;
  text: string;
  /** Key of a draft column; "" when none is chosen. */
  canonical: string;
  explanation: string;
}

export interface DeckDraft {
  title: string;
  description: string;
  language: string;
  columns: DraftColumn[];
  statements: DraftStatement[];
  version: number;
}

export function draftFromDeck(deck: Deck, newKey: () => string): DeckDraft {
  const columns = deck.columns.map((c) => ({ key: newKey(), id: c.id, label: c.label }));
  const keyOf = new Map(columns.map((c) => [c.id, c.key]));
  return {
    title: deck.title,
    description: deck.description,
    language: deck.language,
    version: deck.version,
    columns,
    statements: deck.statements.map((s) => ({
      key: newKey(),
      id: s.id,
      text: s.text,
      canonical: keyOf.get(s.canonical) ?? "",
      explanation: s.explanation,
    })),
  };
}

/** A new deck: two unnamed columns and one empty statement. */
export function emptyDraft(newKey: () => string, language = "en"): DeckDraft {
  return {
    title: "",
    description: "",
    language,
    version: 1,
    columns: [
      { key: newKey(), id: null, label: "" },
      { key: newKey(), id: null, label: "" },
    ],
    statements: [emptyStatement(newKey)],
  };
}

export function emptyStatement(newKey: () => string): DraftStatement {
  return { key: newKey(), id: null, text: "", canonical: "", explanation: "" };
}

/** The deck a draft stands for: new rows get ids derived from their label or text. */
export function deckFromDraft(draft: DeckDraft): Deck {
  const columnIds = new Set(draft.columns.flatMap((c) => (c.id ? [c.id] : [])));
  const columns = draft.columns.map((c, i) => ({ id: c.id ?? columnIdFor(c.label, i + 1, columnIds), label: c.label }));
  const idOfKey = new Map(draft.columns.map((c, i) => [c.key, columns[i]!.id]));
  const statementIds = new Set(draft.statements.flatMap((s) => (s.id ? [s.id] : [])));
  return {
    title: draft.title,
    description: draft.description,
    language: draft.language,
    version: draft.version,
    columns,
    statements: draft.statements.map((s, i) => ({
      id: s.id ?? statementIdFor(s.text, i + 1, statementIds),
      text: s.text,
      canonical: idOfKey.get(s.canonical) ?? "",
      explanation: s.explanation,
    })),
  };
}

/** `rows` with the row of `key` swapped with its neighbour `delta` away, or null when there is
 *  no such row or it is already at that end. */
function moved<T extends { key: string }>(rows: readonly T[], key: string, delta: -1 | 1): T[] | null {
  const index = rows.findIndex((row) => row.key === key);
  const target = index + delta;
  if (index < 0 || target < 0 || target >= rows.length) return null;
  const out = [...rows];
  [out[index], out[target]] = [out[target]!, out[index]!];
  return out;
}

/** The draft with column `key` moved one place left (-1) or right (+1), or null when it cannot
 *  move. Statements point at columns by key, so every canonical answer stays with its column. */
export function moveColumn(draft: DeckDraft, key: string, delta: -1 | 1): DeckDraft | null {
  const columns = moved(draft.columns, key, delta);
  return columns && { ...draft, columns };
}

/** The draft with statement `key` moved one place up (-1) or down (+1), or null when it cannot. */
export function moveStatement(draft: DeckDraft, key: string, delta: -1 | 1): DeckDraft | null {
  const statements = moved(draft.statements, key, delta);
  return statements && { ...draft, statements };
}

/** What of a draft the server holds once it is saved: the deck without its version (which the
 *  server counts). Two drafts with the same content are the same deck, so editing a field and
 *  editing it back leaves nothing unsaved. */
export function savedContent(draft: DeckDraft): string {
  const { version: _version, ...deck } = deckFromDraft(draft);
  return JSON.stringify(deck);
}

/** Whether `draft` differs from what was last saved (`baseline`, a `savedContent`). */
export function hasUnsavedChanges(draft: DeckDraft, baseline: string): boolean {
  return savedContent(draft) !== baseline;
}

/** The editor after a save resolved. `sent` is the draft as it was sent, `current` the draft
 *  now: the facilitator may have kept editing while the save was in flight, and those edits are
 *  kept. The current draft takes the saved version and, for the rows that were sent (matched by
 *  key, wherever they have moved since), the ids the saved deck gave them; a row that already
 *  had an id keeps it. The new baseline is what was sent, so anything edited since still shows
 *  as unsaved. */
export function afterSave(current: DeckDraft, sent: DeckDraft, version: number): { draft: DeckDraft; baseline: string } {
  const deck = deckFromDraft(sent);
  const columnIds = new Map(sent.columns.map((c, i) => [c.key, deck.columns[i]!.id]));
  const statementIds = new Map(sent.statements.map((s, i) => [s.key, deck.statements[i]!.id]));
  const settled = <T extends { key: string; id: string | null }>(rows: readonly T[], ids: Map<string, string>) =>
    rows.map((row) => (row.id === null && ids.has(row.key) ? { ...row, id: ids.get(row.key)! } : row));
  const draft = { ...current, version, columns: settled(current.columns, columnIds), statements: settled(current.statements, statementIds) };
  const saved = { ...sent, version, columns: settled(sent.columns, columnIds), statements: settled(sent.statements, statementIds) };
  return { draft, baseline: savedContent(saved) };
}

/** Where an error shows: a field of the deck, of a column or statement (by key), or the lists. */
export type DraftField =
  | "title"
  | "description"
  | "language"
  | "columns"
  | "statements"
  | `column:${string}:label`
  | `statement:${string}:${"text" | "canonical" | "explanation"}`;

/** A problem on one field of the draft, as a deck issue: parseDeck's, or the editor's own
 *  (editor_… codes, in the author's terms). `message` is English, as a sentence. */
export type DraftError = DeckIssue & { field: DraftField };

export interface DraftErrorOptions {
  /** What the author calls a column without a label, by 0-based index ("Column 2"). */
  unnamedColumn?: (index: number) => string;
}

/** Errors by field, first one per field (the one to fix first), in the order fields appear. */
export function validateDraft(draft: DeckDraft, options?: DraftErrorOptions): { deck: Deck; errors: DraftError[] } {
  const deck = deckFromDraft(draft);
  const result = parseDeck(deck);
  return { deck, errors: result.ok ? [] : draftErrors(draft, result.errors, options) };
}

/** Maps parseDeck errors (by index, as the server also returns them) onto the draft's fields,
 *  in the editor's terms where they differ ("statement 2" is what the author sees numbered).
 *  `draft` must be the draft the errors were found in (for the server's, the one sent): indexes
 *  mean rows of that draft, and the fields returned name the rows by key. */
export function draftErrors(draft: DeckDraft, errors: readonly DeckError[], options: DraftErrorOptions = {}): DraftError[] {
  const deck = deckFromDraft(draft);
  const columnKeys = new Set(draft.columns.map((c) => c.key));
  const unnamed = options.unnamedColumn ?? ((i: number) => `Column ${i + 1}`);
  const columns = draft.columns.map((c, i) => c.label.trim() || unnamed(i)).join(", ");
  const friendly = new Map<string, DeckIssue>();
  for (const issue of crossRowIssues(deck)) {
    if (issue.kind === "duplicate-statement-text") {
      friendly.set(`statements.${issue.index}.text`, deckIssue("editor_statement_text_duplicate", { first: issue.firstIndex + 1 }));
    } else if (issue.kind === "duplicate-column-label") {
      friendly.set(`columns.${issue.index}.label`, deckIssue("editor_column_label_duplicate", { first: issue.firstIndex + 1 }));
    }
  }
  draft.statements.forEach((s, i) => {
    if (s.canonical === "") friendly.set(`statements.${i}.canonical`, deckIssue("editor_canonical_missing", { columns }));
    else if (!columnKeys.has(s.canonical)) friendly.set(`statements.${i}.canonical`, deckIssue("editor_canonical_removed", { columns }));
  });

  const out: DraftError[] = [];
  const seen = new Set<DraftField>();
  for (const { path, ...error } of errors) {
    const field = fieldOf(draft, path);
    if (!field || seen.has(field)) continue;
    seen.add(field);
    const issue = friendly.get(path) ?? error;
    out.push({ field, code: issue.code, params: issue.params, message: asSentence(issue.message) });
  }
  return errorsOnDraft(out, draft);
}

/** Errors found on a draft as it was (the one sent to the server), shown on the draft as it is
 *  now. Each error names its row by key, so it stays on that row however the rows have moved
 *  since; the error of a row removed since is dropped with the row. In the order the fields
 *  appear now. */
export function errorsOnDraft(errors: readonly DraftError[], draft: DeckDraft): DraftError[] {
  const order = fieldOrder(draft);
  return errors.filter((e) => order.has(e.field)).sort((a, b) => order.get(a.field)! - order.get(b.field)!);
}

/** The message with a full stop at the end, unless it ends with one already (or ! or ?). */
export function asSentence(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

function fieldOf(draft: DeckDraft, path: string): DraftField | null {
  const [head, index, leaf] = path.split(".");
  if (head === "title" || head === "description" || head === "language") return head;
  if (head === "columns") {
    if (index === undefined) return "columns";
    const column = draft.columns[Number(index)];
    return column ? `column:${column.key}:label` : "columns";
  }
  if (head === "statements") {
    if (index === undefined) return "statements";
    const statement = draft.statements[Number(index)];
    if (!statement) return "statements";
    const part = leaf === "canonical" || leaf === "explanation" ? leaf : "text"; // an id problem shows on the text it comes from
    return `statement:${statement.key}:${part}`;
  }
  return null; // version and slug are not the author's to edit
}

/** The position of every field the draft has, in the order the editor shows them. */
function fieldOrder(draft: DeckDraft): Map<string, number> {
  const order = new Map<string, number>([
    ["title", 0],
    ["description", 1],
    ["language", 2],
    ["columns", 3],
  ]);
  draft.columns.forEach((c, i) => order.set(`column:${c.key}:label`, 10 + i));
  order.set("statements", 20);
  draft.statements.forEach((s, i) => {
    order.set(`statement:${s.key}:text`, 100 + i * 3);
    order.set(`statement:${s.key}:canonical`, 101 + i * 3);
    order.set(`statement:${s.key}:explanation`, 102 + i * 3);
  });
  return order;
}
