import Link from "next/link";
import styles from "../_shared/reports.module.css";

export default function ReportNotFound() {
  return (
    <main className={styles.page}>
      <div className={styles.wrap} style={{ paddingTop: "3rem" }}>
        <div className={styles.card}>
          <h1 className={styles.title}>No such session</h1>
          <p>This session does not exist, was deleted, or belongs to another facilitator.</p>
          <p className={styles.actions}>
            <Link className={styles.button} href="/sessions">
              Your sessions
            </Link>
          </p>
        </div>
      </div>
    </main>
  );
}
