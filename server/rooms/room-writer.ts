import { cardKey } from "@/lib/room";
import type { Logger } from "pino";
import { ProtocolError } from "@/lib/protocol/ack";
import type { PlacementOutcome, PlacementRow, RoomStore } from "@/lib/room";
import { placementBatchStarted, placementRefusedBusy } from "../observability/metrics";

type Item =
  | { kind: "placement"; row: PlacementRow; resolve: (outcome: PlacementOutcome) => void; reject: (error: unknown) => void }
  | { kind: "submission"; row: { participantId: string; round: number; submittedAt: number }; resolve: (stored: boolean) => void; reject: (error: unknown) => void };

/** What a batch in flight is waiting for (for the stuck-batch warning). */
interface BatchProgress {
  step: "placements" | "submissions";
}

type PlacementItem = Extract<Item, { kind: "placement" }>;
type SubmissionItem = Extract<Item, { kind: "submission" }>;

/** A healthy batch takes milliseconds; this long means something it awaits is not answering. */
const STUCK_AFTER_MS = 5_000;


/** One room's hot-path writes, in batches: a batch's placements go to the store in ONE round
 *  trip, then its submits in another. Up to `maxInFlight` batches are in flight at once, but
 *  never two holding the same participant: each person's writes reach the store in the order
 *  they were sent (so a card's moves stay in order and the tally's "where was it before" is
 *  right, and a submit is stored after the placements sent before it and before any sent after
 *  it), while other people's writes overlap with them. Rooms write independently of each other.
 *  An outcome is reported only after its batch committed, so an acknowledged write is never
 *  lost. */
export class RoomWriter {
  private queue: Item[] = [];
  /** Placements in `queue` (submits are never refused, so they are not counted). */
  private queuedPlacements = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  /** Participants with a write in a batch in flight: their later writes wait for it. */
  private readonly writing = new Set<string>();

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
    /** Two: while one batch waits on the database the next is built and sent, so a round trip
     *  that slows under load (measured up to seconds with the CPU saturated) does not halve
     *  the room's write rate. More would mostly queue for the shared pool's connections. */
    private readonly maxInFlight = 2,
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
    while (this.queue.length > 0 || this.inFlight.size > 0) {
      this.kick();
      await Promise.all(this.inFlight);
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
    while (this.inFlight.size < this.maxInFlight && this.queue.length > 0) {
      const batch = this.takeBatch();
      if (batch.length === 0) return; // all queued writes wait for people's batches in flight
      this.start(batch);
    }
  }

  /** Takes the next batch from the queue (at most maxBatch items, in queue order): every item
   *  whose participant has nothing earlier still waiting or in flight. After a participant's
   *  submit, their later items wait for the next batch: a batch stores its placements before its
   *  submits, and a placement sent after the submit must reach the store after it (which then
   *  refuses it). Placements and submits of different people mix freely, so the submits at the
   *  end of a round do not cut the queue into one-item batches. */
  private takeBatch(): Item[] {
    const taken: Item[] = [];
    const left: Item[] = [];
    const held = new Set(this.writing);
    for (const item of this.queue) {
      const who = item.row.participantId;
      if (taken.length >= this.maxBatch || held.has(who)) {
        left.push(item);
        held.add(who);
        continue;
      }
      taken.push(item);
      if (item.kind === "submission") held.add(who);
    }
    this.queue = left;
    return taken;
  }

  private start(batch: Item[]): void {
    const placements = batch.filter((i): i is PlacementItem => i.kind === "placement");
    const submissions = batch.filter((i): i is SubmissionItem => i.kind === "submission");
    const people = new Set(batch.map((i) => i.row.participantId));
    for (const who of people) this.writing.add(who);
    this.queuedPlacements -= placements.length;
    const progress: BatchProgress = { step: "placements" };
    const watch = this.watchBatch(placements.length, submissions.length, progress);
    const running: Promise<void> = this.writeBatch(placements, submissions, progress)
      .catch((error: unknown) => {
        this.log.error({ err: error, placements: placements.length, submissions: submissions.length }, "write batch failed");
        for (const item of batch) item.reject(error); // no-op for those already answered
      })
      .finally(() => {
        clearInterval(watch);
        for (const who of people) this.writing.delete(who);
        this.inFlight.delete(running);
        if (this.queue.length > 0) this.kick();
      });
    this.inFlight.add(running);
  }

  /** A batch still in flight after STUCK_AFTER_MS holds up acks and every phase change of the
   *  room; say so (and at which step) while it lasts, instead of failing silently. */
  private watchBatch(placements: number, submissions: number, progress: BatchProgress): NodeJS.Timeout {
    const started = Date.now();
    const watch = setInterval(() => {
      this.log.warn({ placements, submissions, step: progress.step, inFlightMs: Date.now() - started, queued: this.queue.length }, "write batch still in flight");
    }, STUCK_AFTER_MS);
    watch.unref();
    return watch;
  }

  /** One batch: its placements in one round trip, then its submits in another. */
  private async writeBatch(placements: PlacementItem[], submissions: SubmissionItem[], progress: BatchProgress): Promise<void> {
    if (placements.length > 0) await this.writePlacements(placements);
    progress.step = "submissions";
    if (submissions.length > 0) await this.writeSubmissions(submissions);
  }

  private async writePlacements(batch: PlacementItem[]): Promise<void> {
    // One write per card per batch (the store cannot touch a row twice in one statement): the
    // highest seq wins; an identical resend shares its outcome, an older move is stale.
    const winners = new Map<string, PlacementItem>();
    for (const item of batch) {
      const current = winners.get(cardKey(item.row));
      if (!current || item.row.seq > current.row.seq) winners.set(cardKey(item.row), item);
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
    const byKey = new Map(rows.map((w, i) => [cardKey(w.row), outcomes[i]!]));
    for (const item of batch) {
      const winner = winners.get(cardKey(item.row))!;
      if (winner === item) item.resolve(byKey.get(cardKey(item.row))!);
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
