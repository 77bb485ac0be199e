import type { Deck } from "../types";
import { leadOrManageDeck } from "./lead-or-manage";
import { leaderOrManagerDeck } from "./leader-or-manager";

// Built-in decks are module-level singletons shared by every session in the process; freezing
// them turns an accidental in-place edit (e.g. while building a snapshot) into a loud error.
function freezeDeck(deck: Deck): Deck {
  deck.columns.forEach((column) => Object.freeze(column));
  deck.statements.forEach((statement) => Object.freeze(statement));
  Object.freeze(deck.columns);
  Object.freeze(deck.statements);
  return Object.freeze(deck);
}

/** Offered in this order. */
export const BUILTIN_DECKS: readonly Deck[] = Object.freeze([leaderOrManagerDeck, leadOrManageDeck].map(freezeDeck));

export function getBuiltinDeck(slug: string): Deck | undefined {
  return BUILTIN_DECKS.find((deck) => deck.slug === slug);
}
