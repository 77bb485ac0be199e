import { MAX_DECK_FILE_BYTES } from "@/lib/decks/file-common";

/** What every HTTP request may bring, decided from its method and path alone, before anything
 *  reads its body: how many body bytes at most, which content types a changing route accepts,
 *  and whether its Origin is checked. The custom server (server/http-guard.ts) applies this to
 *  every request before Next sees it; route handlers that read a body also count its bytes while
 *  streaming (lib/api/body.ts), because a chunked body declares no length up front. Pure. */

export const BODY_LIMITS = {
  /** Everything without a larger entry: session creation ({ deckId, title, rounds, cohorts }),
   *  sign-in and sign-up forms, bodiless DELETE/POST. A real one is under 2 KB. */
  small: 16 * 1024,
  /** A deck as JSON (POST /api/decks, PUT /api/decks/:id): the same 512 KB a deck file may be. */
  deckJson: MAX_DECK_FILE_BYTES,
  /** A deck file upload: the file itself or a multipart form around it (room for the envelope). */
  deckImport: MAX_DECK_FILE_BYTES + 64 * 1024,
  /** Server actions (POSTs to pages): the deck editor saves a whole deck and the import form
   *  uploads a file, so the deck import cap; next.config.js gives Next the same number. */
  serverAction: MAX_DECK_FILE_BYTES + 64 * 1024,
} as const;

export interface RequestPolicy {
  maxBodyBytes: number;
  /** Media types (lower case, without parameters) a body must have; undefined: not checked. */
  contentTypes?: readonly string[];
  /** A changing request authenticated by the browser's cookie: its Origin must be the app's. */
  checkOrigin: boolean;
}

const JSON_ONLY = ["application/json"] as const;
const DECK_FILE = ["multipart/form-data", "text/csv", "application/json", "text/plain"] as const;
const CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Small JSON bodies: creating a session (cookie or token) and the token API's phase commands. */
const JSON_POSTS = [/^\/api\/sessions$/, /^\/api\/v1\/sessions$/, /^\/api\/v1\/sessions\/[^/]+\/phase$/];

/** The policy for one request. next-auth's own endpoints (/api/auth/*) carry its CSRF token and
 *  the token API (/api/v1/*) is authenticated by a bearer token a page cannot attach, so neither
 *  gets the Origin check; pages receive POSTs only as server actions, whose Origin Next checks. */
export function requestPolicy(method: string, pathname: string): RequestPolicy {
  const changing = CHANGING.has(method.toUpperCase());
  const api = pathname === "/api" || pathname.startsWith("/api/");
  const exempt = /^\/api\/(auth|v1)(\/|$)/.test(pathname);
  const checkOrigin = changing && api && !exempt;
  if (!api) return { maxBodyBytes: changing ? BODY_LIMITS.serverAction : BODY_LIMITS.small, checkOrigin: false };
  if (!changing) return { maxBodyBytes: BODY_LIMITS.small, checkOrigin };
  const m = method.toUpperCase();
  if (m === "POST" && pathname === "/api/decks/import") return { maxBodyBytes: BODY_LIMITS.deckImport, contentTypes: DECK_FILE, checkOrigin };
  if ((m === "POST" && pathname === "/api/decks") || (m === "PUT" && /^\/api\/decks\/[^/]+$/.test(pathname))) {
    return { maxBodyBytes: BODY_LIMITS.deckJson, contentTypes: JSON_ONLY, checkOrigin };
  }
  if (m === "POST" && JSON_POSTS.some((route) => route.test(pathname))) return { maxBodyBytes: BODY_LIMITS.small, contentTypes: JSON_ONLY, checkOrigin };
  return { maxBodyBytes: BODY_LIMITS.small, checkOrigin };
}

/** "16 KB", "576 KB": how the caps are written in docs and errors. */
export function formatBytes(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} KB` : `${bytes} bytes`;
}

/** The one wording of a 413, whether the server saw it in Content-Length or a route while counting. */
export const tooLargeMessage = (maxBytes: number): string => `The request body is too large: this route takes at most ${formatBytes(maxBytes)}.`;

/** The media type of a Content-Type header, lower case, without parameters ("" when absent). */
export function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * Whether a request's Origin is the app's own. Allowed: the configured public origin, the extra
 * ALLOWED_ORIGINS, and the origin the request itself was addressed to (scheme-less: the Host it
 * was sent to, which a page on another origin cannot change). A different port of the same host
 * is another origin and refused: that is the cross-site case the cookie's SameSite=Lax lets
 * through. A request without Origin does not come from a page of another origin (browsers send
 * Origin on every cross-origin and every changing request) and is allowed; "null" (sandboxed
 * frames, some redirects) is refused.
 */
export function isSameOrigin(origin: string | null | undefined, requestHost: string | null | undefined, allowedOrigins: readonly string[]): boolean {
  if (origin === undefined || origin === null) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (allowedOrigins.some((allowed) => sameOriginString(allowed, parsed))) return true;
  return !!requestHost && parsed.host === requestHost.trim().toLowerCase();
}

function sameOriginString(allowed: string, origin: URL): boolean {
  try {
    return new URL(allowed).origin === origin.origin;
  } catch {
    return false;
  }
}
