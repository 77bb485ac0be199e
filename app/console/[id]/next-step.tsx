"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { formatDuration, useCountdown } from "@/lib/client/staff-view";
import type { Phase } from "@/lib/domain/phases";
import { TIMER_MAX_SECONDS, TIMER_MIN_SECONDS } from "@/lib/protocol/schemas";
import type { PhaseView, ProgressView, RevealView } from "@/lib/protocol/views";
import styles from "./console.module.css";
import { ConfirmButton } from "./small-controls";
import type { Act } from "./console";

const STEPS: { phase: Phase; label: string }[] = [
  { phase: "draft", label: "Set up" },
  { phase: "lobby", label: "Lobby" },
  { phase: "sorting", label: "Sorting" },
  { phase: "revealed", label: "Reveal & discuss" },
  { phase: "closed", label: "Ended" },
];

/** Minutes typed by the facilitator → whole seconds the server accepts, or an error. */
function parseMinutes(raw: string): { ok: true; seconds: number | null } | { ok: false; message: string } {
  const text = raw.trim().replace(",", ".");
  if (text === "") return { ok: true, seconds: null };
  const minutes = Number(text);
  if (!Number.isFinite(minutes)) return { ok: false, message: "Type the timer in minutes, e.g. 5." };
  const seconds = Math.round(minutes * 60);
  if (seconds < TIMER_MIN_SECONDS || seconds > TIMER_MAX_SECONDS) {
    return { ok: false, message: `A timer runs from ${TIMER_MIN_SECONDS} seconds to ${TIMER_MAX_SECONDS / 60} minutes.` };
  }
  return { ok: true, seconds };
}

function PhaseSteps({ phase }: { phase: Phase }) {
  const at = STEPS.findIndex((s) => s.phase === phase);
  return (
    <ol className={styles.steps} aria-label="Session steps">
      {STEPS.map((s, i) => (
        <li key={s.phase} className={styles.step} data-state={i < at ? "done" : i === at ? "current" : "todo"} aria-current={i === at ? "step" : undefined}>
          <span className={styles.stepDot} aria-hidden="true">
            {i < at ? "✓" : i + 1}
          </span>
          {s.label}
        </li>
      ))}
    </ol>
  );
}

function MinutesField({ id, value, onChange, label, error }: { id: string; value: string; onChange: (v: string) => void; label: string; error: string | null }) {
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
          min={1}
          max={TIMER_MAX_SECONDS / 60}
          step={0.5}
          value={value}
          placeholder="–"
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <span aria-hidden="true">min</span>
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
  const [minutes, setMinutes] = useState("5");
  const [error, setError] = useState<string | null>(null);
  const countdown = useCountdown(phase.timer, offset);
  const expired = countdown.leftMs === 0;

  const setTimer = () => {
    const parsed = parseMinutes(minutes);
    if (!parsed.ok || parsed.seconds === null) {
      setError(parsed.ok ? "Type the timer in minutes, e.g. 5." : parsed.message);
      return;
    }
    setError(null);
    void act("timer:set", { seconds: parsed.seconds });
  };

  return (
    <section className={styles.timer} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={styles.timerTitle}>
        Timer
      </h3>
      <p className={styles.countdown} data-state={expired ? "expired" : countdown.status}>
        {countdown.leftMs === null ? (
          <span className={styles.countdownNone}>No timer</span>
        ) : (
          <>
            <span className={styles.countdownValue} role="timer" aria-label={`${formatDuration(countdown.leftMs)} left`}>
              {formatDuration(countdown.leftMs)}
            </span>
            <span className={styles.countdownStatus}>{expired ? "Time is up: answers are locked" : countdown.status === "paused" ? "Paused" : "left"}</span>
          </>
        )}
      </p>
      <div className={styles.timerControls}>
        {countdown.status === "running" ? (
          <button type="button" className={styles.secondaryButton} disabled={busy || expired} onClick={() => void act("timer:pause", {})}>
            Pause
          </button>
        ) : null}
        {countdown.status === "paused" ? (
          <button type="button" className={styles.secondaryButton} disabled={busy} onClick={() => void act("timer:resume", {})}>
            Resume
          </button>
        ) : null}
        {countdown.status !== "none" ? (
          <>
            <button type="button" className={styles.secondaryButton} disabled={busy} onClick={() => void act("timer:extend", { seconds: 60 })}>
              +1 min
            </button>
            <button type="button" className={styles.ghostButton} disabled={busy} onClick={() => void act("timer:clear", {})}>
              Clear
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
          label={countdown.status === "none" ? "Set a timer" : "Restart at"}
          error={error}
        />
        <button type="submit" className={styles.secondaryButton} disabled={busy}>
          {countdown.status === "none" ? "Start timer" : "Restart"}
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
  const [startMinutes, setStartMinutes] = useState("");
  const [startError, setStartError] = useState<string | null>(null);
  const joined = progress?.joined ?? 0;
  const submitted = progress?.submitted ?? 0;
  const nextRound = phase.round < phase.maxRounds ? phase.round + 1 : null;
  const queueLength = reveal?.queue.length ?? 0;
  const atLast = phase.discussionIndex >= queueLength - 1;

  const endButton = (
    <ConfirmButton
      label="End session"
      question="End the session for everyone?"
      confirmLabel="End session"
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
          <p className={styles.stepHint}>Open the lobby to let participants join with the code.</p>
          <div className={styles.actionRow}>
            <button type="button" className={styles.primaryButton} disabled={busy} onClick={() => void act("session:openLobby", {})}>
              Open lobby
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
            {joined === 0 ? "Waiting for the first participant." : `${joined} joined.`} Latecomers can still join while sorting.
          </p>
          <form
            className={styles.actionRow}
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const parsed = parseMinutes(startMinutes);
              if (!parsed.ok) {
                setStartError(parsed.message);
                return;
              }
              setStartError(null);
              void act("session:start", parsed.seconds === null ? {} : { timerSeconds: parsed.seconds });
            }}
          >
            <button type="submit" className={styles.primaryButton} disabled={busy}>
              Start sorting
            </button>
            <MinutesField
              id={`${id}-start`}
              value={startMinutes}
              onChange={(v) => {
                setStartMinutes(v);
                setStartError(null);
              }}
              label="Timer (optional)"
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
              {submitted} of {joined} submitted. Revealing scores everyone, submitted or not.
            </p>
            <div className={styles.actionRow}>
              <ConfirmButton
                label="Reveal answers"
                question={`Only ${submitted} of ${joined} have submitted. Reveal now?`}
                confirmLabel="Reveal now"
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
            Discuss first statement
          </button>
        );
      } else if (discussing && !atLast) {
        primary = (
          <button type="button" className={styles.primaryButton} disabled={busy} onClick={() => onDiscuss(index + 1)}>
            Next statement
          </button>
        );
      } else if (nextRound) {
        primary = (
          <button type="button" className={styles.primaryButton} disabled={busy} onClick={() => void act("session:nextRound", {})}>
            Start round {nextRound}
          </button>
        );
      } else {
        primary = (
          <button type="button" className={styles.primaryButton} disabled={busy} onClick={() => void act("session:end", {})}>
            End session
          </button>
        );
      }
      const showRoundAside = nextRound !== null && (!discussing || !atLast);
      const showEndAside = !(discussing && atLast && nextRound === null);
      body = (
        <>
          <p className={styles.stepHint}>
            {discussing
              ? `Statement ${index + 1} of ${queueLength} is on the projector.`
              : "The projector shows the overview. Walk the room through the statements it split on."}
          </p>
          <div className={styles.actionRow}>
            {primary}
            {discussing ? (
              <button type="button" className={styles.secondaryButton} disabled={busy || index === 0} onClick={() => onDiscuss(index - 1)}>
                Previous
              </button>
            ) : null}
            {showRoundAside ? (
              <ConfirmButton
                label={`Start round ${nextRound}`}
                question={`Start round ${nextRound}? Everyone sorts again.`}
                confirmLabel={`Start round ${nextRound}`}
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
          This session has ended. <Link href="/dashboard">Back to the dashboard</Link>
        </p>
      );
      break;
  }

  return (
    <section className={styles.card} aria-labelledby={`${id}-title`} data-area="next">
      <div className={styles.cardHead}>
        <h2 id={`${id}-title`} className={styles.cardTitle}>
          Next step
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
