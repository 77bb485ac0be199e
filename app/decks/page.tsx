import type { Metadata } from "next";
import Link from "next/link";
import { requireFacilitator } from "@/lib/auth/session";
import { listDeckItemsFor, type DeckListItem } from "@/lib/db/decks/reads";
import { duplicateDeckAction } from "./actions";
import { DeleteDeckButton } from "./_components/delete-deck-button";
import { ImportForm } from "./_components/import-form";
import styles from "./decks.module.css";

// Per facilitator, per request: never prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Decks" };

const NOTICES: Record<string, string> = {
  deleted: "The deck was deleted. Sessions you already ran with it keep their own copy.",
  missing: "That deck no longer exists, or is not yours.",
};

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export default async function DecksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const facilitator = await requireFacilitator("/decks");
  const [decks, params] = await Promise.all([listDeckItemsFor(facilitator.id), searchParams]);
  const notice = typeof params.notice === "string" ? NOTICES[params.notice] : undefined;
  const own = decks.filter((d) => !d.builtIn);
  const builtIn = decks.filter((d) => d.builtIn);
  return (
    <main className={styles.page}>
      <div className={styles.stack}>
        <div className={`${styles.card} ${styles.topbar}`}>
          <div>
            <h1 className={styles.title}>Decks</h1>
            <p className={styles.muted}>The statements participants sort, and the columns they sort them into.</p>
          </div>
          <div className={styles.actions}>
            <Link href="/dashboard" className={styles.secondaryButton}>
              Dashboard
            </Link>
            <Link href="/decks/new" className={styles.button}>
              New deck
            </Link>
          </div>
        </div>

        <p className={styles.notice} role="status">
          {notice ?? ""}
        </p>

        <section className={styles.card} aria-labelledby="own-heading">
          <h2 id="own-heading" className={styles.subtitle}>
            Your decks
          </h2>
          {own.length === 0 ? (
            <p className={styles.muted}>No decks of your own yet. Create one, duplicate a built-in deck, or import a file.</p>
          ) : (
            <DeckList decks={own} />
          )}
        </section>

        <section className={styles.card} aria-labelledby="import-heading">
          <h2 id="import-heading" className={styles.subtitle}>
            Import a deck
          </h2>
          <ImportForm />
        </section>

        <section className={styles.card} aria-labelledby="builtin-heading">
          <h2 id="builtin-heading" className={styles.subtitle}>
            Built-in decks
          </h2>
          <p className={styles.muted}>Drawn from the article, sentence by sentence. Read-only: duplicate one to adapt it.</p>
          <DeckList decks={builtIn} />
        </section>
      </div>
    </main>
  );
}

function DeckList({ decks }: { decks: DeckListItem[] }) {
  return (
    <ul className={styles.deckList}>
      {decks.map((d) => (
        <li key={d.id} className={styles.deckItem} aria-labelledby={`deck-${d.id}-title`}>
          <h3 id={`deck-${d.id}-title`} className={styles.deckTitle}>
            {d.title} {d.builtIn ? <span className={styles.badge}>Built-in</span> : null}
          </h3>
          <p className={styles.deckMeta}>
            <span>
              {d.statements} {d.statements === 1 ? "statement" : "statements"}
            </span>
            <span>Columns: {d.columns.join(" / ")}</span>
            <span>Language: {d.language}</span>
            {d.builtIn ? null : (
              <span>
                Version {d.version}, saved <time dateTime={d.updatedAt.toISOString()}>{dateFormat.format(d.updatedAt)}</time>
              </span>
            )}
            {d.sessions > 0 ? <span>Used in {d.sessions === 1 ? "1 of your sessions" : `${d.sessions} of your sessions`}</span> : null}
          </p>
          <div className={styles.actions}>
            <Link href={`/decks/${d.id}`} className={styles.secondaryButton}>
              {d.builtIn ? "View" : "Edit"}
              <span className={styles.visuallyHidden}> “{d.title}”</span>
            </Link>
            <form action={duplicateDeckAction}>
              <input type="hidden" name="id" value={d.id} />
              <button type="submit" className={styles.secondaryButton}>
                Duplicate<span className={styles.visuallyHidden}> “{d.title}”</span>
              </button>
            </form>
            <a href={`/api/decks/${d.id}/export?format=csv`} download className={styles.secondaryButton}>
              Export CSV<span className={styles.visuallyHidden}> of “{d.title}”</span>
            </a>
            <a href={`/api/decks/${d.id}/export?format=json`} download className={styles.secondaryButton}>
              Export JSON<span className={styles.visuallyHidden}> of “{d.title}”</span>
            </a>
            {d.builtIn ? null : <DeleteDeckButton id={d.id} title={d.title} sessions={d.sessions} />}
          </div>
        </li>
      ))}
    </ul>
  );
}
