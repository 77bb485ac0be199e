"use client";

import Link from "next/link";
import { useEffect, useId, useState, type ReactNode } from "react";
import type { DeckColumn } from "@/lib/decks/types";
import type { ChangedMindReport, ParticipantRow, RoundReport, SessionReport } from "@/lib/domain/report";
import { ChartPatterns, ScoreDistributionChart, StatementStackChart } from "../_shared/charts";
import { formatDateTime, formatDuration, formatNumber, formatPercent, PHASE_LABELS } from "../_shared/format";
import styles from "../_shared/reports.module.css";
import { DeleteSession } from "./delete-session";

/** Polling interval while the session is live; slower for very large rooms (bigger payloads). */
const pollMs = (participants: number) => (participants > 500 ? 15_000 : 5_000);
const PARTICIPANT_PAGE = 100;

export function ReportView({ initial, initialAnonymize, deckId }: { initial: SessionReport; initialAnonymize: boolean; deckId: string | null }) {
  const [report, setReport] = useState(initial);
  const [anonymize, setAnonymize] = useState(initialAnonymize);
  const [roundIndex, setRoundIndex] = useState<number | null>(null);
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);
  const [pollError, setPollError] = useState<string | null>(null);
  const [gone, setGone] = useState(false);
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
          setPollError(null);
        } catch {
          if (!stopped) setPollError("Could not refresh the figures; retrying.");
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
        <p className={styles.muted}>Session report</p>
        <h1 className={styles.title}>{session.title}</h1>
        <p className={styles.meta}>
          <span>Deck: {report.deck.title}</span>
          <span>Started {formatDateTime(session.createdAt)}</span>
          {session.closedAt ? <span>Ended {formatDateTime(session.closedAt)}</span> : null}
          <span>{PHASE_LABELS[session.phase]}</span>
          {live ? <span className={styles.badgeLive}>Live: figures update every few seconds</span> : <span className={styles.badgeFinal}>Final</span>}
        </p>
        {gone ? (
          <p className={styles.error} role="alert">
            This session no longer exists.
          </p>
        ) : null}
        {pollError ? (
          <p className={`${styles.muted} ${styles.noPrint}`} role="status">
            {pollError}
          </p>
        ) : updatedAt ? (
          <p className={`${styles.srOnly}`} role="status">
            Figures updated.
          </p>
        ) : null}
        <div className={styles.actions} style={{ marginTop: "1rem" }}>
          <a className={styles.secondaryButton} href={`/api/sessions/${id}/export?format=csv${exportQuery}`} download>
            Export CSV
          </a>
          <a className={styles.secondaryButton} href={`/api/sessions/${id}/export?format=json${exportQuery}`} download>
            Export JSON
          </a>
          <a className={styles.secondaryButton} href={`/api/sessions/${id}/export?kind=summary&format=csv`} download>
            Summary CSV
          </a>
          <button type="button" className={styles.secondaryButton} onClick={() => window.print()}>
            Print / PDF
          </button>
          {deckId ? (
            <Link className={styles.secondaryButton} href={`/reports/compare?deck=${encodeURIComponent(deckId)}`}>
              Compare sessions of this deck
            </Link>
          ) : null}
          <label className={styles.toggle}>
            <input type="checkbox" checked={anonymize} onChange={(e) => setAnonymize(e.target.checked)} />
            Anonymize participants
          </label>
        </div>
      </header>

      {rounds.length > 1 ? (
        <div className={`${styles.card} ${styles.noPrint}`}>
          <fieldset className={styles.rounds}>
            <legend>Show round</legend>
            {rounds.map((r, i) => (
              <label key={r.round} className={styles.toggle}>
                <input type="radio" name="round" checked={i === selected} onChange={() => setRoundIndex(i)} />
                Round {r.round} {r.status === "provisional" ? "(not revealed yet)" : ""}
              </label>
            ))}
          </fieldset>
          <p className={styles.muted} style={{ fontSize: "0.9rem" }}>
            Printing shows the round selected here.
          </p>
        </div>
      ) : null}

      {round === null ? (
        <section className={styles.card}>
          <h2 className={styles.subtitle}>No results yet</h2>
          <p className={styles.muted}>
            Sorting has not started. {report.participants} {report.participants === 1 ? "participant has" : "participants have"} joined so far.
          </p>
        </section>
      ) : (
        <>
          <Summary report={report} round={round} />
          <section className={styles.card} aria-labelledby="distribution-heading">
            <h2 id="distribution-heading" className={styles.subtitle}>
              Scores
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
          Delete this session
        </h2>
        <DeleteSession id={id} title={session.title} canDelete={session.phase === "closed" || session.phase === "draft"} />
      </section>
    </div>
  );
}

function Summary({ report, round }: { report: SessionReport; round: RoundReport }) {
  const items: [string, ReactNode][] = [
    ["Participants", round.participants],
    ["Submitted", <>{round.submitted} <small>({formatPercent(round.completion)})</small></>],
    ["Cards placed", formatPercent(round.placementRate)],
    ["Mean score", <>{formatNumber(round.meanScore)} <small>/ {round.total}</small></>],
    ["Median score", <>{formatNumber(round.medianScore)} <small>/ {round.total}</small></>],
  ];
  if (round.closedAtReveal > 0) items.push(["Closed at reveal", round.closedAtReveal]);
  if (report.removed > 0) items.push(["Removed (not counted)", report.removed]);
  return (
    <section className={styles.card} aria-labelledby="summary-heading">
      <h2 id="summary-heading" className={styles.subtitle}>
        Round {round.round} {round.status === "provisional" ? "— provisional (scored from current placements; unplaced cards count as wrong)" : "— scored at reveal"}
      </h2>
      <dl className={styles.figures}>
        {items.map(([label, value]) => (
          <div key={label} className={styles.figure}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {round.confidence.collected ? (
        <p className={styles.muted} style={{ marginTop: "0.75rem" }}>
          Confidence: {round.confidence.sureRight} sure and right, {round.confidence.sureWrong} sure but wrong, {round.confidence.unsureRight} unsure but right,{" "}
          {round.confidence.unsureWrong} unsure and wrong.
        </p>
      ) : null}
    </section>
  );
}

function Statements({ round, columns }: { round: RoundReport; columns: DeckColumn[] }) {
  const label = (id: string) => columns.find((c) => c.id === id)?.label ?? id;
  return (
    <section className={`${styles.card} ${styles.cardLong}`} aria-labelledby="statements-heading">
      <h2 id="statements-heading" className={styles.subtitle}>
        Statements
      </h2>
      <StatementStackChart statements={round.statements} columns={columns} participants={round.participants} round={round.round} />
      <div className={styles.tableWrap} style={{ marginTop: "1rem" }}>
        <table className={styles.table}>
          <caption>Per statement, round {round.round}: count (share of participants) per column</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Statement</th>
              <th scope="col">Answer</th>
              {columns.map((c) => (
                <th key={c.id} scope="col" className={styles.num}>
                  {c.label}
                </th>
              ))}
              <th scope="col" className={styles.num}>
                Not placed
              </th>
              <th scope="col" className={styles.num}>
                Accuracy
              </th>
              <th scope="col" className={styles.num}>
                Split
              </th>
              <th scope="col">Mostly wrong</th>
              <th scope="col" className={styles.num}>
                Sure but wrong
              </th>
            </tr>
          </thead>
          <tbody>
            {round.statements.map((s) => (
              <tr key={s.id}>
                <td className={styles.num}>{s.position}</td>
                <td className={styles.statementText}>{s.text}</td>
                <td>{label(s.canonical)}</td>
                {columns.map((c) => (
                  <td key={c.id} className={`${styles.num} ${c.id === s.canonical ? styles.diag : ""}`}>
                    {s.counts[c.id] ?? 0} ({formatPercent(s.shares[c.id])})
                    {c.id === s.canonical ? <span className={styles.srOnly}> (correct column)</span> : null}
                  </td>
                ))}
                <td className={styles.num}>{s.notPlaced}</td>
                <td className={styles.num}>{formatPercent(s.accuracy)}</td>
                <td className={styles.num}>{s.splitIndex.toFixed(2)}</td>
                <td>{s.majorityWrong ? <span className={styles.flag}>⚠ Yes</span> : "No"}</td>
                <td className={styles.num}>{s.sureButWrong}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={styles.muted} style={{ marginTop: "0.5rem", fontSize: "0.9rem" }}>
        Accuracy is the share of those who placed the card who chose the correct column. Split is the split index: 0 when everyone agreed, 1 when the room was evenly split
        across the columns. Mostly wrong: more than half of those who placed it chose a wrong column (majority wrong). Sure but wrong: placed with confidence “sure” in a wrong
        column.
      </p>
    </section>
  );
}

function Confusion({ round, columns }: { round: RoundReport; columns: DeckColumn[] }) {
  const m = round.confusion;
  const labelOf = (id: string) => columns.find((c) => c.id === id)?.label ?? id;
  return (
    <section className={styles.card} aria-labelledby="confusion-heading">
      <h2 id="confusion-heading" className={styles.subtitle}>
        Confusion matrix
      </h2>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <caption>
            Round {round.round}: cards by their correct column (rows) and where participants placed them (columns). The diagonal is correct.
          </caption>
          <thead>
            <tr>
              <th scope="col">Correct column</th>
              {m.placed.map((id) => (
                <th key={id} scope="col" className={styles.num}>
                  Placed in {labelOf(id)}
                </th>
              ))}
              <th scope="col" className={styles.num}>
                Not placed
              </th>
              <th scope="col" className={styles.num}>
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {m.canonical.map((id, i) => {
              const row = m.cells[i] ?? [];
              const total = m.rowTotals[i] ?? 0;
              return (
                <tr key={id}>
                  <th scope="row">{labelOf(id)}</th>
                  {row.map((count, j) => (
                    <td key={j} className={`${styles.num} ${j === i ? styles.diag : ""}`}>
                      {count} <small>({formatPercent(total > 0 ? count / total : null)})</small>
                      {j === i ? <span className={styles.srOnly}> (correct)</span> : null}
                    </td>
                  ))}
                  <td className={styles.num}>{total}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Participants({ rows, rounds, anonymize, selected }: { rows: ParticipantRow[]; rounds: RoundReport[]; anonymize: boolean; selected: number }) {
  const [showAll, setShowAll] = useState(false);
  const headingId = useId();
  const hasCohorts = rows.some((r) => r.cohort !== null);
  const visible = showAll ? rows : rows.slice(0, PARTICIPANT_PAGE);
  const round = rounds[selected];
  return (
    <section className={`${styles.card} ${styles.cardLong}`} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.subtitle}>
        Participants
      </h2>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <caption>
            {rows.length} participants{anonymize ? ", anonymized (ids by join order)" : ""}
            {round?.status === "provisional" ? `; round ${round.round} scores are provisional` : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col">Participant</th>
              {hasCohorts ? <th scope="col">Cohort</th> : null}
              {rounds.map((r) => (
                <th key={`s${r.round}`} scope="col" className={styles.num}>
                  Score{rounds.length > 1 ? ` (round ${r.round})` : ""}
                </th>
              ))}
              {rounds.map((r) => (
                <th key={`t${r.round}`} scope="col" className={styles.num}>
                  Time to submit{rounds.length > 1 ? ` (round ${r.round})` : ""}
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
                    {r === null ? "—" : r.byParticipant ? formatDuration(r.timeToSubmitMs) : r.provisional ? "not yet" : "closed at reveal"}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > PARTICIPANT_PAGE ? (
        <p className={`${styles.actions} ${styles.noPrint}`} style={{ marginTop: "0.75rem" }}>
          <button type="button" className={styles.secondaryButton} onClick={() => setShowAll((v) => !v)}>
            {showAll ? `Show the first ${PARTICIPANT_PAGE}` : `Show all ${rows.length}`}
          </button>
        </p>
      ) : null}
      <p className={styles.muted} style={{ marginTop: "0.5rem", fontSize: "0.9rem" }}>
        Time to submit is measured from the start of the round&apos;s sorting to the participant&apos;s own submit.
      </p>
    </section>
  );
}

function ChangedMind({ changed, columns }: { changed: ChangedMindReport; columns: DeckColumn[] }) {
  const labelOf = (id: string | null) => (id === null ? "not placed" : (columns.find((c) => c.id === id)?.label ?? id));
  return (
    <section className={`${styles.card} ${styles.cardLong}`} aria-labelledby="changed-heading">
      <h2 id="changed-heading" className={styles.subtitle}>
        Changed minds: round {changed.fromRound} → round {changed.toRound}
      </h2>
      <p>
        Of {changed.compared} participants in both rounds, {changed.participantsChanged} moved at least one card to another column ({changed.changed} moves in all).{" "}
        {changed.toCorrect} cards went from wrong (or unplaced) to right, {changed.toWrong} from right to wrong (or unplaced).
      </p>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <caption>Per statement: who changed column between the rounds, and in which direction</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Statement</th>
              <th scope="col">Correct column</th>
              <th scope="col" className={styles.num}>
                Changed column
              </th>
              <th scope="col" className={styles.num}>
                Wrong → right
              </th>
              <th scope="col" className={styles.num}>
                Right → wrong
              </th>
              <th scope="col">Moves (from → to: count)</th>
            </tr>
          </thead>
          <tbody>
            {changed.statements.map((s) => (
              <tr key={s.id}>
                <td className={styles.num}>{s.position}</td>
                <td className={styles.statementText}>{s.text}</td>
                <td>{labelOf(s.canonical)}</td>
                <td className={styles.num}>{s.changed}</td>
                <td className={styles.num}>{s.toCorrect}</td>
                <td className={styles.num}>{s.toWrong}</td>
                <td>{s.transitions.length === 0 ? "—" : s.transitions.map((t) => `${labelOf(t.from)} → ${labelOf(t.to)}: ${t.count}`).join("; ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
