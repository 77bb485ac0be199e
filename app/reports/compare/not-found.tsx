import Link from "next/link";
import styles from "../_shared/reports.module.css";

export default function CompareNotFound() {
  return (
    <main className={styles.page}>
      <div className={styles.wrap} style={{ paddingTop: "3rem" }}>
        <div className={styles.card}>
          <h1 className={styles.title}>Nothing to compare</h1>
          <p>You have no sessions of this deck, or there is no such deck.</p>
          <p className={styles.actions}>
            <Link className={styles.button} href="/reports/compare">
              Pick a deck
            </Link>
          </p>
        </div>
      </div>
    </main>
  );
}
