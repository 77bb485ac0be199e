/** How a throttled or busy sign-in travels through next-auth. Pure.
 *
 *  next-auth's credentials callback turns an error thrown by `authorize` into
 *  `/api/auth/error?error=<message>` (401, or JSON `{ url }` for the client's `signIn()`), and the
 *  client's `signIn()` hands that `error` parameter to the form. So the refusal is encoded in the
 *  message, code and seconds together ("TooManyAttempts:42"): the sign-in form and page read it
 *  back with parseRefusal, and app/api/auth/[...nextauth]/route.ts turns it into a 429 (or 503)
 *  with a Retry-After header. */

export type RefusalCode = "TooManyAttempts" | "Busy";

export interface Refusal {
  code: RefusalCode;
  retryAfterSeconds: number;
}

/** HTTP status per refusal: over a limit is the client's doing (429); a full argon2 queue is the server's (503). */
export const REFUSAL_STATUS: Record<RefusalCode, number> = { TooManyAttempts: 429, Busy: 503 };

export function refusalMessage(refusal: Refusal): string {
  return `${refusal.code}:${Math.max(1, Math.ceil(refusal.retryAfterSeconds))}`;
}

/** The refusal in a next-auth `error` value, or null for any other error (or none). */
export function parseRefusal(error: string | null | undefined): Refusal | null {
  const match = /^(TooManyAttempts|Busy):(\d{1,7})$/.exec(error ?? "");
  if (!match) return null;
  return { code: match[1] as RefusalCode, retryAfterSeconds: Math.max(1, Number(match[2])) };
}

/** The refusal in a next-auth response's redirect URL (the JSON `url`, or the Location header). */
export function refusalInUrl(url: string | null | undefined): Refusal | null {
  if (!url) return null;
  try {
    return parseRefusal(new URL(url, "http://sortroom.invalid").searchParams.get("error"));
  } catch {
    return null;
  }
}
