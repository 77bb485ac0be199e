import theme from "../../_ui/participant-theme.module.css";
import styles from "./participant.module.css";
import { StatusScreen } from "./StatusScreen";

/** Joined, sorting not started yet. */
export function Lobby({ title, nickname }: { title: string; nickname: string }) {
  return (
    <StatusScreen kicker={title} title={`You’re in, ${nickname}.`} icon={<WaitingDots />}>
      <p className={theme.lead}>Waiting for the facilitator to start…</p>
      <p className={theme.hint}>Keep this page open: your cards will appear here.</p>
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
