"use client";

import Link from "next/link";
import { useEffect, useId, useState, type ReactNode } from "react";
import type { DeckColumn } from "@/lib/decks/types";
import type { ChangedMindReport, ParticipantRow, RoundReport, SessionReport } from "@/lib/domain/report";
import { ChartPatterns, ScoreDistributionChart, StatementStackChart } from "../_shared/charts";
import { useT } from "@/lib/i18n/client";
import { formatDuration, PHASE_KEYS, reportFormat } from "../_shared/format";
import styles from "../_shared/reports.module.css";
import { ScrollBox } from "../_shared/scroll-box";
import { DeleteSession } from "./delete-session";

/** Polling interval while the session is live; slower for very large rooms (bigger payloads). */
const pollMs = (participants: number) => (participants > 500 ? 15_000 : 5_000);
const PARTICIPANT_PAGE = 100;

export function ReportView({ initial, initialAnonymize, deckId }: { initial: SessionReport; initialAnonymize: boolean; deckId: string | null }) {
  const [report, setReport] = useState(initial);
  const [anonymize, setAnonymize] = useState(initialAnonymize);
  const [roundIndex, setRoundIndex] = useState<number | null>(null);
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);
  const [pollError, setPollError] = useState(false);
  const [gone, setGone] = useState(false);
  const { t, tp, locale } = useT();
  const f = reportFormat(locale);
  const id = report.session.id;
  const live = report.session.live && !gone;

  useEffect(() => {
    if (!live) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      if (!document.hidden) {
        try {
          const response = await fetch(`/api/sessions/${id}/report`, { cache: "no-store", headers: { accept: "application/json" } });
          if (response.status === 404) {
            setGone(true);
            return;
          }
          if (!response.ok) throw new Error(String(response.status));
          const next = (await response.json()) as SessionReport;
          if (stopped) return;
          setReport(next);
          setUpdatedAt(new Date().toISOString());
          setPollError(false);
        } catch {
          if (!stopped) setPollError(true);
        }
      }
      if (!stopped) timer = setTimeout(() => void tick(), pollMs(report.participants));
    };
    timer = setTimeout(() => void tick(), pollMs(report.participants));
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [id, live, report.participants]);

  const rounds = report.rounds;
  const selected = roundIndex !== null && roundIndex < rounds.length ? roundIndex : rounds.length - 1;
  const round = rounds[selected] ?? null;
  const exportQuery = anonymize ? "&anonymize=1" : "";
  const session = report.session;

  return (
    <div className={styles.wrap}>
      <ChartPatterns />
      <header className={styles.card}>
        <p className={styles.muted}>{t("reports.header.kicker")}</p>
        <h1 className={styles.title}>{session.title}</h1>
        <p className={styles.meta}>
          <span>{t("reports.header.deck", { title: report.deck.title })}</span>
          <span>{t("reports.header.started", { date: f.dateTime(session.createdAt) })}</span>
          {session.closedAt ? <span>{t("reports.header.ended", { date: f.dateTime(session.closedAt) })}</span> : null}
          <span>{t(PHASE_KEYS[session.phase])}</span>
          {live ? <span className={styles.badgeLive}>{t("reports.header.live")}</span> : <span className={styles.badgeFinal}>{t("reports.header.final")}</span>}
        </p>
        {gone ? (
          <p className={styles.error} role="alert">
            {t("reports.header.gone")}
          </p>
        ) : null}
        {pollError ? (
          <p className={`${styles.muted} ${styles.noPrint}`} role="status">
            {t("reports.header.pollFailed")}
          </p>
        ) : updatedAt ? (
          <p className={`${styles.srOnly}`} role="status">
            {t("reports.header.updated")}
          </p>
        ) : null}
        <div className={styles.actions} style={{ marginTop: "1rem" }}>
          <a className={styles.secondaryButton} href={`/api/sessions/${id}/export?format=csv${exportQuery}`} download>
            {t("reports.header.exportCsv")}
          </a>
          <a className={styles.secondaryButton} href={`/api/sessions/${id}/export?format=json${exportQuery}`} download>
            {t("reports.header.exportJson")}
          </a>
          <a className={styles.secondaryButton} href={`/api/sessions/${id}/export?kind=summary&format=csv`} download>
            {t("reports.header.summaryCsv")}
          </a>
          <button type="button" className={styles.secondaryButton} onClick={() => window.print()}>
            {t("reports.header.print")}
          </button>
          {deckId ? (
            <Link className={styles.secondaryButton} href={`/reports/compare?deck=${encodeURIComponent(deckId)}`}>
              {t("reports.header.compareDeck")}
            </Link>
          ) : null}
          <label className={styles.toggle}>
            <input type="checkbox" checked={anonymize} onChange={(e) => setAnonymize(e.target.checked)} />
            {t("reports.header.anonymize")}
          </label>
        </div>
      </header>

      {rounds.length > 1 ? (
        <div className={`${styles.card} ${styles.noPrint}`}>
          <fieldset className={styles.rounds}>
            <legend>{t("reports.rounds.legend")}</legend>
            {rounds.map((r, i) => (
              <label key={r.round} className={styles.toggle}>
                <input type="radio" name="round" checked={i === selected} onChange={() => setRoundIndex(i)} />
                {t(r.status === "provisional" ? "reports.rounds.provisional" : "reports.rounds.round", { round: r.round })}
              </label>
            ))}
          </fieldset>
          <p className={styles.muted} style={{ fontSize: "0.9rem" }}>
            {t("reports.rounds.printNote")}
          </p>
        </div>
      ) : null}

      {round === null ? (
        <section className={styles.card}>
          <h2 className={styles.subtitle}>{t("reports.empty.title")}</h2>
          <p className={styles.muted}>{tp("reports.empty.lead", report.participants)}</p>
        </section>
      ) : (
        <>
          <Summary report={report} round={round} />
          <section className={styles.card} aria-labelledby="distribution-heading">
            <h2 id="distribution-heading" className={styles.subtitle}>
              {t("reports.scores")}
            </h2>
            <ScoreDistributionChart distribution={round.distribution} total={round.total} round={round.round} />
          </section>
          <Statements round={round} columns={report.deck.columns} />
          <Confusion round={round} columns={report.deck.columns} />
          <Participants rows={report.participantRows} rounds={rounds} anonymize={anonymize} selected={selected} />
          {report.changedMind ? <ChangedMind changed={report.changedMind} columns={report.deck.columns} /> : null}
        </>
      )}

      <section className={`${styles.card} ${styles.noPrint}`} aria-labelledby="delete-heading">
        <h2 id="delete-heading" className={styles.subtitle}>
          {t("reports.delete.heading")}
        </h2>
        <DeleteSession id={id} title={session.title} canDelete={session.phase === "closed" || session.phase === "draft"} />
      </section>
    </div>
  );
}

function Summary({ report, round }: { report: SessionReport; round: RoundReport }) {
  const { t, locale } = useT();
  const f = reportFormat(locale);
  const items: [string, ReactNode][] = [
    [t("reports.table.participants"), f.count(round.participants)],
    [t("reports.summary.submitted"), <>{f.count(round.submitted)} <small>({f.percent(round.completion)})</small></>],
    [t("reports.summary.cardsPlaced"), f.percent(round.placementRate)],
    [t("reports.table.meanScore"), <>{f.number(round.meanScore)} <small>/ {round.total}</small></>],
    [t("reports.summary.medianScore"), <>{f.number(round.medianScore)} <small>/ {round.total}</small></>],
  ];
  if (round.closedAtReveal > 0) items.push([t("reports.summary.closedAtReveal"), f.count(round.closedAtReveal)]);
  if (report.removed > 0) items.push([t("reports.summary.removed"), f.count(report.removed)]);
  const c = round.confidence;
  return (
    <section className={styles.card} aria-labelledby="summary-heading">
      <h2 id="summary-heading" className={styles.subtitle}>
        {t(round.status === "provisional" ? "reports.summary.provisional" : "reports.summary.final", { round: round.round })}
      </h2>
      <dl className={styles.figures}>
        {items.map(([label, value]) => (
          <div key={label} className={styles.figure}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {c.collected ? (
        <p className={styles.muted} style={{ marginTop: "0.75rem" }}>
          {t("reports.summary.confidence", { sureRight: f.count(c.sureRight), sureWrong: f.count(c.sureWrong), unsureRight: f.count(c.unsureRight), unsureWrong: f.count(c.unsureWrong) })}
        </p>
      ) : null}
    </section>
  );
}

/** The label of a deck column by id (the id itself for an unknown one). */
const columnLabel = (columns: readonly DeckColumn[], id: string) => columns.find((c) => c.id === id)?.label ?? id;

function Statements({ round, columns }: { round: RoundReport; columns: DeckColumn[] }) {
  const { t, locale } = useT();
  const f = reportFormat(locale);
  return (
    <section className={`${styles.card} ${styles.cardLong}`} aria-labelledby="statements-heading">
      <h2 id="statements-heading" className={styles.subtitle}>
        {t("reports.statements.heading")}
      </h2>
      <StatementStackChart statements={round.statements} columns={columns} participants={round.participants} round={round.round} />
      <ScrollBox label={t("reports.statements.caption", { round: round.round })} style={{ marginTop: "1rem" }}>
        <table className={styles.table}>
          <caption>{t("reports.statements.caption", { round: round.round })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("reports.table.number")}</th>
              <th scope="col">{t("reports.table.statement")}</th>
              <th scope="col">{t("reports.table.answer")}</th>
              {columns.map((c) => (
                <th key={c.id} scope="col" className={styles.num}>
                  {c.label}
                </th>
              ))}
              <th scope="col" className={styles.num}>
                {t("reports.table.notPlaced")}
              </th>
              <th scope="col" className={styles.num}>
                {t("reports.statements.accuracy")}
              </th>
              <th scope="col" className={styles.num}>
                {t("reports.statements.split")}
              </th>
              <th scope="col">{t("reports.statements.mostlyWrong")}</th>
              <th scope="col" className={styles.num}>
                {t("reports.statements.sureButWrong")}
              </th>
            </tr>
          </thead>
          <tbody>
            {round.statements.map((s) => (
              <tr key={s.id}>
                <td className={styles.num}>{s.position}</td>
                <td className={styles.statementText}>{s.text}</td>
                <td>{columnLabel(columns, s.canonical)}</td>
                {columns.map((c) => (
                  <td key={c.id} className={`${styles.num} ${c.id === s.canonical ? styles.diag : ""}`}>
                    {f.count(s.counts[c.id] ?? 0)} ({f.percent(s.shares[c.id])})
                    {c.id === s.canonical ? <span className={styles.srOnly}>{t("reports.statements.correctSr")}</span> : null}
                  </td>
                ))}
                <td className={styles.num}>{f.count(s.notPlaced)}</td>
                <td className={styles.num}>{f.percent(s.accuracy)}</td>
                <td className={styles.num}>{f.fixed(s.splitIndex, 2)}</td>
                <td>{s.majorityWrong ? <span className={styles.flag}>{t("reports.statements.yes")}</span> : t("reports.statements.no")}</td>
                <td className={styles.num}>{f.count(s.sureButWrong)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <p className={styles.muted} style={{ marginTop: "0.5rem", fontSize: "0.9rem" }}>
        {t("reports.statements.note")}
      </p>
    </section>
  );
}

function Confusion({ round, columns }: { round: RoundReport; columns: DeckColumn[] }) {
  const { t, locale } = useT();
  const f = reportFormat(locale);
  const m = round.confusion;
  return (
    <section className={styles.card} aria-labelledby="confusion-heading">
      <h2 id="confusion-heading" className={styles.subtitle}>
        {t("reports.confusion.heading")}
      </h2>
      <ScrollBox label={t("reports.confusion.caption", { round: round.round })}>
        <table className={styles.table}>
          <caption>{t("reports.confusion.caption", { round: round.round })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("reports.table.correctColumn")}</th>
              {m.placed.map((id) => (
                <th key={id} scope="col" className={styles.num}>
                  {t("reports.confusion.placedIn", { column: columnLabel(columns, id) })}
                </th>
              ))}
              <th scope="col" className={styles.num}>
                {t("reports.table.notPlaced")}
              </th>
              <th scope="col" className={styles.num}>
                {t("reports.confusion.total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {m.canonical.map((id, i) => {
              const row = m.cells[i] ?? [];
              const total = m.rowTotals[i] ?? 0;
              return (
                <tr key={id}>
                  <th scope="row">{columnLabel(columns, id)}</th>
                  {row.map((count, j) => (
                    <td key={j} className={`${styles.num} ${j === i ? styles.diag : ""}`}>
                      {f.count(count)} <small>({f.percent(total > 0 ? count / total : null)})</small>
                      {j === i ? <span className={styles.srOnly}>{t("reports.confusion.correctSr")}</span> : null}
                    </td>
                  ))}
                  <td className={styles.num}>{f.count(total)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}

function Participants({ rows, rounds, anonymize, selected }: { rows: ParticipantRow[]; rounds: RoundReport[]; anonymize: boolean; selected: number }) {
  const { t, tp, locale } = useT();
  const f = reportFormat(locale);
  const [showAll, setShowAll] = useState(false);
  const headingId = useId();
  const hasCohorts = rows.some((r) => r.cohort !== null);
  const visible = showAll ? rows : rows.slice(0, PARTICIPANT_PAGE);
  const round = rounds[selected];
  const several = rounds.length > 1;
  const caption =
    tp("reports.participants.count", rows.length, { count: f.count(rows.length) }) +
    (anonymize ? t("reports.participants.anonymized") : "") +
    (round?.status === "provisional" ? t("reports.participants.provisional", { round: round.round }) : "");
  return (
    <section className={`${styles.card} ${styles.cardLong}`} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.subtitle}>
        {t("reports.table.participants")}
      </h2>
      <ScrollBox label={caption}>
        <table className={styles.table}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("reports.participants.participant")}</th>
              {hasCohorts ? <th scope="col">{t("reports.participants.cohort")}</th> : null}
              {rounds.map((r) => (
                <th key={`s${r.round}`} scope="col" className={styles.num}>
                  {several ? t("reports.participants.scoreOfRound", { round: r.round }) : t("reports.participants.score")}
                </th>
              ))}
              {rounds.map((r) => (
                <th key={`t${r.round}`} scope="col" className={styles.num}>
                  {several ? t("reports.participants.timeOfRound", { round: r.round }) : t("reports.participants.time")}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {visible.map((p) => (
              <tr key={p.anonymousId}>
                <th scope="row">{anonymize || p.nickname === null ? p.anonymousId : p.nickname}</th>
                {hasCohorts ? <td>{p.cohort ?? "—"}</td> : null}
                {p.rounds.map((r, i) => (
                  <td key={`s${i}`} className={styles.num}>
                    {r ? `${r.score} / ${r.total}` : "—"}
                  </td>
                ))}
                {p.rounds.map((r, i) => (
                  <td key={`t${i}`} className={styles.num}>
                    {r === null
                      ? "—"
                      : r.byParticipant
                        ? formatDuration(r.timeToSubmitMs)
                        : r.provisional
                          ? t("reports.participants.notYet")
                          : t("reports.participants.closedAtReveal")}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {rows.length > PARTICIPANT_PAGE ? (
        <p className={`${styles.actions} ${styles.noPrint}`} style={{ marginTop: "0.75rem" }}>
          <button type="button" className={styles.secondaryButton} onClick={() => setShowAll((v) => !v)}>
            {showAll ? t("reports.participants.showFirst", { count: PARTICIPANT_PAGE }) : t("reports.participants.showAll", { count: f.count(rows.length) })}
          </button>
        </p>
      ) : null}
      <p className={styles.muted} style={{ marginTop: "0.5rem", fontSize: "0.9rem" }}>
        {t("reports.participants.note")}
      </p>
    </section>
  );
}

function ChangedMind({ changed, columns }: { changed: ChangedMindReport; columns: DeckColumn[] }) {
  const { t, locale } = useT();
  const f = reportFormat(locale);
  const labelOf = (id: string | null) => (id === null ? t("reports.changed.notPlaced") : columnLabel(columns, id));
  return (
    <section className={`${styles.card} ${styles.cardLong}`} aria-labelledby="changed-heading">
      <h2 id="changed-heading" className={styles.subtitle}>
        {t("reports.changed.heading", { from: changed.fromRound, to: changed.toRound })}
      </h2>
      <p>
        {t("reports.changed.lead", {
          compared: f.count(changed.compared),
          participants: f.count(changed.participantsChanged),
          moves: f.count(changed.changed),
          toCorrect: f.count(changed.toCorrect),
          toWrong: f.count(changed.toWrong),
        })}
      </p>
      <ScrollBox label={t("reports.changed.caption")}>
        <table className={styles.table}>
          <caption>{t("reports.changed.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("reports.table.number")}</th>
              <th scope="col">{t("reports.table.statement")}</th>
              <th scope="col">{t("reports.table.correctColumn")}</th>
              <th scope="col" className={styles.num}>
                {t("reports.changed.changedColumn")}
              </th>
              <th scope="col" className={styles.num}>
                {t("reports.changed.wrongToRight")}
              </th>
              <th scope="col" className={styles.num}>
                {t("reports.changed.rightToWrong")}
              </th>
              <th scope="col">{t("reports.changed.moves")}</th>
            </tr>
          </thead>
          <tbody>
            {changed.statements.map((s) => (
              <tr key={s.id}>
                <td className={styles.num}>{s.position}</td>
                <td className={styles.statementText}>{s.text}</td>
                <td>{labelOf(s.canonical)}</td>
                <td className={styles.num}>{f.count(s.changed)}</td>
                <td className={styles.num}>{f.count(s.toCorrect)}</td>
                <td className={styles.num}>{f.count(s.toWrong)}</td>
                <td>{s.transitions.length === 0 ? "—" : s.transitions.map((tr) => `${labelOf(tr.from)} → ${labelOf(tr.to)}: ${f.count(tr.count)}`).join("; ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}
