import styles from "./participant-home.module.css";

/** The SortRoom word mark: two cards leaning into two columns. Inline SVG, no asset to load. */
export function Brand() {
  return (
    <p className={styles.brand}>
      <svg className={styles.mark} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect x="3" y="6" width="12" height="20" rx="3" style={{ fill: "var(--col-1)" }} transform="rotate(-8 9 16)" />
        <rect x="17" y="6" width="12" height="20" rx="3" style={{ fill: "var(--col-2)" }} transform="rotate(8 23 16)" />
      </svg>
      SortRoom
    </p>
  );
}
