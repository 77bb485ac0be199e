import { isStorableText } from "@/lib/domain/storable-text";
import { storedScope, tokenScope, type TokenScope } from "@/lib/domain/token-scope";
import { db } from "../client";
import { bearerToken, displayPrefix, generateApiToken, hashApiToken } from "./format";

/** Personal API tokens (data access; callers check who is asking). */

export const MAX_ACTIVE_TOKENS = 20;
export const MAX_TOKEN_NAME_LENGTH = 60;
/** lastUsedAt is written at most this often per token, so API traffic does not become write traffic. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiTokenSummary {
  id: string;
  name: string;
  prefix: string;
  scope: TokenScope;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const summarySelect = { id: true, name: true, prefix: true, scope: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/** A row as selected, with its scope typed (the column is text to Prisma). */
function summary(row: Omit<ApiTokenSummary, "scope"> & { scope: string }): ApiTokenSummary {
  return { ...row, scope: storedScope(row.scope) };
}

export async function listApiTokens(userId: string): Promise<ApiTokenSummary[]> {
  const rows = await db().apiToken.findMany({ where: { userId }, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }], select: summarySelect });
  return rows.map(summary);
}

/** Why a token was not created (the settings page words it in the UI's language). */
export type CreateTokenRefusal = "nameEmpty" | "nameTooLong" | "nameInvalidCharacter" | "scopeInvalid" | "tooMany";

export type CreateTokenResult = { ok: true; token: string; summary: ApiTokenSummary } | { ok: false; reason: CreateTokenRefusal; message: string };

const TOKEN_NAME_INVALID_CHARACTER = "The token name contains a character that cannot be saved (a NUL character or half of an emoji): remove it.";

/** Creates a token of `rawScope` (a form's field: checked here, so every caller gets the same
 *  refusal); the returned `token` is the only time anyone sees it. */
export async function createApiToken(userId: string, rawName: string, rawScope: unknown): Promise<CreateTokenResult> {
  const name = rawName.replace(/\s+/g, " ").trim();
  if (name.length === 0) return { ok: false, reason: "nameEmpty", message: "Give the token a name, e.g. the integration that will use it." };
  if (name.length > MAX_TOKEN_NAME_LENGTH) return { ok: false, reason: "nameTooLong", message: `Token names are at most ${MAX_TOKEN_NAME_LENGTH} characters.` };
  if (!isStorableText(name)) return { ok: false, reason: "nameInvalidCharacter", message: TOKEN_NAME_INVALID_CHARACTER };
  const scope = tokenScope.safeParse(rawScope);
  if (!scope.success) return { ok: false, reason: "scopeInvalid", message: scope.error.issues[0]!.message };
  const active = await db().apiToken.count({ where: { userId, revokedAt: null } });
  if (active >= MAX_ACTIVE_TOKENS) return { ok: false, reason: "tooMany", message: `You already have ${MAX_ACTIVE_TOKENS} active tokens: revoke one first.` };
  const token = generateApiToken();
  const row = await db().apiToken.create({
    data: { userId, name, scope: scope.data, tokenHash: hashApiToken(token), prefix: displayPrefix(token) },
    select: summarySelect,
  });
  return { ok: true, token, summary: summary(row) };
}

/** Revokes one of the user's tokens; false when it is not theirs or already revoked. */
export async function revokeApiToken(userId: string, tokenId: string, at = new Date()): Promise<boolean> {
  const result = await db().apiToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: at } });
  return result.count === 1;
}

/** The user an `Authorization` header authenticates and what the token may do, or null (missing,
 *  malformed, unknown or revoked token, or a deleted account). Records when the token was last used. */
export async function authenticateApiToken(authorization: string | null | undefined, now = new Date()): Promise<{ userId: string; tokenId: string; scope: TokenScope } | null> {
  const token = bearerToken(authorization);
  if (!token) return null;
  const row = await db().apiToken.findUnique({ where: { tokenHash: hashApiToken(token) }, select: { id: true, userId: true, scope: true, revokedAt: true, lastUsedAt: true } });
  if (!row || row.revokedAt !== null) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db().apiToken.updateMany({ where: { id: row.id, revokedAt: null }, data: { lastUsedAt: now } });
  }
  return { userId: row.userId, tokenId: row.id, scope: storedScope(row.scope) };
}
