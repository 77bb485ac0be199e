"use client";

import { useT } from "@/lib/i18n/client";
import theme from "../../_ui/participant-theme.module.css";
import styles from "./participant.module.css";

/** Why the server refused a move ("Time is up…"), with a way to put it away. */
export function FlashMessage({ message, onDismiss }: { message: string | null; onDismiss: () => void }) {
  const { t, serverText } = useT();
  if (!message) return null;
  return (
    <div className={`${theme.alert} ${styles.flash}`} role="alert">
      <p>{serverText(message)}</p>
      <button type="button" className={`${theme.buttonQuiet} ${theme.buttonSmall}`} onClick={onDismiss}>
        {t("common.ok")}
      </button>
    </div>
  );
}
