import type { CSSProperties, ReactNode } from "react";
import styles from "./reports.module.css";

/** A table wider than a phone scrolls sideways in here instead of the page. The box is a named
 *  region in the tab order so keyboard users can scroll it too (WCAG 2.1.1); `label` is what the
 *  table's caption says. */
export function ScrollBox({ label, style, children }: { label: string; style?: CSSProperties; children: ReactNode }) {
  return (
    <div className={styles.tableWrap} role="region" aria-label={label} tabIndex={0} style={style}>
      {children}
    </div>
  );
}
