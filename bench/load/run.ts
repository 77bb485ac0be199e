import type { ProgressView } from "../../lib/protocol/views";
import { inProcessGroup, workerGroup, type GroupHandle } from "./groups";
import { Latency, type LatencySummary } from "./histogram";
import type { GroupResult, PhonePlan } from "./phones";
import { createSession, must, openSocket, signIn, type LoadSocket } from "./protocol-client";
import { scrapeMetrics, serverFigures, type Scrape, type ServerFigures } from "./server-metrics";
import { verifyPlacements, type Verification } from "./verify";

/** The load generator's library entry: `npm run load` (cli.ts) and the CI check call it. */
export interface LoadOptions {
  url: string;
  /** Join this session; without it the generator signs in (`facilitator`) and creates one. */
  code?: string;
  /** A facilitator account: creates the session (when no code) and is the simulated console. */
  facilitator?: { email: string; password: string };
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
  options: Omit<LoadOptions, "facilitator" | "databaseUrl" | "metricsToken">;
  joined: number;
  joinRatePerSecond: number;
  joinLatencyMs: LatencySummary;
  placementAckMs: LatencySummary;
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
  const cookie = options.facilitator ? await signIn(options.url, options.facilitator.email, options.facilitator.password) : undefined;
  let code = options.code;
  let workshopId: string | undefined;
  if (!code) {
    if (!cookie) throw new Error("give a session code, or a facilitator account to create a session");
    ({ id: workshopId, code } = await createSession(options.url, cookie, options.deck));
  }
  // The simulated console: the facilitator's socket, receiving the aggregate stream.
  let console_: LoadSocket | undefined;
  const progress: { at: number; placed: number }[] = [];
  if (cookie && workshopId) {
    console_ = await openSocket(options.url, { role: "facilitator", workshopId }, { cookie });
    cleanups.push(() => console_?.close());
    console_.on("session:progress", (view: ProgressView) => progress.push({ at: Date.now(), placed: view.placed }));
    await must(console_, "session:openLobby");
  }

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
      code: code!,
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
  if (console_) {
    await must(console_, "session:start", {});
    sortStart = Date.now();
  }
  const sortBegan = Date.now();
  const results = await Promise.all(groups.map((g) => g.sort(sortStart)));
  const sortSeconds = (Date.now() - sortBegan) / 1000;
  let revealMs: number | null = null;
  if (console_) {
    const started = Date.now();
    await must(console_, "session:reveal");
    revealMs = Date.now() - started;
  }
  clearInterval(scraper);
  await scrape();

  const merged = merge(results);
  const phones = results.flatMap((r) => r.phones);
  return {
    options: { url: options.url, code, deck: options.deck, phones: options.phones, joinRate: options.joinRate, sortSeconds: options.sortSeconds, moveAgainEvery: options.moveAgainEvery, workers: options.workers, forwardedFor: options.forwardedFor, ackTimeoutMs: options.ackTimeoutMs, maxSeconds: options.maxSeconds },
    joined,
    joinRatePerSecond: Math.round((joined / joinSeconds) * 10) / 10,
    joinLatencyMs: merged.join.summary(),
    placementAckMs: merged.ack.summary(),
    placementToConsoleMs: console_ ? consoleLatency(merged.intents, progress).summary() : null,
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
