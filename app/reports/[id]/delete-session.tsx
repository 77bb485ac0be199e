"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { useT } from "@/lib/i18n/client";
import styles from "../_shared/reports.module.css";

/** Delete button with a confirmation dialog; DELETE /api/sessions/:id removes the session and all
 *  its participants, placements and submissions. A running session must be ended first. */
export function DeleteSession({ id, title, canDelete }: { id: string; title: string; canDelete: boolean }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const { t } = useT();

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
      setError(t(response.status === 409 ? "reports.delete.stillRunning" : response.status === 401 ? "reports.delete.expired" : "reports.delete.failed"));
    } catch {
      setError(t("reports.delete.network"));
    }
    setPending(false);
  }

  if (!canDelete) {
    return <p className={styles.muted}>{t("reports.delete.endFirst")}</p>;
  }
  return (
    <>
      <p className={styles.muted}>{t("reports.delete.warning")}</p>
      <p className={styles.actions} style={{ marginTop: "0.75rem" }}>
        <button type="button" className={styles.dangerButton} onClick={() => dialog.current?.showModal()}>
          {t("reports.delete.open")}
        </button>
      </p>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby={headingId}>
        <h2 id={headingId} className={styles.subtitle}>
          {t("reports.delete.confirmTitle", { title })}
        </h2>
        <p>{t("reports.delete.confirmLead")}</p>
        {error ? (
          <p className={styles.error} role="alert">
            {error}
          </p>
        ) : null}
        <div className={styles.actions} style={{ marginTop: "1rem" }}>
          <button type="button" className={styles.secondaryButton} onClick={() => dialog.current?.close()} disabled={pending}>
            {t("reports.delete.cancel")}
          </button>
          <button type="button" className={styles.dangerButton} onClick={() => void confirm()} disabled={pending} aria-busy={pending}>
            {pending ? t("reports.delete.deleting") : t("reports.delete.confirm")}
          </button>
        </div>
      </dialog>
    </>
  );
}
