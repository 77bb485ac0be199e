import { decode, type JWT } from "next-auth/jwt";
import { runtimeConfig } from "@/lib/config/runtime";
import type { UserRecord } from "@/lib/db/users/reads";
import { findUserForSession } from "@/lib/db/users/sessions";
import { readSessionClaims, type SessionClaims } from "./session-claims";

/** Reading the next-auth session outside Next (the Socket.IO server gets only the raw Cookie
 *  header of the upgrade request). Deliberately free of next/headers and next/navigation so it
 *  loads in the plain Node server. */

export const SESSION_COOKIE = "next-auth.session-token";
export const SECURE_SESSION_COOKIE = "__Secure-next-auth.session-token";

/** name → value from a Cookie header. Later duplicates do not override the first. */
export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // keep the raw value; a JWE never needs decoding anyway
    }
    if (name && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

/** The session token stored under `name`, whole or in `.0`, `.1`, … chunks (next-auth splits
 *  tokens over ~4 KB). An unchunked cookie wins over chunks. */
export function readChunkedCookie(cookies: Map<string, string>, name: string): string | undefined {
  const whole = cookies.get(name);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let i = 0; ; i++) {
    const chunk = cookies.get(`${name}.${i}`);
    if (chunk === undefined) break;
    chunks.push(chunk);
  }
  return chunks.length ? chunks.join("") : undefined;
}

/** Which cookie names to accept. The __Secure- cookie can only have been set over https, so it
 *  is always acceptable; the unprefixed one only when next-auth itself would use it (NEXTAUTH_URL
 *  not https), so a deployment on https never trusts a cookie planted over plain http. */
export function sessionCookieNames(nextauthUrl: string | undefined = runtimeConfig.nextAuthUrl()): string[] {
  return nextauthUrl?.startsWith("https://") ? [SECURE_SESSION_COOKIE] : [SECURE_SESSION_COOKIE, SESSION_COOKIE];
}

/** The decoded payload of a valid (decryptable, unexpired) session cookie, without a database check. */
async function decodeSessionCookie(cookieHeader: string | undefined, secret: string | undefined, nextauthUrl: string | undefined): Promise<JWT | null> {
  if (!cookieHeader || !secret) return null;
  const cookies = parseCookieHeader(cookieHeader);
  for (const name of sessionCookieNames(nextauthUrl)) {
    const token = readChunkedCookie(cookies, name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret });
      if (payload) return payload;
    } catch {
      // tampered, expired, or signed with another secret: try the next name, then give up
    }
  }
  return null;
}

/** The user id inside a valid (decryptable, unexpired) session cookie, without a database check. */
export async function sessionUserIdFromCookieHeader(
  cookieHeader: string | undefined,
  secret: string | undefined = runtimeConfig.nextAuthSecret(),
  nextauthUrl: string | undefined = runtimeConfig.nextAuthUrl(),
): Promise<string | null> {
  const payload = await decodeSessionCookie(cookieHeader, secret, nextauthUrl);
  return payload && typeof payload.sub === "string" && payload.sub ? payload.sub : null;
}

/** The user id, session id and session version inside a valid session cookie, without a database
 *  check; null when the cookie is missing, invalid, or predates session ids (lib/auth/session-claims.ts). */
export async function sessionClaimsFromCookieHeader(
  cookieHeader: string | undefined,
  secret: string | undefined = runtimeConfig.nextAuthSecret(),
  nextauthUrl: string | undefined = runtimeConfig.nextAuthUrl(),
): Promise<SessionClaims | null> {
  return readSessionClaims(await decodeSessionCookie(cookieHeader, secret, nextauthUrl));
}

/** The signed-in facilitator behind a raw Cookie header, or null. The one check of a session
 *  cookie, for HTTP (lib/auth/session.ts) and Socket.IO handshakes alike: the token must decrypt,
 *  and in the database the account must exist, still be at the cookie's session version, and not
 *  have signed this session id out (lib/auth/session-claims.ts). */
export async function facilitatorFromCookieHeader(cookieHeader: string | undefined): Promise<UserRecord | null> {
  const claims = await sessionClaimsFromCookieHeader(cookieHeader);
  if (!claims) return null;
  return findUserForSession({ userId: claims.sub, sessionId: claims.sid, version: claims.sv });
}
