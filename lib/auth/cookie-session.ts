import { decode } from "next-auth/jwt";
import { runtimeConfig } from "@/lib/config/runtime";
import { findUserById } from "@/lib/db/users/reads";

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

/** The user id inside a valid (decryptable, unexpired) session cookie, without a database check. */
export async function sessionUserIdFromCookieHeader(
  cookieHeader: string | undefined,
  secret: string | undefined = runtimeConfig.nextAuthSecret(),
  nextauthUrl: string | undefined = runtimeConfig.nextAuthUrl(),
): Promise<string | null> {
  if (!cookieHeader || !secret) return null;
  const cookies = parseCookieHeader(cookieHeader);
  for (const name of sessionCookieNames(nextauthUrl)) {
    const token = readChunkedCookie(cookies, name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret });
      if (payload && typeof payload.sub === "string" && payload.sub) return payload.sub;
    } catch {
      // tampered, expired, or signed with another secret: try the next name, then give up
    }
  }
  return null;
}

/** The signed-in facilitator behind a raw Cookie header, or null. Also checks that the account
 *  still exists (a deleted user's token stays decryptable until it expires). */
export async function facilitatorFromCookieHeader(cookieHeader: string | undefined): Promise<{ id: string } | null> {
  const id = await sessionUserIdFromCookieHeader(cookieHeader);
  if (!id) return null;
  const user = await findUserById(id);
  return user ? { id: user.id } : null;
}
