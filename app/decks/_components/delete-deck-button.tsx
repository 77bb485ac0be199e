"use client";

import { useEffect, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { deleteDeckAction } from "../actions";
import styles from "../decks.module.css";

function ConfirmButton({ title }: { title: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={styles.dangerButton} disabled={pending}>
      {pending ? "Deleting…" : "Delete for good"}
      <span className={styles.visuallyHidden}> “{title}”</span>
    </button>
  );
}

/** Delete, with a confirmation step in place (no modal): keyboard and screen-reader friendly. */
export function DeleteDeckButton({ id, title, sessions }: { id: string; title: string; sessions: number }) {
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) openRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <button ref={openRef} type="button" className={styles.dangerButton} onClick={() => setConfirming(true)}>
        Delete<span className={styles.visuallyHidden}> “{title}”</span>
      </button>
    );
  }
  return (
    <form action={deleteDeckAction} className={styles.confirm} role="group" aria-label={`Delete “${title}”?`}>
      <input type="hidden" name="id" value={id} />
      <p>
        Delete “{title}”? This cannot be undone.
        {sessions > 0 ? ` The ${sessions === 1 ? "session" : `${sessions} sessions`} you ran with it keep their own copy and results.` : ""}
      </p>
      <ConfirmButton title={title} />
      <button ref={cancelRef} type="button" className={styles.secondaryButton} onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </form>
  );
}
