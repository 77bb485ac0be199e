"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useReducer, useRef, useState, useTransition, type ReactNode } from "react";
import {
  afterSave,
  asSentence,
  draftErrors,
  draftFromDeck,
  emptyDraft,
  emptyStatement,
  errorsOnDraft,
  hasUnsavedChanges,
  moveColumn,
  moveStatement,
  savedContent,
  validateDraft,
  type DeckDraft,
  type DraftError,
  type DraftErrorOptions,
  type DraftField,
} from "@/lib/decks/editor-model";
import { DECK_LANGUAGES } from "@/lib/decks/languages";
import { MAX_COLUMNS, MAX_DESCRIPTION_LENGTH, MAX_STATEMENT_LENGTH, MAX_STATEMENTS, MIN_COLUMNS } from "@/lib/decks/schema";
import type { Deck } from "@/lib/decks/types";
import { useT } from "@/lib/i18n/client";
import { translateIssue, type Translator } from "@/lib/i18n/translate";
import { saveDeckAction } from "../actions";
import styles from "../decks.module.css";

// ── state ──────────────────────────────────────────────────────────────────────────────────

/** What just happened, for screen readers (decks.editor.<key> in the messages). */
type Announcement =
  | { key: "columnAdded" | "columnRemoved" | "statementAdded"; n: number }
  | { key: "statementMovedUp" | "statementMovedDown" | "columnMovedLeft" | "columnMovedRight"; n: number; total: number }
  | { key: "statementRemoved"; n: number; count: number };

interface State {
  draft: DeckDraft;
  /** The deck as last saved (or loaded), to tell unsaved changes (`savedContent`). */
  baseline: string;
  nextKey: number;
  /** Element to focus after the next render (after a move, add or remove). */
  focus: string | null;
  /** Polite announcement of what just happened, for screen readers. */
  announcement: Announcement | null;
}

type Action =
  | { type: "meta"; field: "title" | "description" | "language"; value: string }
  | { type: "columnLabel"; key: string; value: string }
  | { type: "addColumn" }
  | { type: "removeColumn"; key: string }
  | { type: "moveColumn"; key: string; delta: -1 | 1 }
  | { type: "statement"; key: string; field: "text" | "canonical" | "explanation"; value: string }
  | { type: "addStatement" }
  | { type: "removeStatement"; key: string }
  | { type: "moveStatement"; key: string; delta: -1 | 1 }
  /** A save of `sent` resolved: edits made since it was sent are kept. */
  | { type: "saved"; sent: DeckDraft; version: number }
  /** The editor of a deck just created in this tab hands its state over (see `handover`). */
  | { type: "takeOver"; draft: DeckDraft; nextKey: number; focus: string | null }
  | { type: "focused" };

const fieldId = {
  title: "deck-title",
  description: "deck-description",
  language: "deck-language",
  columns: "deck-columns",
  statements: "deck-statements",
  columnLabel: (key: string) => `column-${key}-label`,
  statement: (key: string, part: "text" | "canonical" | "explanation") => `statement-${key}-${part}`,
  move: (kind: "column" | "statement", key: string, dir: "left" | "right" | "up" | "down") => `${kind}-${key}-move-${dir}`,
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
        announcement: { key: "columnAdded", n: draft.columns.length + 1 },
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
        announcement: { key: "columnRemoved", n: index + 1 },
      };
    }
    case "moveColumn":
      return afterMove(state, "column", action.key, action.delta);
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
        announcement: { key: "statementAdded", n: draft.statements.length + 1 },
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
        announcement: { key: "statementRemoved", n: index + 1, count: statements.length },
      };
    }
    case "moveStatement":
      return afterMove(state, "statement", action.key, action.delta);
    case "saved":
      return { ...state, ...afterSave(draft, action.sent, action.version) };
    case "takeOver":
      return { ...state, draft: action.draft, nextKey: action.nextKey, focus: action.focus };
    case "focused":
      return { ...state, focus: null };
  }
}

const MOVES = {
  column: { move: moveColumn, rows: (d: DeckDraft) => d.columns, back: "left", forward: "right", announce: ["columnMovedLeft", "columnMovedRight"] },
  statement: { move: moveStatement, rows: (d: DeckDraft) => d.statements, back: "up", forward: "down", announce: ["statementMovedUp", "statementMovedDown"] },
} as const;

/** The state after moving a column or statement one place back (-1) or forward (+1). Focus stays
 *  on the button that was pressed, unless it has just become disabled (the row reached that
 *  end): then on the other one. The move is announced. */
function afterMove(state: State, kind: keyof typeof MOVES, key: string, delta: -1 | 1): State {
  const { move, rows, back, forward, announce } = MOVES[kind];
  const draft = move(state.draft, key, delta);
  if (!draft) return state;
  const list = rows(draft);
  const target = list.findIndex((row) => row.key === key);
  const dir = delta < 0 ? back : forward;
  const atEdge = target === 0 || target === list.length - 1;
  return {
    ...state,
    draft,
    focus: fieldId.move(kind, key, atEdge ? (dir === back ? forward : back) : dir),
    announcement: { key: announce[delta < 0 ? 0 : 1], n: target + 1, total: list.length },
  };
}

function initialState(initial: Deck | null): State {
  let n = 0;
  const newKey = () => `k${n++}`;
  const draft = initial ? draftFromDeck(initial, newKey) : emptyDraft(newKey);
  return { draft, baseline: savedContent(draft), nextKey: n, focus: null, announcement: null };
}

/**
 * Creating a deck opens its page, which mounts a new editor. Edits made while the deck was being
 * created, or while its page loads, must not be lost: the editor that created it keeps its state
 * here (client module state outlives the navigation), and the editor of the new deck's page takes
 * it over, with the field that had the focus.
 */
let handover: { id: string; state: State; focus: { current: string | null } } | null = null;

function announcementText({ t, tp }: Translator, announcement: Announcement | null): string {
  if (!announcement) return "";
  if (announcement.key === "statementRemoved") return tp("decks.editor.statementRemoved", announcement.count, { n: announcement.n });
  return t(`decks.editor.${announcement.key}`, announcement);
}

// ── component ──────────────────────────────────────────────────────────────────────────────

export interface DeckEditorProps {
  /** null for a new deck. */
  deckId: string | null;
  initial: Deck | null;
  /** What brought the facilitator here ("Deck created.", in the UI language), shown until the first save. */
  notice?: string | null;
}

export function DeckEditor({ deckId, initial, notice: initialNotice }: DeckEditorProps) {
  const translator = useT();
  const { t, tp } = translator;
  const [state, dispatch] = useReducer(reducer, initial, initialState);
  const { draft } = state;
  const [showErrors, setShowErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<DraftError[] | null>(null);
  const [formError, setFormError] = useState<{ message: string; currentVersion?: number } | null>(null);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const [notice, setNotice] = useState(initialNotice ?? null);
  const [pending, startTransition] = useTransition();
  /** The id of the deck this editor has just created, while its page opens. */
  const [created, setCreated] = useState<string | null>(null);
  const busy = pending || created !== null;
  const summaryRef = useRef<HTMLDivElement>(null);
  const focused = useRef<string | null>(null);
  const router = useRouter();

  const errorOptions: DraftErrorOptions = useMemo(() => ({ unnamedColumn: (i) => t("decks.editor.column", { n: i + 1 }) }), [t]);
  const errors = useMemo(() => (showErrors ? validateDraft(draft, errorOptions).errors : []), [draft, showErrors, errorOptions]);
  // The server's errors name rows by key (mapped on the draft that was sent): they stay on their
  // rows however the rows have moved since.
  const shownErrors = errors.length > 0 ? errors : serverErrors ? errorsOnDraft(serverErrors, draft) : [];
  const errorOf = new Map(shownErrors.map((e) => [e.field, asSentence(translateIssue(translator, "deckIssues", e))]));
  const dirty = hasUnsavedChanges(draft, state.baseline);

  useEffect(() => {
    if (!state.focus) return;
    document.getElementById(state.focus)?.focus();
    dispatch({ type: "focused" });
  }, [state.focus]);

  // The notice came in the URL (?notice=created); drop it there, so a reload does not repeat it.
  // With null state the router takes the new URL as its own too (with its own state passed back,
  // it ignores the change and puts the notice back on its next update, after a save).
  useEffect(() => {
    if (initialNotice) window.history.replaceState(null, "", window.location.pathname);
  }, [initialNotice]);

  // Keep the handover up to date from the moment this editor created its deck until it unmounts.
  useEffect(() => {
    if (created) handover = { id: created, state, focus: focused };
  }, [created, state]);

  // Take over the state of the editor that has just created this deck (edits made meanwhile).
  const initialVersion = initial?.version;
  useEffect(() => {
    const taken = handover;
    if (!taken || taken.id !== deckId) return;
    handover = null;
    if (taken.state.draft.version !== initialVersion) return; // saved again elsewhere meanwhile: what loaded is newer
    dispatch({ type: "takeOver", draft: taken.state.draft, nextKey: taken.state.nextKey, focus: taken.focus.current });
  }, [deckId, initialVersion]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const save = (expectedVersion: number | undefined) => {
    if (busy) return;
    // What is sent. The facilitator may keep editing while it is saved: the result is applied to
    // the draft as it is then (the "saved" action), never by putting this one back.
    const sent = draft;
    const { deck, errors: found } = validateDraft(sent, errorOptions);
    setShowErrors(true);
    setNotice(null);
    setServerErrors(null);
    setFormError(null);
    setSavedVersion(null);
    if (found.length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    startTransition(async () => {
      const result = await saveDeckAction({ id: deckId, expectedVersion, deck });
      if (result.ok) {
        dispatch({ type: "saved", sent, version: result.version });
        setSavedVersion(result.version);
        if (result.created) {
          setCreated(result.id);
          router.replace(`/decks/${result.id}?notice=created`);
        }
        return;
      }
      if (result.errors) setServerErrors(draftErrors(sent, result.errors, errorOptions));
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

  const columnName = (i: number) => draft.columns[i]?.label.trim() || t("decks.editor.column", { n: i + 1 });
  const knownColumns = new Set(draft.columns.map((c) => c.key));
  const statementCount = draft.statements.length;
  // A deck in a language not offered keeps its own tag.
  const languages = DECK_LANGUAGES.some(([tag]) => tag === draft.language) ? DECK_LANGUAGES : [...DECK_LANGUAGES, [draft.language, draft.language] as const];

  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save(deckId ? draft.version : undefined);
      }}
      onFocus={(event) => {
        focused.current = event.target.id || null;
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
              {formError?.message ?? tp("decks.editor.cannotSave", shownErrors.length)}
            </p>
            {formError?.currentVersion !== undefined ? (
              <div className={styles.actions}>
                <button type="button" className={styles.secondaryButton} onClick={() => save(formError.currentVersion)} disabled={busy}>
                  {t("decks.editor.saveMineAnyway", { version: formError.currentVersion })}
                </button>
                <a className={styles.link} href={deckId ? `/decks/${deckId}` : "/decks"}>
                  {t("decks.editor.reloadSaved")}
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
                      {fieldLabel(t, e.field, draft, columnName)}
                    </a>
                    : {errorOf.get(e.field)}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>
          <h2 className={styles.legendHeading}>{t("decks.editor.deck")}</h2>
        </legend>
        <div className={styles.field}>
          <label htmlFor={fieldId.title} className={styles.label}>
            {t("decks.editor.title")}
          </label>
          <input
            id={fieldId.title}
            className={styles.input}
            value={draft.title}
            onChange={(e) => dispatch({ type: "meta", field: "title", value: e.target.value })}
            aria-invalid={invalid("title")}
            aria-describedby={describedBy("title")}
            autoComplete="off"
            placeholder={t("decks.editor.titlePlaceholder")}
          />
          {fieldError("title")}
        </div>
        <div className={styles.field}>
          <label htmlFor={fieldId.description} className={styles.label}>
            {t("decks.editor.description")} <span className={styles.optional}>{t("decks.editor.optional")}</span>
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
            {t("decks.editor.descriptionHint", { max: MAX_DESCRIPTION_LENGTH })}
          </p>
          {fieldError("description")}
        </div>
        <div className={styles.field}>
          <label htmlFor={fieldId.language} className={styles.label}>
            {t("decks.editor.language")}
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
          <h2 className={styles.legendHeading}>{t("decks.editor.columns")}</h2>
        </legend>
        <p id="columns-hint" className={styles.hint}>
          {t("decks.editor.columnsHint", { min: MIN_COLUMNS, max: MAX_COLUMNS })}
        </p>
        {fieldError("columns")}
        <div className={styles.columnGrid}>
          {draft.columns.map((column, i) => {
            const field: DraftField = `column:${column.key}:label`;
            return (
              <div key={column.key} className={styles.field}>
                <label htmlFor={fieldId.columnLabel(column.key)} className={styles.label}>
                  {t("decks.editor.column", { n: i + 1 })}
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
                    placeholder={t(COLUMN_PLACEHOLDERS[i % COLUMN_PLACEHOLDERS.length]!)}
                  />
                  <button
                    type="button"
                    className={styles.smallButton}
                    onClick={() => dispatch({ type: "removeColumn", key: column.key })}
                    disabled={draft.columns.length <= MIN_COLUMNS}
                    aria-label={
                      column.label.trim()
                        ? t("decks.editor.removeColumnNamed", { n: i + 1, label: column.label.trim() })
                        : t("decks.editor.removeColumn", { n: i + 1 })
                    }
                  >
                    {t("decks.editor.remove")}
                  </button>
                </div>
                <div className={styles.actions}>
                  <MoveButtons
                    kind="column"
                    rowKey={column.key}
                    index={i}
                    count={draft.columns.length}
                    onMove={(delta) => dispatch({ type: "moveColumn", key: column.key, delta })}
                  />
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
            {t("decks.editor.addColumn")}
          </button>
        </div>
      </fieldset>

      <fieldset className={styles.fieldset} aria-describedby={describedBy("statements", "statements-hint")}>
        <legend className={styles.legend} id={fieldId.statements} tabIndex={-1}>
          <h2 className={styles.legendHeading}>{t("decks.editor.statements")}</h2>
        </legend>
        <p id="statements-hint" className={styles.hint}>
          {tp("decks.editor.statementsHint", statementCount, { max: MAX_STATEMENTS, length: MAX_STATEMENT_LENGTH })}
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
                    {t("decks.editor.statement", { n })}
                  </h3>
                  <div className={styles.actions}>
                    <MoveButtons
                      kind="statement"
                      rowKey={s.key}
                      index={i}
                      count={statementCount}
                      onMove={(delta) => dispatch({ type: "moveStatement", key: s.key, delta })}
                    />
                    <button
                      type="button"
                      className={styles.smallButton}
                      onClick={() => dispatch({ type: "removeStatement", key: s.key })}
                      aria-label={t("decks.editor.removeStatement", { n })}
                    >
                      {t("decks.editor.remove")}
                    </button>
                  </div>
                </div>
                <div className={styles.statementBody}>
                  <div className={styles.field}>
                    <label htmlFor={fieldId.statement(s.key, "text")} className={styles.label}>
                      {t("decks.editor.text")}
                      <span className={styles.visuallyHidden}>{t("decks.editor.textSr", { n })}</span>
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
                      {t("decks.editor.belongsIn")}
                      <span className={styles.visuallyHidden}>{t("decks.editor.belongsInSr", { n })}</span>
                    </label>
                    <select
                      id={fieldId.statement(s.key, "canonical")}
                      className={styles.input}
                      value={s.canonical}
                      onChange={(e) => dispatch({ type: "statement", key: s.key, field: "canonical", value: e.target.value })}
                      aria-invalid={invalid(canonicalField)}
                      aria-describedby={describedBy(canonicalField)}
                    >
                      <option value="">{t("decks.editor.chooseColumn")}</option>
                      {orphan ? <option value={s.canonical}>{t("decks.editor.removedColumn")}</option> : null}
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
                      {t("decks.editor.explanationLabel")}
                      <span className={styles.visuallyHidden}>{t("decks.editor.explanationSr", { n })}</span>{" "}
                      <span className={styles.optional}>{t("decks.editor.optional")}</span>
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
            {t("decks.editor.addStatement")}
          </button>
          {statementCount >= MAX_STATEMENTS ? <p className={styles.hint}>{t("decks.editor.statementLimit", { max: MAX_STATEMENTS })}</p> : null}
        </div>
      </fieldset>

      <div className={styles.saveBar}>
        <p className={styles.saveState} role="status">
          {busy
            ? t("decks.editor.saving")
            : dirty
              ? t("decks.editor.unsaved")
              : savedVersion !== null
                ? t("decks.editor.saved", { version: savedVersion })
                : deckId
                  ? t("decks.editor.allSaved")
                  : ""}
        </p>
        <div className={styles.actions}>
          <Link
            href="/decks"
            className={styles.secondaryButton}
            onClick={(event) => {
              // A link within the app does not unload the page, so beforeunload does not warn.
              if (dirty && !window.confirm(t("decks.editor.leaveUnsaved"))) event.preventDefault();
            }}
          >
            {t("decks.editor.backToDecks")}
          </Link>
          <button type="submit" className={styles.button} disabled={busy}>
            {t(busy ? "decks.editor.saving" : deckId ? "decks.editor.save" : "decks.editor.create")}
          </button>
        </div>
      </div>
      <p className={styles.visuallyHidden} aria-live="polite">
        {announcementText(translator, state.announcement)}
      </p>
    </form>
  );
}

const MOVE_BUTTONS = {
  column: [
    { delta: -1, dir: "left", label: "decks.editor.moveColumnLeft", text: "decks.editor.left", arrow: "←", arrowAfter: false },
    { delta: 1, dir: "right", label: "decks.editor.moveColumnRight", text: "decks.editor.right", arrow: "→", arrowAfter: true },
  ],
  statement: [
    { delta: -1, dir: "up", label: "decks.editor.moveStatementUp", text: "decks.editor.up", arrow: "↑", arrowAfter: false },
    { delta: 1, dir: "down", label: "decks.editor.moveStatementDown", text: "decks.editor.down", arrow: "↓", arrowAfter: false },
  ],
} as const;

/** "← Left / Right →" for a column, "↑ Up / ↓ Down" for a statement: buttons (so the keyboard
 *  moves rows too) named with the row's number, disabled at the ends. */
function MoveButtons(props: { kind: keyof typeof MOVE_BUTTONS; rowKey: string; index: number; count: number; onMove: (delta: -1 | 1) => void }) {
  const { t } = useT();
  return MOVE_BUTTONS[props.kind].map((b) => {
    const arrow = <span aria-hidden="true">{b.arrow}</span>;
    return (
      <button
        key={b.dir}
        id={fieldId.move(props.kind, props.rowKey, b.dir)}
        type="button"
        className={styles.smallButton}
        onClick={() => props.onMove(b.delta)}
        disabled={b.delta < 0 ? props.index === 0 : props.index === props.count - 1}
        aria-label={t(b.label, { n: props.index + 1 })}
      >
        {b.arrowAfter ? (
          <>
            {t(b.text)} {arrow}
          </>
        ) : (
          <>
            {arrow} {t(b.text)}
          </>
        )}
      </button>
    );
  });
}

const COLUMN_PLACEHOLDERS = [
  "decks.editor.columnPlaceholder1",
  "decks.editor.columnPlaceholder2",
  "decks.editor.columnPlaceholder3",
  "decks.editor.columnPlaceholder4",
] as const;

function fieldLabel(t: Translator["t"], field: DraftField, draft: DeckDraft, columnName: (i: number) => string): ReactNode {
  if (field === "title" || field === "description" || field === "language" || field === "columns" || field === "statements") {
    return t(`decks.editor.field.${field}`);
  }
  const [kind, key, part] = field.split(":");
  if (kind === "column") {
    const i = draft.columns.findIndex((c) => c.key === key);
    return draft.columns[i]?.label.trim() ? t("decks.editor.field.columnNamed", { n: i + 1, label: columnName(i) }) : t("decks.editor.field.column", { n: i + 1 });
  }
  const n = draft.statements.findIndex((s) => s.key === key) + 1;
  if (part === "canonical") return t("decks.editor.field.statementColumn", { n });
  return t(part === "explanation" ? "decks.editor.field.statementExplanation" : "decks.editor.field.statementText", { n });
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
