"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { formatJoinCode } from "@/lib/domain/joinCode";
import { percent, useOrigin } from "@/lib/client/staff-view";
import { useT } from "@/lib/i18n/client";
import type { ClientEventName, ClientInput } from "@/lib/protocol/registry";
import styles from "./console.module.css";
import { DiscussionQueue } from "./discussion-queue";
import { LiveSplits } from "./live-splits";
import { NextStep } from "./next-step";
import { lastPageOffset, ROSTER_PAGE_SIZE, RosterPager, RosterSearch } from "./roster-controls";
import { RemovedList, RosterTable } from "./roster-table";
import { CopyButton, Switch } from "./small-controls";
import { useConsole, type ConsoleState } from "./use-console";

/** Runs a facilitator command; resolves true when the server accepted it. */
export type Act = <E extends ClientEventName>(event: E, payload: ClientInput<E>) => Promise<boolean>;


function Failure({ state }: { state: ConsoleState }) {
  const f = state.failure;
  const { t, errorText } = useT();
  return (
    <main className={styles.page}>
      <div className={styles.centered}>
        <h1 className={styles.cardTitle}>{t("console.cannotOpen")}</h1>
        <p role="alert">{f ? errorText(f.code, f.message) : t("console.connectionFailed")}</p>
        <p className={styles.actionRow}>
          {f?.code === "UNAUTHENTICATED" ? (
            <a className={styles.primaryButton} href={`/signin?callbackUrl=${encodeURIComponent(window.location.pathname)}`}>
              {t("console.signInAgain")}
            </a>
          ) : (
            <button type="button" className={styles.primaryButton} onClick={() => window.location.reload()}>
              {t("console.reload")}
            </button>
          )}
          <Link className={styles.secondaryButton} href="/dashboard">
            {t("console.dashboard")}
          </Link>
        </p>
      </div>
    </main>
  );
}

export function Console({ workshopId, initialOrigin }: { workshopId: string; initialOrigin: string }) {
  const { state, run } = useConsole(workshopId);
  const origin = useOrigin(initialOrigin);
  const { t, tp, errorText } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [discussRound, setDiscussRound] = useState<number | null>(null);

  const act = useCallback<Act>(
    async (event, payload) => {
      setBusy(true);
      setError(null);
      const reply = await run(event, payload);
      setBusy(false);
      if (!reply.ok) setError(errorText(reply.code, reply.message));
      return reply.ok;
    },
    [errorText, run],
  );

  /** Asks for another page of the roster; the connection shows the page its ack brings. */
  const showRoster = useCallback(
    (offset: number, search: string) => {
      void run("roster:window", { offset, limit: ROSTER_PAGE_SIZE, search }).then((reply) => {
        if (!reply.ok) setError(errorText(reply.code, reply.message));
      });
    },
    [errorText, run],
  );
  const page = state.roster;
  // Removals emptied the last page: step back to the page that is now the last.
  useEffect(() => {
    if (page && page.rows.length === 0 && page.offset > 0) showRoster(lastPageOffset(page), page.search);
  }, [page, showRoster]);

  const { meta, phase, progress } = state;
  if (!meta || !phase) {
    if (state.connection === "failed") return <Failure state={state} />;
    return (
      <main className={styles.page}>
        <p className={styles.centered} role="status">
          {state.failure && !state.failure.fatal ? errorText(state.failure.code, state.failure.message) : t("console.connecting")}
        </p>
      </main>
    );
  }

  const counts = page?.counts ?? null;
  const total = meta.statements.length;
  const joinUrl = `${origin}/join/${meta.code}`;
  const presenterUrl = `${origin}/present/${meta.id}?key=${encodeURIComponent(meta.presenterKey)}`;
  const closed = phase.phase === "closed";
  const revealedView = state.reveal && (phase.phase === "revealed" || closed) ? state.reveal : null;
  const discussing = phase.phase === "revealed" && (discussRound === phase.round || phase.discussionIndex > 0);

  const discuss = (index: number) => {
    void act("discussion:goto", { index }).then((ok) => {
      if (ok) setDiscussRound(phase.round);
    });
  };
  const removal = (event: "participant:kick" | "participant:ban" | "participant:unban") => (entry: { id: string }) => {
    // The row or list item (and the focused button in it) goes away: keep keyboard users in the card.
    document.getElementById("people-title")?.focus();
    void act(event, { participantId: entry.id });
  };
  const removed = state.kicked;

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <div className={styles.headerMain}>
          <Link href="/dashboard" className={styles.backLink}>
            {t("console.backToDashboard")}
          </Link>
          <h1 className={styles.title}>{meta.title}</h1>
          <p className={styles.headerMeta}>
            <span className={styles.phasePill} data-phase={phase.phase}>
              {t(`console.phase.${phase.phase}`)}
            </span>
            {phase.maxRounds > 1 ? (
              <span>{t("console.round", { round: phase.round, max: phase.maxRounds })}</span>
            ) : null}
            <span>{tp("console.statements", total)}</span>
          </p>
        </div>
        <p className={styles.connection} data-state={state.connection} role="status">
          <span className={styles.dot} aria-hidden="true" />
          {state.connection === "live" ? t("console.live") : state.connection === "failed" ? t("console.disconnected") : t("console.reconnecting")}
        </p>
      </header>

      {state.connection !== "live" ? (
        <p className={styles.banner} role="status">
          {state.failure ? errorText(state.failure.code, state.failure.message) : t("console.connectionLost")}
          {t("console.keepsRunning")}
        </p>
      ) : null}

      <div className={styles.grid}>
        <div className={styles.mainCol}>
          <NextStep
            phase={phase}
            offset={state.offset}
            progress={progress}
            reveal={state.reveal}
            discussing={discussing}
            onDiscuss={discuss}
            act={act}
            busy={busy || state.connection !== "live"}
            error={error}
          />

          <section className={styles.card} aria-labelledby="stats-title" data-area="stats">
            <h2 id="stats-title" className={styles.visuallyHidden}>
              {t("console.liveCounts")}
            </h2>
            {/* Announce only joins and submissions: the other counts change many times a second. */}
            <p className={styles.visuallyHidden} role="status" aria-live="polite" aria-atomic="true">
              {t("console.countsAnnouncement", { joined: progress?.joined ?? 0, submitted: progress?.submitted ?? 0 })}
            </p>
            <dl className={styles.stats}>
              <div className={styles.stat}>
                <dt>{t("console.joined")}</dt>
                <dd>{progress?.joined ?? 0}</dd>
              </div>
              <div className={styles.stat}>
                <dt>{t("console.placing")}</dt>
                <dd>{counts?.placing ?? 0}</dd>
              </div>
              <div className={styles.stat}>
                <dt>{t("console.submitted")}</dt>
                <dd>{progress?.submitted ?? 0}</dd>
              </div>
              {/* After reveal, those who never submitted were scored on what they had placed: the
                  same split as the report's "Submitted" and "Closed at reveal". */}
              {progress?.closedAtReveal ? (
                <div className={styles.stat}>
                  <dt>{t("console.closedAtReveal")}</dt>
                  <dd>{progress.closedAtReveal}</dd>
                </div>
              ) : null}
              <div className={styles.stat}>
                <dt>{t("console.online")}</dt>
                <dd>{progress?.connected ?? 0}</dd>
              </div>
              <div className={styles.stat}>
                <dt>{t("console.cardsPlaced")}</dt>
                <dd>{percent(progress?.placed ?? 0, progress?.capacity ?? 0)}%</dd>
              </div>
            </dl>
          </section>

          <section className={styles.card} aria-labelledby="splits-title" data-area="splits">
            <div className={styles.cardHead}>
              <h2 id="splits-title" className={styles.cardTitle}>
                {revealedView ? (closed ? t("console.results") : t("console.discussion")) : t("console.liveSplits")}
              </h2>
              {!revealedView ? <span className={styles.onlyYou}>{t("console.onlyYou")}</span> : null}
            </div>
            {revealedView ? (
              <DiscussionQueue
                columns={meta.columns}
                reveal={revealedView}
                current={discussing ? phase.discussionIndex : null}
                onGoto={discuss}
                interactive={phase.phase === "revealed"}
                busy={busy}
              />
            ) : (
              <LiveSplits columns={meta.columns} statements={meta.statements} tally={state.tally} />
            )}
          </section>
        </div>

        <aside className={styles.sideCol} aria-label={t("console.sideLabel")}>
          <section className={styles.card} aria-labelledby="join-title" data-area="join">
            <h2 id="join-title" className={styles.cardTitle}>
              {t("console.join")}
            </h2>
            <p className={styles.joinCode} aria-label={t("console.joinCode", { code: meta.code.split("").join(" ") })}>
              {formatJoinCode(meta.code)}
            </p>
            <div className={styles.linkRow}>
              <span className={styles.linkLabel}>{t("console.joinLink")}</span>
              <code className={styles.url}>
                {origin}/join/
                <wbr />
                {meta.code}
              </code>
              <CopyButton text={joinUrl} label={t("console.copy")} what={t("console.joinLinkWhat")} />
            </div>
            <div className={styles.linkRow}>
              <span className={styles.linkLabel}>{t("console.projector")}</span>
              <a className={styles.projectorLink} href={presenterUrl} target="_blank" rel="noopener noreferrer">
                {t("console.openProjector")} <span aria-hidden="true">↗</span>
                <span className={styles.visuallyHidden}>{t("console.newTab")}</span>
              </a>
              <CopyButton text={presenterUrl} label={t("console.copy")} what={t("console.presenterLinkWhat")} />
            </div>
            <div className={styles.switches}>
              <Switch
                label={t("console.lockLobby")}
                hint={phase.locked ? t("console.lockedHint") : t("console.unlockedHint")}
                checked={phase.locked}
                disabled={busy || closed || state.connection !== "live"}
                onChange={(locked) => void act("session:lock", { locked })}
              />
              <Switch
                label={t("console.showSplits")}
                hint={t("console.showSplitsHint")}
                checked={phase.showLiveSplits}
                disabled={busy || closed || state.connection !== "live"}
                onChange={(show) => void act("presenter:showSplits", { show })}
              />
            </div>
          </section>

          <section className={styles.card} aria-labelledby="people-title" data-area="people">
            <div className={styles.cardHead}>
              <h2 id="people-title" className={styles.cardTitle} tabIndex={-1}>
                {t("console.participants")} <span className={styles.count}>({counts?.joined ?? 0})</span>
              </h2>
            </div>
            {page && (page.counts.joined > 0 || page.search !== "") ? <RosterSearch onSearch={(search) => showRoster(0, search)} /> : null}
            {page && page.total > 0 ? <RosterPager page={page} onMove={(offset) => showRoster(offset, page.search)} /> : null}
            {page ? (
              <RosterTable
                page={page}
                removedCount={removed.length}
                total={total}
                showCohort={meta.cohortOptions.length > 0 || page.rows.some((r) => r.cohort)}
                canKick={!closed}
                onKick={removal("participant:kick")}
                onBan={removal("participant:ban")}
              />
            ) : null}
            <RemovedList removed={removed} canUnban={!closed} onUnban={removal("participant:unban")} />
          </section>
        </aside>
      </div>
    </main>
  );
}
