import type { Metadata } from "next";
import Link from "next/link";
import { facilitatorOrUnauthorized } from "@/lib/auth/session";
import { parseSessionQuery, sessionFilter, type SessionQueryField } from "@/lib/reports/service";
import { listSessionDecks, listSessions } from "@/lib/db/reports/reads";
import { getTranslator } from "@/lib/i18n/server";
import { PHASE_KEYS, reportFormat } from "../reports/_shared/format";
import { FacilitatorNav } from "../_ui/nav/FacilitatorNav";
import styles from "../reports/_shared/reports.module.css";
import { ScrollBox } from "../reports/_shared/scroll-box";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("reports.nav.sessions") };
}
export const dynamic = "force-dynamic";

const PER_PAGE = 20;

type Search = Record<string, string | string[] | undefined>;

const INVALID: Record<SessionQueryField, `sessions.invalid.${"deck" | "from" | "to" | "page"}`> = {
  deck: "sessions.invalid.deck",
  from: "sessions.invalid.from",
  to: "sessions.invalid.to",
  page: "sessions.invalid.page",
  per_page: "sessions.invalid.page",
};

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
  const { t, tp, locale } = await getTranslator();
  const f = reportFormat(locale);
  const search = await searchParams;
  const params = toParams(search);
  const parsed = parseSessionQuery(params, PER_PAGE);
  const query = parsed.ok ? parsed.query : { page: 1, perPage: PER_PAGE };
  const [decks, { items, total }] = await Promise.all([listSessionDecks(facilitator.id), listSessions(facilitator.id, sessionFilter(query))]);
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const selectedDeck = parsed.ok ? parsed.query.deckId : undefined;
  const filtered = Boolean(parsed.ok && (parsed.query.deckId || parsed.query.from || parsed.query.to));

  return (
    <>
      <FacilitatorNav current="sessions" />
      <main className={styles.page}>
        <div className={styles.wrap}>
          <section className={styles.card}>
            <h1 className={styles.title}>{t("sessions.title")}</h1>
            <p className={styles.meta}>{t("sessions.lead")}</p>
            {search.deleted === "1" ? (
              <p className={styles.notice} role="status" style={{ marginTop: "1rem" }}>
                {t("sessions.deleted")}
              </p>
            ) : null}
          </section>

          <section className={styles.card} aria-labelledby="filter-heading">
            <h2 id="filter-heading" className={styles.subtitle}>
              {t("sessions.filter")}
            </h2>
            <form className={styles.filters} method="get" action="/sessions">
              <label className={styles.field}>
                {t("reports.table.deck")}
                <select className={styles.select} name="deck" defaultValue={selectedDeck ?? ""}>
                  <option value="">{t("sessions.allDecks")}</option>
                  {decks.map((d) => (
                    <option key={d.id} value={d.id}>
                      {t("sessions.deckOption", { title: d.title, count: f.count(d.sessions) })}
                    </option>
                  ))}
                </select>
              </label>
              <label className={styles.field}>
                {t("sessions.from")}
                <input className={styles.input} type="date" name="from" defaultValue={parsed.ok ? parsed.query.from : undefined} />
              </label>
              <label className={styles.field}>
                {t("sessions.to")}
                <input className={styles.input} type="date" name="to" defaultValue={parsed.ok ? parsed.query.to : undefined} />
              </label>
              <button type="submit" className={styles.button}>
                {t("sessions.apply")}
              </button>
              {filtered ? (
                <Link className={styles.linkButton} href="/sessions">
                  {t("sessions.clear")}
                </Link>
              ) : null}
              {selectedDeck ? (
                <Link className={styles.linkButton} href={`/reports/compare?deck=${selectedDeck}`}>
                  {t("sessions.compare")}
                </Link>
              ) : null}
            </form>
            {!parsed.ok ? (
              <p className={styles.error} role="alert" style={{ marginTop: "0.75rem" }}>
                {t(INVALID[parsed.field])} {t("sessions.invalid.showingAll")}
              </p>
            ) : null}
          </section>

          <section className={styles.card} aria-labelledby="list-heading">
            <h2 id="list-heading" className={styles.subtitle}>
              {tp(filtered ? "sessions.matching" : "sessions.count", total, { count: f.count(total) })}
            </h2>
            {items.length === 0 ? (
              <p className={styles.muted}>{t(filtered ? "sessions.noMatch" : "sessions.none")}</p>
            ) : (
              <ScrollBox label={t("sessions.caption")}>
                <table className={styles.table}>
                  <caption className={styles.srOnly}>{t("sessions.caption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("reports.table.date")}</th>
                      <th scope="col">{t("reports.table.session")}</th>
                      <th scope="col">{t("reports.table.deck")}</th>
                      <th scope="col" className={styles.num}>
                        {t("reports.table.participants")}
                      </th>
                      <th scope="col" className={styles.num}>
                        {t("reports.table.meanScore")}
                      </th>
                      <th scope="col">{t("reports.table.status")}</th>
                      <th scope="col">
                        <span className={styles.srOnly}>{t("sessions.links")}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((s) => (
                      <tr key={s.id}>
                        <td className={styles.nowrap}>
                          <time dateTime={s.createdAt.toISOString()}>{f.date(s.createdAt)}</time>
                        </td>
                        <th scope="row">
                          <Link href={`/reports/${s.id}`}>{s.title}</Link>
                        </th>
                        <td>{s.deckTitle}</td>
                        <td className={styles.num}>{f.count(s.participants)}</td>
                        <td className={styles.num}>
                          {s.meanScore === null ? (
                            "—"
                          ) : (
                            <>
                              {f.number(s.meanScore)} / {s.total} <small>({f.percent(s.total > 0 ? s.meanScore / s.total : null)})</small>
                            </>
                          )}
                        </td>
                        <td>{t(PHASE_KEYS[s.phase])}</td>
                        <td>
                          <Link href={`/reports/${s.id}`} aria-label={t("sessions.reportOf", { title: s.title })}>
                            {t("sessions.report")}
                          </Link>
                          {s.phase !== "closed" ? (
                            <>
                              {" · "}
                              <Link href={`/console/${s.id}`} aria-label={t("sessions.consoleOf", { title: s.title })}>
                                {t("sessions.console")}
                              </Link>
                            </>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
            )}
            {pages > 1 ? (
              <nav className={styles.pagination} aria-label={t("sessions.pages")} style={{ marginTop: "1rem" }}>
                {query.page > 1 ? (
                  <Link className={styles.linkButton} href={pageHref(params, query.page - 1)} rel="prev">
                    {t("sessions.newer")}
                  </Link>
                ) : (
                  <span />
                )}
                <span>
                  {t("sessions.pageOf", { page: f.count(query.page), pages: f.count(pages) })}
                </span>
                {query.page < pages ? (
                  <Link className={styles.linkButton} href={pageHref(params, query.page + 1)} rel="next">
                    {t("sessions.older")}
                  </Link>
                ) : (
                  <span />
                )}
              </nav>
            ) : null}
            <p className={styles.muted} style={{ marginTop: "0.75rem", fontSize: "0.9rem" }}>
              {t("sessions.meanNote")}
            </p>
          </section>
        </div>
      </main>
    </>
  );
}
