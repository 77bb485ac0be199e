import { timingSafeEqual } from "node:crypto";
import type http from "node:http";
import { carriesForwardingHeaders } from "../client-address";
import { renderMetrics } from "./metrics";

export interface MetricsAccess {
  /** METRICS_TOKEN: when set, the only way in, from anywhere. */
  token?: string;
  /** TRUST_PROXY: requests arrive through a reverse proxy, so the TCP peer says nothing. */
  trustProxy: boolean;
}

/** Whether a GET /metrics may be answered. Counts are operational detail, not for the public.
 *  With a token configured, only a matching bearer token. Without one, a local request only: a
 *  loopback peer, not behind a trusted proxy and carrying no forwarding header. A reverse proxy
 *  on the same host connects from loopback on behalf of anyone, so there the token is required. */
export function mayReadMetrics(req: http.IncomingMessage, access: MetricsAccess): boolean {
  if (access.token) return bearerMatches(req.headers.authorization, access.token);
  if (access.trustProxy) return false;
  if (carriesForwardingHeaders(req)) return false;
  return ["127.0.0.1", "::1", "::ffff:127.0.0.1"].includes(req.socket.remoteAddress ?? "");
}

/** GET /metrics (Prometheus text), or 404 for anyone not allowed (the route does not exist for them). */
export async function serveMetrics(req: http.IncomingMessage, res: http.ServerResponse, access: MetricsAccess): Promise<void> {
  if (!mayReadMetrics(req, access)) {
    res.writeHead(404).end();
    return;
  }
  const { body, contentType } = await renderMetrics();
  res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" }).end(body);
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header ?? "");
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
