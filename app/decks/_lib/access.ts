import { z } from "zod";
import { findDeckAccess, loadDeck } from "@/lib/db/decks/reads";
import type { Deck } from "@/lib/decks/types";

/** Who may see and change a deck. Built-in decks (no owner) are visible to every signed-in
 *  facilitator and read-only; a user deck is visible to its owner only. Anyone else gets exactly
 *  what a missing deck gets (404), so deck ids cannot be probed. */

export const isDeckId = (id: string): boolean => z.uuid().safeParse(id).success;

export interface VisibleDeck {
  id: string;
  deck: Deck;
  builtIn: boolean;
}

/** The deck, when `facilitatorId` may see it; otherwise null (missing, malformed id, or another
 *  facilitator's). */
export async function findVisibleDeck(id: string, facilitatorId: string): Promise<VisibleDeck | null> {
  if (!isDeckId(id)) return null;
  const found = await loadDeck(id);
  if (!found || (found.ownerId !== null && found.ownerId !== facilitatorId)) return null;
  return { id, deck: found.deck, builtIn: found.ownerId === null };
}

/** "own" when the facilitator owns the deck, "built-in" for a built-in deck, null otherwise. */
export async function deckAccess(id: string, facilitatorId: string): Promise<"own" | "built-in" | null> {
  if (!isDeckId(id)) return null;
  const access = await findDeckAccess(id);
  if (!access) return null;
  if (access.ownerId === null) return "built-in";
  return access.ownerId === facilitatorId ? "own" : null;
}
