import { TIMER_MAX_SECONDS } from "@/lib/protocol/schemas";

/** The console's timer field counts whole minutes, 1 to 120: what it says is what it takes
 *  (the server would take 10 s, but a field in minutes never offers that). Pure. */
export const TIMER_FIELD_MIN_MINUTES = 1;
export const TIMER_FIELD_MAX_MINUTES = TIMER_MAX_SECONDS / 60;

export type TimerMinutes = { ok: true; seconds: number | null } | { ok: false; problem: "notANumber" | "outOfRange" };

/** Minutes typed by the facilitator ("5", " 12 ") → seconds for the server; empty means no timer. */
export function parseTimerMinutes(raw: string): TimerMinutes {
  const text = raw.trim().replace(",", ".");
  if (text === "") return { ok: true, seconds: null };
  const minutes = Number(text);
  if (!Number.isFinite(minutes)) return { ok: false, problem: "notANumber" };
  if (!Number.isInteger(minutes) || minutes < TIMER_FIELD_MIN_MINUTES || minutes > TIMER_FIELD_MAX_MINUTES) return { ok: false, problem: "outOfRange" };
  return { ok: true, seconds: minutes * 60 };
}
