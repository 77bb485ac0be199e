"use server";

import { revalidatePath } from "next/cache";
import { getFacilitator } from "@/lib/auth/session";
import { createApiToken, revokeApiToken } from "@/lib/db/tokens/tokens";

export interface CreateTokenState {
  /** The new token: shown once, never stored in plain text. */
  token?: string;
  name?: string;
  error?: string;
}

export async function createTokenAction(_previous: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  const facilitator = await getFacilitator();
  if (!facilitator) return { error: "Your sign-in has expired. Sign in again." };
  const name = form.get("name");
  const result = await createApiToken(facilitator.id, typeof name === "string" ? name : "");
  if (!result.ok) return { error: result.message };
  revalidatePath("/settings/tokens");
  return { token: result.token, name: result.summary.name };
}

export interface RevokeTokenState {
  error?: string;
  revoked?: string;
}

export async function revokeTokenAction(_previous: RevokeTokenState, form: FormData): Promise<RevokeTokenState> {
  const facilitator = await getFacilitator();
  if (!facilitator) return { error: "Your sign-in has expired. Sign in again." };
  const id = form.get("id");
  if (typeof id !== "string" || !/^[0-9a-f-]{36}$/i.test(id)) return { error: "Unknown token." };
  const revoked = await revokeApiToken(facilitator.id, id);
  revalidatePath("/settings/tokens");
  return revoked ? { revoked: id } : { error: "That token was already revoked." };
}
