"use client";

import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import { dropTarget, type Box } from "@/lib/client/gesture";
import { arrowFor, columnIndexForKey, letterShortcut } from "@/lib/client/keyboard";
import { currentCard, placedCount, timeLeft, type Confidence, type ParticipantState } from "@/lib/client/participant-store";
import { useT } from "@/lib/i18n/client";
import theme from "../../_ui/participant-theme.module.css";
import { Spinner } from "../../_ui/Spinner";
import { Countdown } from "./Countdown";
import { FlashMessage } from "./FlashMessage";
import styles from "./deck.module.css";
import { isTypingTarget } from "./keys";
import { useNow } from "./useParticipant";

interface Props {
  state: ParticipantState;
  onPlace: (statementId: string, column: string, confidence: Confidence) => void;
  onUndo: () => void;
  onReview: () => void;
  onDismissFlash: () => void;
}

interface Drag {
  pointerId: number;
  x0: number;
  y0: number;
  dx: number;
  dy: number;
  target: number | null;
}

/** Card by card: the current statement large in the middle, the columns as big buttons in the
 *  thumb zone. Dragging the card toward a column, or a key, does the same as the button. */
export function SortingDeck({ state, onPlace, onUndo, onReview, onDismissFlash }: Props) {
  const { t } = useT();
  const session = state.session!;
  const columns = session.columns;
  const card = currentCard(state);
  const placed = placedCount(state);
  const total = state.cards.length;
  const saving = Object.keys(state.pending).length;
  const now = useNow(500, session.timer.endsAt !== null);
  const left = timeLeft(state, now);
  const timeUp = left !== null && !left.paused && left.ms === 0;
  const disabled = !card || timeUp;

  // The optional "sure / not sure" belongs to the card on screen; a new card starts with neither.
  const [choice, setChoice] = useState<{ cardId: string | undefined; value: Confidence }>({ cardId: undefined, value: null });
  const confidence = choice.cardId === card?.id ? choice.value : null;
  const toggleConfidence = (value: Exclude<Confidence, null>) =>
    setChoice({ cardId: card?.id, value: confidence === value ? null : value });

  // Undo takes a card back as it was before it was placed: the "Sure" it was placed with goes
  // too, so it is not silently placed with it again.
  const undo = useCallback(() => {
    setChoice({ cardId: undefined, value: null });
    onUndo();
  }, [onUndo]);

  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const boxes = useRef<(Box | null)[]>([]);
  const [drag, setDrag] = useState<Drag | null>(null);

  const place = useCallback(
    (index: number) => {
      const column = columns[index];
      if (!card || !column || disabled) return;
      onPlace(card.id, column.id, confidence);
    },
    [card, columns, confidence, disabled, onPlace],
  );

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (timeUp || e.defaultPrevented || e.altKey || isTypingTarget(e.target)) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z") {
        e.preventDefault();
        undo();
        return;
      }
      if (e.ctrlKey || e.metaKey) return;
      if (e.key === "Backspace") {
        e.preventDefault();
        undo();
        return;
      }
      const index = columnIndexForKey(e.key, columns);
      if (index === null) return;
      e.preventDefault();
      place(index);
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [columns, undo, place, timeUp]);

  function onPointerDown(e: ReactPointerEvent<HTMLElement>) {
    if (disabled || (e.pointerType === "mouse" && e.button !== 0)) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    boxes.current = buttons.current.map((b) => b?.getBoundingClientRect() ?? null);
    setDrag({ pointerId: e.pointerId, x0: e.clientX, y0: e.clientY, dx: 0, dy: 0, target: null });
  }

  function onPointerMove(e: ReactPointerEvent<HTMLElement>) {
    if (!drag || e.pointerId !== drag.pointerId) return;
    const dx = e.clientX - drag.x0;
    const dy = e.clientY - drag.y0;
    setDrag({ ...drag, dx, dy, target: dropTarget(e.clientX, e.clientY, dx, dy, boxes.current.slice(0, columns.length)) });
  }

  function onPointerUp(e: ReactPointerEvent<HTMLElement>) {
    if (!drag || e.pointerId !== drag.pointerId) return;
    setDrag(null);
    if (drag.target !== null) place(drag.target);
  }

  const target = drag?.target ?? null;
  const targetColumn = target === null ? null : columns[target];
  const long = (card?.text.length ?? 0) > 110;

  return (
    <main className={styles.deck} aria-labelledby="deck-heading">
      <h1 id="deck-heading" className={theme.srOnly}>
        {t("deck.heading")}
      </h1>
      <header className={styles.top}>
        <div className={styles.topRow}>
          <p className={styles.count}>
            <strong>{placed}</strong> / {total}
            <span className={theme.srOnly}>{t("deck.cardsPlaced")}</span>
          </p>
          <Countdown left={left} />
          <p className={styles.saved} aria-live="off">
            {saving > 0 ? (
              <>
                <Spinner /> {t("deck.saving")}
              </>
            ) : placed > 0 ? (
              <>
                <CheckIcon /> {t("deck.saved")}
              </>
            ) : null}
          </p>
          <button type="button" className={`${theme.buttonQuiet} ${theme.buttonSmall}`} onClick={onReview}>
            {t("deck.review")}
          </button>
        </div>
        <div
          className={styles.bar}
          role="progressbar"
          aria-label={t("deck.progressLabel")}
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={placed}
          aria-valuetext={t("deck.progressText", { placed, total })}
        >
          <span style={{ width: `${total ? (placed / total) * 100 : 0}%` }} />
        </div>
      </header>

      <div className={styles.stage}>
        {card ? (
          <article
            key={card.id}
            className={styles.card}
            data-dragging={drag ? "true" : undefined}
            data-long={long ? "true" : undefined}
            style={drag ? { transform: `translate(${drag.dx}px, ${drag.dy}px) rotate(${drag.dx / 24}deg)` } : undefined}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={() => setDrag(null)}
            aria-roledescription={t("deck.card")}
            aria-label={t("deck.cardLabel", { n: placed + 1, total })}
          >
            {targetColumn && (
              <span className={styles.badge} data-col={target! + 1} aria-hidden="true">
                {arrowFor(target!) && columns.length === 2 ? `${arrowFor(target!)} ` : ""}
                {targetColumn.label}
              </span>
            )}
            <p className={styles.text}>{card.text}</p>
          </article>
        ) : (
          <p className={styles.done}>{t("deck.allPlaced")}</p>
        )}
      </div>

      <div className={styles.tools}>
        <button type="button" className={`${theme.buttonQuiet} ${theme.buttonSmall}`} onClick={undo} disabled={timeUp || state.history.length === 0}>
          <UndoIcon /> {t("deck.undo")}
        </button>
        <div className={styles.confidence} role="group" aria-label={t("deck.howSureOptional")}>
          <button type="button" className={styles.toggle} aria-pressed={confidence === "sure"} onClick={() => toggleConfidence("sure")} disabled={disabled}>
            {t("deck.sure")}
          </button>
          <button type="button" className={styles.toggle} aria-pressed={confidence === "unsure"} onClick={() => toggleConfidence("unsure")} disabled={disabled}>
            {t("deck.notSure")}
          </button>
        </div>
      </div>

      {timeUp && <p className={theme.note}>{t("deck.timeUp")}</p>}
      <FlashMessage message={state.flash} onDismiss={onDismissFlash} />

      <div className={styles.columns} data-count={columns.length} role="group" aria-label={t("deck.placeIn")}>
        {columns.map((column, i) => {
          const letter = letterShortcut(column, columns);
          const shortcuts = [arrowFor(i) && ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"][i], String(i + 1), letter].filter(Boolean).join(" ");
          return (
            <button
              key={column.id}
              ref={(el) => {
                buttons.current[i] = el;
              }}
              type="button"
              className={styles.column}
              data-col={i + 1}
              data-armed={target === i ? "true" : undefined}
              onClick={() => place(i)}
              disabled={disabled}
              aria-keyshortcuts={shortcuts}
            >
              <span className={styles.columnLabel}>{column.label}</span>
              <span className={styles.keyHint} aria-hidden="true">
                {arrowFor(i)} · {i + 1}
              </span>
            </button>
          );
        })}
      </div>
      <p className={styles.hint}>
        <span className={styles.touchHint}>{t("deck.touchHint")}</span>
        <span className={styles.keyboardHint}>
          {t("deck.keysHint", { keys: columns.map((c, i) => `${arrowFor(i)} ${c.label}`).join(" · ") })}
        </span>
      </p>
    </main>
  );
}

function CheckIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function UndoIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M6 4L2.5 7.5 6 11M3 7.5h6.5a4 4 0 010 8H8" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
