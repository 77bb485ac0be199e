import Link from "next/link";
import styles from "./console.module.css";

export default function ConsoleNotFound() {
  return (
    <main className={styles.page}>
      <div className={styles.centered}>
        <h1 className={styles.cardTitle}>No such session</h1>
        <p>This session does not exist or belongs to another facilitator.</p>
        <p className={styles.actionRow}>
          <Link className={styles.primaryButton} href="/dashboard">
            Back to the dashboard
          </Link>
        </p>
      </div>
    </main>
  );
}
