import type { Metadata } from "next";
import { requireFacilitator } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { DeckEditor, EditorHeading } from "../_editor/deck-editor";
import styles from "../decks.module.css";

// Per facilitator, per request: never prerendered at build time.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("decks.page.newTitle") };
}

export default async function NewDeckPage() {
  await requireFacilitator("/decks/new");
  const { t } = await getTranslator();
  return (
    <main className={styles.page}>
      <div className={styles.stack}>
        <EditorHeading lead={t("decks.page.newLead")}>{t("decks.page.newTitle")}</EditorHeading>
        <DeckEditor deckId={null} initial={null} />
      </div>
    </main>
  );
}
