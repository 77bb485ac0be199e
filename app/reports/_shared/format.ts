import type { Phase } from "@/lib/domain/phases";
import type { Locale } from "@/lib/i18n/locales";

/** Display helpers shared by the results pages (server and client), in the UI's locale. Dates are
 *  shown in UTC so server and browser render the same text. */

/** The message key of each phase's label (the dashboard's). */
export const PHASE_KEYS = {
  draft: "dashboard.phase.draft",
  lobby: "dashboard.phase.lobby",
  sorting: "dashboard.phase.sorting",
  revealed: "dashboard.phase.revealed",
  closed: "dashboard.phase.closed",
} as const satisfies Record<Phase, string>;

const INTL_LOCALES: Record<Locale, string> = { en: "en-GB", it: "it-IT" };

export interface ReportFormat {
  /** "5 Mar 2025" / "5 mar 2025" (UTC). */
  date: (value: Date | string) => string;
  /** "5 Mar 2025, 14:03 UTC". */
  dateTime: (value: Date | string) => string;
  /** A share 0..1 as "67%"; "—" when there is none. */
  percent: (share: number | null | undefined) => string;
  /** A whole number with the locale's grouping ("5,000" / "5000"). */
  count: (value: number) => string;
  /** A whole number as is, anything else with `digits` decimals ("2.3" / "2,3"); "—" when missing. */
  number: (value: number | null | undefined, digits?: number) => string;
  /** Always `digits` decimals ("0.50" / "0,50"). */
  fixed: (value: number, digits: number) => string;
}

const formats = new Map<Locale, ReportFormat>();

export function reportFormat(locale: Locale): ReportFormat {
  const cached = formats.get(locale);
  if (cached) return cached;
  const tag = INTL_LOCALES[locale];
  const date = new Intl.DateTimeFormat(tag, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const dateTime = new Intl.DateTimeFormat(tag, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" });
  const percent = new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 0 });
  const count = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const decimals = new Map<number, Intl.NumberFormat>();
  const decimal = (digits: number) => {
    let f = decimals.get(digits);
    if (!f) decimals.set(digits, (f = new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
    return f;
  };
  const toDate = (value: Date | string) => (typeof value === "string" ? new Date(value) : value);
  const format: ReportFormat = {
    date: (value) => date.format(toDate(value)),
    dateTime: (value) => dateTime.format(toDate(value)),
    percent: (share) => (share === null || share === undefined || !Number.isFinite(share) ? "—" : percent.format(share)),
    count: (value) => count.format(value),
    number: (value, digits = 1) => {
      if (value === null || value === undefined || !Number.isFinite(value)) return "—";
      return Number.isInteger(value) ? count.format(value) : decimal(digits).format(value);
    },
    fixed: (value, digits) => decimal(digits).format(value),
  };
  formats.set(locale, format);
  return format;
}

/** "1:05" (m:ss) or "1:02:03" for durations in ms. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return "—";
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** Short label for a statement on a chart axis. */
export function shortText(text: string, max = 38): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
