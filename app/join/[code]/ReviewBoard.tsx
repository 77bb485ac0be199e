"use client";

import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import { boxAt, type Box } from "@/lib/client/gesture";
import {
  canMove,
  cardsIn,
  effectiveMove,
  isPending,
  placedCount,
  timeLeft,
  unplacedCards,
  type Confidence,
  type ParticipantState,
} from "@/lib/client/participant-store";
import type { PublicStatement } from "@/lib/decks/types";
import { useT } from "@/lib/i18n/client";
import theme from "../../_ui/participant-theme.module.css";
import { Spinner } from "../../_ui/Spinner";
import { Countdown } from "./Countdown";
import { FlashMessage } from "./FlashMessage";
import styles from "./review.module.css";
import { useNow } from "./useParticipant";

interface Props {
  state: ParticipantState;
  onMove: (statementId: string, column: string | null, confidence?: Confidence) => void;
  onBack: () => void;
  onSubmit: () => Promise<{ ok: boolean; message?: string }>;
  onDismissFlash: () => void;
}

/** Drop zones are marked with data-zone: a column id, or this for "not placed" (take back). */
const UNPLACED_ZONE = "__unplaced__";

interface Drag {
  statementId: string;
  pointerId: number;
  x0: number;
  y0: number;
  scroll0: number;
  dx: number;
  dy: number;
  over: string | null;
}

/** Distance from the viewport edge (px) where dragging scrolls the page. */
const SCROLL_EDGE = 72;

/** Every card at a glance before submitting: unplaced first, then one list per column (side by
 *  side from 600 px, stacked below). Tap a card for move buttons; drag its grip between lists. */
export function ReviewBoard({ state, onMove, onBack, onSubmit, onDismissFlash }: Props) {
  const { t, tp } = useT();
  const session = state.session!;
  const columns = session.columns;
  const unplaced = unplacedCards(state);
  const placed = placedCount(state);
  const total = state.cards.length;
  const saving = Object.keys(state.pending).length;
  const movable = canMove(state);
  const now = useNow(500, session.timer.endsAt !== null);
  const left = timeLeft(state, now);
  const timeUp = left !== null && !left.paused && left.ms === 0;
  const editable = movable && !timeUp;

  const [openId, setOpenId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [drag, setDrag] = useState<Drag | null>(null);

  const heading = useRef<HTMLHeadingElement>(null);
  const confirmText = useRef<HTMLParagraphElement>(null);
  const cardButtons = useRef(new Map<string, HTMLButtonElement>());
  const focusAfterMove = useRef<string | null>(null);
  const board = useRef<HTMLDivElement>(null);
  const dragRef = useRef<Drag | null>(null);
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const frame = useRef<number | null>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (confirming) confirmText.current?.focus();
  }, [confirming]);
  // A moved card re-renders in another list: keep the keyboard focus on it.
  useEffect(() => {
    const id = focusAfterMove.current;
    if (!id) return;
    focusAfterMove.current = null;
    cardButtons.current.get(id)?.focus();
  });
  useEffect(() => () => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
  }, []);

  function move(statementId: string, column: string | null, confidence?: Confidence) {
    focusAfterMove.current = statementId;
    setOpenId(null);
    setConfirming(false);
    onMove(statementId, column, confidence);
  }

  // ── dragging by the grip ────────────────────────────────────────────────────────────────────

  /** The zone under the pointer, read from the DOM so it is right even mid-scroll. */
  function zoneAt(x: number, y: number): string | null {
    const els = [...(board.current?.querySelectorAll<HTMLElement>("[data-zone]") ?? [])];
    const boxes: Box[] = els.map((el) => el.getBoundingClientRect());
    const i = boxAt(x, y, boxes);
    return i === null ? null : (els[i]?.dataset.zone ?? null);
  }

  function updateDrag() {
    const d = dragRef.current;
    const p = pointer.current;
    if (!d || !p) return;
    const next = { ...d, dx: p.x - d.x0, dy: p.y - d.y0 + (window.scrollY - d.scroll0), over: zoneAt(p.x, p.y) };
    dragRef.current = next;
    setDrag(next);
  }

  function autoScroll() {
    const p = pointer.current;
    if (!p || !dragRef.current) {
      frame.current = null;
      return;
    }
    let speed = 0;
    if (p.y < SCROLL_EDGE) speed = -Math.ceil((SCROLL_EDGE - p.y) / 5);
    else if (p.y > window.innerHeight - SCROLL_EDGE) speed = Math.ceil((p.y - (window.innerHeight - SCROLL_EDGE)) / 5);
    if (speed !== 0) {
      window.scrollBy(0, speed);
      updateDrag();
    }
    frame.current = requestAnimationFrame(autoScroll);
  }

  function onGripDown(e: ReactPointerEvent<HTMLElement>, statementId: string) {
    if (!editable || (e.pointerType === "mouse" && e.button !== 0)) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    pointer.current = { x: e.clientX, y: e.clientY };
    const d: Drag = { statementId, pointerId: e.pointerId, x0: e.clientX, y0: e.clientY, scroll0: window.scrollY, dx: 0, dy: 0, over: null };
    dragRef.current = d;
    setDrag(d);
    setOpenId(null);
    if (frame.current === null) frame.current = requestAnimationFrame(autoScroll);
  }

  function onGripMove(e: ReactPointerEvent<HTMLElement>) {
    if (dragRef.current?.pointerId !== e.pointerId) return;
    pointer.current = { x: e.clientX, y: e.clientY };
    updateDrag();
  }

  function endDrag(e: ReactPointerEvent<HTMLElement>, drop: boolean) {
    const d = dragRef.current;
    if (!d || d.pointerId !== e.pointerId) return;
    dragRef.current = null;
    pointer.current = null;
    setDrag(null);
    if (!drop || d.over === null) return;
    const zone = d.over === UNPLACED_ZONE ? null : d.over;
    if ((effectiveMove(state, d.statementId)?.column ?? null) !== zone) move(d.statementId, zone);
  }

  // ── submit ──────────────────────────────────────────────────────────────────────────────────

  async function submit(confirmed: boolean) {
    if (!confirmed && unplaced.length > 0) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    setBusy(true);
    setSubmitError(null);
    const reply = await onSubmit();
    setBusy(false);
    if (!reply.ok) setSubmitError(reply.message ?? t("review.submitFailed"));
  }

  // ── rendering ───────────────────────────────────────────────────────────────────────────────

  const lists: { zone: string; title: string; cards: PublicStatement[]; col: number | null }[] = [];
  if (unplaced.length > 0) lists.push({ zone: UNPLACED_ZONE, title: t("review.notPlacedYet"), cards: unplaced, col: null });
  columns.forEach((c, i) => lists.push({ zone: c.id, title: c.label, cards: cardsIn(state, c.id), col: i + 1 }));

  function renderCard(card: PublicStatement) {
    const move$ = effectiveMove(state, card.id);
    const current = move$?.column ?? null;
    const confidence = move$?.confidence ?? null;
    const open = editable && openId === card.id;
    const dragging = drag?.statementId === card.id;
    const menuId = `move-${card.id}`;
    return (
      <li
        key={card.id}
        className={styles.item}
        data-dragging={dragging ? "true" : undefined}
        style={drag && dragging ? { transform: `translate(${drag.dx}px, ${drag.dy}px)` } : undefined}
      >
        <div className={styles.itemRow}>
          <button
            type="button"
            className={styles.itemMain}
            ref={(el) => {
              if (el) cardButtons.current.set(card.id, el);
              else cardButtons.current.delete(card.id);
            }}
            aria-expanded={open}
            aria-controls={open ? menuId : undefined}
            onClick={() => setOpenId(open ? null : card.id)}
            disabled={!editable}
          >
            <span className={styles.itemText}>{card.text}</span>
            {(isPending(state, card.id) || confidence) && (
              <span className={styles.itemMeta}>
                {isPending(state, card.id) && (
                  <span className={styles.saving}>
                    <Spinner /> {t("review.saving")}
                  </span>
                )}
                {confidence && <span className={styles.tag}>{confidence === "sure" ? t("review.sure") : t("review.notSure")}</span>}
              </span>
            )}
          </button>
          {editable && (
            <span
              className={styles.grip}
              aria-hidden="true"
              title={t("review.dragGrip")}
              onPointerDown={(e) => onGripDown(e, card.id)}
              onPointerMove={onGripMove}
              onPointerUp={(e) => endDrag(e, true)}
              onPointerCancel={(e) => endDrag(e, false)}
            >
              <GripIcon />
            </span>
          )}
        </div>
        {open && (
          <div id={menuId} className={styles.menu} role="group" aria-label={t("review.moveCard", { card: card.text })}>
            {columns.map((c, i) =>
              c.id === current ? null : (
                <button key={c.id} type="button" className={styles.menuButton} data-col={i + 1} onClick={() => move(card.id, c.id)}>
                  {current === null ? t("review.placeIn", { column: c.label }) : t("review.moveTo", { column: c.label })}
                </button>
              ),
            )}
            {current !== null && (
              <button type="button" className={`${theme.buttonQuiet} ${theme.buttonSmall}`} onClick={() => move(card.id, null)}>
                {t("review.takeBack")}
              </button>
            )}
            {current !== null && (
              <div className={styles.confidence} role="group" aria-label={t("review.howSure")}>
                {(["sure", "unsure"] as const).map((value) => (
                  <button
                    key={value}
                    type="button"
                    className={styles.toggle}
                    aria-pressed={confidence === value}
                    onClick={() => move(card.id, current, confidence === value ? null : value)}
                  >
                    {value === "sure" ? t("deck.sure") : t("deck.notSure")}
                  </button>
                ))}
              </div>
            )}
          </div>
        )}
      </li>
    );
  }

  return (
    <main className={styles.review} aria-labelledby="review-heading">
      <header className={styles.top}>
        <div className={styles.topRow}>
          <h1 id="review-heading" ref={heading} tabIndex={-1} className={styles.title}>
            {t("review.heading")}
          </h1>
          <Countdown left={left} />
        </div>
        <p className={styles.lead}>
          {t("review.lead", { placed, total })}
          {editable ? t("review.leadEditable") : ""}
        </p>
        {unplaced.length > 0 && editable && (
          <button type="button" className={`${theme.buttonQuiet} ${theme.buttonSmall} ${styles.back}`} onClick={onBack}>
            {t("review.sortRest")}
          </button>
        )}
      </header>

      {timeUp && <p className={theme.note}>{t("deck.timeUp")}</p>}
      <FlashMessage message={state.flash} onDismiss={onDismissFlash} />

      <div className={styles.board} data-count={columns.length} data-lists={lists.length} ref={board}>
        {lists.map((list) => (
          <section
            key={list.zone}
            data-zone={list.zone}
            className={list.zone === UNPLACED_ZONE ? styles.unplaced : styles.list}
            data-col={list.col ?? undefined}
            data-over={drag && drag.over === list.zone ? "true" : undefined}
            aria-labelledby={`list-${list.zone}`}
          >
            <h2 id={`list-${list.zone}`} className={styles.listTitle}>
              {list.title} <span className={styles.listCount}>{list.cards.length}</span>
            </h2>
            {list.cards.length > 0 ? <ul className={styles.items}>{list.cards.map(renderCard)}</ul> : <p className={styles.empty}>{t("review.noCards")}</p>}
          </section>
        ))}
      </div>

      <div className={styles.submitBar}>
        {submitError && (
          <p className={theme.error} role="alert">
            {submitError}
          </p>
        )}
        {confirming ? (
          <div className={styles.confirm}>
            <p ref={confirmText} tabIndex={-1}>
              {tp("review.confirm", unplaced.length)}
            </p>
            <div className={styles.confirmButtons}>
              <button type="button" className={theme.buttonQuiet} onClick={() => setConfirming(false)}>
                {t("review.keepSorting")}
              </button>
              <button type="button" className={theme.button} onClick={() => void submit(true)} disabled={busy || saving > 0 || !state.connected}>
                {t("review.submitAnyway")}
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            className={`${theme.button} ${styles.submit}`}
            onClick={() => void submit(false)}
            disabled={!movable || busy || saving > 0 || !state.connected}
          >
            {busy ? (
              <>
                <Spinner /> {t("review.submitting")}
              </>
            ) : !state.connected ? (
              <>
                <Spinner /> {t("review.waitingReconnect")}
              </>
            ) : saving > 0 ? (
              <>
                <Spinner /> {t("review.savingMoves")}
              </>
            ) : (
              t("review.submit")
            )}
          </button>
        )}
      </div>
    </main>
  );
}

function GripIcon() {
  return (
    <svg viewBox="0 0 16 16" width="18" height="18" focusable="false">
      {[4, 8, 12].flatMap((y) => [5.5, 10.5].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.4" fill="currentColor" />))}
    </svg>
  );
}
