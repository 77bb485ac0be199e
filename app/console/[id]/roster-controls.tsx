import { useEffect, useId, useRef, useState } from "react";
import type { RosterPage } from "@/lib/protocol/views";
import { ROSTER_SEARCH_MAX } from "@/lib/protocol/roster-window";
import { useT } from "@/lib/i18n/client";
import styles from "./console.module.css";

/** The console is sent one page of the roster at a time (issue 11): a nickname search and
 *  Previous/Next move the window; the server answers with that window's page. */

/** Rows on one page of the console's table (the server's default window is the same). */
export const ROSTER_PAGE_SIZE = 50;

/** Where the last page of a window starts: where to step back to when removals emptied a page. */
export function lastPageOffset(page: Pick<RosterPage, "total" | "limit">): number {
  return page.total === 0 ? 0 : Math.floor((page.total - 1) / page.limit) * page.limit;
}

/** Typing pauses this long before the search is sent: one request per word, not per key. */
export const SEARCH_DEBOUNCE_MS = 300;

/** The nickname search: labelled, sent once typing pauses (Enter sends it at once). */
export function RosterSearch({ onSearch }: { onSearch: (search: string) => void }) {
  const { t } = useT();
  const id = useId();
  const [text, setText] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const later = (value: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => onSearch(value), SEARCH_DEBOUNCE_MS);
  };
  return (
    <div className={styles.rosterSearch} role="search">
      <label htmlFor={id} className={styles.rosterSearchLabel}>
        {t("console.searchLabel")}
      </label>
      <input
        id={id}
        type="search"
        className={styles.rosterSearchInput}
        value={text}
        maxLength={ROSTER_SEARCH_MAX}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          later(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key !== "Enter") return;
          e.preventDefault();
          clearTimeout(timer.current);
          onSearch(text);
        }}
      />
    </div>
  );
}

/** "Showing 1–50 of 5,000" and Previous/Next. The buttons stay focusable at either end
 *  (aria-disabled, not disabled), so keyboard focus is not dropped when the last page is reached. */
export function RosterPager({ page, onMove }: { page: RosterPage; onMove: (offset: number) => void }) {
  const { t, locale } = useT();
  const number = new Intl.NumberFormat(locale);
  const from = page.rows.length > 0 ? page.offset + 1 : 0;
  const to = page.rows.length > 0 ? page.offset + page.rows.length : 0;
  const range = t("console.showingRange", { from: number.format(from), to: number.format(to), total: number.format(page.total) });
  const hasPrevious = page.offset > 0;
  const hasNext = page.offset + page.limit < page.total;
  // Announced when the window moves (a search, a page), not on every join that moves the total.
  const windowKey = `${page.offset}|${page.search}`;
  const [announced, setAnnounced] = useState({ windowKey, text: "" });
  if (announced.windowKey !== windowKey) setAnnounced({ windowKey, text: range });

  return (
    <div className={styles.rosterPager}>
      <p className={styles.rosterRange} data-area="roster-range">
        {range}
      </p>
      <p className={styles.visuallyHidden} role="status" aria-live="polite">
        {announced.text}
      </p>
      {hasPrevious || hasNext ? (
        <nav className={styles.rosterPagerButtons} aria-label={t("console.pagesLabel")}>
          <button
            type="button"
            className={styles.smallButton}
            aria-disabled={!hasPrevious}
            onClick={() => {
              if (hasPrevious) onMove(Math.max(0, page.offset - page.limit));
            }}
          >
            {t("console.previousPage")}
          </button>
          <button
            type="button"
            className={styles.smallButton}
            aria-disabled={!hasNext}
            onClick={() => {
              if (hasNext) onMove(page.offset + page.limit);
            }}
          >
            {t("console.nextPage")}
          </button>
        </nav>
      ) : null}
    </div>
  );
}
