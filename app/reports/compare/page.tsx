import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { facilitatorOrUnauthorized } from "@/lib/auth/session";
import { findDeckRef, listSessionDecks, loadDeckComparisonRows } from "@/lib/db/reports/reads";
import { compareSessions, type CompareRound } from "@/lib/domain/report-compare";
import { ChartPatterns, MeanTrendChart } from "../_shared/charts";
import { getTranslator } from "@/lib/i18n/server";
import { PHASE_KEYS, reportFormat } from "../_shared/format";
import { FacilitatorNav } from "../../_ui/nav/FacilitatorNav";
import styles from "../_shared/reports.module.css";
import { ScrollBox } from "../_shared/scroll-box";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("reports.compare.title") };
}
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

export default async function ComparePage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const deckRef = typeof search.deck === "string" ? search.deck.trim() : "";
  const which: CompareRound = search.round === "last" ? "last" : "first";
  const facilitator = await facilitatorOrUnauthorized();
  const { t, tp, locale } = await getTranslator();
  const f = reportFormat(locale);

  if (!deckRef) {
    const decks = await listSessionDecks(facilitator.id);
    return (
      <>
        <FacilitatorNav current="sessions" subpage />
        <main className={styles.page}>
          <div className={styles.wrap}>
            <section className={styles.card}>
              <h1 className={styles.title}>{t("reports.compare.title")}</h1>
              <p className={styles.meta}>{t("reports.compare.pickDeck")}</p>
              {decks.length === 0 ? (
                <p className={styles.muted} style={{ marginTop: "1rem" }}>
                  {t("reports.compare.noSessions")}
                </p>
              ) : (
                <ul style={{ marginTop: "1rem" }}>
                  {decks.map((d) => (
                    <li key={d.id}>
                      <Link href={`/reports/compare?deck=${d.id}`}>{d.title}</Link> {tp("reports.compare.deckSessions", d.sessions, { count: f.count(d.sessions) })}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        </main>
      </>
    );
  }

  const deck = await findDeckRef(deckRef);
  // Only the facilitator's own sessions count; no session of the deck looks like no deck.
  const rows = deck ? await loadDeckComparisonRows(facilitator.id, deck.id) : [];
  if (!deck || rows.length === 0) notFound();
  const comparison = compareSessions(rows, which);
  const sessions = comparison.sessions;
  const label = (s: (typeof sessions)[number], i: number) => `${i + 1}. ${f.date(s.createdAt)}`;

  return (
    <>
      <FacilitatorNav current="sessions" subpage />
      <main className={styles.page}>
        <ChartPatterns />
        <div className={styles.wrap}>
          <section className={styles.card}>
            <p className={styles.muted}>{t("reports.compare.title")}</p>
            <h1 className={styles.title}>{deck.title}</h1>
            <p className={styles.meta}>
              {tp("reports.compare.sessions", sessions.length, { count: f.count(sessions.length) })} {t(which === "first" ? "reports.compare.comparingFirst" : "reports.compare.comparingLast")}
            </p>
            <form className={styles.filters} method="get" action="/reports/compare" style={{ marginTop: "1rem" }}>
              <input type="hidden" name="deck" value={deckRef} />
              <label className={styles.field}>
                {t("reports.table.round")}
                <select className={styles.select} name="round" defaultValue={which}>
                  <option value="first">{t("reports.compare.firstRound")}</option>
                  <option value="last">{t("reports.compare.lastRound")}</option>
                </select>
              </label>
              <button type="submit" className={styles.button}>
                {t("reports.compare.submit")}
              </button>
              <Link className={styles.linkButton} href={`/sessions?deck=${deck.id}`}>
                {t("reports.compare.inList")}
              </Link>
            </form>
          </section>

          <section className={styles.card} aria-labelledby="trend-heading">
            <h2 id="trend-heading" className={styles.subtitle}>
              {t("reports.compare.trendHeading")}
            </h2>
            <MeanTrendChart points={sessions.map((s, i) => ({ label: label(s, i), percent: s.meanShare === null ? null : s.meanShare * 100 }))} />
            <ScrollBox label={t("reports.compare.tableCaption")} style={{ marginTop: "1rem" }}>
              <table className={styles.table}>
                <caption>{t("reports.compare.tableCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("reports.table.number")}</th>
                    <th scope="col">{t("reports.table.date")}</th>
                    <th scope="col">{t("reports.table.session")}</th>
                    <th scope="col">{t("reports.table.status")}</th>
                    <th scope="col" className={styles.num}>
                      {t("reports.table.round")}
                    </th>
                    <th scope="col" className={styles.num}>
                      {t("reports.table.participants")}
                    </th>
                    <th scope="col" className={styles.num}>
                      {t("reports.table.meanScore")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {sessions.map((s, i) => (
                    <tr key={s.id}>
                      <td className={styles.num}>{i + 1}</td>
                      <td>{f.date(s.createdAt)}</td>
                      <th scope="row">
                        <Link href={`/reports/${s.id}`}>{s.title}</Link>
                      </th>
                      <td>
                        {t(PHASE_KEYS[s.phase])}
                        {s.status === "provisional" ? t("reports.compare.provisional") : ""}
                      </td>
                      <td className={styles.num}>{s.round ?? "—"}</td>
                      <td className={styles.num}>{f.count(s.participants)}</td>
                      <td className={styles.num}>
                        {s.meanScore === null ? "—" : `${f.number(s.meanScore)} / ${s.total} (${f.percent(s.meanShare)})`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          </section>

          <section className={`${styles.card} ${styles.cardLong}`} aria-labelledby="accuracy-heading">
            <h2 id="accuracy-heading" className={styles.subtitle}>
              {t("reports.compare.accuracyHeading")}
            </h2>
            <ScrollBox label={t("reports.compare.accuracyCaption")}>
              <table className={styles.table}>
                <caption>{t("reports.compare.accuracyCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("reports.table.statement")}</th>
                    {sessions.map((s, i) => (
                      <th key={s.id} scope="col" className={styles.num}>
                        {label(s, i)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {comparison.statements.map((st) => (
                    <tr key={st.id}>
                      <th scope="row" className={styles.statementText}>
                        {st.text}
                      </th>
                      {sessions.map((s) => (
                        <td key={s.id} className={styles.num}>
                          {Object.hasOwn(s.accuracy, st.id) ? f.percent(s.accuracy[st.id]) : t("reports.compare.notInDeck")}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          </section>
        </div>
      </main>
    </>
  );
}
