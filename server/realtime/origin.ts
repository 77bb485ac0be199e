import type http from "node:http";

/** Browsers always send Origin on WebSocket and cross-origin requests; a page on another site must
 *  not drive a participant's or facilitator's socket. Clients without an Origin (bots, load
 *  generators, server-side tools) cannot be abused that way and are allowed. */
export function isAllowedOrigin(req: http.IncomingMessage, allowedOrigins: readonly string[], trustProxy: boolean): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowedOrigins.includes(origin)) return true;
  const forwardedHost = trustProxy ? firstHeader(req.headers["x-forwarded-host"]) : undefined;
  const host = forwardedHost ?? req.headers.host;
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.split(",")[0]?.trim() || undefined;
}
