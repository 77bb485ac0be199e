import { getTranslator } from "@/lib/i18n/server";
import styles from "./present.module.css";

export default async function PresenterNotFound() {
  const { t } = await getTranslator();
  return (
    <main className={styles.stage}>
      <div className={styles.centerScreen}>
        <h1 className={styles.bigHeading}>{t("notFound.presenterTitle")}</h1>
        <p className={styles.muted}>{t("notFound.presenterLead")}</p>
      </div>
    </main>
  );
}
