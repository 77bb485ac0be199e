import { z } from "zod";

/** What a personal API token may do (docs/api.md, "Scopes"). `read`: list sessions, read reports
 *  and results. `sessions`: that, and create sessions and change their phase. Scopes are ordered:
 *  each includes the ones before it. The database's CHECK (api_tokens_scope_check) lists the same
 *  values. */
export const TOKEN_SCOPES = ["read", "sessions"] as const;

export const tokenScope = z.enum(TOKEN_SCOPES, { error: `The scope must be one of: ${TOKEN_SCOPES.join(", ")}.` });

export type TokenScope = z.infer<typeof tokenScope>;

/** A token's default scope, and the one every token created before scopes existed has. */
export const DEFAULT_TOKEN_SCOPE: TokenScope = "read";

/** True when a token of scope `granted` may call an endpoint that needs `needed`. */
export function scopeAllows(granted: TokenScope, needed: TokenScope): boolean {
  return TOKEN_SCOPES.indexOf(granted) >= TOKEN_SCOPES.indexOf(needed);
}

/** A stored scope as the API trusts it: anything unknown (impossible under the CHECK, but a
 *  string to TypeScript) counts as read-only, never as more. */
export function storedScope(value: string): TokenScope {
  const parsed = tokenScope.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_TOKEN_SCOPE;
}
