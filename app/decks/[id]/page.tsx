import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireFacilitator } from "@/lib/auth/session";
import { columnLabel } from "@/lib/decks/schema";
import type { Deck } from "@/lib/decks/types";
import { getTranslator } from "@/lib/i18n/server";
import type { Translator } from "@/lib/i18n/translate";
import { findVisibleDeck, isDeckId } from "../_lib/access";
import { duplicateDeckAction } from "../actions";
import { DeckEditor, EditorHeading } from "../_editor/deck-editor";
import styles from "../decks.module.css";

// Per facilitator, per request: never prerendered at build time.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("decks.page.deckTitle") };
}

const NOTICES = { created: "decks.page.created", imported: "decks.page.imported", duplicated: "decks.page.duplicated" } as const;
const isNotice = (value: unknown): value is keyof typeof NOTICES => typeof value === "string" && Object.hasOwn(NOTICES, value);

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
  const [query, translator] = await Promise.all([searchParams, getTranslator()]);
  const { t } = translator;
  const notice = isNotice(query.notice) ? t(NOTICES[query.notice]) : undefined;

  return (
    <main className={styles.page}>
      <div className={styles.stack}>
        {found.builtIn ? (
          <BuiltInDeck id={found.id} deck={found.deck} translator={translator} />
        ) : (
          <>
            <EditorHeading lead={t("decks.page.editLead", { version: found.deck.version })}>{t("decks.page.editTitle", { title: found.deck.title })}</EditorHeading>
            <DeckEditor deckId={found.id} initial={found.deck} notice={notice} />
          </>
        )}
      </div>
    </main>
  );
}

function BuiltInDeck({ id, deck, translator: { t, tp } }: { id: string; deck: Deck; translator: Translator }) {
  return (
    <>
      <div className={styles.card}>
        <h1 className={styles.title}>{deck.title}</h1>
        <p className={styles.muted}>{deck.description}</p>
        <p className={styles.muted}>
          {t("decks.page.builtInInfo", { columns: deck.columns.map((c) => c.label).join(" / ") })} {tp("decks.list.statements", deck.statements.length)}.
        </p>
        <div className={`${styles.actions} ${styles.spaced}`}>
          <form action={duplicateDeckAction}>
            <input type="hidden" name="id" value={id} />
            <button type="submit" className={styles.button}>
              {t("decks.page.duplicateToEdit")}
            </button>
          </form>
          <a href={`/api/decks/${id}/export?format=csv`} download className={styles.secondaryButton}>
            {t("decks.list.exportCsv")}
          </a>
          <a href={`/api/decks/${id}/export?format=json`} download className={styles.secondaryButton}>
            {t("decks.list.exportJson")}
          </a>
          <Link href="/decks" className={styles.secondaryButton}>
            {t("decks.page.backToDecks")}
          </Link>
        </div>
      </div>
      <section className={styles.card} aria-labelledby="statements-heading">
        <h2 id="statements-heading" className={styles.subtitle}>
          {t("decks.page.statements")}
        </h2>
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t("decks.page.number")}</th>
                <th scope="col">{t("decks.page.statement")}</th>
                <th scope="col">{t("decks.page.belongsIn")}</th>
                <th scope="col">{t("decks.page.explanationLabel")}</th>
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
