"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signInPath } from "@/lib/auth/callback-url";
import { getFacilitator } from "@/lib/auth/session";
import { detectDeckFileFormat, MAX_DECK_FILE_BYTES } from "@/lib/decks/deck-file";
import type { DeckError } from "@/lib/decks/schema";
import { getTranslator } from "@/lib/i18n/server";
import { translateIssue } from "@/lib/i18n/translate";
import { logger } from "@/lib/log/logger";
import { isDeckId } from "./_lib/access";
import { deleteDeckFor, duplicateDeckFor, importDeckFor, saveDeckFor } from "./_lib/service";

/** Server actions of the deck pages. Anyone can POST to a server action, so each one checks the
 *  facilitator and (through ./_lib/service) their access to the deck again. Messages are in the
 *  request's UI language; deck problems go back as issues, which the editor translates. */

export type SaveDeckActionResult =
  | { ok: true; id: string; version: number; created: boolean }
  | { ok: false; message: string; errors?: DeckError[]; currentVersion?: number };

/** Saves the editor's deck: creates it (id null) or updates it. A created deck's page is opened by
 *  the editor, not by a redirect here, so that it can carry over edits made while this ran. */
export async function saveDeckAction(input: { id: string | null; expectedVersion?: number; deck: unknown }): Promise<SaveDeckActionResult> {
  const [facilitator, { t }] = await Promise.all([getFacilitator(), getTranslator()]);
  if (!facilitator) return { ok: false, message: t("decks.save.signedOut") };
  const id = typeof input?.id === "string" ? input.id : null;
  const expected = Number.isInteger(input?.expectedVersion) && (input.expectedVersion as number) > 0 ? input.expectedVersion : undefined;
  let result;
  try {
    result = await saveDeckFor(facilitator.id, id, input?.deck, expected);
  } catch (error) {
    logger().error({ err: error }, "could not save a deck");
    return { ok: false, message: t("decks.save.unavailable") };
  }
  if (!result.ok) {
    if (result.status === 400) return { ok: false, message: t("decks.save.invalid"), errors: result.errors };
    if (result.status === 409) return { ok: false, message: t("decks.save.conflict", { version: result.currentVersion }), currentVersion: result.currentVersion };
    return { ok: false, message: t(result.status === 403 ? "decks.save.readOnly" : "decks.save.notFound") };
  }
  revalidatePath("/decks");
  return { ok: true, id: result.id, version: result.version, created: result.created };
}

export interface ImportDeckState {
  fileName: string | null;
  message: string | null;
  errors: string[];
}

/** Imports an uploaded CSV or JSON deck file as a new deck, then opens it; a bad file imports
 *  nothing and comes back with its line-numbered problems. */
export async function importDeckAction(_previous: ImportDeckState, formData: FormData): Promise<ImportDeckState> {
  const [facilitator, translator] = await Promise.all([getFacilitator(), getTranslator()]);
  const { t, tp } = translator;
  if (!facilitator) return { fileName: null, message: t("decks.import.signedOut"), errors: [] };
  const file = formData.get("file");
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) return { fileName: null, message: t("decks.import.chooseFile"), errors: [] };
  const fileName = file.name || t("decks.import.theFile");
  const notImported = t("decks.import.notImported", { file: fileName });
  if (file.size > MAX_DECK_FILE_BYTES) return { fileName, message: notImported, errors: [t("decks.import.tooLarge", { kb: MAX_DECK_FILE_BYTES / 1024 })] };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { fileName, message: notImported, errors: [t("decks.import.notUtf8")] };
  }
  let id: string;
  try {
    const result = await importDeckFor(facilitator.id, text, detectDeckFileFormat(text, file.name));
    if (!result.ok) {
      return {
        fileName,
        message: tp("decks.import.problems", result.errors.length, { file: fileName }),
        errors: result.errors.map((e) => {
          const message = translateIssue(translator, "deckIssues", e);
          return e.line === null ? message : t("decks.import.atLine", { line: e.line, message });
        }),
      };
    }
    id = result.id;
  } catch (error) {
    logger().error({ err: error }, "could not import a deck");
    return { fileName, message: t("decks.import.failed"), errors: [] };
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
