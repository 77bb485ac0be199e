"use client";

import { useActionState, useState } from "react";
import { MAX_DECK_FILE_BYTES } from "@/lib/decks/deck-file";
import { MAX_STATEMENTS } from "@/lib/decks/schema";
import { useT } from "@/lib/i18n/client";
import { importDeckAction, type ImportDeckState } from "../actions";
import styles from "../decks.module.css";

const initial: ImportDeckState = { fileName: null, message: null, errors: [] };

/** Uploads a CSV or JSON deck file; a bad file comes back with its problems, line by line. */
export function ImportForm() {
  const { t } = useT();
  const [state, action, pending] = useActionState(importDeckAction, initial);
  // Checked here too: a file far over the limit would not even reach the server action.
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const shown: ImportDeckState = tooLarge
    ? {
        fileName: tooLarge,
        message: t("decks.import.notImported", { file: tooLarge }),
        errors: [t("decks.import.tooLarge", { kb: MAX_DECK_FILE_BYTES / 1024 })],
      }
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
            {t("decks.import.fileLabel")}
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
          {t(pending ? "decks.import.importing" : "decks.import.import")}
        </button>
      </div>
      <p id="import-hint" className={styles.hint}>
        {t("decks.import.hint", { kb: MAX_DECK_FILE_BYTES / 1024, max: MAX_STATEMENTS })}
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
