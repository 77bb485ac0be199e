import type { DeckColumn } from "@/lib/decks/types";
import { shares, toneOf } from "@/lib/client/staff-view";
import { useT } from "@/lib/i18n/client";
import styles from "./present.module.css";

/** The room's split of one statement, readable from the back: with two columns a diverging bar
 *  (the first column's share grows to the left of the centre line, the second's to the right);
 *  with three or four a stacked bar. Labels carry the column names and percentages; the answer,
 *  when given, is marked with a ✓ and a frame. */
export function RoomSplit({ columns, counts, canonical, size = "normal" }: { columns: DeckColumn[]; counts: number[]; canonical?: string; size?: "normal" | "large" | "small" }) {
  const { t } = useT();
  const parts = shares(counts);
  const total = counts.reduce((a, b) => a + b, 0);
  const summary =
    total === 0
      ? t("present.noAnswers")
      : columns.map((c, i) => `${c.label} ${parts[i]?.pct ?? 0}%${c.id === canonical ? t("present.theAnswer") : ""}`).join(", ");

  if (columns.length === 2) {
    const [left, right] = columns as [DeckColumn, DeckColumn];
    const [l, r] = [parts[0] ?? { count: 0, pct: 0 }, parts[1] ?? { count: 0, pct: 0 }];
    const label = (c: DeckColumn, pct: number, side: "left" | "right") => (
      <span className={styles.divLabel} data-side={side} data-canonical={c.id === canonical ? "true" : undefined} data-tone={toneOf(side === "left" ? 0 : 1)}>
        {c.id === canonical ? <span className={styles.check}>✓</span> : null}
        <span className={styles.divName}>{c.label}</span>
        <span className={styles.divPct}>{total === 0 ? "–" : `${pct}%`}</span>
      </span>
    );
    return (
      <div className={styles.diverging} data-size={size} role="img" aria-label={summary}>
        {label(left, l.pct, "left")}
        <span className={styles.divHalf} data-side="left">
          <span className={styles.divFill} data-tone={toneOf(0)} style={{ width: `${l.pct}%` }} />
        </span>
        <span className={styles.divHalf} data-side="right">
          <span className={styles.divFill} data-tone={toneOf(1)} style={{ width: `${r.pct}%` }} />
        </span>
        {label(right, r.pct, "right")}
      </div>
    );
  }

  return (
    <div className={styles.stacked} data-size={size} role="img" aria-label={summary}>
      <span className={styles.stackTrack}>
        {columns.map((c, i) =>
          (parts[i]?.count ?? 0) > 0 ? <span key={c.id} className={styles.stackSeg} data-tone={toneOf(i)} style={{ flexGrow: parts[i]?.count ?? 0 }} /> : null,
        )}
      </span>
      <span className={styles.stackLabels}>
        {columns.map((c, i) => (
          <span key={c.id} className={styles.stackLabel} data-canonical={c.id === canonical ? "true" : undefined}>
            <span className={styles.swatch} data-tone={toneOf(i)} aria-hidden="true" />
            {c.id === canonical ? <span className={styles.check}>✓</span> : null}
            {c.label} {total === 0 ? "–" : `${parts[i]?.pct ?? 0}%`}
          </span>
        ))}
      </span>
    </div>
  );
}

/** A progress ring: `value` of `max`, the share written in the middle. */
export function Ring({ value, max, label }: { value: number; max: number; label: string }) {
  const r = 54;
  const c = 2 * Math.PI * r;
  const share = max > 0 ? Math.min(1, value / max) : 0;
  return (
    <svg className={styles.ring} viewBox="0 0 120 120" role="img" aria-label={label}>
      <circle className={styles.ringTrack} cx="60" cy="60" r={r} />
      <circle className={styles.ringFill} cx="60" cy="60" r={r} strokeDasharray={c} strokeDashoffset={c * (1 - share)} transform="rotate(-90 60 60)" />
      <text className={styles.ringText} x="60" y="60" textAnchor="middle" dominantBaseline="central">
        {Math.round(share * 100)}%
      </text>
    </svg>
  );
}
