import Link from "next/link";
import styles from "../decks.module.css";

export default function DeckNotFound() {
  return (
    <main className={styles.page}>
      <div className={styles.stack}>
        <div className={styles.card}>
          <h1 className={styles.title}>Deck not found</h1>
          <p className={styles.muted}>There is no such deck, or it belongs to another facilitator.</p>
          <Link href="/decks" className={styles.link}>
            All decks
          </Link>
        </div>
      </div>
    </main>
  );
}
