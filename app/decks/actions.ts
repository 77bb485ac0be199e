"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signInPath } from "@/lib/auth/callback-url";
import { getFacilitator } from "@/lib/auth/session";
import { detectDeckFileFormat, formatDeckFileError, MAX_DECK_FILE_BYTES } from "@/lib/decks/deck-file";
import type { DeckError } from "@/lib/decks/schema";
import { logger } from "@/lib/log/logger";
import { isDeckId } from "./_lib/access";
import { deleteDeckFor, duplicateDeckFor, importDeckFor, saveDeckFor } from "./_lib/service";

/** Server actions of the deck pages. Anyone can POST to a server action, so each one checks the
 *  facilitator and (through ./_lib/service) their access to the deck again. */

const SIGNED_OUT = "Your sign-in has expired. Sign in again (in another tab, to keep your changes) and save again.";
const UNAVAILABLE = "The server could not save right now. Your changes are still here: try again in a moment.";

export type SaveDeckActionResult =
  | { ok: true; id: string; version: number }
  | { ok: false; message: string; errors?: DeckError[]; currentVersion?: number };

/** Saves the editor's deck: creates it (id null, then opens its page) or updates it. */
export async function saveDeckAction(input: { id: string | null; expectedVersion?: number; deck: unknown }): Promise<SaveDeckActionResult> {
  const facilitator = await getFacilitator();
  if (!facilitator) return { ok: false, message: SIGNED_OUT };
  const id = typeof input?.id === "string" ? input.id : null;
  const expected = Number.isInteger(input?.expectedVersion) && (input.expectedVersion as number) > 0 ? input.expectedVersion : undefined;
  let result;
  try {
    result = await saveDeckFor(facilitator.id, id, input?.deck, expected);
  } catch (error) {
    logger().error({ err: error }, "could not save a deck");
    return { ok: false, message: UNAVAILABLE };
  }
  if (!result.ok) {
    if (result.status === 400) return { ok: false, message: "The deck was not saved: fix the problems listed.", errors: result.errors };
    if (result.status === 409) return { ok: false, message: result.message, currentVersion: result.currentVersion };
    return { ok: false, message: result.message };
  }
  revalidatePath("/decks");
  if (result.created) redirect(`/decks/${result.id}?notice=created`);
  return { ok: true, id: result.id, version: result.version };
}

export interface ImportDeckState {
  fileName: string | null;
  message: string | null;
  errors: string[];
}

/** Imports an uploaded CSV or JSON deck file as a new deck, then opens it; a bad file imports
 *  nothing and comes back with its line-numbered problems. */
export async function importDeckAction(_previous: ImportDeckState, formData: FormData): Promise<ImportDeckState> {
  const facilitator = await getFacilitator();
  if (!facilitator) return { fileName: null, message: "Your sign-in has expired. Sign in again to import a deck.", errors: [] };
  const file = formData.get("file");
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) return { fileName: null, message: "Choose a CSV or JSON deck file first.", errors: [] };
  const fileName = file.name || "the file";
  if (file.size > MAX_DECK_FILE_BYTES) {
    return { fileName, message: `“${fileName}” was not imported.`, errors: [`The file is too large: a deck file can be at most ${MAX_DECK_FILE_BYTES / 1024} KB.`] };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { fileName, message: `“${fileName}” was not imported.`, errors: ["The file is not UTF-8 text. Save it as CSV UTF-8 or JSON and try again."] };
  }
  let id: string;
  try {
    const result = await importDeckFor(facilitator.id, text, detectDeckFileFormat(text, file.name));
    if (!result.ok) {
      const n = result.errors.length;
      return {
        fileName,
        message: `“${fileName}” was not imported (${n === 1 ? "1 problem" : `${n} problems`}); nothing was saved.`,
        errors: result.errors.map(formatDeckFileError),
      };
    }
    id = result.id;
  } catch (error) {
    logger().error({ err: error }, "could not import a deck");
    return { fileName, message: "The server could not import the deck right now. Try again in a moment.", errors: [] };
  }
  revalidatePath("/decks");
  redirect(`/decks/${id}?notice=imported`);
}

const idFrom = (formData: FormData): string | null => {
  const id = formData.get("id");
  return typeof id === "string" && isDeckId(id) ? id : null;
};

/** Copies a deck (built-in or own) and opens the copy in the editor. */
export async function duplicateDeckAction(formData: FormData): Promise<void> {
  const facilitator = await getFacilitator();
  if (!facilitator) redirect(signInPath("/decks"));
  const id = idFrom(formData);
  const result = id ? await duplicateDeckFor(facilitator.id, id) : null;
  if (!result?.ok) redirect("/decks?notice=missing");
  revalidatePath("/decks");
  redirect(`/decks/${result.id}?notice=duplicated`);
}

/** Deletes one of the facilitator's decks. Sessions already run from it keep their copy. */
export async function deleteDeckAction(formData: FormData): Promise<void> {
  const facilitator = await getFacilitator();
  if (!facilitator) redirect(signInPath("/decks"));
  const id = idFrom(formData);
  const result = id ? await deleteDeckFor(facilitator.id, id) : null;
  revalidatePath("/decks");
  redirect(result?.ok ? "/decks?notice=deleted" : "/decks?notice=missing");
}
