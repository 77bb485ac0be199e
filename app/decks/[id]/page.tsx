import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireFacilitator } from "@/lib/auth/session";
import { columnLabel } from "@/lib/decks/schema";
import type { Deck } from "@/lib/decks/types";
import { findVisibleDeck, isDeckId } from "../_lib/access";
import { duplicateDeckAction } from "../actions";
import { DeckEditor, EditorHeading } from "../_editor/deck-editor";
import styles from "../decks.module.css";

// Per facilitator, per request: never prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Deck" };

const NOTICES: Record<string, string> = {
  created: "Deck created.",
  imported: "Deck imported. Check it over; it is saved already.",
  duplicated: "This is your copy: edit it as you like. The original is unchanged.",
};

export default async function DeckPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const facilitator = await requireFacilitator(isDeckId(id) ? `/decks/${id}` : "/decks");
  const found = await findVisibleDeck(id, facilitator.id);
  // Another facilitator's deck looks exactly like a missing one.
  if (!found) notFound();
  const query = await searchParams;
  const notice = typeof query.notice === "string" ? NOTICES[query.notice] : undefined;

  return (
    <main className={styles.page}>
      <div className={styles.stack}>
        {found.builtIn ? (
          <BuiltInDeck id={found.id} deck={found.deck} />
        ) : (
          <>
            <EditorHeading lead={`Version ${found.deck.version}. Sessions you already ran keep the version they started with.`}>
              Edit “{found.deck.title}”
            </EditorHeading>
            <DeckEditor deckId={found.id} initial={found.deck} notice={notice} />
          </>
        )}
      </div>
    </main>
  );
}

function BuiltInDeck({ id, deck }: { id: string; deck: Deck }) {
  return (
    <>
      <div className={styles.card}>
        <h1 className={styles.title}>{deck.title}</h1>
        <p className={styles.muted}>{deck.description}</p>
        <p className={styles.muted}>
          Built-in deck, read-only. Columns: {deck.columns.map((c) => c.label).join(" / ")}. {deck.statements.length} statements.
        </p>
        <div className={`${styles.actions} ${styles.spaced}`}>
          <form action={duplicateDeckAction}>
            <input type="hidden" name="id" value={id} />
            <button type="submit" className={styles.button}>
              Duplicate to edit
            </button>
          </form>
          <a href={`/api/decks/${id}/export?format=csv`} download className={styles.secondaryButton}>
            Export CSV
          </a>
          <a href={`/api/decks/${id}/export?format=json`} download className={styles.secondaryButton}>
            Export JSON
          </a>
          <Link href="/decks" className={styles.secondaryButton}>
            Back to decks
          </Link>
        </div>
      </div>
      <section className={styles.card} aria-labelledby="statements-heading">
        <h2 id="statements-heading" className={styles.subtitle}>
          Statements
        </h2>
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Statement</th>
                <th scope="col">Belongs in</th>
                <th scope="col">Explanation</th>
              </tr>
            </thead>
            <tbody>
              {deck.statements.map((s, i) => (
                <tr key={s.id}>
                  <td>{i + 1}</td>
                  <td>{s.text}</td>
                  <td>{columnLabel(deck, s.canonical) ?? s.canonical}</td>
                  <td className={styles.explanation}>{s.explanation}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
