import styles from "./present.module.css";

export default function PresenterNotFound() {
  return (
    <main className={styles.stage}>
      <div className={styles.centerScreen}>
        <h1 className={styles.bigHeading}>This presenter link is not valid</h1>
        <p className={styles.muted}>Open the projector link again from the facilitator console.</p>
      </div>
    </main>
  );
}
