import { afterEach, describe, expect, it } from "vitest";
import { request } from "./support/raw-http";
import { startTestServer, type TestServer } from "./support/server";

/** GET /metrics is for the operator: from loopback without a token only when nothing says the
 *  request was relayed by a reverse proxy on the same host (which connects from loopback on behalf
 *  of anyone); otherwise only with METRICS_TOKEN. Anyone else gets 404. */

describe("who may read /metrics", () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("serves a plain loopback request, but not one relayed by a proxy (any forwarding header)", async () => {
    server = await startTestServer();
    const local = await request(server, "/metrics");
    expect(local.status).toBe(200);
    expect(local.body).toContain("process_resident_memory_bytes");
    const relays: Record<string, string>[] = [{ "x-forwarded-for": "203.0.113.7" }, { forwarded: "for=203.0.113.7" }, { "x-real-ip": "203.0.113.7" }, { "x-forwarded-for": "127.0.0.1" }];
    for (const headers of relays) {
      const relayed = await request(server, "/metrics", { headers });
      expect(relayed.status, JSON.stringify(headers)).toBe(404);
      expect(relayed.body).not.toContain("process_resident_memory_bytes");
    }
  });

  it("with TRUST_PROXY, a loopback request without the token is refused even without forwarding headers", async () => {
    server = await startTestServer({ trustProxy: true });
    expect((await request(server, "/metrics")).status).toBe(404);
  });

  it("with METRICS_TOKEN, only the token opens it, from anywhere and through a proxy", async () => {
    server = await startTestServer({ trustProxy: true, metricsToken: "metrics-secret-for-tests" });
    expect((await request(server, "/metrics")).status).toBe(404);
    expect((await request(server, "/metrics", { headers: { authorization: "Bearer wrong" } })).status).toBe(404);
    const withToken = await request(server, "/metrics", { headers: { authorization: "Bearer metrics-secret-for-tests", "x-forwarded-for": "203.0.113.7" } });
    expect(withToken.status).toBe(200);
    expect(withToken.body).toContain("process_resident_memory_bytes");
  });
});
