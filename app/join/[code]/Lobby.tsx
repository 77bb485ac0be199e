import { LanguageSwitcher, useT } from "@/lib/i18n/client";
import theme from "../../_ui/participant-theme.module.css";
import styles from "./participant.module.css";
import { StatusScreen } from "./StatusScreen";

/** Joined, sorting not started yet. */
export function Lobby({ title, nickname }: { title: string; nickname: string }) {
  const { t } = useT();
  return (
    <StatusScreen kicker={title} title={t("lobby.title", { nickname })} icon={<WaitingDots />}>
      <p className={theme.lead}>{t("lobby.waiting")}</p>
      <p className={theme.hint}>{t("lobby.keepOpen")}</p>
      <LanguageSwitcher />
    </StatusScreen>
  );
}

export function WaitingDots() {
  return (
    <span className={styles.dots} aria-hidden="true">
      <span />
      <span />
      <span />
    </span>
  );
}
