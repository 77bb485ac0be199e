import type { Logger } from "pino";
import { findPlacements } from "@/lib/db/placements/reads";
import { placementBatchStarted } from "../observability/metrics";
import { writePlacements, type AppliedPlacement, type PlacementWrite } from "@/lib/db/placements/writes";

/** What became of one placement the writer was given. */
export type PlacementOutcome =
  | { kind: "applied"; applied: AppliedPlacement }
  /** The same move was already stored (a retried send): answer as if applied, change nothing. */
  | { kind: "duplicate" }
  /** A newer move for this card is stored: the older one must not win. */
  | { kind: "stale" }
  /** The database refused it for a state reason (phase, timer, submitted, kicked). */
  | { kind: "rejected" };

interface Pending {
  write: PlacementWrite;
  resolve: (outcome: PlacementOutcome) => void;
  reject: (error: unknown) => void;
}

const keyOf = (w: { participantId: string; round: number; statementKey: string }) => `${w.participantId}|${w.round}|${w.statementKey}`;

/** Collects placements from every socket of this process and writes them in batches: one SQL round
 *  trip per batch instead of one per card. A placement's ack is sent only after its batch
 *  committed, so an acknowledged placement is never lost. One batch is in flight at a time, which
 *  keeps the writes of one card in arrival order. */
export class PlacementWriter {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly log: Logger,
    private readonly maxBatch = 500,
    private readonly maxDelayMs = 10,
  ) {}

  write(write: PlacementWrite): Promise<PlacementOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      if (this.queue.length >= this.maxBatch) this.kick();
      else this.timer ??= setTimeout(() => this.kick(), this.maxDelayMs);
    });
  }

  /** Resolves once everything queued so far is written (before submit, reveal and shutdown). */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.inFlight) {
      this.kick();
      await this.inFlight;
    }
  }

  private kick(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.inFlight || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.maxBatch);
    this.inFlight = this.flush(batch).finally(() => {
      this.inFlight = undefined;
      if (this.queue.length > 0) this.kick();
    });
  }

  private async flush(batch: Pending[]): Promise<void> {
    // One write per card per batch (the SQL upsert cannot touch a row twice): the highest seq wins;
    // an identical resend shares its outcome, an older move is stale.
    const winners = new Map<string, Pending>();
    for (const item of batch) {
      const current = winners.get(keyOf(item.write));
      if (!current || item.write.seq > current.write.seq) winners.set(keyOf(item.write), item);
    }
    const measured = placementBatchStarted(winners.size);
    try {
      const applied = await writePlacements([...winners.values()].map((p) => p.write));
      const appliedByKey = new Map(applied.map((a) => [keyOf(a), a]));
      const missing = [...winners.values()].filter((p) => !appliedByKey.has(keyOf(p.write)));
      const stored = new Map((await findPlacements(missing.map((p) => p.write))).map((s) => [keyOf(s), s]));

      for (const item of batch) {
        const key = keyOf(item.write);
        const winner = winners.get(key)!;
        const a = appliedByKey.get(key);
        if (winner !== item) {
          const same = winner.write.seq === item.write.seq && winner.write.column === item.write.column;
          item.resolve(same ? { kind: "duplicate" } : { kind: "stale" });
        } else if (a) {
          item.resolve({ kind: "applied", applied: a });
        } else {
          const s = stored.get(key);
          if (s && s.seq === item.write.seq && s.column === item.write.column) item.resolve({ kind: "duplicate" });
          else if (s && s.seq >= item.write.seq) item.resolve({ kind: "stale" });
          else item.resolve({ kind: "rejected" });
        }
      }
      measured();
    } catch (error) {
      measured(true);
      this.log.error({ err: error, batch: batch.length }, "placement batch failed");
      for (const item of batch) item.reject(error);
    }
  }
}
