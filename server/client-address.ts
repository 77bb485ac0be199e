import type http from "node:http";

/** The one place the server reads the headers a reverse proxy adds (X-Forwarded-For,
 *  X-Forwarded-Host and friends): only behind TRUST_PROXY are they believed. */

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

/** The host the client asked for, to compare with an Origin: behind a reverse proxy (TRUST_PROXY)
 *  the first X-Forwarded-Host entry (the host the browser used), otherwise the Host header. */
export function requestHost(req: http.IncomingMessage, trustProxy: boolean): string | undefined {
  return (trustProxy ? firstEntry(req.headers["x-forwarded-host"]) : undefined) ?? req.headers.host;
}

/** Headers a reverse proxy adds: their presence means the peer is a proxy relaying someone
 *  else's request (a loopback peer is then not a local operator). */
export function carriesForwardingHeaders(req: http.IncomingMessage): boolean {
  return FORWARDING_HEADERS.some((name) => req.headers[name] !== undefined);
}

const FORWARDING_HEADERS = ["x-forwarded-for", "forwarded", "x-real-ip"] as const;

function firstEntry(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.split(",")[0]?.trim() || undefined;
}
