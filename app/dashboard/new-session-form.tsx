"use client";

import { useActionState } from "react";
import type { DeckSummary } from "@/lib/db/decks/reads";
import { deckLanguageName, preferredDeck } from "@/lib/decks/languages";
import { useT } from "@/lib/i18n/client";
import { createSessionAction, type NewSessionState } from "./actions";
import styles from "./dashboard.module.css";

const initial: NewSessionState = { error: null };

/** Deck, optional title, rounds and cohorts → a new session, then its console. */
export function NewSessionForm({ decks }: { decks: Pick<DeckSummary, "id" | "title" | "language" | "statements" | "builtIn">[] }) {
  const [state, action, pending] = useActionState(createSessionAction, initial);
  const { t, locale } = useT();
  const values = state.values;

  if (decks.length === 0) {
    return <p className={styles.muted}>{t("dashboard.form.noDecks")}</p>;
  }

  return (
    // Re-mounted after each refusal with what was sent, so React's reset of the form after the
    // action cannot wipe it.
    <form key={state.attempt ?? 0} action={action} className={styles.form} aria-describedby="new-session-error">
      <div className={styles.field}>
        <label htmlFor="deckId" className={styles.label}>
          {t("dashboard.form.deck")}
        </label>
        <select id="deckId" name="deckId" required className={styles.input} defaultValue={values?.deckId || preferredDeck(decks, locale)?.id}>
          {decks.map((d) => (
            <option key={d.id} value={d.id}>
              {t("dashboard.form.deckOption", { title: d.title, count: d.statements, language: deckLanguageName(d.language) })}
              {d.builtIn ? t("dashboard.form.builtIn") : ""}
            </option>
          ))}
        </select>
      </div>

      <div className={styles.field}>
        <label htmlFor="title" className={styles.label}>
          {t("dashboard.form.title")} <span className={styles.optional}>{t("dashboard.form.optional")}</span>
        </label>
        <p id="title-hint" className={styles.hint}>
          {t("dashboard.form.titleHint")}
        </p>
        <input
          id="title"
          name="title"
          type="text"
          maxLength={120}
          autoComplete="off"
          className={styles.input}
          aria-describedby="title-hint"
          defaultValue={values?.title}
        />
      </div>

      <fieldset className={styles.fieldset}>
        <legend className={styles.label}>{t("dashboard.form.rounds")}</legend>
        <p id="rounds-hint" className={styles.hint}>
          {t("dashboard.form.roundsHint")}
        </p>
        <div className={styles.radios}>
          <label className={styles.radio}>
            <input type="radio" name="rounds" value="1" defaultChecked={values?.rounds !== "2"} aria-describedby="rounds-hint" /> {t("dashboard.form.oneRound")}
          </label>
          <label className={styles.radio}>
            <input type="radio" name="rounds" value="2" defaultChecked={values?.rounds === "2"} aria-describedby="rounds-hint" /> {t("dashboard.form.twoRounds")}
          </label>
        </div>
      </fieldset>

      <div className={styles.field}>
        <label htmlFor="cohorts" className={styles.label}>
          {t("dashboard.form.groups")} <span className={styles.optional}>{t("dashboard.form.optional")}</span>
        </label>
        <p id="cohorts-hint" className={styles.hint}>
          {t("dashboard.form.groupsHint")}
        </p>
        <textarea id="cohorts" name="cohorts" rows={3} className={styles.input} aria-describedby="cohorts-hint" defaultValue={values?.cohorts} />
      </div>

      <p id="new-session-error" role="alert" className={styles.formError}>
        {state.error}
      </p>

      <button type="submit" className={styles.button} disabled={pending} aria-busy={pending}>
        {pending ? t("dashboard.form.creating") : t("dashboard.form.create")}
      </button>
    </form>
  );
}
