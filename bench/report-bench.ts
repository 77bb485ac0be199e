/**
 * Results-review benchmark (not a test): seeds one session of 5,000 participants × 30 statements
 * straight into a throwaway PostgreSQL database with set-based SQL, then measures what the two
 * heaviest endpoints do, through the very handler functions their route handlers call:
 *
 *   - the report   (GET /api/sessions/:id/report → reportResponse: 5 queries + buildReport + JSON)
 *   - the CSV export (GET /api/sessions/:id/export?format=csv → exportResponse: streamed, read to the end)
 *
 * Latency: performance.now(), one warm-up then RUNS runs, median (min–max). Memory:
 * process.memoryUsage() heap sampled before, during (per streamed chunk) and after each run, and
 * the process's peak RSS. Run `npx tsx --expose-gc bench/report-bench.ts` to collect garbage
 * between runs (steadier heap figures); plain `npx tsx bench/report-bench.ts` works too.
 *
 * Database: TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres. The role must
 * be allowed to CREATE DATABASE; a database sortroom_bench_<random> is created, migrated, seeded
 * and dropped at the end (also on failure).
 *
 * Options (environment): BENCH_PARTICIPANTS (5000), BENCH_STATEMENTS (30), BENCH_ROUNDS (1 or 2),
 * BENCH_RUNS (7).
 */
import { randomBytes } from "node:crypto";
import { databaseUrl, withClient } from "./db";
import pino from "pino";
import { disconnectDb } from "@/lib/db/client";
import { exportResponse, reportResponse } from "@/lib/reports/http";
import { loadReportInput } from "@/lib/db/reports/reads";
import type { Deck } from "@/lib/decks/types";
import { buildReport } from "@/lib/domain/report";
import { migrate } from "@/server/db/migrate";

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 5_000);
const STATEMENTS = Number(process.env.BENCH_STATEMENTS ?? 30);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1) === 2 ? 2 : 1;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const ADMIN_URL = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

const gc = (globalThis as { gc?: () => void }).gc;
const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const ms = (v: number) => `${v.toFixed(0)} ms`;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function summary(values: number[], format: (v: number) => string): string {
  return `${format(median(values))} (min ${format(Math.min(...values))}, max ${format(Math.max(...values))})`;
}

function benchDeck(): Deck {
  const columns = [
    { id: "leader", label: "Leader" },
    { id: "manager", label: "Manager" },
    { id: "both", label: "Both" },
  ];
  return {
    title: "Benchmark deck",
    description: "",
    language: "en",
    version: 1,
    columns,
    statements: Array.from({ length: STATEMENTS }, (_, i) => ({
      id: `statement-${String(i + 1).padStart(2, "0")}`,
      text: i % 7 === 0 ? `=Formula-looking statement number ${i + 1}, with "quotes"` : `Statement number ${i + 1} about leading and managing people`,
      canonical: columns[i % columns.length]!.id,
      explanation: "",
    })),
  };
}

/** Seeds one session with set-based SQL; returns its id and owner. */
async function seed(url: string, deck: Deck): Promise<{ workshopId: string; ownerId: string; placements: number }> {
  return withClient(url, async (c) => {
    const t0 = new Date("2026-11-20T09:00:00.000Z");
    const ownerId = (await c.query(`INSERT INTO users (id, email) VALUES (gen_random_uuid(), 'bench@example.com') RETURNING id`)).rows[0].id as string;
    const workshopId = (
      await c.query(
        `INSERT INTO workshops (id, code, owner_id, title, deck_snapshot, phase, round, max_rounds, presenter_key, created_at, closed_at)
         VALUES (gen_random_uuid(), 'BENCH1', $1, 'Benchmark session', $2, 'closed', $3, $3, 'bench-key', $4, $4::timestamptz + interval '2 hours') RETURNING id`,
        [ownerId, JSON.stringify(deck), ROUNDS, t0],
      )
    ).rows[0].id as string;
    await c.query(
      `INSERT INTO phase_events (workshop_id, phase, round, at)
       SELECT $1, e.phase::"WorkshopPhase", e.round, $2::timestamptz + e.offset_s * interval '1 second'
       FROM unnest($3::text[], $4::int[], $5::int[]) AS e(phase, round, offset_s)`,
      [
        workshopId,
        t0,
        ["draft", "lobby", "sorting", "revealed", ...(ROUNDS === 2 ? ["sorting", "revealed"] : []), "closed"],
        [1, 1, 1, 1, ...(ROUNDS === 2 ? [2, 2] : []), ROUNDS],
        [0, 60, 300, 1200, ...(ROUNDS === 2 ? [2400, 3300] : []), 3600],
      ],
    );
    await c.query(
      `INSERT INTO participants (id, workshop_id, nickname, nickname_key, token_hash, cohort, kicked, joined_at)
       SELECT gen_random_uuid(), $1::uuid, CASE WHEN g % 50 = 0 THEN '=cmd|' || g ELSE 'Participant ' || g END, 'participant ' || g,
              md5($1::uuid::text || g), CASE WHEN g % 3 = 0 THEN 'Sales' ELSE 'Engineering' END, g % 500 = 0,
              $2::timestamptz + interval '60 seconds' + g * interval '20 ms'
       FROM generate_series(1, $3::int) AS g`,
      [workshopId, t0, PARTICIPANTS],
    );
    const keys = deck.statements.map((s) => s.id);
    const canon = deck.statements.map((s) => s.canonical);
    const columns = deck.columns.map((col) => col.id);
    // Deterministic pseudo-random numbers in [0, 1) from md5, per participant × round × statement.
    const hash = (salt: string) => `(('x' || substr(md5(p.id::text || r.round || s.key || '${salt}'), 1, 8))::bit(32)::bigint / 4294967296.0)`;
    const placed = await c.query(
      `INSERT INTO placements (workshop_id, participant_id, round, statement_key, "column", confidence, seq, placed_at)
       SELECT $1, p.id, r.round, s.key,
              CASE WHEN ${hash("c")} < 0.02 THEN NULL
                   WHEN ${hash("c")} < 0.62 + 0.1 * r.round THEN s.canonical
                   ELSE ($4::text[])[1 + floor(${hash("w")} * ${columns.length})::int] END,
              CASE WHEN ${hash("k")} < 0.5 THEN 'sure'::"Confidence" WHEN ${hash("k")} < 0.8 THEN 'unsure'::"Confidence" END,
              (r.round - 1) * 1000 + s.ord,
              $5::timestamptz + (r.round - 1) * interval '2100 seconds' + interval '300 seconds' + ${hash("t")} * interval '800 seconds'
       FROM participants p
       CROSS JOIN generate_series(1, $6::int) AS r(round)
       CROSS JOIN unnest($2::text[], $3::text[]) WITH ORDINALITY AS s(key, canonical, ord)
       WHERE p.workshop_id = $1 AND ${hash("skip")} >= 0.03`,
      [workshopId, keys, canon, columns, t0, ROUNDS],
    );
    await c.query(
      `WITH correct AS (
         SELECT pl.participant_id, pl.round, count(*) FILTER (WHERE pl."column" = s.canonical)::int AS n
         FROM placements pl JOIN unnest($2::text[], $3::text[]) AS s(key, canonical) ON s.key = pl.statement_key
         WHERE pl.workshop_id = $1 GROUP BY 1, 2)
       INSERT INTO submissions (workshop_id, participant_id, round, submitted_at, by_participant, score, total)
       SELECT $1, p.id, r.round,
              CASE WHEN (('x' || substr(md5(p.id::text || r.round), 1, 8))::bit(32)::bigint % 10) < 7
                   THEN $4::timestamptz + (r.round - 1) * interval '2100 seconds' + interval '300 seconds' + (('x' || substr(md5(p.id::text), 1, 6))::bit(24)::int % 900) * interval '1 second'
                   ELSE $4::timestamptz + (r.round - 1) * interval '2100 seconds' + interval '1200 seconds' END,
              (('x' || substr(md5(p.id::text || r.round), 1, 8))::bit(32)::bigint % 10) < 7,
              COALESCE(correct.n, 0), $5::int
       FROM participants p CROSS JOIN generate_series(1, $6::int) AS r(round)
       LEFT JOIN correct ON correct.participant_id = p.id AND correct.round = r.round
       WHERE p.workshop_id = $1 AND NOT p.kicked`,
      [workshopId, keys, canon, t0, STATEMENTS, ROUNDS],
    );
    await c.query("ANALYZE");
    return { workshopId, ownerId, placements: placed.rowCount ?? 0 };
  });
}

interface Run {
  ms: number;
  firstByteMs?: number;
  bytes: number;
  heapBefore: number;
  heapPeak: number;
  heapAfter: number;
}

/** Reads a Response body to the end, sampling the heap at every chunk (after a full collection
 *  when `collect`, so the sample is what is still alive, not garbage waiting to be collected). */
async function drain(response: Response, started: number, heapBefore: number, collect = false): Promise<Run> {
  const reader = response.body!.getReader();
  let bytes = 0;
  let firstByteMs: number | undefined;
  let heapPeak = heapBefore;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    firstByteMs ??= performance.now() - started;
    bytes += value.byteLength;
    if (collect) gc?.();
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }
  const total = performance.now() - started;
  const heapAfter = process.memoryUsage().heapUsed;
  return { ms: total, firstByteMs, bytes, heapBefore, heapPeak: Math.max(heapPeak, heapAfter), heapAfter };
}

async function measure(label: string, once: () => Promise<Run>): Promise<Run[]> {
  gc?.();
  await once(); // warm-up (connections, JIT)
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    gc?.();
    runs.push(await once());
    process.stdout.write(`  ${label} run ${i + 1}/${RUNS}: ${ms(runs.at(-1)!.ms)}\n`);
  }
  return runs;
}

async function main(): Promise<void> {
  const name = `sortroom_bench_${randomBytes(5).toString("hex")}`;
  const url = databaseUrl(ADMIN_URL, name);
  process.stdout.write(`Creating ${name} on ${new URL(ADMIN_URL).host}…\n`);
  await withClient(ADMIN_URL, (c) => c.query(`CREATE DATABASE "${name}"`));
  try {
    await migrate(url, pino({ level: "silent" }));
    process.env.DATABASE_URL = url;
    const deck = benchDeck();
    const seedStart = performance.now();
    const { workshopId, ownerId, placements } = await seed(url, deck);
    process.stdout.write(
      `Seeded ${PARTICIPANTS} participants × ${STATEMENTS} statements × ${ROUNDS} round(s): ${placements} placements in ${ms(performance.now() - seedStart)}\n\n`,
    );

    const base = `http://bench.local/api/sessions/${workshopId}`;
    // Report: the handler the route calls (ownership check, 5 queries, buildReport, JSON body).
    const report = await measure("report", async () => {
      const heapBefore = process.memoryUsage().heapUsed;
      const started = performance.now();
      const response = await reportResponse(new Request(`${base}/report`), workshopId, ownerId);
      if (response.status !== 200) throw new Error(`report: ${response.status}`);
      return drain(response, started, heapBefore);
    });
    // Its two parts, separately.
    const load: number[] = [];
    const build: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      gc?.();
      const t0 = performance.now();
      const input = await loadReportInput(workshopId);
      const t1 = performance.now();
      buildReport(input!);
      load.push(t1 - t0);
      build.push(performance.now() - t1);
    }
    // CSV export: the streamed body, read to the end as a client would.
    const csv = await measure("csv", async () => {
      const heapBefore = process.memoryUsage().heapUsed;
      const started = performance.now();
      const response = await exportResponse(new Request(`${base}/export?format=csv`), workshopId, ownerId);
      if (response.status !== 200) throw new Error(`export: ${response.status}`);
      return drain(response, started, heapBefore);
    });

    // Live memory (needs --expose-gc): what the work keeps alive at its peak, garbage excluded.
    let reportLive: number | null = null;
    let csvLive: number | null = null;
    if (gc) {
      gc();
      const heap0 = process.memoryUsage().heapUsed;
      const input = await loadReportInput(workshopId);
      gc();
      const afterLoad = process.memoryUsage().heapUsed;
      const built = buildReport(input!);
      gc();
      const afterBuild = process.memoryUsage().heapUsed;
      const body = JSON.stringify(built);
      gc();
      reportLive = Math.max(afterLoad, afterBuild, process.memoryUsage().heapUsed) - heap0;
      if (body.length === 0) throw new Error("empty report");
      gc();
      const csvBase = process.memoryUsage().heapUsed;
      const response = await exportResponse(new Request(`${base}/export?format=csv`), workshopId, ownerId);
      const run = await drain(response, performance.now(), csvBase, true);
      csvLive = run.heapPeak - csvBase;
    }

    const rss = process.resourceUsage().maxRSS * 1024;
    const rows = (PARTICIPANTS - Math.floor(PARTICIPANTS / 500)) * STATEMENTS * ROUNDS;
    const lines = [
      "",
      `SortRoom results-review benchmark: ${PARTICIPANTS} participants × ${STATEMENTS} statements × ${ROUNDS} round(s), ${placements} placement rows`,
      `Node ${process.version}, ${RUNS} runs after a warm-up, median (min, max); gc between runs: ${gc ? "yes" : "no (run with --expose-gc)"}`,
      "",
      `Report (reportResponse: load + buildReport + JSON body)`,
      `  latency          ${summary(report.map((r) => r.ms), ms)}`,
      `    load (5 queries, one transaction)  ${summary(load, ms)}`,
      `    buildReport (pure)                 ${summary(build, ms)}`,
      `  JSON body        ${mb(report[0]!.bytes)}`,
      `  heap peak − before   ${summary(report.map((r) => r.heapPeak - r.heapBefore), mb)}  (includes garbage not yet collected)`,
      `  live heap at peak    ${reportLive === null ? "n/a (run with --expose-gc)" : mb(reportLive)}  (input rows + report, garbage excluded)`,
      "",
      `CSV export (exportResponse, streamed, read to the end): ${rows} rows`,
      `  latency (last byte)  ${summary(csv.map((r) => r.ms), ms)}`,
      `  time to first byte   ${summary(csv.map((r) => r.firstByteMs ?? r.ms), ms)}`,
      `  body                 ${mb(csv[0]!.bytes)}`,
      `  heap peak − before   ${summary(csv.map((r) => r.heapPeak - r.heapBefore), mb)}  (includes garbage not yet collected)`,
      `  live heap at peak    ${csvLive === null ? "n/a (run with --expose-gc)" : mb(csvLive)}  (one page at a time; the whole body, ${mb(csv[0]!.bytes)}, is never held)`,
      "",
      `Process peak RSS (whole run, including seeding client and Prisma): ${mb(rss)}`,
      "",
    ];
    process.stdout.write(lines.join("\n"));
  } finally {
    await disconnectDb();
    await withClient(ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    process.stdout.write(`Dropped ${name}.\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
