import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";
import styles from "../decks.module.css";

export default async function DeckNotFound() {
  const { t } = await getTranslator();
  return (
    <main className={styles.page}>
      <div className={styles.stack}>
        <div className={styles.card}>
          <h1 className={styles.title}>{t("decks.notFound.title")}</h1>
          <p className={styles.muted}>{t("decks.notFound.lead")}</p>
          <Link href="/decks" className={styles.link}>
            {t("decks.notFound.allDecks")}
          </Link>
        </div>
      </div>
    </main>
  );
}
