import { useT } from "@/lib/i18n/client";
import theme from "../../_ui/participant-theme.module.css";
import styles from "./participant.module.css";
import { StatusScreen } from "./StatusScreen";

/** Answers are in; the reveal comes from the facilitator. */
export function Submitted({ title, placed, total }: { title: string; placed: number; total: number }) {
  const { t, tp } = useT();
  return (
    <StatusScreen kicker={title} title={t("submitted.title")} icon={<DoneIcon />}>
      <p className={theme.lead}>{tp("submitted.lead", placed, { total })}</p>
    </StatusScreen>
  );
}

function DoneIcon() {
  return (
    <svg className={styles.done} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="22" fill="none" stroke="currentColor" strokeWidth="3" />
      <path d="M14 24.5l7 7 13-14" fill="none" stroke="currentColor" strokeWidth="3.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
