/**
 * `npm run demo`: SortRoom with a room already in it, for a look around without thirty friends.
 *
 * Starts the app as `npm start` does (production build, built first when needed; embedded Postgres
 * when DATABASE_URL is unset), makes sure of a demo facilitator account (printed with a fresh
 * password), creates a session of the built-in "leader-or-manager" deck through the token API,
 * opens and starts it, and lets simulated phones join and sort at a person's pace (a card every
 * 2–6 s, some wrong, some taken back with Undo), then submit. The server keeps running, so the
 * session can be revealed and discussed from the console, until Ctrl-C (or SIGTERM) stops the
 * phones and the server.
 *
 *   npm run demo                      # 30 phones
 *   npm run demo -- --phones 12 --seed 7
 */
import { setMaxListeners } from "node:events";
import { networkInterfaces } from "node:os";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createSessionWithToken, phaseWithToken } from "../bench/load/protocol-client";
import { EnvError, env as processEnv } from "../lib/config/env";
import { getBuiltinDeck } from "../lib/decks/builtin";
import { seededRandom } from "../lib/domain/shuffle";
import { logger } from "../lib/log/logger";
import { startServer, type RunningServer } from "../server/app";
import { serverOptionsFromEnv } from "../server/options";
import { endEarlierSessions, ensureDemoAccount } from "./demo/account";
import { startDemoPhone, type DemoPhone } from "./demo/phone";

const DECK = "leader-or-manager";
const NAMES = ["Ada", "Alan", "Barbara", "Claude", "Dennis", "Donald", "Edsger", "Frances", "Grace", "Hedy", "Ivan", "Joan", "John", "Katherine", "Ken", "Leslie", "Linus", "Margaret", "Niklaus", "Radia", "Robin", "Shafi", "Sophie", "Tim", "Tony", "Ursula", "Vint", "Whitfield", "Yukihiro", "Zhores"];

const flags = z
  .object({
    phones: z.coerce.number().int().min(1).max(200).default(30),
    seed: z.string().min(1).optional(),
  })
  .strict();

/** What is running, for the shutdown to stop. */
const running: { server?: RunningServer; phones: DemoPhone[] } = { phones: [] };
const stopping = new AbortController();

/** Stops the phones (where they are), stops the server (pending writes stored, embedded Postgres
 *  stopped), and exits; a second signal exits at once. Nothing else touches the database here: on
 *  Ctrl-C in a terminal the embedded Postgres got the signal too and is already going, so the
 *  server must close before it notices. The session is left as it is and the next run ends it
 *  (and revokes the token, if the demo was stopped before it could). */
let exiting = false;
function shutdown(code: number): void {
  if (exiting) process.exit(1);
  exiting = true;
  stopping.abort();
  for (const phone of running.phones) phone.close();
  const force = setTimeout(() => process.exit(1), 20_000).unref();
  void (async () => {
    await running.server?.close().catch((error: unknown) => console.error(`The server did not stop cleanly: ${String(error)}`));
    clearTimeout(force);
    process.exit(code);
  })();
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (!exiting) console.log(`\n${signal}: stopping the phones and the server…`);
    shutdown(0);
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { phones: { type: "string" }, seed: { type: "string" } }, strict: true });
  const parsed = flags.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
  const args = parsed.data;
  const env = processEnv();
  const deck = getBuiltinDeck(DECK)!;
  const { phones } = running;
  // Every phone waits on the stop signal (for sorting to start, then between its cards): one
  // listener each is expected, not a leak.
  setMaxListeners(args.phones + 10, stopping.signal);

  console.log(env.DATABASE_URL ? "Starting SortRoom on the database at DATABASE_URL…" : "Starting SortRoom (embedded Postgres in the data folder)…");
  const server = (running.server = await startServer(serverOptionsFromEnv(env, logger())));
  const base = (env.PUBLIC_URL ?? `http://localhost:${server.port}`).replace(/\/$/, "");
  const lan = !env.PUBLIC_URL && ["0.0.0.0", "::"].includes(env.HOST) ? lanUrl(server.port) : null;
  const account = await ensureDemoAccount();
  const ended = await endEarlierSessions(server.url, account.token);
  if (ended > 0) console.log(`Ended ${ended} session(s) an earlier demo left open (their reports stay under Sessions).`);
  const session = await createSessionWithToken(server.url, account.token, DECK, "SortRoom demo");
  await phaseWithToken(server.url, account.token, session.id, "openLobby");

  console.log(`
SortRoom demo: a session of "${deck.title}" with ${args.phones} simulated phones.

  Console    ${base}/console/${session.id}
             sign in as ${account.email}, password ${account.password}  (demo account; a new password every run)
  Projector  ${base}/present/${session.id}?key=${encodeURIComponent(session.presenterKey)}
  Join       ${base}/join/${session.code}   (code ${session.code})${lan ? `\n             from a phone on this network: ${lan}/join/${session.code}` : ""}

Ctrl-C stops the phones and the server (the next run ends this session).
`);

  const errors = new Map<string, number>();
  const seed = args.seed ?? String(Date.now());
  const answers = new Map(deck.statements.map((s) => [s.id, s.canonical]));
  const arrivals = seededRandom(`${seed}:arrivals`);
  for (let n = 0; n < args.phones; n++) {
    phones.push(
      startDemoPhone({
        url: server.url,
        code: session.code,
        nickname: NAMES[n % NAMES.length]! + (n >= NAMES.length ? ` ${Math.floor(n / NAMES.length) + 1}` : ""),
        answers,
        random: seededRandom(`${seed}:${n}`),
        signal: stopping.signal,
        onError: (what) => errors.set(what, (errors.get(what) ?? 0) + 1),
      }),
    );
    // People arrive over a few seconds, not all in one instant.
    await sleep(150 + arrivals() * 250, stopping.signal);
  }
  const joined = (await Promise.all(phones.map((p) => p.joined))).filter(Boolean).length;
  if (stopping.signal.aborted) return;
  console.log(`${joined} of ${args.phones} phones joined; starting the session.`);
  await phaseWithToken(server.url, account.token, session.id, "start");
  // The token's work is done (revealing is the facilitator's, in the console): revoke it now.
  await account.revoke();

  let finished = 0;
  const ends = await Promise.all(
    phones.map((p) =>
      p.done.then((end) => {
        if (end === "submitted" && ++finished % 10 === 0) console.log(`${finished} phones have submitted…`);
        return end;
      }),
    ),
  );
  if (stopping.signal.aborted) return;
  const count = (end: string) => ends.filter((e) => e === end).length;
  console.log(`\n${count("submitted")} phones submitted, ${count("round over")} stopped when the round was revealed or ended, ${count("failed")} failed.`);
  if (errors.size > 0) console.log(`Refusals: ${[...errors].map(([what, count]) => `${what} ×${count}`).join(", ")}`);
  console.log("Reveal and discuss from the console. Ctrl-C stops the demo.");
}

/** This machine's address on its network (the first IPv4 that is not loopback), for phones. */
function lanUrl(port: number): string | null {
  const address = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
  return address ? `http://${address}:${port}` : null;
}

/** Sleeps `ms`, or less when `signal` aborts; leaves no listener behind either way. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? `${error.message}\nSee .env.example for every variable and its default.` : `The demo could not run: ${error instanceof Error ? error.message : String(error)}`);
  shutdown(1);
});
