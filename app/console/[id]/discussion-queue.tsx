import type { DeckColumn } from "@/lib/decks/types";
import type { RevealView } from "@/lib/protocol/views";
import { useT } from "@/lib/i18n/client";
import { rich } from "@/lib/i18n/rich";
import styles from "./console.module.css";
import { ColumnLegend, SplitBar } from "./split-bar";

/** After reveal: the statements in the suggested order (majority wrong first, then most split),
 *  the one on the projector highlighted. A row jumps the projector to that statement. */
export function DiscussionQueue({
  columns,
  reveal,
  current,
  onGoto,
  interactive,
  busy,
}: {
  columns: DeckColumn[];
  reveal: RevealView;
  /** Index into the queue shown on the projector, or null before the discussion starts. */
  current: number | null;
  onGoto: (index: number) => void;
  interactive: boolean;
  busy: boolean;
}) {
  const { t, tp } = useT();
  const statements = new Map(reveal.statements.map((s) => [s.id, s]));
  const analysis = new Map(reveal.analysis.map((a) => [a.statementId, a]));
  const wrong = reveal.analysis.filter((a) => a.majorityWrong).length;
  const focus = current !== null ? reveal.queue[current] : undefined;
  const focusStatement = focus ? statements.get(focus) : undefined;
  const focusAnswer = focusStatement ? columns.find((c) => c.id === focusStatement.canonical) : undefined;

  return (
    <>
      <p className={styles.queueSummary}>
        {wrong === 0 ? t("console.queueAllRight") : tp("console.queueWrong", wrong, { total: reveal.queue.length })}{" "}
        {t("console.suggestedOrder")}
      </p>
      {focusStatement ? (
        <div className={styles.nowShowing} aria-live="polite">
          <p className={styles.nowLabel}>{t("console.onProjectorOf", { n: current! + 1, total: reveal.queue.length })}</p>
          <p className={styles.nowText}>{focusStatement.text}</p>
          <p className={styles.nowAnswer}>
            {rich(t("console.answerIs"), { answer: <strong>{focusAnswer?.label ?? focusStatement.canonical}</strong> })}
          </p>
          <blockquote className={styles.nowQuote}>{focusStatement.explanation}</blockquote>
        </div>
      ) : null}
      <ColumnLegend columns={columns} showAnswerMark />
      <ol className={styles.queueList}>
        {reveal.queue.map((id, index) => {
          const s = statements.get(id);
          const a = analysis.get(id);
          if (!s || !a) return null;
          const counts = columns.map((c) => a.counts[c.id] ?? 0);
          const isCurrent = index === current;
          const label = (
            <>
              <span className={styles.queueRank}>{index + 1}</span>
              <span className={styles.queueBody}>
                <span className={styles.queueText}>{s.text}</span>
                <span className={styles.queueFacts}>
                  {a.majorityWrong ? <span className={styles.flagWrong}>{t("console.majorityWrong")}</span> : null}
                  <span className={styles.accuracy}>{a.accuracy === null ? t("console.noAnswers") : t("console.pctRight", { pct: Math.round(a.accuracy * 100) })}</span>
                  {isCurrent ? <span className={styles.onProjector}>{t("console.onProjector")}</span> : null}
                </span>
              </span>
            </>
          );
          return (
            <li key={id} className={styles.queueItem} data-current={isCurrent ? "true" : undefined} aria-current={isCurrent ? "true" : undefined}>
              {interactive ? (
                <button type="button" className={styles.queueButton} onClick={() => onGoto(index)} disabled={busy}>
                  {label}
                  {isCurrent ? null : <span className={styles.visuallyHidden}>{t("console.showOnProjector")}</span>}
                </button>
              ) : (
                <div className={styles.queueButton}>{label}</div>
              )}
              <div className={styles.queueBar}>
                <SplitBar columns={columns} counts={counts} canonical={s.canonical} />
              </div>
            </li>
          );
        })}
      </ol>
    </>
  );
}
