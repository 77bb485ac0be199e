"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import { columnLabel, placedCount, unplacedCards, type Confidence, type ParticipantState } from "@/lib/client/participant-store";
import type { DeckColumn } from "@/lib/decks/types";
import type { JoinStage } from "@/lib/domain/phases";
import { formatJoinCode } from "@/lib/domain/joinCode";
import { useT } from "@/lib/i18n/client";
import theme from "../../_ui/participant-theme.module.css";
import { Spinner } from "../../_ui/Spinner";
import { JoinForm } from "./JoinForm";
import { Lobby } from "./Lobby";
import styles from "./participant.module.css";
import { ResultScreen } from "./ResultScreen";
import { ReviewBoard } from "./ReviewBoard";
import { SortingDeck } from "./SortingDeck";
import { StatusScreen } from "./StatusScreen";
import { Submitted } from "./Submitted";
import { useParticipant } from "./useParticipant";

const NO_COLUMNS: DeckColumn[] = [];

/** The participant's phone for one session: picks the screen from the connection state and the
 *  session phase, and turns taps into controller commands with a spoken confirmation. */
export function ParticipantApp({ code, cohortOptions, joinStage }: { code: string; cohortOptions: string[]; joinStage: JoinStage }) {
  const { state, controller } = useParticipant(code);
  const { t, errorText } = useT();
  const [announcement, setAnnouncement] = useState("");
  // "Review" is remembered per round: a new round starts card by card again.
  const [review, setReview] = useState<{ round: number; on: boolean }>({ round: 0, on: false });

  // Screen readers repeat a live region only when its text changes: alternate a trailing space.
  const announce = useCallback((message: string) => setAnnouncement((prev) => (prev === message ? `${message}\u00a0` : message)), []);

  const cardText = useCallback((id: string) => state.cards.find((c) => c.id === id)?.text ?? t("participant.theCard"), [state.cards, t]);
  const columns = state.session?.columns ?? NO_COLUMNS;

  const place = useCallback(
    (statementId: string, column: string | null, confidence?: Confidence) => {
      controller.place(statementId, column, confidence);
      announce(
        column === null
          ? t("participant.takenBack", { card: cardText(statementId) })
          : t("participant.placedIn", { card: cardText(statementId), column: columnLabel(columns, column) }),
      );
    },
    [announce, cardText, columns, controller, t],
  );

  const undo = useCallback(() => {
    const last = state.history.at(-1);
    if (!last) return;
    controller.undo();
    announce(
      last.column === null
        ? t("participant.undoneToPile", { card: cardText(last.statementId) })
        : t("participant.undoneToColumn", { card: cardText(last.statementId), column: columnLabel(columns, last.column) }),
    );
  }, [announce, cardText, columns, controller, state.history, t]);

  const submit = useCallback(async () => {
    const reply = await controller.submit();
    if (reply.ok) announce(t("participant.submittedAnnouncement"));
    return reply.ok ? { ok: true } : { ok: false, message: errorText(reply.code, reply.message) };
  }, [announce, controller, errorText, t]);

  const dismissFlash = useCallback(() => controller.dismissFlash(), [controller]);
  const round = state.session?.round ?? 0;
  const reviewing = review.on && review.round === round;
  const setReviewing = (on: boolean) => setReview({ round, on });

  return (
    <div className={`${theme.theme} ${styles.app}`}>
      <ConnectionBanner state={state} />
      <p className={theme.srOnly} aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      <Screen
        cohortOptions={cohortOptions}
        joinStage={joinStage}
        state={state}
        code={code}
        reviewing={reviewing}
        onReview={setReviewing}
        onJoin={(nickname, cohort) => controller.join(nickname, cohort)}
        onPlace={place}
        onUndo={undo}
        onSubmit={submit}
        onDismissFlash={dismissFlash}
      />
    </div>
  );
}

interface ScreenProps {
  state: ParticipantState;
  code: string;
  cohortOptions: string[];
  /** Where the session stood when the page was served (refreshed after a WRONG_PHASE join). */
  joinStage: JoinStage;
  reviewing: boolean;
  onReview: (on: boolean) => void;
  onJoin: Parameters<typeof JoinForm>[0]["onJoin"];
  onPlace: (statementId: string, column: string | null, confidence?: Confidence) => void;
  onUndo: () => void;
  onSubmit: () => Promise<{ ok: boolean; message?: string }>;
  onDismissFlash: () => void;
}

function Screen({ state, code, cohortOptions, joinStage, reviewing, onReview, onJoin, onPlace, onUndo, onSubmit, onDismissFlash }: ScreenProps) {
  const { t, serverText } = useT();
  const notice = state.notice === null ? null : serverText(state.notice);
  switch (state.screen) {
    case "starting":
    case "connecting":
      return (
        <StatusScreen title={t("participant.connecting", { code: formatJoinCode(code) })} icon={<Spinner size="2rem" />}>
          <p className={theme.lead}>{notice ?? t("participant.oneMoment")}</p>
        </StatusScreen>
      );
    case "join":
      // Past the last reveal nobody can join: say so instead of asking for a nickname in vain.
      if (joinStage === "over") return <EndScreen title={t("join.tooLateTitle")} lead={t("join.tooLateLead")} />;
      return <JoinForm code={code} notice={notice} onJoin={onJoin} cohortOptions={cohortOptions} stage={joinStage} />;
    case "kicked":
      return <EndScreen title={notice ?? t("participant.removedTitle")} lead={t("participant.removedLead")} />;
    case "fatal":
      return (
        <StatusScreen title={t("participant.reloadTitle")}>
          <p className={theme.lead}>{notice ?? t("participant.somethingWrong")}</p>
          <button type="button" className={theme.button} onClick={() => window.location.reload()}>
            {t("common.reload")}
          </button>
        </StatusScreen>
      );
    case "ready":
      break;
  }

  const session = state.session;
  const me = state.me;
  if (!session || !me) return null;

  switch (session.phase) {
    case "draft":
    case "lobby":
      return <Lobby title={session.title} nickname={me.nickname} />;
    case "revealed":
    case "closed":
      return (
        <ResultScreen
          title={session.title}
          closed={session.phase === "closed"}
          result={state.result}
          columns={session.columns}
          nextRound={session.round < session.maxRounds}
        />
      );
    case "sorting":
      if (me.submitted) return <Submitted title={session.title} placed={placedCount(state)} total={state.cards.length} />;
      // The board opens by itself once every card is placed.
      if (reviewing || unplacedCards(state).length === 0) {
        return (
          <ReviewBoard
            state={state}
            onMove={(id, column, confidence) => {
              onReview(true);
              onPlace(id, column, confidence);
            }}
            onBack={() => onReview(false)}
            onSubmit={onSubmit}
            onDismissFlash={onDismissFlash}
          />
        );
      }
      return <SortingDeck state={state} onPlace={onPlace} onUndo={onUndo} onReview={() => onReview(true)} onDismissFlash={onDismissFlash} />;
  }
}

/** A screen with nothing left to do in this session but go back to the start. */
function EndScreen({ title, lead }: { title: string; lead: string }) {
  const { t } = useT();
  return (
    <StatusScreen title={title}>
      <p className={theme.lead}>{lead}</p>
      <p>
        <Link className={theme.link} href="/">
          {t("common.backToStart")}
        </Link>
      </p>
    </StatusScreen>
  );
}

/** Shown while a joined participant's connection is down. Polite, never blocking: moves made
 *  meanwhile are kept and sent on reconnect. */
function ConnectionBanner({ state }: { state: ParticipantState }) {
  const show = state.screen === "ready" && !state.connected;
  const { t } = useT();
  return (
    <div className={show ? styles.banner : styles.bannerHidden} role="status">
      {show && (
        <>
          <Spinner /> {t("participant.reconnecting")}
        </>
      )}
    </div>
  );
}
