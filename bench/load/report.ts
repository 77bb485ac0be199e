import type { LatencySummary } from "./histogram";
import type { LoadReport } from "./run";

const ms = (v: number | null) => (v === null ? "–" : `${v.toLocaleString("en")} ms`);
const row = (name: string, s: LatencySummary | null) =>
  s ? `| ${name} | ${s.n.toLocaleString("en")} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.p999)} | ${ms(s.max)} |` : `| ${name} | – | – | – | – | – | – |`;

/** The report as markdown tables (the JSON is the same figures). */
export function markdownReport(r: LoadReport): string {
  const v = r.verification;
  const s = r.server;
  const errors = Object.entries(r.errors);
  return [
    `### SortRoom load: ${r.joined.toLocaleString("en")} of ${r.options.phones.toLocaleString("en")} phones joined, ${r.options.url}`,
    "",
    "| latency (from the intended send time) | n | p50 | p95 | p99 | p99.9 | max |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    row("join (connect + participant:join)", r.joinLatencyMs),
    row("placement ack", r.placementAckMs),
    row("placement → console aggregate", r.placementToConsoleMs),
    row("submit", r.submitMs),
    "",
    "| figure | value |",
    "| --- | --- |",
    `| join rate | ${r.joinRatePerSecond} joins/s (offered ${r.options.joinRate}/s) |`,
    `| placements sent | ${r.placementsSent.toLocaleString("en")} (${r.placementsPerSecond} /s) |`,
    `| roster messages to the console / their JSON bytes | ${r.consoleRoster ? `${r.consoleRoster.messages.toLocaleString("en")} / ${r.consoleRoster.bytes.toLocaleString("en")} B` : "– (no console: API token)"} |`,
    `| reveal | ${ms(r.revealMs)} |`,
    `| errors by code | ${errors.length ? errors.map(([k, n]) => `${k}: ${n}`).join(", ") : "none"} |`,
    `| lost / doubled placements | ${v ? `${v.lost} / ${v.doubled} (of ${v.checked.toLocaleString("en")} acknowledged cards checked)` : "not checked (no database URL)"} |`,
    `| stored moves whose ack never arrived (timed out or failed after the write; not an error) | ${v ? v.storedUnacknowledged.toLocaleString("en") : "–"} |`,
    `| server CPU (cores, mean over the run) | ${s.cpuCores ?? "–"} |`,
    `| server RSS max | ${s.rssMaxMb === null ? "–" : `${s.rssMaxMb} MB`} |`,
    `| server memory per joined phone ((RSS max − RSS before the joins) / phones) | ${s.rssMaxMb === null || s.rssStartMb === null || r.joined === 0 ? "–" : `${Math.round(((s.rssMaxMb - s.rssStartMb) * 1024) / r.joined)} KB (from ${s.rssStartMb} MB)`} |`,
    `| server event-loop delay p99 / max (histogram bucket bound) | ${ms(s.eventLoopDelayP99Ms)} / ${ms(s.eventLoopDelayMaxBucketMs)} |`,
    `| server nodejs_eventloop_lag_p99 (highest scrape) | ${ms(s.eventLoopLagP99MaxMs)} (${s.scrapes} scrapes) |`,
    `| placement batches written / mean size / write time p99 (bucket bound) | ${s.placementBatches ?? "n/a"} / ${s.placementBatchMean ?? "n/a"} / ${ms(s.placementFlushP99Ms)} |`,
    ...perSessionTable(r),
  ].join("\n");
}

/** With several sessions at once: each one's p50/p99, and the spread, so a session slowed by
 *  another stands out. */
function perSessionTable(r: LoadReport): string[] {
  if (r.perSession.length === 0) return [];
  const p99s = r.perSession.map((x) => x.placementAckMs.p99 ?? 0);
  return [
    "",
    `${r.perSession.length} sessions: placement ack p99 from ${ms(Math.min(...p99s))} to ${ms(Math.max(...p99s))}`,
    "",
    "| session | phones | ack p50 | ack p99 | console p50 | console p99 |",
    "| --- | --- | --- | --- | --- | --- |",
    ...r.perSession.map((x) => `| ${x.code} | ${x.phones} | ${ms(x.placementAckMs.p50)} | ${ms(x.placementAckMs.p99)} | ${ms(x.placementToConsoleMs?.p50 ?? null)} | ${ms(x.placementToConsoleMs?.p99 ?? null)} |`),
  ];
}
