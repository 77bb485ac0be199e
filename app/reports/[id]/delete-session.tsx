"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import styles from "../_shared/reports.module.css";

/** Delete button with a confirmation dialog; DELETE /api/sessions/:id removes the session and all
 *  its participants, placements and submissions. A running session must be ended first. */
export function DeleteSession({ id, title, canDelete }: { id: string; title: string; canDelete: boolean }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      const response = await fetch(`/api/sessions/${id}`, { method: "DELETE" });
      if (response.status === 204 || response.status === 404) {
        dialog.current?.close();
        router.replace("/sessions?deleted=1");
        router.refresh();
        return;
      }
      const body = (await response.json().catch(() => null)) as { error?: string } | null;
      setError(body?.error ?? "Could not delete the session. Try again.");
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    }
    setPending(false);
  }

  if (!canDelete) {
    return <p className={styles.muted}>End the session in the console before deleting it. Deleting removes every participant, answer and score.</p>;
  }
  return (
    <>
      <p className={styles.muted}>Deleting removes the session with every participant, answer and score. It cannot be undone; export first if you need the data.</p>
      <p className={styles.actions} style={{ marginTop: "0.75rem" }}>
        <button type="button" className={styles.dangerButton} onClick={() => dialog.current?.showModal()}>
          Delete session…
        </button>
      </p>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby={headingId}>
        <h2 id={headingId} className={styles.subtitle}>
          Delete “{title}”?
        </h2>
        <p>All its participants, placements, submissions and scores will be deleted for good.</p>
        {error ? (
          <p className={styles.error} role="alert">
            {error}
          </p>
        ) : null}
        <div className={styles.actions} style={{ marginTop: "1rem" }}>
          <button type="button" className={styles.secondaryButton} onClick={() => dialog.current?.close()} disabled={pending}>
            Cancel
          </button>
          <button type="button" className={styles.dangerButton} onClick={() => void confirm()} disabled={pending} aria-busy={pending}>
            {pending ? "Deleting…" : "Delete for good"}
          </button>
        </div>
      </dialog>
    </>
  );
}
