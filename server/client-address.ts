import type http from "node:http";

/** The address a request came from, for per-address limits (joins, failed API authentications).
 *  Behind a reverse proxy (TRUST_PROXY) it is the last X-Forwarded-For entry, the one the proxy
 *  itself appended (earlier entries are whatever the client claimed); otherwise the TCP peer. */
export function clientAddress(req: http.IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers["x-forwarded-for"];
    const forwarded = (Array.isArray(header) ? header.join(",") : header)?.split(",").at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return req.socket.remoteAddress ?? "unknown";
}
