"use client";

import { useEffect, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { useT } from "@/lib/i18n/client";
import { deleteDeckAction } from "../actions";
import styles from "../decks.module.css";

function ConfirmButton({ title }: { title: string }) {
  const { pending } = useFormStatus();
  const { t } = useT();
  return (
    <button type="submit" className={styles.dangerButton} disabled={pending}>
      {t(pending ? "decks.delete.deleting" : "decks.delete.confirm")}
      <span className={styles.visuallyHidden}>{t("decks.list.deckSr", { title })}</span>
    </button>
  );
}

/** Delete, with a confirmation step in place (no modal): keyboard and screen-reader friendly. */
export function DeleteDeckButton({ id, title, sessions }: { id: string; title: string; sessions: number }) {
  const { t, tp } = useT();
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
        {t("decks.delete.delete")}
        <span className={styles.visuallyHidden}>{t("decks.list.deckSr", { title })}</span>
      </button>
    );
  }
  return (
    <form action={deleteDeckAction} className={styles.confirm} role="group" aria-label={t("decks.delete.question", { title })}>
      <input type="hidden" name="id" value={id} />
      <p>
        {t("decks.delete.warning", { title })}
        {sessions > 0 ? tp("decks.delete.sessionsKeepCopy", sessions) : ""}
      </p>
      <ConfirmButton title={title} />
      <button ref={cancelRef} type="button" className={styles.secondaryButton} onClick={() => setConfirming(false)}>
        {t("decks.delete.cancel")}
      </button>
    </form>
  );
}
