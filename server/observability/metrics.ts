/** In-process counters, exposed in Prometheus text format at /api/metrics. Held on globalThis
 *  because the metrics route is bundled by Next separately from the custom server. */
interface Store {
  counters: Map<string, number>;
  gauges: Map<string, () => number>;
}

const g = globalThis as unknown as { sortroomMetrics?: Store };
const store: Store = (g.sortroomMetrics ??= { counters: new Map(), gauges: new Map() });

function key(name: string, labels: Record<string, string>): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, "_")}"`);
  return parts.length ? `${name}{${parts.join(",")}}` : name;
}

export function count(name: string, labels: Record<string, string> = {}, by = 1): void {
  const k = key(name, labels);
  store.counters.set(k, (store.counters.get(k) ?? 0) + by);
}

export function gauge(name: string, read: () => number): void {
  store.gauges.set(name, read);
}

export const metrics = {
  event(name: string, outcome: string, ms: number): void {
    count("sortroom_events_total", { event: name, outcome });
    count("sortroom_event_ms_sum", { event: name }, ms);
  },
};

/** Prometheus text exposition of every counter and gauge. */
export function renderMetrics(): string {
  const lines: string[] = [];
  for (const [k, v] of store.counters) lines.push(`${k} ${v}`);
  for (const [name, read] of store.gauges) lines.push(`${name} ${read()}`);
  lines.push(`process_resident_memory_bytes ${process.memoryUsage().rss}`);
  return lines.join("\n") + "\n";
}
