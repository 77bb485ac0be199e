"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { timeLeft } from "@/lib/domain/timer";
import type { TimerView } from "@/lib/protocol/views";

/** Pure display helpers and small hooks shared by the console and the presenter. */

/** Colour slots for deck columns, in column order (blue, orange, purple, teal): distinguishable
 *  with the common colour-vision deficiencies, and always shown with a label too. */
export const COLUMN_TONES = ["blue", "orange", "purple", "teal"] as const;
export type ColumnTone = (typeof COLUMN_TONES)[number];

export function toneOf(columnIndex: number): ColumnTone {
  return COLUMN_TONES[columnIndex % COLUMN_TONES.length] ?? "blue";
}

export interface Share {
  count: number;
  /** Whole percent of the total; the shares of one row add up to exactly 100 (or all 0). */
  pct: number;
}

/** Counts → whole percentages that add up to 100 (largest remainder), so bars and labels agree. */
export function shares(counts: readonly number[]): Share[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= 0) return counts.map((count) => ({ count, pct: 0 }));
  const exact = counts.map((c) => (c / total) * 100);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left--;
  }
  return counts.map((count, i) => ({ count, pct: floors[i] ?? 0 }));
}

export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/** "4:05", or "1:02:03" past an hour. Rounds up, so "0:00" shows only when time is really up. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

export interface Countdown {
  status: "none" | "running" | "paused";
  /** Ms left, or null without a timer. */
  leftMs: number | null;
}

function countdownAt(timer: TimerView, offsetMs: number): Countdown {
  const status = timer.endsAt !== null ? "running" : timer.remainingMs !== null ? "paused" : "none";
  if (status === "none") return { status, leftMs: null };
  return { status, leftMs: timeLeft({ endsAt: timer.endsAt, remainingMs: status === "paused" ? timer.remainingMs : null }, Date.now() + offsetMs) };
}

/** The timer's remaining time, re-rendered a few times a second while it runs, corrected by the
 *  server's clock so every screen in the room shows the same number. */
export function useCountdown(timer: TimerView | null, offsetMs: number): Countdown {
  const [, setTick] = useState(0);
  const running = timer?.endsAt != null;
  useEffect(() => {
    if (!running) return;
    const id = window.setInterval(() => setTick((t) => t + 1), 250);
    return () => window.clearInterval(id);
  }, [running]);
  if (!timer) return { status: "none", leftMs: null };
  return countdownAt(timer, offsetMs);
}

const noSubscription = () => () => {};

/** The page's origin: the server's guess while rendering on the server and hydrating (so the
 *  markup matches), then the browser's own. */
export function useOrigin(initial: string): string {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => initial,
  );
}
