"use client";

import type { ReactElement } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { DeckColumn } from "@/lib/decks/types";
import { useT } from "@/lib/i18n/client";
import { reportFormat, shortText } from "./format";
import styles from "./reports.module.css";

/** Colour-blind-safe column colours (each ≥ 4.5:1 on white) plus a pattern per column, so bars can
 *  be told apart in black and white; "not placed" is light grey with dots. */
export const COLUMN_COLOURS = ["#0072b2", "#b35900", "#7b3294", "#00756f"] as const;
const NOT_PLACED_FILL = "#e3e4ea";
const INK = "#1b1c22";

export const patternId = (index: number | "none") => `sr-pattern-${index}`;
export const patternFill = (index: number | "none") => `url(#${patternId(index)})`;

/** The SVG patterns every chart and legend refers to. Render once per page. */
export function ChartPatterns() {
  return (
    <svg className={styles.patterns} aria-hidden="true" focusable="false">
      <defs>
        {/* 0: solid */}
        <pattern id={patternId(0)} width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill={COLUMN_COLOURS[0]} />
        </pattern>
        {/* 1: diagonal stripes */}
        <pattern id={patternId(1)} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="8" height="8" fill={COLUMN_COLOURS[1]} />
          <rect width="3" height="8" fill="#ffffff" fillOpacity="0.55" />
        </pattern>
        {/* 2: dots */}
        <pattern id={patternId(2)} width="7" height="7" patternUnits="userSpaceOnUse">
          <rect width="7" height="7" fill={COLUMN_COLOURS[2]} />
          <circle cx="3.5" cy="3.5" r="1.6" fill="#ffffff" fillOpacity="0.75" />
        </pattern>
        {/* 3: cross-hatch */}
        <pattern id={patternId(3)} width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill={COLUMN_COLOURS[3]} />
          <path d="M0 4H8M4 0V8" stroke="#ffffff" strokeOpacity="0.6" strokeWidth="1.5" />
        </pattern>
        {/* not placed: pale with small dark dots */}
        <pattern id={patternId("none")} width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill={NOT_PLACED_FILL} />
          <circle cx="3" cy="3" r="0.8" fill={INK} fillOpacity="0.45" />
        </pattern>
      </defs>
    </svg>
  );
}

function Swatch({ fill }: { fill: string }) {
  return (
    <svg className={styles.swatch} width="22" height="14" aria-hidden="true" focusable="false">
      <rect width="22" height="14" fill={fill} />
    </svg>
  );
}

/** Legend: pattern + label per deck column, and "not placed". */
export function ColumnLegend({ columns, notPlaced = true }: { columns: readonly DeckColumn[]; notPlaced?: boolean }) {
  const { t } = useT();
  return (
    <ul className={styles.legend} aria-label={t("reports.charts.legend")}>
      {columns.map((c, i) => (
        <li key={c.id}>
          <Swatch fill={patternFill(i)} />
          {c.label}
        </li>
      ))}
      {notPlaced ? (
        <li>
          <Swatch fill={patternFill("none")} />
          {t("reports.table.notPlaced")}
        </li>
      ) : null}
    </ul>
  );
}

interface LabelProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  value?: number | string | null | boolean | ReadonlyArray<unknown>;
}

const num = (v: unknown): number => (typeof v === "number" ? v : Number(v ?? 0));

/** Dark text with a white halo: readable on every fill, in colour or in black and white. */
function haloText(x: number, y: number, text: string, anchor: "middle" | "start" = "middle"): ReactElement {
  return (
    <text x={x} y={y} textAnchor={anchor} dominantBaseline="central" fontSize={12} fontWeight={700} fill={INK} stroke="#ffffff" strokeWidth={3} paintOrder="stroke">
      {text}
    </text>
  );
}

function segmentLabel(props: LabelProps): ReactElement | null {
  const width = num(props.width);
  const count = num(props.value);
  if (!count || width < 22) return null;
  return haloText(num(props.x) + width / 2, num(props.y) + num(props.height) / 2, String(count));
}

function topLabel(props: LabelProps): ReactElement | null {
  const count = num(props.value);
  if (!count) return null;
  return haloText(num(props.x) + num(props.width) / 2, num(props.y) - 9, String(count));
}

// ── score distribution ────────────────────────────────────────────────────────────────────────

export function ScoreDistributionChart({ distribution, total, round }: { distribution: readonly number[]; total: number; round: number }) {
  const { t, locale } = useT();
  const f = reportFormat(locale);
  const data = distribution.map((participants, score) => ({ score: String(score), participants }));
  const participantsLabel = t("reports.table.participants");
  return (
    <figure className={styles.chart} tabIndex={0}>
      <figcaption>{t("reports.charts.distributionCaption", { round, total })}</figcaption>
      <BarChart width={820} height={260} data={data} margin={{ top: 24, right: 16, bottom: 28, left: 8 }} title={t("reports.charts.distributionTitle", { round })}>
        <CartesianGrid stroke="#d5d7de" vertical={false} />
        <XAxis dataKey="score" stroke={INK} tick={{ fill: INK }} label={{ value: t("reports.charts.scoreAxis", { total }), position: "insideBottom", offset: -16, fill: INK }} />
        <YAxis
          allowDecimals={false}
          stroke={INK}
          tick={{ fill: INK }}
          tickFormatter={(v: number) => f.count(v)}
          width={48}
          label={{ value: participantsLabel, angle: -90, position: "insideLeft", fill: INK }}
        />
        <Tooltip cursor={{ fill: "#eef0f6" }} formatter={(v) => [f.count(Number(v)), participantsLabel]} labelFormatter={(l) => t("reports.charts.scoreTooltip", { score: String(l) })} />
        <Bar dataKey="participants" name={participantsLabel} fill={patternFill(0)} stroke={INK} strokeWidth={1} isAnimationActive={false}>
          <LabelList dataKey="participants" content={topLabel} />
        </Bar>
      </BarChart>
    </figure>
  );
}

// ── per statement, stacked ────────────────────────────────────────────────────────────────────

export interface StackStatement {
  position: number;
  text: string;
  counts: Record<string, number>;
  notPlaced: number;
}

export function StatementStackChart({ statements, columns, participants, round }: { statements: readonly StackStatement[]; columns: readonly DeckColumn[]; participants: number; round: number }) {
  const { t, locale } = useT();
  const f = reportFormat(locale);
  const data = statements.map((s) => {
    const row: Record<string, number | string> = { label: `${s.position}. ${shortText(s.text, 44)}`, text: s.text };
    columns.forEach((c, i) => {
      const count = s.counts[c.id] ?? 0;
      row[`c${i}`] = count;
      row[`p${i}`] = participants > 0 ? (count / participants) * 100 : 0;
    });
    row.cn = s.notPlaced;
    row.pn = participants > 0 ? (s.notPlaced / participants) * 100 : 0;
    return row;
  });
  const height = 56 + statements.length * 30;
  return (
    <figure className={styles.chart} tabIndex={0}>
      <figcaption>{t("reports.charts.stackCaption", { round, participants: f.count(participants) })}</figcaption>
      <BarChart width={900} height={height} data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 24, left: 8 }} barCategoryGap={5}>
        <CartesianGrid stroke="#d5d7de" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => f.percent(v / 100)} stroke={INK} tick={{ fill: INK }} />
        <YAxis type="category" dataKey="label" width={330} stroke={INK} tick={{ fill: INK, fontSize: 12 }} interval={0} />
        <Tooltip
          cursor={{ fill: "#eef0f6" }}
          formatter={(value, name, item) => {
            const key = String(item.dataKey ?? "").replace("p", "c");
            const count = (item.payload as Record<string, number>)[key] ?? 0;
            return [`${f.count(count)} (${f.percent(Number(value) / 100)})`, String(name)];
          }}
        />
        {columns.map((c, i) => (
          <Bar key={c.id} dataKey={`p${i}`} name={c.label} stackId="placed" fill={patternFill(i)} stroke="#ffffff" strokeWidth={1} isAnimationActive={false}>
            <LabelList dataKey={`c${i}`} content={segmentLabel} />
          </Bar>
        ))}
        <Bar dataKey="pn" name={t("reports.table.notPlaced")} stackId="placed" fill={patternFill("none")} stroke="#ffffff" strokeWidth={1} isAnimationActive={false}>
          <LabelList dataKey="cn" content={segmentLabel} />
        </Bar>
      </BarChart>
      <ColumnLegend columns={columns} />
    </figure>
  );
}

// ── mean score over time ──────────────────────────────────────────────────────────────────────

export interface TrendPoint {
  label: string;
  /** Mean score as a percentage, or null (no data). */
  percent: number | null;
}

export function MeanTrendChart({ points }: { points: readonly TrendPoint[] }) {
  const { t, locale } = useT();
  const f = reportFormat(locale);
  const data = points.map((p) => ({ label: p.label, percent: p.percent === null ? null : Math.round(p.percent * 10) / 10 }));
  const meanScore = t("reports.table.meanScore");
  /** 12.5 → "12.5%" / "12,5%". */
  const percentText = (v: unknown) => `${f.number(Number(v))}%`;
  return (
    <figure className={styles.chart} tabIndex={0}>
      <figcaption>{t("reports.charts.trendCaption")}</figcaption>
      <LineChart width={860} height={300} data={data} margin={{ top: 24, right: 24, bottom: 28, left: 8 }}>
        <CartesianGrid stroke="#d5d7de" />
        <XAxis dataKey="label" stroke={INK} tick={{ fill: INK, fontSize: 12 }} interval="preserveStartEnd" />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => f.percent(v / 100)} stroke={INK} tick={{ fill: INK }} width={48} />
        <Tooltip formatter={(v) => [percentText(v), meanScore]} />
        <Line
          type="linear"
          dataKey="percent"
          name={meanScore}
          stroke={COLUMN_COLOURS[0]}
          strokeWidth={2.5}
          dot={{ r: 5, stroke: INK, strokeWidth: 1.5, fill: "#ffffff" }}
          connectNulls
          isAnimationActive={false}
        >
          <LabelList dataKey="percent" content={(p: LabelProps) => (p.value === null || p.value === undefined ? null : haloText(num(p.x), num(p.y) - 14, percentText(p.value)))} />
        </Line>
      </LineChart>
    </figure>
  );
}
