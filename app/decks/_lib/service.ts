import { createDeck, deleteDeck, duplicateDeck, updateDeck } from "@/lib/db/decks/writes";
import { importDeckFile, type DeckFileError, type DeckFileFormat } from "@/lib/decks/deck-file";
import { parseDeck, type DeckError } from "@/lib/decks/schema";
import { deckAccess } from "./access";

/** Deck operations for one signed-in facilitator, shared by the server actions (the editor and
 *  the deck list) and the route handlers under /api/decks. Each checks access itself. */

export const READ_ONLY_MESSAGE = "Built-in decks are read-only: duplicate one to edit your own copy.";
export const NOT_FOUND_MESSAGE = "No such deck.";

export type SaveDeckResult =
  | { ok: true; id: string; version: number; created: boolean }
  | { ok: false; status: 400; message: string; errors: DeckError[] }
  | { ok: false; status: 403 | 404; message: string }
  | { ok: false; status: 409; message: string; currentVersion: number };

/** Creates (id null) or updates a deck of `facilitatorId` from untrusted input, validated with
 *  parseDeck. An update with `expectedVersion` fails with 409 when the deck changed meanwhile. */
export async function saveDeckFor(facilitatorId: string, id: string | null, raw: unknown, expectedVersion?: number): Promise<SaveDeckResult> {
  if (id !== null) {
    const access = await deckAccess(id, facilitatorId);
    if (access === null) return { ok: false, status: 404, message: NOT_FOUND_MESSAGE };
    if (access === "built-in") return { ok: false, status: 403, message: READ_ONLY_MESSAGE };
  }
  // The version in the input is not the author's to set: the server counts edits.
  const parsed = parseDeck(typeof raw === "object" && raw !== null && !Array.isArray(raw) ? { ...raw, version: 1 } : raw);
  if (!parsed.ok) {
    return { ok: false, status: 400, message: `The deck is not valid: ${parsed.errors.length} ${parsed.errors.length === 1 ? "problem" : "problems"}.`, errors: parsed.errors };
  }
  const { slug: _slug, ...deck } = parsed.deck;
  if (id === null) {
    const row = await createDeck(facilitatorId, deck);
    return { ok: true, id: row.id, version: row.version, created: true };
  }
  const result = await updateDeck(id, deck, { expectedVersion });
  if (result.ok) return { ok: true, id, version: result.version, created: false };
  if (result.reason === "not-found") return { ok: false, status: 404, message: NOT_FOUND_MESSAGE };
  if (result.reason === "read-only") return { ok: false, status: 403, message: READ_ONLY_MESSAGE };
  return {
    ok: false,
    status: 409,
    message: `This deck was saved elsewhere since you opened it (it is now at version ${result.currentVersion}).`,
    currentVersion: result.currentVersion,
  };
}

export type ImportDeckResult =
  | { ok: true; id: string; title: string; statements: number }
  | { ok: false; status: 400; message: string; errors: DeckFileError[] };

/** Imports a deck file as a new deck of `facilitatorId`: all of it, or nothing. */
export async function importDeckFor(facilitatorId: string, text: string, format: DeckFileFormat): Promise<ImportDeckResult> {
  const result = importDeckFile(text, format);
  if (!result.ok) {
    const n = result.errors.length;
    return { ok: false, status: 400, message: `The file was not imported: ${n === 1 ? "1 problem" : `${n} problems`}. Nothing was saved.`, errors: result.errors };
  }
  const { slug: _slug, ...deck } = result.deck;
  const row = await createDeck(facilitatorId, deck);
  return { ok: true, id: row.id, title: deck.title, statements: deck.statements.length };
}

export type DeckOpResult = { ok: true; id: string } | { ok: false; status: 403 | 404; message: string };

/** Copies a deck the facilitator may see (theirs or built-in) into a new deck of theirs. */
export async function duplicateDeckFor(facilitatorId: string, id: string): Promise<DeckOpResult> {
  if ((await deckAccess(id, facilitatorId)) === null) return { ok: false, status: 404, message: NOT_FOUND_MESSAGE };
  const copy = await duplicateDeck(id, facilitatorId);
  return copy ? { ok: true, id: copy.id } : { ok: false, status: 404, message: NOT_FOUND_MESSAGE };
}

/** Deletes one of the facilitator's own decks. Past sessions keep their frozen snapshot. */
export async function deleteDeckFor(facilitatorId: string, id: string): Promise<DeckOpResult> {
  const access = await deckAccess(id, facilitatorId);
  if (access === null) return { ok: false, status: 404, message: NOT_FOUND_MESSAGE };
  if (access === "built-in") return { ok: false, status: 403, message: READ_ONLY_MESSAGE };
  return (await deleteDeck(id)) ? { ok: true, id } : { ok: false, status: 404, message: NOT_FOUND_MESSAGE };
}
