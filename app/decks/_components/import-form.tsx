"use client";

import { useActionState, useState } from "react";
import { MAX_DECK_FILE_BYTES } from "@/lib/decks/deck-file";
import { MAX_STATEMENTS } from "@/lib/decks/schema";
import { importDeckAction, type ImportDeckState } from "../actions";
import styles from "../decks.module.css";

const initial: ImportDeckState = { fileName: null, message: null, errors: [] };

/** Uploads a CSV or JSON deck file; a bad file comes back with its problems, line by line. */
export function ImportForm() {
  const [state, action, pending] = useActionState(importDeckAction, initial);
  // Checked here too: a file far over the limit would not even reach the server action.
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const shown: ImportDeckState = tooLarge
    ? { fileName: tooLarge, message: `“${tooLarge}” was not imported.`, errors: [`The file is too large: a deck file can be at most ${MAX_DECK_FILE_BYTES / 1024} KB.`] }
    : state;
  const failed = shown.message !== null;
  return (
    <form
      action={action}
      className={styles.form}
      aria-labelledby="import-heading"
      onSubmit={(event) => {
        const file = new FormData(event.currentTarget).get("file");
        if (file instanceof File && file.size > MAX_DECK_FILE_BYTES) {
          event.preventDefault();
          setTooLarge(file.name);
        } else setTooLarge(null);
      }}
    >
      <div className={styles.importForm}>
        <div className={styles.field}>
          <label htmlFor="import-file" className={styles.label}>
            Deck file (CSV or JSON)
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            className={styles.fileInput}
            aria-describedby={`import-hint${failed ? " import-errors" : ""}`}
            aria-invalid={failed ? true : undefined}
            required
          />
        </div>
        <button type="submit" className={styles.button} disabled={pending}>
          {pending ? "Importing…" : "Import"}
        </button>
      </div>
      <p id="import-hint" className={styles.hint}>
        Up to {MAX_DECK_FILE_BYTES / 1024} KB and {MAX_STATEMENTS} statements, in the format SortRoom exports (export a deck to see
        it). A file with any problem imports nothing.
      </p>
      <div id="import-errors" role="alert" className={styles.summary}>
        {failed ? (
          <>
            <p className={styles.summaryTitle}>{shown.message}</p>
            {shown.errors.length > 0 ? (
              <ul className={styles.lineErrors}>
                {shown.errors.map((e, i) => (
                  <li key={i}>{e}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
    </form>
  );
}
