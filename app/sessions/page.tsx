import type { Metadata } from "next";
import Link from "next/link";
import { facilitatorOrUnauthorized } from "@/lib/auth/session";
import { parseSessionQuery, sessionFilter } from "@/lib/db/reports/handlers";
import { listSessionDecks, listSessions } from "@/lib/db/reports/reads";
import { formatDate, formatNumber, formatPercent, PHASE_LABELS } from "../reports/_shared/format";
import { ReportsNav } from "../reports/_shared/nav";
import styles from "../reports/_shared/reports.module.css";

export const metadata: Metadata = { title: "Sessions" };
export const dynamic = "force-dynamic";

const PER_PAGE = 20;

type Search = Record<string, string | string[] | undefined>;

function toParams(search: Search): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) if (typeof v === "string") params.set(k, v);
  params.delete("per_page");
  return params;
}

function pageHref(params: URLSearchParams, page: number): string {
  const next = new URLSearchParams(params);
  next.delete("deleted");
  if (page > 1) next.set("page", String(page));
  else next.delete("page");
  const query = next.toString();
  return query ? `/sessions?${query}` : "/sessions";
}

export default async function SessionsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const facilitator = await facilitatorOrUnauthorized();
  const search = await searchParams;
  const params = toParams(search);
  const parsed = parseSessionQuery(params, PER_PAGE);
  const query = parsed.ok ? parsed.query : { page: 1, perPage: PER_PAGE };
  const [decks, { items, total }] = await Promise.all([listSessionDecks(facilitator.id), listSessions(facilitator.id, sessionFilter(query))]);
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const selectedDeck = parsed.ok ? parsed.query.deckId : undefined;
  const filtered = Boolean(parsed.ok && (parsed.query.deckId || parsed.query.from || parsed.query.to));

  return (
    <main className={styles.page}>
      <ReportsNav current="sessions" />
      <div className={styles.wrap}>
        <section className={styles.card}>
          <h1 className={styles.title}>Your sessions</h1>
          <p className={styles.meta}>Results of every session you ran, newest first. Open a report to see per-statement figures, export or print.</p>
          {search.deleted === "1" ? (
            <p className={styles.notice} role="status" style={{ marginTop: "1rem" }}>
              The session and all its data were deleted.
            </p>
          ) : null}
        </section>

        <section className={styles.card} aria-labelledby="filter-heading">
          <h2 id="filter-heading" className={styles.subtitle}>
            Filter
          </h2>
          <form className={styles.filters} method="get" action="/sessions">
            <label className={styles.field}>
              Deck
              <select className={styles.select} name="deck" defaultValue={selectedDeck ?? ""}>
                <option value="">All decks</option>
                {decks.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.title} ({d.sessions})
                  </option>
                ))}
              </select>
            </label>
            <label className={styles.field}>
              From
              <input className={styles.input} type="date" name="from" defaultValue={parsed.ok ? parsed.query.from : undefined} />
            </label>
            <label className={styles.field}>
              To
              <input className={styles.input} type="date" name="to" defaultValue={parsed.ok ? parsed.query.to : undefined} />
            </label>
            <button type="submit" className={styles.button}>
              Apply
            </button>
            {filtered ? (
              <Link className={styles.linkButton} href="/sessions">
                Clear
              </Link>
            ) : null}
            {selectedDeck ? (
              <Link className={styles.linkButton} href={`/reports/compare?deck=${selectedDeck}`}>
                Compare these sessions
              </Link>
            ) : null}
          </form>
          {!parsed.ok ? (
            <p className={styles.error} role="alert" style={{ marginTop: "0.75rem" }}>
              {parsed.message} Showing all sessions instead.
            </p>
          ) : null}
        </section>

        <section className={styles.card} aria-labelledby="list-heading">
          <h2 id="list-heading" className={styles.subtitle}>
            {total} {total === 1 ? "session" : "sessions"}
            {filtered ? " match" : ""}
          </h2>
          {items.length === 0 ? (
            <p className={styles.muted}>{filtered ? "No session matches these filters." : "No sessions yet. Create one on the dashboard."}</p>
          ) : (
            <div className={styles.tableWrap}>
              <table className={styles.table}>
                <caption className={styles.srOnly}>Sessions, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Date (UTC)</th>
                    <th scope="col">Session</th>
                    <th scope="col">Deck</th>
                    <th scope="col" className={styles.num}>
                      Participants
                    </th>
                    <th scope="col" className={styles.num}>
                      Mean score
                    </th>
                    <th scope="col">Status</th>
                    <th scope="col">
                      <span className={styles.srOnly}>Links</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((s) => (
                    <tr key={s.id}>
                      <td className={styles.nowrap}>
                        <time dateTime={s.createdAt.toISOString()}>{formatDate(s.createdAt)}</time>
                      </td>
                      <th scope="row">
                        <Link href={`/reports/${s.id}`}>{s.title}</Link>
                      </th>
                      <td>{s.deckTitle}</td>
                      <td className={styles.num}>{s.participants}</td>
                      <td className={styles.num}>
                        {s.meanScore === null ? (
                          "—"
                        ) : (
                          <>
                            {formatNumber(s.meanScore)} / {s.total} <small>({formatPercent(s.total > 0 ? s.meanScore / s.total : null)})</small>
                          </>
                        )}
                      </td>
                      <td>{PHASE_LABELS[s.phase]}</td>
                      <td>
                        <Link href={`/reports/${s.id}`} aria-label={`Report of ${s.title}`}>
                          Report
                        </Link>
                        {s.phase !== "closed" ? (
                          <>
                            {" · "}
                            <Link href={`/console/${s.id}`} aria-label={`Console of ${s.title}`}>
                              Console
                            </Link>
                          </>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages > 1 ? (
            <nav className={styles.pagination} aria-label="Pages" style={{ marginTop: "1rem" }}>
              {query.page > 1 ? (
                <Link className={styles.linkButton} href={pageHref(params, query.page - 1)} rel="prev">
                  ← Newer
                </Link>
              ) : (
                <span />
              )}
              <span>
                Page {query.page} of {pages}
              </span>
              {query.page < pages ? (
                <Link className={styles.linkButton} href={pageHref(params, query.page + 1)} rel="next">
                  Older →
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
          <p className={styles.muted} style={{ marginTop: "0.75rem", fontSize: "0.9rem" }}>
            Mean score is that of the latest revealed round; “—” until answers are revealed.
          </p>
        </section>
      </div>
    </main>
  );
}
