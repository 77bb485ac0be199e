import type { CSSProperties } from "react";
import styles from "./Spinner.module.css";

/** A decorative busy indicator: always pair it with text (or pass `label` for screen readers). */
export function Spinner({ label, size }: { label?: string; size?: string }) {
  const style = size ? ({ "--spinner-size": size } as CSSProperties) : undefined;
  return label ? (
    <span className={styles.spinner} role="img" aria-label={label} style={style} />
  ) : (
    <span className={styles.spinner} aria-hidden="true" style={style} />
  );
}
