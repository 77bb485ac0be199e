import { startSessionDriver, type DriverCredentials, type RosterStream, type SessionDriver } from "./driver";
import { inProcessGroup, workerGroup, type GroupHandle } from "./groups";
import { Latency, type LatencySummary } from "./histogram";
import type { GroupResult, PhonePlan } from "./phones";
import { signIn } from "./protocol-client";
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
  /** Sessions the generator creates and runs at once; phone n joins session n mod sessions. The
   *  join rate is the total over all of them. */
  sessions?: number;
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
  /** Roster messages the simulated consoles received over the whole run, and their JSON bytes
   *  (summed over the sessions' consoles); null when no console watched (API token). */
  consoleRoster: RosterStream | null;
  submitMs: LatencySummary;
  revealMs: number | null;
  placementsSent: number;
  placementsPerSecond: number;
  errors: Record<string, number>;
  verification: Verification | null;
  server: ServerFigures;
  /** With more than one session: each one's own figures (does a busy session slow the others?). */
  perSession: SessionFigures[];
}

export interface SessionFigures {
  code: string;
  phones: number;
  placementAckMs: LatencySummary;
  placementToConsoleMs: LatencySummary | null;
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
  // Who runs the sessions: nobody (phones join someone's session by code), or the generator.
  const sessionCount = options.code ? 1 : Math.max(1, options.sessions ?? 1);
  const drivers: SessionDriver[] = [];
  if (!options.code) {
    if (options.token && options.facilitator) throw new Error("give an API token or a facilitator account, not both");
    const credentials: DriverCredentials | undefined = options.token
      ? { token: options.token }
      : options.facilitator
        ? { cookie: await signIn(options.url, options.facilitator.email, options.facilitator.password) }
        : undefined;
    if (!credentials) throw new Error("give a session code, or an API token or a facilitator account to create a session");
    for (let s = 0; s < sessionCount; s++) {
      const driver = await startSessionDriver(options.url, options.deck, credentials);
      cleanups.push(() => driver.close());
      drivers.push(driver);
    }
    await Promise.all(drivers.map((d) => d.phase("openLobby")));
  } else if ((options.sessions ?? 1) > 1) {
    throw new Error("--sessions needs the generator to create the sessions (not --code)");
  }
  const codes = options.code ? [options.code] : drivers.map((d) => d.code);

  const scrapes: Scrape[] = [];
  const scrape = async () => {
    const s = await scrapeMetrics(options.url, options.metricsToken);
    if (s) scrapes.push(s);
  };
  await scrape();
  const scraper = setInterval(() => void scrape(), 2_000);
  cleanups.push(() => clearInterval(scraper));

  // Each session's phones, in as many groups as there are workers (one group without workers).
  const groupsPerSession = Math.max(1, options.workers);
  const sessionOf: number[] = [];
  const groups: GroupHandle[] = [];
  for (const [s, code] of codes.entries()) {
    const mine = Array.from({ length: options.phones }, (_, n) => n).filter((n) => n % sessionCount === s);
    for (let g = 0; g < groupsPerSession; g++) {
      const plan: Omit<PhonePlan, "joinStart"> = {
        url: options.url,
        code,
        phones: mine.filter((_, i) => i % groupsPerSession === g),
        joinRate: options.joinRate,
        forwardedFor: options.forwardedFor,
        sortMs: options.sortSeconds * 1000,
        moveAgainEvery: options.moveAgainEvery,
        ackTimeoutMs: options.ackTimeoutMs,
      };
      groups.push(options.workers > 0 ? workerGroup(plan) : inProcessGroup(plan));
      sessionOf.push(s);
    }
  }
  cleanups.push(() => groups.forEach((g) => g.close()));
  await Promise.all(groups.map((g) => g.ready()));
  const joinStart = Date.now() + 500;
  const joined = (await Promise.all(groups.map((g) => g.join(joinStart)))).reduce((a, b) => a + b, 0);
  const joinSeconds = (Date.now() - joinStart) / 1000;

  let sortStart: number | null = null;
  if (drivers.length > 0) {
    await Promise.all(drivers.map((d) => d.phase("start")));
    sortStart = Date.now();
  }
  const sortBegan = Date.now();
  const results = await Promise.all(groups.map((g) => g.sort(sortStart)));
  const sortSeconds = (Date.now() - sortBegan) / 1000;
  // A reveal that fails (or outlasts the ack timeout) is a finding to report, not a reason to
  // drop the run's figures and its check of lost and doubled placements.
  const revealFailures: string[] = [];
  const revealTimes = await Promise.all(
    drivers.map(async (driver) => {
      const started = Date.now();
      try {
        await driver.phase("reveal");
        return Date.now() - started;
      } catch (error) {
        revealFailures.push(error instanceof Error ? error.message : String(error));
        return null;
      }
    }),
  );
  clearInterval(scraper);
  await scrape();

  const merged = merge(results);
  for (const failure of revealFailures) {
    const key = `session:reveal ${failure.split(" ")[2] ?? "failed"}`;
    merged.errors[key] = (merged.errors[key] ?? 0) + 1;
  }
  const succeeded = revealTimes.filter((t): t is number => t !== null);
  const perSession: SessionFigures[] = codes.map((code, s) => {
    const own = merge(results.filter((_, i) => sessionOf[i] === s));
    const driver = drivers[s];
    return {
      code,
      phones: own.joined,
      placementAckMs: own.ack.summary(),
      placementToConsoleMs: driver ? consoleLatency(own.intents, driver.progress).summary() : null,
    };
  });
  const allConsole = new Latency();
  for (const [s, driver] of drivers.entries()) allConsole.add(consoleLatency(merge(results.filter((_, i) => sessionOf[i] === s)).intents, driver.progress).encode());
  const phones = results.flatMap((r) => r.phones);
  return {
    options: {
      url: options.url,
      code: codes.length === 1 ? codes[0] : undefined,
      deck: options.deck,
      phones: options.phones,
      sessions: sessionCount,
      joinRate: options.joinRate,
      sortSeconds: options.sortSeconds,
      moveAgainEvery: options.moveAgainEvery,
      workers: options.workers,
      forwardedFor: options.forwardedFor,
      ackTimeoutMs: options.ackTimeoutMs,
      maxSeconds: options.maxSeconds,
    },
    joined,
    joinRatePerSecond: Math.round((joined / joinSeconds) * 10) / 10,
    joinLatencyMs: merged.join.summary(),
    placementAckMs: merged.ack.summary(),
    placementToConsoleMs: drivers.length > 0 ? allConsole.summary() : null,
    consoleRoster: rosterTotals(drivers),
    submitMs: merged.submit.summary(),
    revealMs: drivers.length > 0 && succeeded.length === drivers.length ? Math.max(...succeeded) : null,
    placementsSent: merged.sent,
    placementsPerSecond: Math.round(merged.sent / sortSeconds),
    errors: merged.errors,
    verification: options.databaseUrl ? await verifyPlacements(options.databaseUrl, phones) : null,
    server: serverFigures(scrapes),
    perSession: sessionCount > 1 ? perSession : [],
  };
}

/** The consoles' roster streams added up; null when no session had a console. */
function rosterTotals(drivers: SessionDriver[]): RosterStream | null {
  const streams = drivers.flatMap((d) => (d.roster ? [d.roster] : []));
  if (streams.length === 0) return null;
  return streams.reduce((sum, s) => ({ messages: sum.messages + s.messages, bytes: sum.bytes + s.bytes }), { messages: 0, bytes: 0 });
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
  return { join, ack, submit, errors, intents, joined: results.reduce((n, r) => n + r.joined, 0), sent: results.reduce((n, r) => n + r.placementsSent, 0) };
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
