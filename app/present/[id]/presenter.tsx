"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { formatDuration, percent, toneOf, useCountdown } from "@/lib/client/staff-view";
import type { DeckColumn } from "@/lib/decks/types";
import { formatJoinCode } from "@/lib/domain/joinCode";
import { useT } from "@/lib/i18n/client";
import { rich } from "@/lib/i18n/rich";
import type { RevealView } from "@/lib/protocol/views";
import { RoomSplit, Ring } from "./bars";
import styles from "./present.module.css";
import { usePresenter, type PresenterState } from "./use-presenter";

/** Nicknames drawn in the lobby at most (newest first); those that do not fit are counted. */
const LOBBY_NAMES_SHOWN = 80;
/** Statements per page of the reveal overview, and how long a page stays up. */
const OVERVIEW_PAGE_SIZE = 6;
const OVERVIEW_PAGE_MS = 12_000;

function Legend({ columns }: { columns: DeckColumn[] }) {
  const { t } = useT();
  return (
    <ul className={styles.legend} aria-label={t("present.columns")}>
      {columns.map((c, i) => (
        <li key={c.id} className={styles.legendItem}>
          <span className={styles.swatch} data-tone={toneOf(i)} aria-hidden="true" />
          {c.label}
        </li>
      ))}
    </ul>
  );
}

function Lobby({ state, joinHost, qrSrc }: { state: PresenterState; joinHost: string; qrSrc: string }) {
  const { t, tp } = useT();
  const session = state.session!;
  const shown = state.nicknames.slice(-LOBBY_NAMES_SHOWN).reverse();
  const listRef = useRef<HTMLUListElement>(null);
  const [fits, setFits] = useState(shown.length);
  // Only whole rows of names are drawn; the rest become "+N more". Measured after layout.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const measure = () => {
      const limit = list.clientHeight;
      let n = 0;
      for (const child of Array.from(list.children)) {
        const li = child as HTMLElement;
        if (li.offsetTop + li.offsetHeight > limit + 1) break;
        n++;
      }
      setFits(n);
    };
    const frame = requestAnimationFrame(measure);
    const observer = new ResizeObserver(measure);
    observer.observe(list);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [state.nicknames]);
  const drawn = Math.min(fits, shown.length);
  const more = Math.max(0, state.joined - drawn);
  return (
    <div className={styles.lobby}>
      <div className={styles.joinBlock}>
        <p className={styles.joinLead}>{t("present.joinOnPhone")}</p>
        <p className={styles.joinHost}>{joinHost}</p>
        <p className={styles.joinLead}>{t("present.andEnterCode")}</p>
        <p className={styles.hugeCode} aria-label={t("present.codeLabel", { code: session.code.split("").join(" ") })}>
          {formatJoinCode(session.code)}
        </p>
        {session.locked ? <p className={styles.lockedNote}>{t("present.locked")}</p> : null}
      </div>
      {/* A data: URL of an SVG made on the server; next/image adds nothing for it. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img className={styles.qr} src={qrSrc} alt={t("present.qrAlt", { url: `${joinHost}/${session.code}` })} />
      <section className={styles.arrivals} aria-label={t("present.whoJoined")}>
        <p className={styles.joinedCount} aria-live="polite">
          {rich(tp("present.joined", state.joined), { n: <strong>{state.joined}</strong> })}
        </p>
        <ul className={styles.names} ref={listRef}>
          {shown.map((n, i) => (
            <li key={n} className={styles.name} data-hidden={i >= drawn ? "true" : undefined} aria-hidden={i >= drawn ? true : undefined}>
              {n}
            </li>
          ))}
        </ul>
        {more > 0 ? <p className={styles.more}>{t("present.more", { count: more })}</p> : null}
      </section>
    </div>
  );
}

function Countdown({ state }: { state: PresenterState }) {
  const countdown = useCountdown(state.session?.timer ?? null, state.offset);
  const { t } = useT();
  if (countdown.leftMs === null) return null;
  const expired = countdown.leftMs === 0;
  return (
    <p className={styles.timer} data-state={expired ? "expired" : countdown.status}>
      <span className={styles.timerValue}>{formatDuration(countdown.leftMs)}</span>
      <span className={styles.timerNote}>{expired ? t("present.timeUp") : countdown.status === "paused" ? t("present.paused") : t("present.left")}</span>
    </p>
  );
}

function Sorting({ state, joinHost }: { state: PresenterState; joinHost: string }) {
  const { t } = useT();
  const session = state.session!;
  const p = state.progress;
  const joined = p?.joined ?? state.joined;
  const submitted = p?.submitted ?? 0;
  const placedPct = percent(p?.placed ?? 0, p?.capacity ?? 0);
  const splits = session.showLiveSplits && state.tally ? state.tally : null;
  return (
    <div className={styles.sorting} data-with-splits={splits ? "true" : undefined}>
      <div className={styles.progressBlock}>
        <Ring value={submitted} max={joined} label={t("present.doneLabel", { submitted, joined })} />
        <div className={styles.progressText} aria-live="polite">
          <p className={styles.doneLine}>
            {rich(t("present.doneLine"), { submitted: <strong>{submitted}</strong>, joined: <strong>{joined}</strong> })}
          </p>
          <p className={styles.placedLine}>{t("present.cardsPlaced", { pct: placedPct })}</p>
          <span className={styles.placedBar} aria-hidden="true">
            <span className={styles.placedFill} style={{ width: `${placedPct}%` }} />
          </span>
        </div>
      </div>
      {splits ? (
        <section className={styles.liveSplits} aria-label={t("present.liveSplits")}>
          <div className={styles.liveHead}>
            <h2 className={styles.liveTitle}>{t("present.liveSplits")}</h2>
            <Legend columns={session.columns} />
          </div>
          <ol className={styles.liveGrid} style={{ gridTemplateRows: `repeat(${Math.ceil(splits.counts.length / Math.min(5, Math.max(1, Math.ceil(splits.counts.length / 11))))}, minmax(0, 1fr))` }}>
            {splits.counts.map((counts, i) => (
              <li key={i} className={styles.liveItem}>
                <span className={styles.liveNumber}>{i + 1}</span>
                <RoomSplit columns={session.columns} counts={counts} size="small" />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <p className={styles.lateJoin}>
        {rich(t("present.stillJoining"), { host: <strong>{joinHost}</strong>, code: <strong className={styles.code}>{formatJoinCode(session.code)}</strong> })}
      </p>
    </div>
  );
}

function RevealOverview({ columns, reveal }: { columns: DeckColumn[]; reveal: RevealView }) {
  const { t: tr, tp } = useT();
  const pages = Math.max(1, Math.ceil(reveal.queue.length / OVERVIEW_PAGE_SIZE));
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (pages <= 1) return;
    const t = window.setInterval(() => setPage((p) => (p + 1) % pages), OVERVIEW_PAGE_MS);
    return () => window.clearInterval(t);
  }, [pages]);
  const current = Math.min(page, pages - 1);
  const statements = new Map(reveal.statements.map((s) => [s.id, s]));
  const analysis = new Map(reveal.analysis.map((a) => [a.statementId, a]));
  const ids = reveal.queue.slice(current * OVERVIEW_PAGE_SIZE, (current + 1) * OVERVIEW_PAGE_SIZE);
  const wrong = reveal.analysis.filter((a) => a.majorityWrong).length;
  return (
    <div className={styles.overview}>
      <div className={styles.overviewHead}>
        <h2 className={styles.screenTitle}>{tr("present.howRoomSorted")}</h2>
        <p className={styles.overviewSub}>
          {wrong > 0 ? tp("present.wrongFirst", wrong) : tr("present.allRight")}
          {pages > 1 ? tr("present.pageOf", { n: current + 1, pages }) : ""}
        </p>
      </div>
      <ol className={styles.overviewList} start={current * OVERVIEW_PAGE_SIZE + 1}>
        {ids.map((id) => {
          const s = statements.get(id);
          const a = analysis.get(id);
          if (!s || !a) return null;
          return (
            <li key={id} className={styles.overviewItem}>
              <p className={styles.overviewText}>
                {a.majorityWrong ? <span className={styles.wrongFlag}>{tr("present.mostWrongShort")}</span> : null}
                {s.text}
              </p>
              <RoomSplit columns={columns} counts={columns.map((c) => a.counts[c.id] ?? 0)} canonical={s.canonical} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function Discussion({ columns, reveal, index }: { columns: DeckColumn[]; reveal: RevealView; index: number }) {
  const { t, tp } = useT();
  const id = reveal.queue[index];
  const s = reveal.statements.find((x) => x.id === id);
  const a = reveal.analysis.find((x) => x.statementId === id);
  if (!s || !a) return null;
  const answer = columns.find((c) => c.id === s.canonical);
  const answerIndex = columns.findIndex((c) => c.id === s.canonical);
  return (
    <article className={styles.discussion} aria-live="polite">
      <p className={styles.discussionMeta}>
        <span>{t("present.statementOf", { n: index + 1, total: reveal.queue.length })}</span>
        {a.majorityWrong ? <span className={styles.wrongFlag}>{t("present.mostWrongLong")}</span> : null}
        <span>{tp("present.answers", a.placed)}</span>
      </p>
      <h2 className={styles.statement}>{s.text}</h2>
      <RoomSplit columns={columns} counts={columns.map((c) => a.counts[c.id] ?? 0)} canonical={s.canonical} size="large" />
      <p className={styles.answer}>
        <span className={styles.answerLabel}>{t("present.answer")}</span>
        <span className={styles.answerValue} data-tone={toneOf(Math.max(0, answerIndex))}>
          ✓ {answer?.label ?? s.canonical}
        </span>
      </p>
      <blockquote className={styles.quote}>
        <p>“{s.explanation}”</p>
      </blockquote>
    </article>
  );
}

function Screen({ state, joinHost, qrSrc }: { state: PresenterState; joinHost: string; qrSrc: string }) {
  const { t } = useT();
  const session = state.session!;
  switch (session.phase) {
    case "draft":
      return (
        <div className={styles.centerScreen}>
          <p className={styles.bigHeading}>{t("present.startingSoon")}</p>
          <p className={styles.muted}>{t("present.willOpen")}</p>
        </div>
      );
    case "lobby":
      return <Lobby state={state} joinHost={joinHost} qrSrc={qrSrc} />;
    case "sorting":
      return <Sorting state={state} joinHost={joinHost} />;
    case "revealed":
      if (!state.reveal) return <p className={styles.centerScreen}>{t("present.revealing")}</p>;
      return state.discussing ? (
        <Discussion columns={session.columns} reveal={state.reveal} index={Math.min(session.discussionIndex, state.reveal.queue.length - 1)} />
      ) : (
        <RevealOverview key={state.reveal.round} columns={session.columns} reveal={state.reveal} />
      );
    case "closed":
      return (
        <div className={styles.centerScreen}>
          <p className={styles.thanks}>{t("present.thanks")}</p>
          <p className={styles.muted}>{t("present.ended")}</p>
        </div>
      );
  }
}

export function Presenter({ workshopId, presenterKey, joinHost, qrSrc }: { workshopId: string; presenterKey: string; joinHost: string; qrSrc: string }) {
  const state = usePresenter(workshopId, presenterKey);
  const { t, errorText } = useT();
  const failure = state.failure ? errorText(state.failure.code, state.failure.message) : null;
  const session = state.session;

  if (!session) {
    return (
      <main className={styles.stage}>
        <div className={styles.centerScreen} role="status">
          {state.connection === "failed" ? (
            <>
              <h1 className={styles.bigHeading}>{t("present.cannotShow")}</h1>
              <p className={styles.muted}>{failure}</p>
            </>
          ) : (
            <p className={styles.muted}>{t("present.connecting")}</p>
          )}
        </div>
      </main>
    );
  }

  const showTimer = session.phase === "sorting";
  return (
    <main className={styles.stage} data-phase={session.phase}>
      <header className={styles.topBar}>
        <h1 className={styles.sessionTitle}>{session.title}</h1>
        {session.maxRounds > 1 && session.phase !== "closed" ? (
          <span className={styles.round}>
            {t("present.round", { round: session.round, max: session.maxRounds })}
          </span>
        ) : null}
        {showTimer ? <Countdown state={state} /> : null}
      </header>
      <div className={styles.body}>
        <Screen state={state} joinHost={joinHost} qrSrc={qrSrc} />
      </div>
      {state.connection !== "live" ? (
        <p className={styles.offline} role="status">
          {state.connection === "failed" ? (failure ?? t("present.disconnected")) : t("present.reconnecting")}
        </p>
      ) : null}
    </main>
  );
}
