import { createHash, randomBytes } from "node:crypto";

/** Personal API tokens: "sr_" + 32 random bytes in base64url (256 bits). Only the SHA-256 (hex)
 *  is stored; the first 8 characters are kept as a display prefix so owners can tell tokens apart. */

export const TOKEN_PREFIX = "sr_";
export const DISPLAY_PREFIX_LENGTH = 8;
const TOKEN_PATTERN = /^sr_[A-Za-z0-9_-]{43}$/;

export function generateApiToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function displayPrefix(token: string): string {
  return token.slice(0, DISPLAY_PREFIX_LENGTH);
}

export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** The token of an `Authorization: Bearer <token>` header (scheme case-insensitive), or null when
 *  the header is missing, uses another scheme, or does not hold a well-formed token. */
export function bearerToken(header: string | null | undefined): string | null {
  if (!header) return null;
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return null;
  const token = match[1]!;
  return isWellFormedToken(token) ? token : null;
}
