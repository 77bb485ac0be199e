import type { DeckColumn, DeckStatement } from "@/lib/decks/types";
import type { TallyView } from "@/lib/protocol/views";
import { useT } from "@/lib/i18n/client";
import styles from "./console.module.css";
import { ColumnLegend, SplitBar } from "./split-bar";

/** Per statement, in deck order, how the room is sorting it right now, with the answer marked. */
export function LiveSplits({ columns, statements, tally }: { columns: DeckColumn[]; statements: DeckStatement[]; tally: TallyView | null }) {
  const { t } = useT();
  return (
    <>
      <ColumnLegend columns={columns} showAnswerMark />
      <ol className={styles.splitList}>
        {statements.map((s, i) => {
          const counts = tally?.counts[i] ?? columns.map(() => 0);
          const answer = columns.find((c) => c.id === s.canonical);
          return (
            <li key={s.id} className={styles.splitRow}>
              <span className={styles.splitNumber} aria-hidden="true">
                {i + 1}
              </span>
              <span className={styles.splitText} title={s.text}>
                {s.text}
              </span>
              <SplitBar columns={columns} counts={counts} canonical={s.canonical} />
              <span className={styles.splitAnswer}>
                <span className={styles.visuallyHidden}>{t("console.answerSr")}</span>✓ {answer?.label ?? s.canonical}
              </span>
            </li>
          );
        })}
      </ol>
    </>
  );
}
