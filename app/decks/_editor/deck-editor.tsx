"use client";

import Link from "next/link";
import { useEffect, useMemo, useReducer, useRef, useState, useTransition, type ReactNode } from "react";
import {
  deckFromDraft,
  draftErrors,
  draftFromDeck,
  emptyDraft,
  emptyStatement,
  validateDraft,
  withSavedIds,
  type DeckDraft,
  type DraftError,
  type DraftField,
} from "@/lib/decks/editor-model";
import {
  MAX_COLUMNS,
  MAX_DESCRIPTION_LENGTH,
  MAX_EXPLANATION_LENGTH,
  MAX_STATEMENT_LENGTH,
  MAX_STATEMENTS,
  MAX_TITLE_LENGTH,
  MIN_COLUMNS,
} from "@/lib/decks/schema";
import type { Deck } from "@/lib/decks/types";
import { saveDeckAction } from "../actions";
import styles from "../decks.module.css";

/** The languages offered for a deck's text; a deck in another language keeps its own tag. */
const LANGUAGES: [string, string][] = [
  ["en", "English"],
  ["it", "Italiano"],
  ["de", "Deutsch"],
  ["es", "Español"],
  ["fr", "Français"],
  ["nl", "Nederlands"],
  ["pt", "Português"],
];

// ── state ──────────────────────────────────────────────────────────────────────────────────

interface State {
  draft: DeckDraft;
  nextKey: number;
  /** Element to focus after the next render (after a move, add or remove). */
  focus: string | null;
  /** Polite announcement of what just happened, for screen readers. */
  announcement: string;
}

type Action =
  | { type: "meta"; field: "title" | "description" | "language"; value: string }
  | { type: "columnLabel"; key: string; value: string }
  | { type: "addColumn" }
  | { type: "removeColumn"; key: string }
  | { type: "statement"; key: string; field: "text" | "canonical" | "explanation"; value: string }
  | { type: "addStatement" }
  | { type: "removeStatement"; key: string }
  | { type: "moveStatement"; key: string; delta: -1 | 1 }
  | { type: "saved"; draft: DeckDraft }
  | { type: "focused" };

const fieldId = {
  title: "deck-title",
  description: "deck-description",
  language: "deck-language",
  columns: "deck-columns",
  statements: "deck-statements",
  columnLabel: (key: string) => `column-${key}-label`,
  statement: (key: string, part: "text" | "canonical" | "explanation") => `statement-${key}-${part}`,
  move: (key: string, dir: "up" | "down") => `statement-${key}-move-${dir}`,
};

function domIdOf(field: DraftField): string {
  if (field === "title" || field === "description" || field === "language" || field === "columns" || field === "statements") return fieldId[field];
  const [kind, key, part] = field.split(":") as [string, string, string];
  return kind === "column" ? fieldId.columnLabel(key) : fieldId.statement(key, part as "text" | "canonical" | "explanation");
}

function keyMaker(state: State): [() => string, () => number] {
  let next = state.nextKey;
  return [() => `k${next++}`, () => next];
}

function reducer(state: State, action: Action): State {
  const { draft } = state;
  switch (action.type) {
    case "meta":
      return { ...state, draft: { ...draft, [action.field]: action.value } };
    case "columnLabel":
      return { ...state, draft: { ...draft, columns: draft.columns.map((c) => (c.key === action.key ? { ...c, label: action.value } : c)) } };
    case "addColumn": {
      if (draft.columns.length >= MAX_COLUMNS) return state;
      const [newKey, nextKey] = keyMaker(state);
      const key = newKey();
      return {
        ...state,
        nextKey: nextKey(),
        draft: { ...draft, columns: [...draft.columns, { key, id: null, label: "" }] },
        focus: fieldId.columnLabel(key),
        announcement: `Column ${draft.columns.length + 1} added.`,
      };
    }
    case "removeColumn": {
      if (draft.columns.length <= MIN_COLUMNS) return state;
      const index = draft.columns.findIndex((c) => c.key === action.key);
      const columns = draft.columns.filter((c) => c.key !== action.key);
      const next = columns[Math.min(index, columns.length - 1)];
      return {
        ...state,
        draft: { ...draft, columns },
        focus: next ? fieldId.columnLabel(next.key) : null,
        announcement: `Column ${index + 1} removed. Statements that were in it need a new column.`,
      };
    }
    case "statement":
      return {
        ...state,
        draft: { ...draft, statements: draft.statements.map((s) => (s.key === action.key ? { ...s, [action.field]: action.value } : s)) },
      };
    case "addStatement": {
      if (draft.statements.length >= MAX_STATEMENTS) return state;
      const [newKey, nextKey] = keyMaker(state);
      const statement = emptyStatement(newKey);
      return {
        ...state,
        nextKey: nextKey(),
        draft: { ...draft, statements: [...draft.statements, statement] },
        focus: fieldId.statement(statement.key, "text"),
        announcement: `Statement ${draft.statements.length + 1} added.`,
      };
    }
    case "removeStatement": {
      const index = draft.statements.findIndex((s) => s.key === action.key);
      if (index < 0) return state;
      const statements = draft.statements.filter((s) => s.key !== action.key);
      const next = statements[Math.min(index, statements.length - 1)];
      return {
        ...state,
        draft: { ...draft, statements },
        focus: next ? fieldId.statement(next.key, "text") : "add-statement",
        announcement: `Statement ${index + 1} removed. ${statements.length} left.`,
      };
    }
    case "moveStatement": {
      const index = draft.statements.findIndex((s) => s.key === action.key);
      const target = index + action.delta;
      if (index < 0 || target < 0 || target >= draft.statements.length) return state;
      const statements = [...draft.statements];
      [statements[index], statements[target]] = [statements[target]!, statements[index]!];
      // Keep focus on the button that was pressed, unless it has just become disabled.
      const atEdge = target === 0 || target === statements.length - 1;
      const dir = action.delta < 0 ? "up" : "down";
      const focusDir = atEdge ? (dir === "up" ? "down" : "up") : dir;
      return {
        ...state,
        draft: { ...draft, statements },
        focus: fieldId.move(action.key, focusDir),
        announcement: `Statement moved ${dir} to position ${target + 1} of ${statements.length}.`,
      };
    }
    case "saved":
      return { ...state, draft: action.draft };
    case "focused":
      return { ...state, focus: null };
  }
}

function initialState(initial: Deck | null): State {
  let n = 0;
  const newKey = () => `k${n++}`;
  const draft = initial ? draftFromDeck(initial, newKey) : emptyDraft(newKey);
  return { draft, nextKey: n, focus: null, announcement: "" };
}

const fingerprint = (draft: DeckDraft) => {
  const { version: _version, ...deck } = deckFromDraft(draft);
  return JSON.stringify(deck);
};

// ── component ──────────────────────────────────────────────────────────────────────────────

export interface DeckEditorProps {
  /** null for a new deck. */
  deckId: string | null;
  initial: Deck | null;
  /** What brought the facilitator here ("Deck created."), shown until the first save. */
  notice?: string | null;
}

export function DeckEditor({ deckId, initial, notice: initialNotice }: DeckEditorProps) {
  const [state, dispatch] = useReducer(reducer, initial, initialState);
  const { draft } = state;
  const [showErrors, setShowErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<DraftError[] | null>(null);
  const [formError, setFormError] = useState<{ message: string; currentVersion?: number } | null>(null);
  const [status, setStatus] = useState("");
  const [notice, setNotice] = useState(initialNotice ?? null);
  const [savedFingerprint, setSavedFingerprint] = useState(() => fingerprint(initialState(initial).draft));
  const [pending, startTransition] = useTransition();
  const summaryRef = useRef<HTMLDivElement>(null);

  const errors = useMemo(() => (showErrors ? validateDraft(draft).errors : []), [draft, showErrors]);
  const shownErrors = errors.length > 0 ? errors : (serverErrors ?? []);
  const errorOf = new Map(shownErrors.map((e) => [e.field, e.message]));
  const current = fingerprint(draft);
  const dirty = current !== savedFingerprint;

  useEffect(() => {
    if (!state.focus) return;
    document.getElementById(state.focus)?.focus();
    dispatch({ type: "focused" });
  }, [state.focus]);

  // The notice came in the URL (?notice=created); drop it there, so a reload does not repeat it.
  useEffect(() => {
    if (initialNotice) window.history.replaceState(window.history.state, "", window.location.pathname);
  }, [initialNotice]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const save = (expectedVersion: number | undefined) => {
    const { deck, errors: found } = validateDraft(draft);
    setShowErrors(true);
    setNotice(null);
    setServerErrors(null);
    setFormError(null);
    if (found.length > 0) {
      setStatus("");
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setStatus("");
    startTransition(async () => {
      const result = await saveDeckAction({ id: deckId, expectedVersion, deck });
      if (result.ok) {
        const savedDraft = withSavedIds(draft, deck, result.version);
        dispatch({ type: "saved", draft: savedDraft });
        setSavedFingerprint(fingerprint(savedDraft));
        setStatus(`Saved. This is version ${result.version} of the deck.`);
        return;
      }
      setStatus("");
      if (result.errors) setServerErrors(draftErrors(draft, result.errors));
      setFormError({ message: result.message, currentVersion: result.currentVersion });
      requestAnimationFrame(() => summaryRef.current?.focus());
    });
  };

  const describedBy = (field: DraftField, ...more: (string | false | undefined)[]) =>
    [...more, errorOf.has(field) && `${domIdOf(field)}-error`].filter(Boolean).join(" ") || undefined;
  const invalid = (field: DraftField) => (errorOf.has(field) ? true : undefined);
  const fieldError = (field: DraftField) =>
    errorOf.has(field) ? (
      <p id={`${domIdOf(field)}-error`} className={styles.fieldError}>
        {errorOf.get(field)}
      </p>
    ) : null;

  const columnName = (i: number) => draft.columns[i]?.label.trim() || `Column ${i + 1}`;
  const knownColumns = new Set(draft.columns.map((c) => c.key));
  const statementCount = draft.statements.length;
  const languages = LANGUAGES.some(([tag]) => tag === draft.language) ? LANGUAGES : [...LANGUAGES, [draft.language, draft.language] as [string, string]];

  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save(deckId ? draft.version : undefined);
      }}
      aria-labelledby="editor-heading"
    >
      <p className={styles.notice} role="status">
        {notice ?? ""}
      </p>
      <div ref={summaryRef} tabIndex={-1} role="alert" className={styles.summary} aria-labelledby={shownErrors.length > 0 || formError ? "summary-title" : undefined}>
        {shownErrors.length > 0 || formError ? (
          <>
            <p id="summary-title" className={styles.summaryTitle}>
              {formError?.message ??
                `The deck cannot be saved yet: ${shownErrors.length === 1 ? "1 problem" : `${shownErrors.length} problems`} to fix.`}
            </p>
            {formError?.currentVersion !== undefined ? (
              <div className={styles.actions}>
                <button type="button" className={styles.secondaryButton} onClick={() => save(formError.currentVersion)} disabled={pending}>
                  Save mine anyway (replace version {formError.currentVersion})
                </button>
                <a className={styles.link} href={deckId ? `/decks/${deckId}` : "/decks"}>
                  Reload the saved deck (drops your changes)
                </a>
              </div>
            ) : null}
            {shownErrors.length > 0 ? (
              <ul>
                {shownErrors.map((e) => (
                  <li key={e.field}>
                    <a
                      href={`#${domIdOf(e.field)}`}
                      onClick={(event) => {
                        event.preventDefault();
                        document.getElementById(domIdOf(e.field))?.focus();
                      }}
                    >
                      {fieldLabel(e.field, draft, columnName)}
                    </a>
                    : {e.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>
          <h2 className={styles.legendHeading}>Deck</h2>
        </legend>
        <div className={styles.field}>
          <label htmlFor={fieldId.title} className={styles.label}>
            Title
          </label>
          <input
            id={fieldId.title}
            className={styles.input}
            value={draft.title}
            onChange={(e) => dispatch({ type: "meta", field: "title", value: e.target.value })}
            aria-invalid={invalid("title")}
            aria-describedby={describedBy("title")}
            autoComplete="off"
            placeholder="e.g. Leader, manager or both?"
          />
          {fieldError("title")}
        </div>
        <div className={styles.field}>
          <label htmlFor={fieldId.description} className={styles.label}>
            Description <span className={styles.optional}>(optional)</span>
          </label>
          <textarea
            id={fieldId.description}
            className={styles.input}
            rows={2}
            value={draft.description}
            onChange={(e) => dispatch({ type: "meta", field: "description", value: e.target.value })}
            aria-invalid={invalid("description")}
            aria-describedby={describedBy("description", "deck-description-hint")}
          />
          <p id="deck-description-hint" className={styles.hint}>
            Shown to the facilitator when choosing a deck. Up to {MAX_DESCRIPTION_LENGTH} characters.
          </p>
          {fieldError("description")}
        </div>
        <div className={styles.field}>
          <label htmlFor={fieldId.language} className={styles.label}>
            Language of the statements
          </label>
          <select
            id={fieldId.language}
            className={styles.input}
            value={draft.language}
            onChange={(e) => dispatch({ type: "meta", field: "language", value: e.target.value })}
            aria-invalid={invalid("language")}
            aria-describedby={describedBy("language")}
          >
            {languages.map(([tag, name]) => (
              <option key={tag} value={tag}>
                {name}
              </option>
            ))}
          </select>
          {fieldError("language")}
        </div>
      </fieldset>

      <fieldset className={styles.fieldset} aria-describedby={describedBy("columns", "columns-hint")}>
        <legend className={styles.legend} id={fieldId.columns} tabIndex={-1}>
          <h2 className={styles.legendHeading}>Columns</h2>
        </legend>
        <p id="columns-hint" className={styles.hint}>
          Participants sort each statement into one of these. A deck has {MIN_COLUMNS} to {MAX_COLUMNS} columns, for example
          “Leader”, “Manager” and “Both”.
        </p>
        {fieldError("columns")}
        <div className={styles.columnGrid}>
          {draft.columns.map((column, i) => {
            const field: DraftField = `column:${column.key}:label`;
            return (
              <div key={column.key} className={styles.field}>
                <label htmlFor={fieldId.columnLabel(column.key)} className={styles.label}>
                  Column {i + 1}
                </label>
                <div className={styles.columnRow}>
                  <input
                    id={fieldId.columnLabel(column.key)}
                    className={styles.input}
                    value={column.label}
                    onChange={(e) => dispatch({ type: "columnLabel", key: column.key, value: e.target.value })}
                    aria-invalid={invalid(field)}
                    aria-describedby={describedBy(field)}
                    autoComplete="off"
                    placeholder={["e.g. Leader", "e.g. Manager", "e.g. Both", "e.g. Neither"][i]}
                  />
                  <button
                    type="button"
                    className={styles.smallButton}
                    onClick={() => dispatch({ type: "removeColumn", key: column.key })}
                    disabled={draft.columns.length <= MIN_COLUMNS}
                    aria-label={`Remove column ${i + 1}${column.label.trim() ? ` (${column.label.trim()})` : ""}`}
                  >
                    Remove
                  </button>
                </div>
                {fieldError(field)}
              </div>
            );
          })}
        </div>
        <div className={styles.actions}>
          <button
            type="button"
            className={styles.secondaryButton}
            onClick={() => dispatch({ type: "addColumn" })}
            disabled={draft.columns.length >= MAX_COLUMNS}
            aria-describedby="columns-hint"
          >
            Add column
          </button>
        </div>
      </fieldset>

      <fieldset className={styles.fieldset} aria-describedby={describedBy("statements", "statements-hint")}>
        <legend className={styles.legend} id={fieldId.statements} tabIndex={-1}>
          <h2 className={styles.legendHeading}>Statements</h2>
        </legend>
        <p id="statements-hint" className={styles.hint}>
          {statementCount} of at most {MAX_STATEMENTS} statements. Each needs its text (up to {MAX_STATEMENT_LENGTH} characters, all
          different) and the column it belongs in; the explanation is shown to participants after the reveal.
        </p>
        {fieldError("statements")}
        <ol className={styles.statementList}>
          {draft.statements.map((s, i) => {
            const n = i + 1;
            const textField: DraftField = `statement:${s.key}:text`;
            const canonicalField: DraftField = `statement:${s.key}:canonical`;
            const explanationField: DraftField = `statement:${s.key}:explanation`;
            const orphan = s.canonical !== "" && !knownColumns.has(s.canonical);
            return (
              <li key={s.key} className={styles.statement} aria-labelledby={`statement-${s.key}-title`}>
                <div className={styles.statementHead}>
                  <h3 id={`statement-${s.key}-title`} className={styles.statementTitle}>
                    Statement {n}
                  </h3>
                  <div className={styles.actions}>
                    <button
                      id={fieldId.move(s.key, "up")}
                      type="button"
                      className={styles.smallButton}
                      onClick={() => dispatch({ type: "moveStatement", key: s.key, delta: -1 })}
                      disabled={i === 0}
                      aria-label={`Move statement ${n} up`}
                    >
                      <span aria-hidden="true">↑</span> Up
                    </button>
                    <button
                      id={fieldId.move(s.key, "down")}
                      type="button"
                      className={styles.smallButton}
                      onClick={() => dispatch({ type: "moveStatement", key: s.key, delta: 1 })}
                      disabled={i === statementCount - 1}
                      aria-label={`Move statement ${n} down`}
                    >
                      <span aria-hidden="true">↓</span> Down
                    </button>
                    <button
                      type="button"
                      className={styles.smallButton}
                      onClick={() => dispatch({ type: "removeStatement", key: s.key })}
                      aria-label={`Remove statement ${n}`}
                    >
                      Remove
                    </button>
                  </div>
                </div>
                <div className={styles.statementBody}>
                  <div className={styles.field}>
                    <label htmlFor={fieldId.statement(s.key, "text")} className={styles.label}>
                      Text<span className={styles.visuallyHidden}> of statement {n}</span>
                    </label>
                    <textarea
                      id={fieldId.statement(s.key, "text")}
                      className={styles.input}
                      rows={2}
                      value={s.text}
                      onChange={(e) => dispatch({ type: "statement", key: s.key, field: "text", value: e.target.value })}
                      aria-invalid={invalid(textField)}
                      aria-describedby={describedBy(textField)}
                    />
                    {fieldError(textField)}
                  </div>
                  <div className={styles.field}>
                    <label htmlFor={fieldId.statement(s.key, "canonical")} className={styles.label}>
                      Belongs in<span className={styles.visuallyHidden}> (statement {n})</span>
                    </label>
                    <select
                      id={fieldId.statement(s.key, "canonical")}
                      className={styles.input}
                      value={s.canonical}
                      onChange={(e) => dispatch({ type: "statement", key: s.key, field: "canonical", value: e.target.value })}
                      aria-invalid={invalid(canonicalField)}
                      aria-describedby={describedBy(canonicalField)}
                    >
                      <option value="">Choose a column…</option>
                      {orphan ? <option value={s.canonical}>(a removed column)</option> : null}
                      {draft.columns.map((c, ci) => (
                        <option key={c.key} value={c.key}>
                          {columnName(ci)}
                        </option>
                      ))}
                    </select>
                    {fieldError(canonicalField)}
                  </div>
                  <div className={`${styles.field} ${styles.wide}`}>
                    <label htmlFor={fieldId.statement(s.key, "explanation")} className={styles.label}>
                      Explanation<span className={styles.visuallyHidden}> of statement {n}</span>{" "}
                      <span className={styles.optional}>(optional)</span>
                    </label>
                    <textarea
                      id={fieldId.statement(s.key, "explanation")}
                      className={styles.input}
                      rows={2}
                      value={s.explanation}
                      onChange={(e) => dispatch({ type: "statement", key: s.key, field: "explanation", value: e.target.value })}
                      aria-invalid={invalid(explanationField)}
                      aria-describedby={describedBy(explanationField)}
                    />
                    {fieldError(explanationField)}
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
        <div className={styles.actions}>
          <button
            id="add-statement"
            type="button"
            className={styles.secondaryButton}
            onClick={() => dispatch({ type: "addStatement" })}
            disabled={statementCount >= MAX_STATEMENTS}
            aria-describedby="statements-hint"
          >
            Add statement
          </button>
          {statementCount >= MAX_STATEMENTS ? <p className={styles.hint}>This deck has reached the limit of {MAX_STATEMENTS} statements.</p> : null}
        </div>
      </fieldset>

      <div className={styles.saveBar}>
        <p className={styles.saveState} role="status">
          {pending ? "Saving…" : dirty ? "Unsaved changes." : status || (deckId ? "All changes saved." : "")}
        </p>
        <div className={styles.actions}>
          <Link href="/decks" className={styles.secondaryButton}>
            Back to decks
          </Link>
          <button type="submit" className={styles.button} disabled={pending}>
            {pending ? "Saving…" : deckId ? "Save deck" : "Create deck"}
          </button>
        </div>
      </div>
      <p className={styles.visuallyHidden} aria-live="polite">
        {state.announcement}
      </p>
    </form>
  );
}

function fieldLabel(field: DraftField, draft: DeckDraft, columnName: (i: number) => string): ReactNode {
  if (field === "title") return "Title";
  if (field === "description") return "Description";
  if (field === "language") return "Language";
  if (field === "columns") return "Columns";
  if (field === "statements") return "Statements";
  const [kind, key, part] = field.split(":");
  if (kind === "column") {
    const i = draft.columns.findIndex((c) => c.key === key);
    return `Column ${i + 1}${draft.columns[i]?.label.trim() ? ` (${columnName(i)})` : ""}`;
  }
  const i = draft.statements.findIndex((s) => s.key === key);
  const what = part === "canonical" ? "column" : part === "explanation" ? "explanation" : "text";
  return `Statement ${i + 1}, ${what}`;
}

/** Title and a lead for the editor pages. */
export function EditorHeading({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  return (
    <div className={styles.card}>
      <h1 id="editor-heading" className={styles.title}>
        {children}
      </h1>
      {lead ? <p className={styles.muted}>{lead}</p> : null}
    </div>
  );
}

export const LIMITS_TEXT = `Limits: ${MIN_COLUMNS}–${MAX_COLUMNS} columns, up to ${MAX_STATEMENTS} statements, titles up to ${MAX_TITLE_LENGTH} characters, explanations up to ${MAX_EXPLANATION_LENGTH}.`;
