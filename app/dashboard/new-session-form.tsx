"use client";

import { useActionState } from "react";
import type { DeckSummary } from "@/lib/db/decks/reads";
import { createSessionAction, type NewSessionState } from "./actions";
import styles from "./dashboard.module.css";

const initial: NewSessionState = { error: null };

/** Deck, optional title, rounds and cohorts → a new session, then its console. */
export function NewSessionForm({ decks }: { decks: Pick<DeckSummary, "id" | "title" | "statements" | "builtIn">[] }) {
  const [state, action, pending] = useActionState(createSessionAction, initial);

  if (decks.length === 0) {
    return <p className={styles.muted}>No decks are available yet. The built-in decks appear here once the server has seeded them.</p>;
  }

  return (
    <form action={action} className={styles.form} aria-describedby="new-session-error">
      <div className={styles.field}>
        <label htmlFor="deckId" className={styles.label}>
          Deck
        </label>
        <select id="deckId" name="deckId" required className={styles.input} defaultValue={decks[0]?.id}>
          {decks.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title} · {d.statements} statements{d.builtIn ? " · built in" : ""}
            </option>
          ))}
        </select>
      </div>

      <div className={styles.field}>
        <label htmlFor="title" className={styles.label}>
          Title <span className={styles.optional}>(optional)</span>
        </label>
        <p id="title-hint" className={styles.hint}>
          Shown on the projector and on phones. Defaults to the deck’s title.
        </p>
        <input id="title" name="title" type="text" maxLength={120} autoComplete="off" className={styles.input} aria-describedby="title-hint" />
      </div>

      <fieldset className={styles.fieldset}>
        <legend className={styles.label}>Rounds</legend>
        <p id="rounds-hint" className={styles.hint}>
          With two rounds the room sorts again after discussing the first reveal.
        </p>
        <div className={styles.radios}>
          <label className={styles.radio}>
            <input type="radio" name="rounds" value="1" defaultChecked aria-describedby="rounds-hint" /> 1 round
          </label>
          <label className={styles.radio}>
            <input type="radio" name="rounds" value="2" aria-describedby="rounds-hint" /> 2 rounds
          </label>
        </div>
      </fieldset>

      <div className={styles.field}>
        <label htmlFor="cohorts" className={styles.label}>
          Groups <span className={styles.optional}>(optional)</span>
        </label>
        <p id="cohorts-hint" className={styles.hint}>
          One per line, e.g. teams or sites. Participants pick one when they join; leave empty for none.
        </p>
        <textarea id="cohorts" name="cohorts" rows={3} className={styles.input} aria-describedby="cohorts-hint" />
      </div>

      <p id="new-session-error" role="alert" className={styles.formError}>
        {state.error}
      </p>

      <button type="submit" className={styles.button} disabled={pending} aria-busy={pending}>
        {pending ? "Creating…" : "Create session"}
      </button>
    </form>
  );
}
