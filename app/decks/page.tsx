import type { Metadata } from "next";
import Link from "next/link";
import { requireFacilitator } from "@/lib/auth/session";
import { listDeckItemsFor, type DeckListItem } from "@/lib/db/decks/reads";
import { deckLanguageName } from "@/lib/decks/languages";
import { rich } from "@/lib/i18n/rich";
import { getTranslator } from "@/lib/i18n/server";
import type { Translator } from "@/lib/i18n/translate";
import { duplicateDeckAction } from "./actions";
import { DeleteDeckButton } from "./_components/delete-deck-button";
import { ImportForm } from "./_components/import-form";
import styles from "./decks.module.css";
import { FacilitatorNav } from "../_ui/nav/FacilitatorNav";

// Per facilitator, per request: never prerendered at build time.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("decks.list.title") };
}

const NOTICES = { deleted: "decks.list.deleted", missing: "decks.list.missing" } as const;
const isNotice = (value: unknown): value is keyof typeof NOTICES => typeof value === "string" && Object.hasOwn(NOTICES, value);

const DATE_LOCALES = { en: "en-GB", it: "it-IT" } as const;

export default async function DecksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const facilitator = await requireFacilitator("/decks");
  const [decks, params, translator] = await Promise.all([listDeckItemsFor(facilitator.id), searchParams, getTranslator()]);
  const { t } = translator;
  const notice = isNotice(params.notice) ? t(NOTICES[params.notice]) : undefined;
  const own = decks.filter((d) => !d.builtIn);
  const builtIn = decks.filter((d) => d.builtIn);
  return (
    <>
      <FacilitatorNav current="decks" />
      <main className={styles.page}>
        <div className={styles.stack}>
          <div className={`${styles.card} ${styles.topbar}`}>
            <div>
              <h1 className={styles.title}>{t("decks.list.title")}</h1>
              <p className={styles.muted}>{t("decks.list.lead")}</p>
            </div>
            <div className={styles.actions}>
              <Link href="/decks/new" className={styles.button}>
                {t("decks.list.newDeck")}
              </Link>
            </div>
          </div>

          <p className={styles.notice} role="status">
            {notice ?? ""}
          </p>

          <section className={styles.card} aria-labelledby="own-heading">
            <h2 id="own-heading" className={styles.subtitle}>
              {t("decks.list.yourDecks")}
            </h2>
            {own.length === 0 ? <p className={styles.muted}>{t("decks.list.noOwnDecks")}</p> : <DeckList decks={own} translator={translator} />}
          </section>

          <section className={styles.card} aria-labelledby="import-heading">
            <h2 id="import-heading" className={styles.subtitle}>
              {t("decks.list.importHeading")}
            </h2>
            <ImportForm />
          </section>

          <section className={styles.card} aria-labelledby="builtin-heading">
            <h2 id="builtin-heading" className={styles.subtitle}>
              {t("decks.list.builtInHeading")}
            </h2>
            <p className={styles.muted}>{t("decks.list.builtInLead")}</p>
            <DeckList decks={builtIn} translator={translator} />
          </section>
        </div>
      </main>
    </>
  );
}

function DeckList({ decks, translator }: { decks: DeckListItem[]; translator: Translator }) {
  const { t, tp, locale } = translator;
  const dateFormat = new Intl.DateTimeFormat(DATE_LOCALES[locale], { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return (
    <ul className={styles.deckList}>
      {decks.map((d) => (
        <li key={d.id} className={styles.deckItem} aria-labelledby={`deck-${d.id}-title`}>
          <h3 id={`deck-${d.id}-title`} className={styles.deckTitle}>
            {d.title} {d.builtIn ? <span className={styles.badge}>{t("decks.list.builtInBadge")}</span> : null}
          </h3>
          <p className={styles.deckMeta}>
            <span>{tp("decks.list.statements", d.statements)}</span>
            <span>{t("decks.list.columns", { columns: d.columns.join(" / ") })}</span>
            <span>{t("decks.list.language", { language: deckLanguageName(d.language) })}</span>
            {d.builtIn ? null : (
              <span>
                {rich(t("decks.list.versionSaved", { version: d.version }), {
                  date: <time dateTime={d.updatedAt.toISOString()}>{dateFormat.format(d.updatedAt)}</time>,
                })}
              </span>
            )}
            {d.sessions > 0 ? <span>{tp("decks.list.usedIn", d.sessions)}</span> : null}
          </p>
          <div className={styles.actions}>
            <Link href={`/decks/${d.id}`} className={styles.secondaryButton}>
              {t(d.builtIn ? "decks.list.view" : "decks.list.edit")}
              <span className={styles.visuallyHidden}>{t("decks.list.deckSr", { title: d.title })}</span>
            </Link>
            <form action={duplicateDeckAction}>
              <input type="hidden" name="id" value={d.id} />
              <button type="submit" className={styles.secondaryButton}>
                {t("decks.list.duplicate")}
                <span className={styles.visuallyHidden}>{t("decks.list.deckSr", { title: d.title })}</span>
              </button>
            </form>
            <a href={`/api/decks/${d.id}/export?format=csv`} download className={styles.secondaryButton}>
              {t("decks.list.exportCsv")}
              <span className={styles.visuallyHidden}>{t("decks.list.ofDeckSr", { title: d.title })}</span>
            </a>
            <a href={`/api/decks/${d.id}/export?format=json`} download className={styles.secondaryButton}>
              {t("decks.list.exportJson")}
              <span className={styles.visuallyHidden}>{t("decks.list.ofDeckSr", { title: d.title })}</span>
            </a>
            {d.builtIn ? null : <DeleteDeckButton id={d.id} title={d.title} sessions={d.sessions} />}
          </div>
        </li>
      ))}
    </ul>
  );
}
