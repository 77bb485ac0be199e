import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, emit, type ClientSocket } from "./support/live";
import { startTestServer, type TestServer } from "./support/server";

/** GET /metrics: Prometheus text exposition, every sample of a declared metric. */
describe("GET /metrics", () => {
  let server: TestServer;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await server?.close();
  });

  async function scrape(): Promise<{ text: string; types: Map<string, string>; samples: Map<string, number> }> {
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const types = new Map<string, string>();
    const helped = new Set<string>();
    const samples = new Map<string, number>();
    for (const line of text.split("\n")) {
      if (line === "") continue;
      const help = /^# HELP ([a-zA-Z_:][\w:]*) \S/.exec(line);
      const type = /^# TYPE ([a-zA-Z_:][\w:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
      if (help) helped.add(help[1]!);
      else if (type) types.set(type[1]!, type[2]!);
      else {
        // Values as Prometheus parses them (Go ParseFloat: NaN in any case; prom-client writes "Nan").
        const sample = /^([a-zA-Z_:][\w:]*)(\{(?:[a-zA-Z_]\w*="(?:[^"\\\n]|\\.)*",?)*\})? (-?[\d.e+-]+|[Nn]a[Nn]|[+-]Inf)$/.exec(line);
        expect(sample, `not a valid exposition line: ${line}`).not.toBeNull();
        const family = sample![1]!.replace(/_(bucket|sum|count|total|created)$/, "");
        expect(types.has(sample![1]!) || types.has(family), `sample without # TYPE: ${line}`).toBe(true);
        samples.set(`${sample![1]}${sample![2] ?? ""}`, Number(sample![3]));
      }
    }
    for (const name of types.keys()) expect(helped.has(name), `# HELP missing for ${name}`).toBe(true);
    return { text, types, samples };
  }

  it("declares every SortRoom metric and the default process metrics with HELP and TYPE", async () => {
    const { types } = await scrape();
    expect(Object.fromEntries([...types].filter(([name]) => name.startsWith("sortroom_")))).toEqual({
      sortroom_events_total: "counter",
      sortroom_event_duration_seconds: "histogram",
      sortroom_placement_batches_total: "counter",
      sortroom_placements_written_total: "counter",
      sortroom_placements_refused_busy_total: "counter",
      sortroom_placement_batch_failures_total: "counter",
      sortroom_placement_batch_size: "histogram",
      sortroom_placement_flush_seconds: "histogram",
      sortroom_origin_rejected_total: "counter",
      sortroom_handshake_rejected_total: "counter",
      sortroom_join_lookups_total: "counter",
      sortroom_join_lookup_queries_total: "counter",
      sortroom_guest_timeouts_total: "counter",
      sortroom_sockets: "gauge",
      sortroom_event_loop_delay_seconds: "histogram",
    });
    expect(types.get("process_cpu_seconds_total")).toBe("counter");
    expect(types.get("process_resident_memory_bytes")).toBe("gauge");
    expect(types.get("nodejs_eventloop_lag_p99_seconds")).toBe("gauge");
  });

  it("counts an answered event in the ack-latency histogram and counts open sockets", async () => {
    const key = 'sortroom_event_duration_seconds_count{event="participant:join"}';
    const before = (await scrape()).samples.get(key) ?? 0;
    const phone = await connect(server, { role: "participant" });
    sockets.push(phone);
    expect(await emit(phone, "participant:join", { code: "ZZZZZZ", nickname: "Ana" })).toMatchObject({ ok: false, code: "SESSION_NOT_FOUND" });
    const after = await scrape();
    expect(after.samples.get(key)).toBe(before + 1);
    expect(after.samples.get('sortroom_event_duration_seconds_bucket{le="+Inf",event="participant:join"}')).toBe(before + 1);
    expect(after.samples.get('sortroom_events_total{event="participant:join",outcome="SESSION_NOT_FOUND"}')).toBe(1);
    expect(after.samples.get("sortroom_sockets")).toBeGreaterThanOrEqual(1);
  });
});
