import type { Metadata } from "next";
import { requireFacilitator } from "@/lib/auth/session";
import { DeckEditor, EditorHeading } from "../_editor/deck-editor";
import styles from "../decks.module.css";

// Per facilitator, per request: never prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "New deck" };

export default async function NewDeckPage() {
  await requireFacilitator("/decks/new");
  return (
    <main className={styles.page}>
      <div className={styles.stack}>
        <EditorHeading lead="Name the columns, write the statements and pick the column each one belongs in.">New deck</EditorHeading>
        <DeckEditor deckId={null} initial={null} />
      </div>
    </main>
  );
}
