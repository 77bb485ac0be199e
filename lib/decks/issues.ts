import type { Vars } from "@/lib/domain/issue";
import { makeIssue, type Issue } from "@/lib/domain/issue";

/**
 * Every problem deck validation can report, by code, with its English default ("{name}" fills
 * from the issue's params). parseDeck (schema.ts) reports the deck_/title_/column_/statement_…
 * codes, the file importers the file_/csv_/json_ ones (on top of parseDeck's, at a line), the
 * editor model the editor_ ones. Codes are stable: API clients and the messages files
 * (lib/i18n/messages, namespace `deckIssues`) key on them. Pure.
 *
 * Params: n / first / index are 1-based positions, line / firstLine file lines, max / min
 * limits, length / count what was found; value is the offending text as given. In the file_,
 * csv_ and json_ messages, quoted values (found, value, key, header) come already quoted and
 * shortened ('…').
 */
export const DECK_ISSUES = {
  // ── parseDeck: the deck ───────────────────────────────────────────────────────────────────
  deck_not_object: "A deck must be an object",
  deck_invalid_value: "This value is not valid",
  title_required: "Title is required",
  title_not_text: "Title must be text",
  title_empty: "Title must not be empty",
  title_too_long: "Title must be at most {max} characters (it has {length})",
  title_invalid_character: "Title contains a character that cannot be saved (a NUL character or half of an emoji): remove it",
  description_required: "Description is required",
  description_not_text: "Description must be text",
  description_too_long: "Description must be at most {max} characters (it has {length})",
  description_invalid_character: "Description contains a character that cannot be saved (a NUL character or half of an emoji): remove it",
  language_required: "Language is required",
  language_not_text: "Language must be text",
  language_invalid: 'Language must be a language tag like "en" or "en-GB" (got "{value}")',
  slug_required: "Deck slug is required",
  slug_not_text: "Deck slug must be text",
  slug_empty: "Deck slug must not be empty",
  slug_too_long: "Deck slug must be at most {max} characters (it has {length})",
  slug_not_slug: 'Deck slug must be a lowercase slug: letters a–z, digits and single hyphens, like "vision-vs-goals"',
  version_required: "Version is required",
  version_not_number: "Version must be a number",
  version_not_integer: "Version must be a whole number",
  version_not_positive: "Version must be 1 or more",
  // ── parseDeck: columns ────────────────────────────────────────────────────────────────────
  columns_required: "Columns are required",
  columns_not_list: "Columns must be a list",
  columns_too_few: "A deck needs at least {min} columns",
  columns_too_many: "A deck can have at most {max} columns (it has {count})",
  column_not_object: "Each column must be an object with an id and a label",
  column_id_required: "Column id is required",
  column_id_not_text: "Column id must be text",
  column_id_empty: "Column id must not be empty",
  column_id_too_long: "Column id must be at most {max} characters (it has {length})",
  column_id_not_slug: 'Column id must be a lowercase slug: letters a–z, digits and single hyphens, like "vision-vs-goals"',
  column_id_duplicate: 'Column id "{value}" is already used by column {first}; column ids must be unique',
  column_label_required: "Column label is required",
  column_label_not_text: "Column label must be text",
  column_label_empty: "Column label must not be empty",
  column_label_too_long: "Column label must be at most {max} characters (it has {length})",
  column_label_duplicate: 'Column label "{value}" is already used by column {first}; column labels must be unique (ignoring case)',
  column_label_invalid_character: "Column label contains a character that cannot be saved (a NUL character or half of an emoji): remove it",
  // ── parseDeck: statements ─────────────────────────────────────────────────────────────────
  statements_required: "Statements are required",
  statements_not_list: "Statements must be a list",
  statements_too_few: "A deck needs at least {min} statement",
  statements_too_many: "A deck can have at most {max} statements (it has {count})",
  statement_not_object: "Each statement must be an object with an id, text, canonical answer and explanation",
  statement_id_required: "Statement id is required",
  statement_id_not_text: "Statement id must be text",
  statement_id_empty: "Statement id must not be empty",
  statement_id_too_long: "Statement id must be at most {max} characters (it has {length})",
  statement_id_not_slug: 'Statement id must be a lowercase slug: letters a–z, digits and single hyphens, like "vision-vs-goals"',
  statement_id_duplicate: 'Statement id "{value}" is already used by statement {first}; statement ids must be unique',
  statement_text_required: "Statement text is required",
  statement_text_not_text: "Statement text must be text",
  statement_text_empty: "Statement text must not be empty",
  statement_text_too_long: "Statement text must be at most {max} characters (it has {length})",
  statement_text_duplicate: "Statement {n} has the same text as statement {first}; each statement must be different",
  statement_text_invalid_character: "Statement text contains a character that cannot be saved (a NUL character or half of an emoji): remove it",
  statement_canonical_required: "Statement canonical answer is required",
  statement_canonical_not_text: "Statement canonical answer must be text",
  statement_canonical_empty: "Statement canonical answer must not be empty",
  statement_canonical_unknown: 'Statement {n} has canonical answer "{value}", which is not a column of this deck. Valid columns: {columns}',
  statement_canonical_no_columns: 'Statement {n} has canonical answer "{value}", which is not a column of this deck. The deck has no valid columns yet',
  statement_explanation_required: "Statement explanation is required",
  statement_explanation_not_text: "Statement explanation must be text",
  statement_explanation_too_long: "Statement explanation must be at most {max} characters (it has {length})",
  statement_explanation_invalid_character: "Statement explanation contains a character that cannot be saved (a NUL character or half of an emoji): remove it",

  // ── deck files, either format (file-common.ts) ────────────────────────────────────────────
  file_too_large: "The file is too large: {size} KB, and a deck file can be at most {max} KB.",
  file_empty: "The file is empty.",
  file_more_problems: "…and {count} more problems.",
  file_too_many_columns: "too many columns: a deck has at most {max} (this file has {count})",
  file_too_many_statements: "too many statements: a deck holds at most {max} (this file has {count})",
  file_column_id_duplicate: "column id {value} is already used on line {firstLine}; column ids must be unique",
  file_column_label_duplicate: "column label {value} is already used on line {firstLine}; column labels must be unique (ignoring case)",
  file_statement_id_duplicate: "statement id {value} is already used on line {firstLine}; statement ids must be unique",
  file_statement_text_duplicate:
    "duplicate statement: {value} has the same text as the statement on line {firstLine} (ignoring case and spacing); each statement must be different",
  file_canonical_unknown: "canonical column {value} is not one of {columns}",
  // ── CSV (csv.ts) ──────────────────────────────────────────────────────────────────────────
  csv_unclosed_quote: "a quoted cell starts here but is never closed (unbalanced double quotes)",
  csv_text_after_quote: 'unexpected text after a closing double quote; inside a quoted cell, write each double quote twice ("")',
  csv_stray_quote: 'a double quote inside a cell that does not start with one; put the whole cell in double quotes and write each quote inside it twice ("")',
  csv_bad_header: "the first row must be the header {header} (found {found})",
  csv_too_many_cells: "this row has {count} cells but the header has {headerCount} ({columns}); put a cell that contains a comma in double quotes",
  csv_column_extra_cells: "a column row has only an id and a label (in the text cell); leave canonical and explanation empty",
  csv_meta_repeated: "a second {kind} row (the first is on line {first}); a deck has one {kind}",
  csv_meta_extra_cells: "a {kind} row keeps its value in the text cell; leave id, canonical and explanation empty",
  csv_kind_empty: "the kind cell is empty; each row starts with one of {kinds}",
  csv_kind_unknown: "unknown row kind {found}; use one of {kinds}",
  csv_no_title: "The file has no title row (for example: title,,My deck,,).",
  csv_no_language: "The file has no language row (for example: language,,en,,).",
  csv_bad_version: "version must be a whole number such as 1 (found {found})",
  csv_no_columns: "The file has no column rows: a deck needs {min} to {max} (for example: column,leader,Leader,,).",
  csv_no_statements: "The file has no statement rows (for example: statement,,Takes risks,leader,).",
  // ── JSON (json-format.ts) ─────────────────────────────────────────────────────────────────
  json_not_object: 'a deck file is a JSON object: {"format": "{format}", "version": {version}, "deck": {…}}',
  json_format_missing: 'not a SortRoom deck file: "format": "{format}" is missing',
  json_format_wrong: 'not a SortRoom deck file: "format" must be "{format}" (found {found})',
  json_version_missing: '"version": {version} (the version of the file format) is missing',
  json_version_unsupported: "file format version {found} is not supported: this SortRoom reads version {version}",
  json_deck_missing: '"deck" is missing',
  json_deck_not_object: "\"deck\" must be an object with the deck's fields",
  json_unknown_key_file: "unknown key {key} in the file; allowed keys: {allowed}",
  json_unknown_key_deck: "unknown key {key} in the deck; allowed keys: {allowed}",
  json_unknown_key_column: "unknown key {key} in column {n}; allowed keys: {allowed}",
  json_unknown_key_statement: "unknown key {key} in statement {n}; allowed keys: {allowed}",
  json_unclosed_string: 'a string starts here but is never closed (missing ")',
  json_bad_escape: "invalid escape {found} in a string",
  json_control_character: "a line break or control character inside a string; write it as \\n (or \\t…)",
  json_too_deep: "the JSON is nested too deeply",
  json_expected_name: "expected a property name in double quotes, found {found}",
  json_duplicate_key: "the key {key} appears twice in one object (first on line {first})",
  json_expected_colon: "expected ':' after the property name {key}, found {found}",
  json_trailing_comma_object: "a comma before '}': JSON allows no trailing comma",
  json_expected_comma_object: "expected ',' or '}' after a property, found {found}",
  json_trailing_comma_list: "a comma before ']': JSON allows no trailing comma",
  json_expected_comma_list: "expected ',' or ']' in a list, found {found}",
  json_expected_value: "expected a value (text in double quotes, a number, a list or an object), found {found}",
  json_unexpected_end: "the file ends before the JSON is complete (a closing bracket or quote is missing)",
  json_text_after_end: "unexpected {found} after the end of the JSON",

  // ── the editor (editor-model.ts), in the author's terms ───────────────────────────────────
  editor_column_label_duplicate: "Column {first} already has this label: labels must be different.",
  editor_statement_text_duplicate: "Same text as statement {first}: each statement must be different.",
  editor_canonical_missing: "Choose the column this statement belongs in: {columns}.",
  editor_canonical_removed: "Its column was removed from the deck: choose one of {columns}.",
} as const;

export type DeckIssueCode = keyof typeof DECK_ISSUES;

export type DeckIssue = Issue<DeckIssueCode>;

export function deckIssue(code: DeckIssueCode, params?: Vars): DeckIssue {
  return makeIssue(DECK_ISSUES, code, params);
}
