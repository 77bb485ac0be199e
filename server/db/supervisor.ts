import type { ChildProcess } from "node:child_process";
import type { Logger } from "pino";

/** Starts one postmaster and resolves with its process once it accepts connections; rejects if
 *  it exits before that. */
export type StartPostmaster = () => Promise<ChildProcess>;

export interface SupervisorOptions {
  log: Logger;
  /** Restart a postmaster that exits on its own (false: report it and leave it down). */
  restart: boolean;
  /** Delay before the first restart attempt, doubled after each failure up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** A postmaster that ran this long before it died earns a fresh, short backoff; one that dies
   *  sooner (a crash loop) keeps the long one, so the log gets one line per long interval. */
  stableMs?: number;
  now?: () => number;
}

/** Keeps the embedded Postgres running for as long as the server runs: a postmaster that dies
 *  (OOM killer, `kill -9`, a crash) is restarted on the same port and folder, with exponential
 *  backoff, and each death or failed attempt is logged once, not once per query that fails
 *  meanwhile. `stop()` is safe whatever state Postgres is in: running, dead, or restarting. */
export class PostgresSupervisor {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private startedAt = 0;
  private delayMs: number;
  private timer: NodeJS.Timeout | undefined;
  private attempt: Promise<void> | undefined;
  private stopping = false;
  private readonly initialDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly stableMs: number;
  private readonly now: () => number;

  constructor(
    private readonly startPostmaster: StartPostmaster,
    private readonly opts: SupervisorOptions,
  ) {
    this.initialDelayMs = opts.initialDelayMs ?? 500;
    this.maxDelayMs = opts.maxDelayMs ?? 10_000;
    this.stableMs = opts.stableMs ?? 30_000;
    this.now = opts.now ?? Date.now;
    this.delayMs = this.initialDelayMs;
  }

  /** The first start: its failure is the caller's (the server does not start without it). */
  async start(): Promise<void> {
    this.watch(await this.startPostmaster());
  }

  /** Whether a postmaster started by this supervisor is running now. */
  get running(): boolean {
    return this.child !== undefined && isRunning(this.child);
  }

  /** Stops Postgres (fast shutdown) and any pending restart. Resolves at once when Postgres is
   *  already gone; waits for a restart in progress to settle, then stops what it started. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.attempt;
    if (this.child && isRunning(this.child)) this.child.kill("SIGINT");
    await this.exited;
  }

  private watch(child: ChildProcess): void {
    this.child = child;
    this.startedAt = this.now();
    this.exited = new Promise((resolve) => {
      if (!isRunning(child)) {
        resolve();
        queueMicrotask(() => this.onExit(child.exitCode, child.signalCode));
        return;
      }
      child.once("exit", (code, signal) => {
        resolve();
        this.onExit(code, signal);
      });
    });
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopping) return;
    const { log } = this.opts;
    if (!this.opts.restart) {
      log.error({ code, signal }, "embedded Postgres exited on its own; it is not restarted");
      return;
    }
    if (this.now() - this.startedAt >= this.stableMs) this.delayMs = this.initialDelayMs;
    log.error({ code, signal, restartInMs: this.delayMs }, "embedded Postgres exited on its own; restarting it");
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    const delay = this.delayMs;
    this.delayMs = Math.min(this.delayMs * 2, this.maxDelayMs);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.attempt = this.restartOnce().finally(() => (this.attempt = undefined));
    }, delay);
    this.timer.unref();
  }

  private async restartOnce(): Promise<void> {
    try {
      const child = await this.startPostmaster();
      this.watch(child);
      if (!this.stopping) this.opts.log.info("embedded Postgres is running again");
    } catch (error) {
      if (this.stopping) return;
      this.opts.log.error({ reason: describe(error), retryInMs: this.delayMs }, "embedded Postgres did not restart; retrying");
      this.scheduleRestart();
    }
  }
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return error === undefined ? "it exited before accepting connections" : String(error);
}
