import type { ClientSocket } from "./live";
import { seeded, type Move, type Participant } from "./phones";

/** One socket sorting for a participant. A participant may have several (two tabs); each tab
 *  draws its seqs from `nextSeq`. */
export interface Tab {
  participant: Participant;
  socket: ClientSocket;
  nextSeq(): number;
  /** The cards this tab moves (default: all of the participant's). */
  cards?: string[];
  /** This tab's pace (default: SortingOptions.stepMs). */
  stepMs?: number;
}

/** The usual phone: one tab, seqs 1, 2, 3, … */
export function singleTab(participant: Participant, socket: ClientSocket): Tab {
  return { participant, socket, nextSeq: () => ++participant.seq };
}

export interface SortingOptions {
  /** Column ids to place into; a move takes a card back (column null) one time in ten. */
  columns: string[];
  /** Every move is sent this many times: once new, then again with each of the next moves, so
   *  the later copies reach the server after newer moves (a phone that resends everything). */
  copies?: number;
  /** A phone sends at most one step (a new move and its resent copies) per `stepMs`, a fast
   *  human's pace, well inside the per-socket rate limit. */
  stepMs?: number;
  /** How long a phone waits before resending a move refused with UNAVAILABLE: the app's first
   *  retry delay (it backs off from there; a fixed delay keeps the pressure on the server). */
  retryMs?: number;
  seed?: number;
}

/** Phones moving cards concurrently until stopped, each one step at a time. Tests inject a fault
 *  once enough moves were acknowledged (`until`), and verify.ts checks the outcome. A phone whose
 *  socket is lost stops; one refused with UNAVAILABLE keeps resending the same move. */
export class Sorting {
  ok = 0;
  readonly refused = new Map<string, number>();
  /** Per code, the tabs that have been refused with it at least once. */
  readonly tabsRefused = new Map<string, Set<Tab>>();
  readonly lostTabs = new Set<Tab>();
  private stopped = false;
  private runs: Promise<void>[] = [];
  private waiters: (() => void)[] = [];

  constructor(
    readonly tabs: Tab[],
    private readonly opts: SortingOptions,
  ) {}

  start(): this {
    this.runs = this.tabs.map((tab, i) => this.run(tab, seeded((this.opts.seed ?? 1) * 1_000 + i)));
    return this;
  }

  /** Resolves once `done()` holds (checked after every answer); rejects after `timeoutMs`. */
  until(done: () => boolean, what: string, timeoutMs = 240_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done()) return false;
        clearTimeout(timer);
        resolve();
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out waiting for ${what} (ok acks: ${this.ok}, refused: ${JSON.stringify([...this.refused])})`));
      }, timeoutMs);
      const waiter = () => {
        if (check()) this.waiters = this.waiters.filter((w) => w !== waiter);
      };
      if (!check()) this.waiters.push(waiter);
    });
  }

  /** Resolves once `n` more moves have been acknowledged. */
  acks(n: number): Promise<void> {
    const target = this.ok + n;
    return this.until(() => this.ok >= target, `${n} more acknowledged moves`);
  }

  /** Stops every phone after the step it is in, and resolves when all have stopped. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.runs);
  }

  private async run(tab: Tab, random: () => number): Promise<void> {
    const { columns, copies = 1, retryMs = 500 } = this.opts;
    const stepMs = tab.stepMs ?? this.opts.stepMs ?? 150;
    const cards = tab.cards ?? tab.participant.cards;
    const recent: Move[] = [];
    while (!this.stopped) {
      const stepStarted = Date.now();
      const move: Move = {
        statementId: cards[Math.floor(random() * cards.length)]!,
        column: random() < 0.1 ? null : columns[Math.floor(random() * columns.length)]!,
        seq: tab.nextSeq(),
      };
      const copiesNow = lastOf(recent, copies - 1).reverse();
      recent.push(move);
      // The new move first; the older ones again only once it is answered, so they reach the
      // server in a later batch than the newer moves they may lose to (the stored seq decides).
      const first = await tab.participant.send(tab.socket, move);
      let outcomes = [first, ...(await Promise.all(copiesNow.map((m) => tab.participant.send(tab.socket, m))))];
      this.record(tab, outcomes);
      while (!this.stopped && outcomes[0]!.kind === "refused" && outcomes[0]!.code === "UNAVAILABLE") {
        await new Promise((r) => setTimeout(r, retryMs));
        outcomes = [await tab.participant.send(tab.socket, move)];
        this.record(tab, outcomes);
      }
      if (outcomes.some((o) => o.kind === "lost")) {
        this.lostTabs.add(tab);
        this.notify();
        return;
      }
      const rest = stepMs - (Date.now() - stepStarted);
      if (rest > 0) await new Promise((r) => setTimeout(r, rest));
    }
    // The newest moves were sent fewer times than the others: send their remaining copies, newest
    // first, so the last word on a card may be an older copy that must lose to the stored move.
    const tail = lastOf(recent, copies - 1);
    for (const [i, move] of [...tail.entries()].reverse()) {
      const missing = copies - (tail.length - i);
      if (missing > 0) this.record(tab, await Promise.all(Array.from({ length: missing }, () => tab.participant.send(tab.socket, move))));
    }
  }

  private record(tab: Tab, outcomes: Awaited<ReturnType<Participant["send"]>>[]): void {
    for (const outcome of outcomes) {
      if (outcome.kind === "ok") this.ok++;
      if (outcome.kind !== "refused") continue;
      this.refused.set(outcome.code, (this.refused.get(outcome.code) ?? 0) + 1);
      if (!this.tabsRefused.has(outcome.code)) this.tabsRefused.set(outcome.code, new Set());
      this.tabsRefused.get(outcome.code)!.add(tab);
    }
    this.notify();
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

function lastOf<T>(items: T[], n: number): T[] {
  return n > 0 ? items.slice(-n) : [];
}
