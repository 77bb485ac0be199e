import { openSocket, send, type LoadSocket } from "../../bench/load/protocol-client";
import type { JoinResult, PhaseView } from "../../lib/protocol/views";
import { planPhone, type PlanStep } from "./plan";

/** One simulated phone of `npm run demo`, over the public socket protocol (docs/protocol.md) with
 *  the load generator's client: it joins as a guest (the same socket then is the participant's),
 *  waits for sorting, follows its plan (./plan.ts) at a person's pace, submits, and stays
 *  connected (so it gets its result at reveal) until the demo stops. */

export interface DemoPhoneOptions {
  url: string;
  code: string;
  nickname: string;
  /** The deck's answer for each statement id, so the plan can be right or wrong on purpose. */
  answers: ReadonlyMap<string, string>;
  random: () => number;
  /** Aborted when the demo stops: the phone stops where it is. */
  signal: AbortSignal;
  /** A refusal the phone got (event and code), for the demo to report. */
  onError(what: string): void;
}

export type PhoneEnd = "submitted" | "round over" | "stopped" | "failed";

export interface DemoPhone {
  /** Resolves once the phone has joined (true) or could not (false). */
  joined: Promise<boolean>;
  /** Resolves when the phone is done with its deck, or stopped. */
  done: Promise<PhoneEnd>;
  close(): void;
}

export function startDemoPhone(options: DemoPhoneOptions): DemoPhone {
  let socket: LoadSocket | undefined;
  let markJoined!: (ok: boolean) => void;
  const joined = new Promise<boolean>((resolve) => (markJoined = resolve));
  const done = run(options, (s) => (socket = s), markJoined).catch((error: unknown) => {
    options.onError(`phone ${(error as Error).message}`);
    return "failed" as const;
  });
  void done.then(() => markJoined(false)); // no-op once joined
  return { joined, done, close: () => socket?.close() };
}

async function run(options: DemoPhoneOptions, keep: (socket: LoadSocket) => void, markJoined: (ok: boolean) => void): Promise<PhoneEnd> {
  const { signal } = options;
  if (signal.aborted) return "stopped";
  const socket = await openSocket(options.url, { role: "participant" });
  keep(socket);
  const join = await send<JoinResult>(socket, "participant:join", { code: options.code, nickname: options.nickname });
  if (!join.ok) {
    options.onError(`participant:join ${join.code}`);
    socket.close();
    return "failed";
  }
  markJoined(true);
  const view = join.data.view;

  // The round ends for this phone when the facilitator reveals or ends it early.
  const roundOver = new AbortController();
  const sorting = new Promise<void>((resolve) => {
    if (view.session.phase === "sorting") resolve();
    socket.on("session:phase", (phase: PhaseView) => {
      if (phase.phase === "sorting") resolve();
      else if (phase.phase === "revealed" || phase.phase === "closed") roundOver.abort();
    });
  });
  if (!(await until(sorting, signal))) return "stopped";

  const started = Date.now();
  const cards = view.cards.map((card) => ({ id: card.id, canonical: options.answers.get(card.id) ?? view.session.columns[0]!.id }));
  const plan = planPhone(cards, view.session.columns.map((c) => c.id), options.random);
  let seq = view.lastSeq;
  for (const step of plan) {
    const stop = AbortSignal.any([signal, roundOver.signal]);
    if (!(await sleepUntil(started + step.atMs, stop))) return signal.aborted ? "stopped" : "round over";
    if (step.kind !== "submit") seq += 1;
    const [event, payload] = message(step, seq);
    const ack = await send(socket, event, payload);
    if (!ack.ok) {
      options.onError(`${event} ${ack.code}`);
      // The phase moved on (revealed, ended, timer ran out): nothing more to do this round.
      if (["WRONG_PHASE", "SESSION_CLOSED", "ALREADY_SUBMITTED"].includes(ack.code)) return "round over";
    }
  }
  return "submitted";
}

function message(step: PlanStep, seq: number): [string, Record<string, unknown>] {
  switch (step.kind) {
    case "place":
      return ["placement:set", { statementId: step.statementId, column: step.column, confidence: step.confidence, seq }];
    case "undo":
      return ["placement:set", { statementId: step.statementId, column: null, seq }];
    case "submit":
      return ["participant:submit", {}];
  }
}

/** Waits for `promise`; false when `signal` aborts first. */
function until(promise: Promise<unknown>, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => resolve(false);
    signal.addEventListener("abort", onAbort, { once: true });
    void promise.then(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    });
  });
}

/** Sleeps until epoch ms `at`; false when `signal` aborts first. */
function sleepUntil(at: number, signal: AbortSignal): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const slept = new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, at - Date.now()))));
  return until(slept, signal).then((ok) => {
    clearTimeout(timer);
    return ok;
  });
}
