"use server";

import { revalidatePath } from "next/cache";
import { getFacilitator } from "@/lib/auth/session";
import { createApiToken, MAX_ACTIVE_TOKENS, MAX_TOKEN_NAME_LENGTH, revokeApiToken } from "@/lib/db/tokens/tokens";
import { getTranslator } from "@/lib/i18n/server";

export interface CreateTokenState {
  /** The new token: shown once, never stored in plain text. */
  token?: string;
  name?: string;
  error?: string;
}

export async function createTokenAction(_previous: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  const { t } = await getTranslator();
  const facilitator = await getFacilitator();
  if (!facilitator) return { error: t("settings.tokens.errors.expired") };
  const name = form.get("name");
  // The scope is checked (zod) by createApiToken; a missing field is a refusal, never a default,
  // so a form that lost its radio group cannot quietly create a token of another scope.
  const result = await createApiToken(facilitator.id, typeof name === "string" ? name : "", form.get("scope"));
  if (!result.ok) return { error: t(`settings.tokens.errors.${result.reason}`, { max: result.reason === "tooMany" ? MAX_ACTIVE_TOKENS : MAX_TOKEN_NAME_LENGTH }) };
  revalidatePath("/settings/tokens");
  return { token: result.token, name: result.summary.name };
}

export interface RevokeTokenState {
  error?: string;
  revoked?: string;
}

export async function revokeTokenAction(_previous: RevokeTokenState, form: FormData): Promise<RevokeTokenState> {
  const { t } = await getTranslator();
  const facilitator = await getFacilitator();
  if (!facilitator) return { error: t("settings.tokens.errors.expired") };
  const id = form.get("id");
  if (typeof id !== "string" || !/^[0-9a-f-]{36}$/i.test(id)) return { error: t("settings.tokens.errors.unknown") };
  const revoked = await revokeApiToken(facilitator.id, id);
  revalidatePath("/settings/tokens");
  return revoked ? { revoked: id } : { error: t("settings.tokens.errors.alreadyRevoked") };
}
