import type { Logger } from "pino";
import { ProtocolError } from "@/lib/protocol/ack";
import type { PlacementOutcome, PlacementRow, RoomStore } from "@/lib/room";
import { placementBatchStarted, placementRefusedBusy } from "../observability/metrics";

type Item =
  | { kind: "placement"; row: PlacementRow; resolve: (outcome: PlacementOutcome) => void; reject: (error: unknown) => void }
  | { kind: "submission"; row: { participantId: string; round: number; submittedAt: number }; resolve: (stored: boolean) => void; reject: (error: unknown) => void };

type PlacementItem = Extract<Item, { kind: "placement" }>;
type SubmissionItem = Extract<Item, { kind: "submission" }>;

/** A healthy batch takes milliseconds; this long means something it awaits is not answering. */
const STUCK_AFTER_MS = 5_000;

const keyOf = (w: { participantId: string; round: number; statementKey: string }) => `${w.participantId}|${w.round}|${w.statementKey}`;

/** One room's hot-path writes, in arrival order, in batches: a batch's placements go to the
 *  store in ONE round trip, then its submits in another, so a submit is stored after every
 *  placement its participant sent before it and before any sent after it. One batch is in flight at a time per
 *  room (which keeps each card's moves in order); rooms write independently of each other. An
 *  outcome is reported only after its batch committed, so an acknowledged write is never lost. */
export class RoomWriter {
  private queue: Item[] = [];
  /** Placements in `queue` (submits are never refused, so they are not counted). */
  private queuedPlacements = 0;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  /** What the batch in flight is waiting for (for the stuck-batch warning). */
  private step: "placements" | "submissions" | "done" = "done";

  constructor(
    private readonly store: RoomStore,
    private readonly roomId: string,
    private readonly log: Logger,
    private readonly maxBatch = 500,
    private readonly maxDelayMs = 10,
    /** Backpressure: with this many placements already waiting (four full batches, about 0.2 s
     *  of work for the linear write), a new one is refused with BUSY, which phones retry, instead
     *  of letting the queue grow to seconds of work while every ack waits behind it. */
    private readonly maxQueuedPlacements = 4 * maxBatch,
  ) {}

  place(row: PlacementRow): Promise<PlacementOutcome> {
    if (this.queuedPlacements >= this.maxQueuedPlacements) {
      placementRefusedBusy();
      return Promise.reject(new ProtocolError("BUSY"));
    }
    this.queuedPlacements++;
    return new Promise((resolve, reject) => this.enqueue({ kind: "placement", row, resolve, reject }));
  }

  submit(row: { participantId: string; round: number; submittedAt: number }): Promise<boolean> {
    return new Promise((resolve, reject) => this.enqueue({ kind: "submission", row, resolve, reject }));
  }

  /** Writes what is queued now instead of waiting for the batch delay. */
  flushSoon(): void {
    this.kick();
  }

  /** Resolves once everything queued so far is written (at shutdown). */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.inFlight) {
      this.kick();
      await this.inFlight;
    }
  }

  private enqueue(item: Item): void {
    this.queue.push(item);
    if (this.queue.length >= this.maxBatch) this.kick();
    else this.timer ??= setTimeout(() => this.kick(), this.maxDelayMs);
  }

  private kick(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.inFlight || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.batchLength());
    const placements = batch.filter((i): i is PlacementItem => i.kind === "placement");
    const submissions = batch.filter((i): i is SubmissionItem => i.kind === "submission");
    this.queuedPlacements -= placements.length;
    const watch = this.watchBatch(placements.length, submissions.length);
    this.inFlight = this.writeBatch(placements, submissions)
      .catch((error: unknown) => {
        this.log.error({ err: error, placements: placements.length, submissions: submissions.length }, "write batch failed");
        for (const item of batch) item.reject(error); // no-op for those already answered
      })
      .finally(() => {
        clearInterval(watch);
        this.inFlight = undefined;
        if (this.queue.length > 0) this.kick();
      });
  }

  /** A batch still in flight after STUCK_AFTER_MS holds up every ack and every phase change of
   *  the room; say so (and at which step) while it lasts, instead of failing silently. */
  private watchBatch(placements: number, submissions: number): NodeJS.Timeout {
    const started = Date.now();
    const watch = setInterval(() => {
      this.log.warn({ placements, submissions, step: this.step, inFlightMs: Date.now() - started, queued: this.queue.length }, "write batch still in flight");
    }, STUCK_AFTER_MS);
    watch.unref();
    return watch;
  }

  /** How many items from the head of the queue go in the next batch (at most maxBatch). Placements
   *  are written before submits, so a batch ends before a placement of someone who submits
   *  earlier in it: that placement must reach the store after the submit (which refuses it).
   *  Placements and submits of different people mix freely, so the submits at the end of a round
   *  do not cut the queue into one-item batches. */
  private batchLength(): number {
    const submitted = new Set<string>();
    let n = 0;
    for (; n < this.queue.length && n < this.maxBatch; n++) {
      const item = this.queue[n]!;
      if (item.kind === "submission") submitted.add(item.row.participantId);
      else if (submitted.has(item.row.participantId)) break;
    }
    return n;
  }

  /** One batch: its placements in one round trip, then its submits in another. */
  private async writeBatch(placements: PlacementItem[], submissions: SubmissionItem[]): Promise<void> {
    this.step = "placements";
    if (placements.length > 0) await this.writePlacements(placements);
    this.step = "submissions";
    if (submissions.length > 0) await this.writeSubmissions(submissions);
    this.step = "done";
  }

  private async writePlacements(batch: PlacementItem[]): Promise<void> {
    // One write per card per batch (the store cannot touch a row twice in one statement): the
    // highest seq wins; an identical resend shares its outcome, an older move is stale.
    const winners = new Map<string, PlacementItem>();
    for (const item of batch) {
      const current = winners.get(keyOf(item.row));
      if (!current || item.row.seq > current.row.seq) winners.set(keyOf(item.row), item);
    }
    const measured = placementBatchStarted(winners.size);
    const rows = [...winners.values()];
    let outcomes;
    try {
      outcomes = await this.store.writePlacements(rows.map((w) => w.row));
      measured();
    } catch (error) {
      measured(true);
      throw error;
    }
    const byKey = new Map(rows.map((w, i) => [keyOf(w.row), outcomes[i]!]));
    for (const item of batch) {
      const winner = winners.get(keyOf(item.row))!;
      if (winner === item) item.resolve(byKey.get(keyOf(item.row))!);
      else item.resolve(winner.row.seq === item.row.seq && winner.row.column === item.row.column ? "duplicate" : "stale");
    }
  }

  private async writeSubmissions(batch: SubmissionItem[]): Promise<void> {
    const stored = await this.store.insertSubmissions(this.roomId, batch.map((b) => b.row));
    const answered = new Set<string>();
    for (const item of batch) {
      // Two submits of one participant in a batch: the first is the one stored.
      const first = !answered.has(item.row.participantId);
      answered.add(item.row.participantId);
      item.resolve(first && stored.has(item.row.participantId));
    }
  }
}
