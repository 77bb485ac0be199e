import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { facilitatorOrUnauthorized } from "@/lib/auth/session";
import { findDeckRef, listSessionDecks, loadDeckComparisonRows } from "@/lib/db/reports/reads";
import { compareSessions, type CompareRound } from "@/lib/domain/report-compare";
import { ChartPatterns, MeanTrendChart } from "../_shared/charts";
import { formatDate, formatNumber, formatPercent, PHASE_LABELS } from "../_shared/format";
import { ReportsNav } from "../_shared/nav";
import styles from "../_shared/reports.module.css";

export const metadata: Metadata = { title: "Compare sessions" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

export default async function ComparePage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const deckRef = typeof search.deck === "string" ? search.deck.trim() : "";
  const which: CompareRound = search.round === "last" ? "last" : "first";
  const facilitator = await facilitatorOrUnauthorized();

  if (!deckRef) {
    const decks = await listSessionDecks(facilitator.id);
    return (
      <main className={styles.page}>
        <ReportsNav current="compare" />
        <div className={styles.wrap}>
          <section className={styles.card}>
            <h1 className={styles.title}>Compare sessions</h1>
            <p className={styles.meta}>Pick a deck to compare your sessions of it.</p>
            {decks.length === 0 ? (
              <p className={styles.muted} style={{ marginTop: "1rem" }}>
                You have not run any session yet.
              </p>
            ) : (
              <ul style={{ marginTop: "1rem" }}>
                {decks.map((d) => (
                  <li key={d.id}>
                    <Link href={`/reports/compare?deck=${d.id}`}>{d.title}</Link> ({d.sessions} {d.sessions === 1 ? "session" : "sessions"})
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </main>
    );
  }

  const deck = await findDeckRef(deckRef);
  // Only the facilitator's own sessions count; no session of the deck looks like no deck.
  const rows = deck ? await loadDeckComparisonRows(facilitator.id, deck.id) : [];
  if (!deck || rows.length === 0) notFound();
  const comparison = compareSessions(rows, which);
  const sessions = comparison.sessions;
  const label = (s: (typeof sessions)[number], i: number) => `${i + 1}. ${formatDate(s.createdAt)}`;

  return (
    <main className={styles.page}>
      <ReportsNav current="compare" />
      <ChartPatterns />
      <div className={styles.wrap}>
        <section className={styles.card}>
          <p className={styles.muted}>Compare sessions</p>
          <h1 className={styles.title}>{deck.title}</h1>
          <p className={styles.meta}>
            {sessions.length} {sessions.length === 1 ? "session" : "sessions"}, oldest first. Comparing each session&apos;s {which === "first" ? "first round" : "last round"}.
          </p>
          <form className={styles.filters} method="get" action="/reports/compare" style={{ marginTop: "1rem" }}>
            <input type="hidden" name="deck" value={deckRef} />
            <label className={styles.field}>
              Round
              <select className={styles.select} name="round" defaultValue={which}>
                <option value="first">First round (first impressions)</option>
                <option value="last">Last round</option>
              </select>
            </label>
            <button type="submit" className={styles.button}>
              Compare
            </button>
            <Link className={styles.linkButton} href={`/sessions?deck=${deck.id}`}>
              These sessions in the list
            </Link>
          </form>
        </section>

        <section className={styles.card} aria-labelledby="trend-heading">
          <h2 id="trend-heading" className={styles.subtitle}>
            Mean score over time
          </h2>
          <MeanTrendChart points={sessions.map((s, i) => ({ label: label(s, i), percent: s.meanShare === null ? null : s.meanShare * 100 }))} />
          <div className={styles.tableWrap} style={{ marginTop: "1rem" }}>
            <table className={styles.table}>
              <caption>Sessions compared</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Date (UTC)</th>
                  <th scope="col">Session</th>
                  <th scope="col">Status</th>
                  <th scope="col" className={styles.num}>
                    Round
                  </th>
                  <th scope="col" className={styles.num}>
                    Participants
                  </th>
                  <th scope="col" className={styles.num}>
                    Mean score
                  </th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((s, i) => (
                  <tr key={s.id}>
                    <td className={styles.num}>{i + 1}</td>
                    <td>{formatDate(s.createdAt)}</td>
                    <th scope="row">
                      <Link href={`/reports/${s.id}`}>{s.title}</Link>
                    </th>
                    <td>
                      {PHASE_LABELS[s.phase]}
                      {s.status === "provisional" ? " (provisional)" : ""}
                    </td>
                    <td className={styles.num}>{s.round ?? "—"}</td>
                    <td className={styles.num}>{s.participants}</td>
                    <td className={styles.num}>
                      {s.meanScore === null ? "—" : `${formatNumber(s.meanScore)} / ${s.total} (${formatPercent(s.meanShare)})`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        <section className={`${styles.card} ${styles.cardLong}`} aria-labelledby="accuracy-heading">
          <h2 id="accuracy-heading" className={styles.subtitle}>
            Accuracy per statement
          </h2>
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <caption>Share of those who placed each card who chose the correct column, per session (— nobody placed it; n/a not in that session&apos;s deck)</caption>
              <thead>
                <tr>
                  <th scope="col">Statement</th>
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
                        {Object.hasOwn(s.accuracy, st.id) ? formatPercent(s.accuracy[st.id]) : "n/a"}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </main>
  );
}
