import type { DeckColumn } from "@/lib/decks/types";
import { shares, toneOf } from "@/lib/client/staff-view";
import { useT } from "@/lib/i18n/client";
import styles from "./console.module.css";

/** One statement's split as a compact stacked bar: a segment per column in column order, its count
 *  inside when there is room. The canonical column (facilitator only) gets a ✓. Screen readers get
 *  the numbers as a sentence. */
export function SplitBar({ columns, counts, canonical }: { columns: DeckColumn[]; counts: number[]; canonical?: string }) {
  const { t } = useT();
  const parts = shares(counts);
  const total = counts.reduce((a, b) => a + b, 0);
  const summary =
    total === 0
      ? t("console.nobodyPlaced")
      : columns
          .map((c, i) => `${c.label} ${parts[i]?.count ?? 0} (${parts[i]?.pct ?? 0}%)${c.id === canonical ? t("console.theAnswer") : ""}`)
          .join("; ");
  return (
    <div className={styles.splitBar}>
      <span className={styles.visuallyHidden}>{summary}</span>
      <div className={styles.barTrack} aria-hidden="true">
        {total === 0 ? (
          <span className={styles.barEmpty}>{t("console.noAnswersYet")}</span>
        ) : (
          columns.map((c, i) => {
            const part = parts[i];
            if (!part || part.count === 0) return null;
            return (
              <span
                key={c.id}
                className={styles.barSegment}
                data-tone={toneOf(i)}
                data-canonical={c.id === canonical ? "true" : undefined}
                style={{ flexGrow: part.count }}
                title={`${c.label}: ${part.count} (${part.pct}%)`}
              >
                {part.pct >= 12 ? (
                  <>
                    {c.id === canonical ? "✓ " : ""}
                    {part.count}
                  </>
                ) : null}
              </span>
            );
          })
        )}
      </div>
    </div>
  );
}

export function ColumnLegend({ columns, showAnswerMark }: { columns: DeckColumn[]; showAnswerMark?: boolean }) {
  const { t } = useT();
  return (
    <ul className={styles.legend} aria-label={t("console.columns")}>
      {columns.map((c, i) => (
        <li key={c.id} className={styles.legendItem}>
          <span className={styles.swatch} data-tone={toneOf(i)} aria-hidden="true" />
          {c.label}
        </li>
      ))}
      {showAnswerMark ? <li className={styles.legendItem}>{t("console.answerMark")}</li> : null}
    </ul>
  );
}
