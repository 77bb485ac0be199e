import { useT } from "@/lib/i18n/client";
import styles from "./deck.module.css";

/** The sorting timer, already corrected for the phone's clock (see `timeLeft`). Not a live
 *  region: a ticking announcement every second would drown everything else. */
export function Countdown({ left }: { left: { ms: number; paused: boolean } | null }) {
  const { t } = useT();
  if (!left) return null;
  const seconds = Math.ceil(left.ms / 1000);
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  const state = left.paused ? "paused" : seconds === 0 ? "up" : seconds <= 30 ? "low" : "running";
  return (
    <p className={styles.timer} data-state={state} role="timer" aria-label={left.paused ? t("countdown.pausedLabel", { time: text }) : seconds === 0 ? t("countdown.upLabel") : t("countdown.leftLabel", { time: text })}>
      <ClockIcon />
      {left.paused ? t("countdown.paused", { time: text }) : text}
    </p>
  );
}

function ClockIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}
