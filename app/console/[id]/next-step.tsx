"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { formatDuration, useCountdown } from "@/lib/client/staff-view";
import type { Phase } from "@/lib/domain/phases";
import { parseTimerMinutes, TIMER_FIELD_MAX_MINUTES, TIMER_FIELD_MIN_MINUTES } from "@/lib/client/timer-minutes";
import type { PhaseView, ProgressView, RevealView } from "@/lib/protocol/views";
import { useT } from "@/lib/i18n/client";
import type { Translator } from "@/lib/i18n/translate";
import styles from "./console.module.css";
import { ConfirmButton } from "./small-controls";
import type { Act } from "./console";

const STEPS: { phase: Phase }[] = [{ phase: "draft" }, { phase: "lobby" }, { phase: "sorting" }, { phase: "revealed" }, { phase: "closed" }];

/** Minutes typed by the facilitator → seconds for the server, or the error in the UI language. */
function parseMinutes(raw: string, t: Translator["t"]): { ok: true; seconds: number | null } | { ok: false; message: string } {
  const parsed = parseTimerMinutes(raw);
  if (parsed.ok) return parsed;
  return {
    ok: false,
    message: parsed.problem === "notANumber" ? t("nextStep.typeMinutes") : t("nextStep.timerRange", { min: TIMER_FIELD_MIN_MINUTES, max: TIMER_FIELD_MAX_MINUTES }),
  };
}

function PhaseSteps({ phase }: { phase: Phase }) {
  const { t } = useT();
  const at = STEPS.findIndex((s) => s.phase === phase);
  return (
    <ol className={styles.steps} aria-label={t("nextStep.stepsLabel")}>
      {STEPS.map((s, i) => (
        <li key={s.phase} className={styles.step} data-state={i < at ? "done" : i === at ? "current" : "todo"} aria-current={i === at ? "step" : undefined}>
          <span className={styles.stepDot} aria-hidden="true">
            {i < at ? "✓" : i + 1}
          </span>
          {t(`nextStep.steps.${s.phase}`)}
        </li>
      ))}
    </ol>
  );
}

function MinutesField({ id, value, onChange, label, error }: { id: string; value: string; onChange: (v: string) => void; label: string; error: string | null }) {
  const { t } = useT();
  return (
    <span className={styles.minutesField}>
      <label htmlFor={id} className={styles.minutesLabel}>
        {label}
      </label>
      <span className={styles.minutesInputWrap}>
        <input
          id={id}
          className={styles.minutesInput}
          type="number"
          inputMode="decimal"
          min={TIMER_FIELD_MIN_MINUTES}
          max={TIMER_FIELD_MAX_MINUTES}
          step={1}
          value={value}
          placeholder="–"
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <span aria-hidden="true">{t("nextStep.min")}</span>
      </span>
      {error ? (
        <span id={`${id}-error`} className={styles.fieldError}>
          {error}
        </span>
      ) : null}
    </span>
  );
}

function TimerPanel({ phase, offset, act, busy }: { phase: PhaseView; offset: number; act: Act; busy: boolean }) {
  const id = useId();
  const { t } = useT();
  const [minutes, setMinutes] = useState("5");
  const [error, setError] = useState<string | null>(null);
  const countdown = useCountdown(phase.timer, offset);
  const expired = countdown.leftMs === 0;

  const setTimer = () => {
    const parsed = parseMinutes(minutes, t);
    if (!parsed.ok || parsed.seconds === null) {
      setError(parsed.ok ? t("nextStep.typeMinutes") : parsed.message);
      return;
    }
    setError(null);
    void act("timer:set", { seconds: parsed.seconds });
  };

  return (
    <section className={styles.timer} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={styles.timerTitle}>
        {t("nextStep.timer")}
      </h3>
      <p className={styles.countdown} data-state={expired ? "expired" : countdown.status}>
        {countdown.leftMs === null ? (
          <span className={styles.countdownNone}>{t("nextStep.noTimer")}</span>
        ) : (
          <>
            <span className={styles.countdownValue} role="timer" aria-label={t("nextStep.leftLabel", { time: formatDuration(countdown.leftMs) })}>
              {formatDuration(countdown.leftMs)}
            </span>
            <span className={styles.countdownStatus}>{expired ? t("nextStep.timeUpLocked") : countdown.status === "paused" ? t("nextStep.paused") : t("nextStep.left")}</span>
          </>
        )}
      </p>
      <div className={styles.timerControls}>
        {countdown.status === "running" ? (
          <button type="button" className={styles.secondaryButton} disabled={busy || expired} onClick={() => void act("timer:pause", {})}>
            {t("nextStep.pause")}
          </button>
        ) : null}
        {countdown.status === "paused" ? (
          <button type="button" className={styles.secondaryButton} disabled={busy} onClick={() => void act("timer:resume", {})}>
            {t("nextStep.resume")}
          </button>
        ) : null}
        {countdown.status !== "none" ? (
          <>
            <button type="button" className={styles.secondaryButton} disabled={busy} onClick={() => void act("timer:extend", { seconds: 60 })}>
              {t("nextStep.plusMinute")}
            </button>
            <button type="button" className={styles.ghostButton} disabled={busy} onClick={() => void act("timer:clear", {})}>
              {t("nextStep.clear")}
            </button>
          </>
        ) : null}
      </div>
      <form
        className={styles.timerSet}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTimer();
        }}
      >
        <MinutesField
          id={`${id}-minutes`}
          value={minutes}
          onChange={(v) => {
            setMinutes(v);
            setError(null);
          }}
          label={countdown.status === "none" ? t("nextStep.setTimer") : t("nextStep.restartAt")}
          error={error}
        />
        <button type="submit" className={styles.secondaryButton} disabled={busy}>
          {countdown.status === "none" ? t("nextStep.startTimer") : t("nextStep.restart")}
        </button>
      </form>
    </section>
  );
}

export function NextStep({
  phase,
  offset,
  progress,
  reveal,
  discussing,
  onDiscuss,
  act,
  busy,
  error,
}: {
  error: string | null;
  phase: PhaseView;
  offset: number;
  progress: ProgressView | null;
  reveal: RevealView | null;
  discussing: boolean;
  onDiscuss: (index: number) => void;
  act: Act;
  busy: boolean;
}) {
  const id = useId();
  const { t } = useT();
  const [startMinutes, setStartMinutes] = useState("");
  const [startError, setStartError] = useState<string | null>(null);
  const joined = progress?.joined ?? 0;
  const submitted = progress?.submitted ?? 0;
  const nextRound = phase.round < phase.maxRounds ? phase.round + 1 : null;
  const queueLength = reveal?.queue.length ?? 0;
  const atLast = phase.discussionIndex >= queueLength - 1;

  const endButton = (
    <ConfirmButton
      label={t("nextStep.endSession")}
      question={t("nextStep.endQuestion")}
      confirmLabel={t("nextStep.endSession")}
      className={styles.ghostButton}
      disabled={busy}
      onConfirm={() => void act("session:end", {})}
    />
  );

  let body;
  switch (phase.phase) {
    case "draft":
      body = (
        <>
          <p className={styles.stepHint}>{t("nextStep.openLobbyHint")}</p>
          <div className={styles.actionRow}>
            <button type="button" className={styles.primaryButton} disabled={busy} onClick={() => void act("session:openLobby", {})}>
              {t("nextStep.openLobby")}
            </button>
            {endButton}
          </div>
        </>
      );
      break;
    case "lobby":
      body = (
        <>
          <p className={styles.stepHint}>
            {joined === 0 ? t("nextStep.waitingFirst") : t("nextStep.joinedN", { count: joined })}
            {t("nextStep.latecomers")}
          </p>
          <form
            className={styles.actionRow}
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const parsed = parseMinutes(startMinutes, t);
              if (!parsed.ok) {
                setStartError(parsed.message);
                return;
              }
              setStartError(null);
              void act("session:start", parsed.seconds === null ? {} : { timerSeconds: parsed.seconds });
            }}
          >
            <button type="submit" className={styles.primaryButton} disabled={busy}>
              {t("nextStep.startSorting")}
            </button>
            <MinutesField
              id={`${id}-start`}
              value={startMinutes}
              onChange={(v) => {
                setStartMinutes(v);
                setStartError(null);
              }}
              label={t("nextStep.timerOptional")}
              error={startError}
            />
            {endButton}
          </form>
        </>
      );
      break;
    case "sorting":
      body = (
        <div className={styles.sortingLayout}>
          <div>
            <p className={styles.stepHint}>
              {t("nextStep.submittedOf", { submitted, joined })}
            </p>
            <div className={styles.actionRow}>
              <ConfirmButton
                label={t("nextStep.revealAnswers")}
                question={t("nextStep.onlySubmitted", { submitted, joined })}
                confirmLabel={t("nextStep.revealNow")}
                className={styles.primaryButton}
                disabled={busy}
                skipConfirm={joined > 0 && submitted >= joined}
                onConfirm={() => void act("session:reveal", {})}
              />
              {endButton}
            </div>
          </div>
          <TimerPanel phase={phase} offset={offset} act={act} busy={busy} />
        </div>
      );
      break;
    case "revealed": {
      const index = phase.discussionIndex;
      let primary;
      if (!discussing && queueLength > 0) {
        primary = (
          <button type="button" className={styles.primaryButton} disabled={busy} onClick={() => onDiscuss(0)}>
            {t("nextStep.discussFirst")}
          </button>
        );
      } else if (discussing && !atLast) {
        primary = (
          <button type="button" className={styles.primaryButton} disabled={busy} onClick={() => onDiscuss(index + 1)}>
            {t("nextStep.nextStatement")}
          </button>
        );
      } else if (nextRound) {
        primary = (
          <button type="button" className={styles.primaryButton} disabled={busy} onClick={() => void act("session:nextRound", {})}>
            {t("nextStep.startRound", { n: nextRound })}
          </button>
        );
      } else {
        primary = (
          <button type="button" className={styles.primaryButton} disabled={busy} onClick={() => void act("session:end", {})}>
            {t("nextStep.endSession")}
          </button>
        );
      }
      const showRoundAside = nextRound !== null && (!discussing || !atLast);
      const showEndAside = !(discussing && atLast && nextRound === null);
      body = (
        <>
          <p className={styles.stepHint}>
            {discussing
              ? t("nextStep.statementOnProjector", { n: index + 1, total: queueLength })
              : t("nextStep.overviewHint")}
          </p>
          <div className={styles.actionRow}>
            {primary}
            {discussing ? (
              <button type="button" className={styles.secondaryButton} disabled={busy || index === 0} onClick={() => onDiscuss(index - 1)}>
                {t("nextStep.previous")}
              </button>
            ) : null}
            {showRoundAside ? (
              <ConfirmButton
                label={t("nextStep.startRound", { n: nextRound ?? "" })}
                question={t("nextStep.startRoundQuestion", { n: nextRound ?? "" })}
                confirmLabel={t("nextStep.startRound", { n: nextRound ?? "" })}
                className={styles.secondaryButton}
                disabled={busy}
                onConfirm={() => void act("session:nextRound", {})}
              />
            ) : null}
            {showEndAside ? endButton : null}
          </div>
        </>
      );
      break;
    }
    case "closed":
      body = (
        <p className={styles.stepHint}>
          {t("nextStep.ended")}
          <Link href="/dashboard">{t("nextStep.backToDashboard")}</Link>
        </p>
      );
      break;
  }

  return (
    <section className={styles.card} aria-labelledby={`${id}-title`} data-area="next">
      <div className={styles.cardHead}>
        <h2 id={`${id}-title`} className={styles.cardTitle}>
          {t("nextStep.title")}
        </h2>
        <PhaseSteps phase={phase.phase} />
      </div>
      {body}
      <p className={styles.error} role="alert">
        {error}
      </p>
    </section>
  );
}
