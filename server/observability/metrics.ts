import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** Prometheus metrics of this process (prom-client), served at GET /metrics (server/app.ts).
 *  One registry per process, held on globalThis: Next bundles its route handlers separately from
 *  the custom server, and a second copy of this module must not start a second registry. */

/** Seconds; from a loopback ack (a millisecond) to a stalled server (tens of seconds). */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Placements per batch: at most 500 per room (server/rooms/room-writer.ts). */
const BATCH_BUCKETS = [1, 2, 5, 10, 25, 50, 100, 200, 300, 500];
/** Event-loop delay samples are taken this often; each is how late the sampling timer fired. */
const LOOP_SAMPLE_MS = 50;

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  let readSockets: () => number = () => 0;
  const metrics = {
    registry,
    events: new Counter({
      name: "sortroom_events_total",
      help: "Client events answered, by event and outcome (ok or the error code).",
      labelNames: ["event", "outcome"] as const,
      registers: [registry],
    }),
    eventSeconds: new Histogram({
      name: "sortroom_event_duration_seconds",
      help: "Time from receiving a client event to sending its ack (rate-limited and unknown events count as 0).",
      labelNames: ["event"] as const,
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    placementBatches: new Counter({ name: "sortroom_placement_batches_total", help: "Placement batches written.", registers: [registry] }),
    placementsWritten: new Counter({
      name: "sortroom_placements_written_total",
      help: "Placements sent to the database (one per card per batch; the newest move wins).",
      registers: [registry],
    }),
    placementsRefusedBusy: new Counter({
      name: "sortroom_placements_refused_busy_total",
      help: "Placements answered BUSY because their room's write queue was full (backpressure; phones retry).",
      registers: [registry],
    }),
    placementBatchFailures: new Counter({ name: "sortroom_placement_batch_failures_total", help: "Placement batches the database refused or never answered.", registers: [registry] }),
    placementBatchSize: new Histogram({ name: "sortroom_placement_batch_size", help: "Placements per written batch.", buckets: BATCH_BUCKETS, registers: [registry] }),
    placementFlushSeconds: new Histogram({
      name: "sortroom_placement_flush_seconds",
      help: "Time to write one placement batch (the SQL round trip and the follow-up read), failed ones included.",
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    originRejected: new Counter({ name: "sortroom_origin_rejected_total", help: "Socket connections refused for their Origin.", registers: [registry] }),
    handshakeRejected: new Counter({
      name: "sortroom_handshake_rejected_total",
      help: "Socket handshakes refused, by error code.",
      labelNames: ["code"] as const,
      registers: [registry],
    }),
    joinLookups: new Counter({
      name: "sortroom_join_lookups_total",
      help: "Join-code lookups, by where the answer came from (cache, query, shared with a concurrent lookup, refused).",
      labelNames: ["source"] as const,
      registers: [registry],
    }),
    joinLookupQueries: new Counter({ name: "sortroom_join_lookup_queries_total", help: "Join-code lookups that queried the database.", registers: [registry] }),
    guestTimeouts: new Counter({ name: "sortroom_guest_timeouts_total", help: "Guest sockets disconnected for not joining in time.", registers: [registry] }),
    sockets: new Gauge({
      name: "sortroom_sockets",
      help: "Socket.IO connections open now.",
      registers: [registry],
      collect() {
        this.set(readSockets());
      },
    }),
    eventLoopDelay: new Histogram({
      name: "sortroom_event_loop_delay_seconds",
      help: `How late a timer due every ${LOOP_SAMPLE_MS} ms fired: the wait any event had on the event loop at that moment.`,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    /** The live socket count, read at each scrape (set when Socket.IO is attached). */
    readSocketsFrom(read: () => number): void {
      readSockets = read;
    },
  };
  let expected = performance.now() + LOOP_SAMPLE_MS;
  setInterval(() => {
    const now = performance.now();
    metrics.eventLoopDelay.observe(Math.max(0, now - expected) / 1000);
    expected = now + LOOP_SAMPLE_MS;
  }, LOOP_SAMPLE_MS).unref();
  return metrics;
}

type Metrics = ReturnType<typeof createMetrics>;
const g = globalThis as unknown as { sortroomMetrics?: Metrics };

/** This process's metrics. */
export const metrics: Metrics = (g.sortroomMetrics ??= createMetrics());

/** What the event wrapper reports for every answered event (server/realtime/wrapper.ts). */
export const eventMetrics = {
  event(name: string, outcome: string, ms: number): void {
    metrics.events.inc({ event: name, outcome });
    metrics.eventSeconds.observe({ event: name }, ms / 1000);
  },
};

/** Starts timing one placement batch of `size`; call the result when it is written or failed. */
export function placementBatchStarted(size: number): (failed?: boolean) => void {
  metrics.placementBatches.inc();
  metrics.placementsWritten.inc(size);
  metrics.placementBatchSize.observe(size);
  const stop = metrics.placementFlushSeconds.startTimer();
  return (failed = false) => {
    stop();
    if (failed) metrics.placementBatchFailures.inc();
  };
}

/** A placement refused because its room's write queue was full. */
export function placementRefusedBusy(): void {
  metrics.placementsRefusedBusy.inc();
}

/** Prometheus text exposition of every metric, and its content type. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  return { body: await metrics.registry.metrics(), contentType: metrics.registry.contentType };
}
