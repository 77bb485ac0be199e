/** The server's own figures, read from its GET /metrics (Prometheus text) during a run: CPU,
 *  memory and event-loop delay as the server measured them, not as the load generator saw them. */

export interface Scrape {
  at: number;
  samples: Map<string, number>;
}

export interface ServerFigures {
  /** Share of one core the server process used over the run (1 = a full core). */
  cpuCores: number | null;
  rssMaxMb: number | null;
  /** RSS at the first scrape, before any phone joined: the baseline for memory per phone. */
  rssStartMb: number | null;
  /** From sortroom_event_loop_delay_seconds over the run: the bucket bound that holds p99. */
  eventLoopDelayP99Ms: number | null;
  eventLoopDelayMaxBucketMs: number | null;
  /** The highest nodejs_eventloop_lag_p99_seconds (prom-client's default metric) of any scrape. */
  eventLoopLagP99MaxMs: number | null;
  /** Placement batches written over the run: how many, their mean size, and the bucket bound
   *  holding p99 of their write time (what tells a slow database from a slow event loop). */
  placementBatches: number | null;
  placementBatchMean: number | null;
  placementFlushP99Ms: number | null;
  scrapes: number;
}

export async function scrapeMetrics(url: string, token?: string): Promise<Scrape | null> {
  try {
    const response = await fetch(`${url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: AbortSignal.timeout(5_000) });
    if (!response.ok) return null;
    return { at: Date.now(), samples: parseExposition(await response.text()) };
  } catch {
    return null; // a server too busy to answer a scrape is a finding, not a reason to stop
  }
}

export function parseExposition(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const space = line.lastIndexOf(" ");
    samples.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return samples;
}

export function serverFigures(scrapes: Scrape[]): ServerFigures {
  const first = scrapes[0];
  const last = scrapes.at(-1);
  const empty = {
    cpuCores: null,
    rssMaxMb: null,
    rssStartMb: null,
    eventLoopDelayP99Ms: null,
    eventLoopDelayMaxBucketMs: null,
    eventLoopLagP99MaxMs: null,
    placementBatches: null,
    placementBatchMean: null,
    placementFlushP99Ms: null,
    scrapes: scrapes.length,
  };
  if (!first || !last) return empty;
  const cpu = (s: Scrape) => s.samples.get("process_cpu_seconds_total");
  const seconds = (last.at - first.at) / 1000;
  const cpuCores = seconds > 0 && cpu(first) !== undefined && cpu(last) !== undefined ? round((cpu(last)! - cpu(first)!) / seconds) : null;
  const rss = scrapes.map((s) => s.samples.get("process_resident_memory_bytes")).filter((v): v is number => v !== undefined);
  const lag = scrapes.map((s) => s.samples.get("nodejs_eventloop_lag_p99_seconds")).filter((v): v is number => v !== undefined && Number.isFinite(v));
  const delay = bucketDelta(first, last, "sortroom_event_loop_delay_seconds");
  const flush = bucketDelta(first, last, "sortroom_placement_flush_seconds");
  const growth = (name: string) => {
    const a = first.samples.get(name);
    const b = last.samples.get(name);
    return a === undefined || b === undefined ? null : b - a;
  };
  const batches = growth("sortroom_placement_batch_size_count");
  const batched = growth("sortroom_placement_batch_size_sum");
  return {
    cpuCores,
    rssMaxMb: rss.length ? round(Math.max(...rss) / 1024 / 1024) : null,
    rssStartMb: rss.length ? round(rss[0]! / 1024 / 1024) : null,
    eventLoopDelayP99Ms: delay ? quantileBound(delay, 0.99) : null,
    eventLoopDelayMaxBucketMs: delay ? quantileBound(delay, 1) : null,
    eventLoopLagP99MaxMs: lag.length ? round(Math.max(...lag) * 1000) : null,
    placementBatches: batches,
    placementBatchMean: batches && batched !== null ? round(batched / batches) : null,
    placementFlushP99Ms: flush ? quantileBound(flush, 0.99) : null,
    scrapes: scrapes.length,
  };
}

/** Cumulative bucket counts of a histogram between two scrapes, by upper bound in ms. */
function bucketDelta(first: Scrape, last: Scrape, name: string): [number, number][] | null {
  const pattern = new RegExp(`^${name}_bucket\\{le="([^"]+)"\\}$`);
  const buckets: [number, number][] = [];
  for (const [key, value] of last.samples) {
    const m = pattern.exec(key);
    if (m) buckets.push([m[1] === "+Inf" ? Infinity : Number(m[1]) * 1000, value - (first.samples.get(key) ?? 0)]);
  }
  return buckets.length ? buckets.sort((a, b) => a[0] - b[0]) : null;
}

/** The smallest bucket bound holding at least quantile q of the samples (an upper bound). */
function quantileBound(buckets: [number, number][], q: number): number | null {
  const total = buckets.at(-1)?.[1] ?? 0;
  if (total === 0) return null;
  return buckets.find(([, count]) => count >= q * total)?.[0] ?? null;
}

const round = (v: number) => Math.round(v * 100) / 100;
