import { startSessionDriver, type SessionDriver } from "./driver";
import { inProcessGroup, workerGroup, type GroupHandle } from "./groups";
import { Latency, type LatencySummary } from "./histogram";
import type { GroupResult, PhonePlan } from "./phones";
import { scrapeMetrics, serverFigures, type Scrape, type ServerFigures } from "./server-metrics";
import { verifyPlacements, type Verification } from "./verify";

/** The load generator's library entry: `npm run load` (cli.ts) and the CI check call it. */
export interface LoadOptions {
  url: string;
  /** Join this session; without it the generator creates one (`facilitator` or `token`). */
  code?: string;
  /** A facilitator account: creates the session (when no code) and is the simulated console. */
  facilitator?: { email: string; password: string };
  /** Or an API token (docs/api.md): creates and drives the session over HTTP; a presenter socket
   *  receives the aggregate stream. */
  token?: string;
  deck: string;
  phones: number;
  joinRate: number;
  sortSeconds: number;
  moveAgainEvery: number;
  /** Worker processes for the phones (0: all in this process). */
  workers: number;
  forwardedFor: boolean;
  /** For the lost/doubled check at the end; skipped without it. */
  databaseUrl?: string;
  metricsToken?: string;
  ackTimeoutMs: number;
  /** The whole run is abandoned after this many seconds. */
  maxSeconds: number;
}

export interface LoadReport {
  options: Omit<LoadOptions, "facilitator" | "token" | "databaseUrl" | "metricsToken">;
  joined: number;
  joinRatePerSecond: number;
  joinLatencyMs: LatencySummary;
  placementAckMs: LatencySummary;
  /** Placement → the staff screens' aggregate (the console's, or with a token the projector's). */
  placementToConsoleMs: LatencySummary | null;
  submitMs: LatencySummary;
  revealMs: number | null;
  placementsSent: number;
  placementsPerSecond: number;
  errors: Record<string, number>;
  verification: Verification | null;
  server: ServerFigures;
}

const MAX_PHONES = 10_000;

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  if (options.phones < 1 || options.phones > MAX_PHONES) throw new Error(`phones must be 1..${MAX_PHONES}`);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the run took longer than ${options.maxSeconds} s: abandoned`)), options.maxSeconds * 1000);
  });
  const cleanups: (() => void)[] = [];
  try {
    return await Promise.race([run(options, cleanups), deadline]);
  } finally {
    clearTimeout(timer);
    for (const cleanup of cleanups) cleanup();
  }
}

async function run(options: LoadOptions, cleanups: (() => void)[]): Promise<LoadReport> {
  // Who runs the session: nobody (phones join someone's session by code), or the generator itself.
  let driver: SessionDriver | undefined;
  if (!options.code) {
    if (options.token && options.facilitator) throw new Error("give an API token or a facilitator account, not both");
    const credentials = options.token ? { token: options.token } : options.facilitator ? { facilitator: options.facilitator } : undefined;
    if (!credentials) throw new Error("give a session code, or an API token or a facilitator account to create a session");
    driver = await startSessionDriver(options.url, options.deck, credentials);
    cleanups.push(() => driver?.close());
    await driver.phase("openLobby");
  }
  const code = options.code ?? driver!.code;

  const scrapes: Scrape[] = [];
  const scrape = async () => {
    const s = await scrapeMetrics(options.url, options.metricsToken);
    if (s) scrapes.push(s);
  };
  await scrape();
  const scraper = setInterval(() => void scrape(), 2_000);
  cleanups.push(() => clearInterval(scraper));

  const groupCount = Math.max(1, options.workers);
  const groups: GroupHandle[] = Array.from({ length: groupCount }, (_, g) => {
    const plan: Omit<PhonePlan, "joinStart"> = {
      url: options.url,
      code,
      phones: Array.from({ length: options.phones }, (_, n) => n).filter((n) => n % groupCount === g),
      joinRate: options.joinRate,
      forwardedFor: options.forwardedFor,
      sortMs: options.sortSeconds * 1000,
      moveAgainEvery: options.moveAgainEvery,
      ackTimeoutMs: options.ackTimeoutMs,
    };
    return options.workers > 0 ? workerGroup(plan) : inProcessGroup(plan);
  });
  cleanups.push(() => groups.forEach((g) => g.close()));
  await Promise.all(groups.map((g) => g.ready()));
  const joinStart = Date.now() + 500;
  const joined = (await Promise.all(groups.map((g) => g.join(joinStart)))).reduce((a, b) => a + b, 0);
  const joinSeconds = (Date.now() - joinStart) / 1000;

  let sortStart: number | null = null;
  if (driver) {
    await driver.phase("start");
    sortStart = Date.now();
  }
  const sortBegan = Date.now();
  const results = await Promise.all(groups.map((g) => g.sort(sortStart)));
  const sortSeconds = (Date.now() - sortBegan) / 1000;
  let revealMs: number | null = null;
  // A reveal that fails (or outlasts the ack timeout) is a finding to report, not a reason to
  // drop the run's figures and its check of lost and doubled placements.
  let revealFailure: string | null = null;
  if (driver) {
    const started = Date.now();
    try {
      await driver.phase("reveal");
      revealMs = Date.now() - started;
    } catch (error) {
      revealFailure = error instanceof Error ? error.message : String(error);
    }
  }
  clearInterval(scraper);
  await scrape();

  const merged = merge(results);
  if (revealFailure) merged.errors[`session:reveal ${revealFailure.split(" ")[2] ?? "failed"}`] = 1;
  const phones = results.flatMap((r) => r.phones);
  return {
    options: { url: options.url, code, deck: options.deck, phones: options.phones, joinRate: options.joinRate, sortSeconds: options.sortSeconds, moveAgainEvery: options.moveAgainEvery, workers: options.workers, forwardedFor: options.forwardedFor, ackTimeoutMs: options.ackTimeoutMs, maxSeconds: options.maxSeconds },
    joined,
    joinRatePerSecond: Math.round((joined / joinSeconds) * 10) / 10,
    joinLatencyMs: merged.join.summary(),
    placementAckMs: merged.ack.summary(),
    placementToConsoleMs: driver ? consoleLatency(merged.intents, driver.progress).summary() : null,
    submitMs: merged.submit.summary(),
    revealMs,
    placementsSent: merged.sent,
    placementsPerSecond: Math.round(merged.sent / sortSeconds),
    errors: merged.errors,
    verification: options.databaseUrl ? await verifyPlacements(options.databaseUrl, phones) : null,
    server: serverFigures(scrapes),
  };
}

function merge(results: GroupResult[]) {
  const join = new Latency();
  const ack = new Latency();
  const submit = new Latency();
  const errors: Record<string, number> = {};
  for (const r of results) {
    join.add(r.joinLatency);
    ack.add(r.ackLatency);
    submit.add(r.submitLatency);
    for (const [key, n] of Object.entries(r.errors)) errors[key] = (errors[key] ?? 0) + n;
  }
  const intents = results.flatMap((r) => r.firstPlacementIntents).sort((a, b) => a - b);
  return { join, ack, submit, errors, intents, sent: results.reduce((n, r) => n + r.placementsSent, 0) };
}

/** Placement → console aggregate: the console's progress counts placed cards across the room; the
 *  j-th acknowledged first placement (by intended send time) is taken as shown once the console
 *  has been sent a count of at least j. Matching by rank, so a late card may be credited to an
 *  earlier one's update; over thousands of cards the percentiles hold. */
function consoleLatency(intents: number[], progress: { at: number; placed: number }[]): Latency {
  const latency = new Latency();
  let p = 0;
  for (const [j, intended] of intents.entries()) {
    while (p < progress.length && progress[p]!.placed < j + 1) p += 1;
    if (p === progress.length) break; // never shown: counted as missing by the caller's totals
    latency.record(Math.max(0, progress[p]!.at - intended));
  }
  return latency;
}
