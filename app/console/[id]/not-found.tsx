import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";
import styles from "./console.module.css";

export default async function ConsoleNotFound() {
  const { t } = await getTranslator();
  return (
    <main className={styles.page}>
      <div className={styles.centered}>
        <h1 className={styles.cardTitle}>{t("notFound.consoleTitle")}</h1>
        <p>{t("notFound.consoleLead")}</p>
        <p className={styles.actionRow}>
          <Link className={styles.primaryButton} href="/dashboard">
            {t("nextStep.backToDashboard")}
          </Link>
        </p>
      </div>
    </main>
  );
}
