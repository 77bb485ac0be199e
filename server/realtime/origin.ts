import type http from "node:http";
import { requestHost } from "../client-address";

/** Browsers always send Origin on WebSocket and cross-origin requests; a page on another site must
 *  not drive a participant's or facilitator's socket. Clients without an Origin (bots, load
 *  generators, server-side tools) cannot be abused that way and are allowed. */
export function isAllowedOrigin(req: http.IncomingMessage, allowedOrigins: readonly string[], trustProxy: boolean): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowedOrigins.includes(origin)) return true;
  const host = requestHost(req, trustProxy);
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
