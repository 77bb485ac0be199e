import type { Deck } from "../types";
import { leadOrManageDeck } from "./lead-or-manage";
import { leadOrManageItDeck } from "./lead-or-manage-it";
import { leaderOrManagerDeck } from "./leader-or-manager";
import { leaderOrManagerItDeck } from "./leader-or-manager-it";

// Built-in decks are module-level singletons shared by every session in the process; freezing
// them turns an accidental in-place edit (e.g. while building a snapshot) into a loud error.
function freezeDeck(deck: Deck): Deck {
  deck.columns.forEach((column) => Object.freeze(column));
  deck.statements.forEach((statement) => Object.freeze(statement));
  Object.freeze(deck.columns);
  Object.freeze(deck.statements);
  return Object.freeze(deck);
}

/** Seeded in this order (the pickers sort by title). A translation is a deck of its own, with its own slug. */
export const BUILTIN_DECKS: readonly Deck[] = Object.freeze(
  [leaderOrManagerDeck, leadOrManageDeck, leaderOrManagerItDeck, leadOrManageItDeck].map(freezeDeck),
);

/** Translated slug → the English deck it translates, whose explanations quote the article. */
const TRANSLATED_FROM: Readonly<Record<string, Deck>> = {
  [leaderOrManagerItDeck.slug!]: leaderOrManagerDeck,
  [leadOrManageItDeck.slug!]: leadOrManageDeck,
};

export function getBuiltinDeck(slug: string): Deck | undefined {
  return BUILTIN_DECKS.find((deck) => deck.slug === slug);
}

/** The English deck a built-in translation was made from; undefined for a deck that is no translation. */
export function sourceDeckOf(slug: string): Deck | undefined {
  return TRANSLATED_FROM[slug];
}

/**
 * The article's sentence (English, verbatim) a built-in statement was drawn from: an English
 * deck's explanation is that sentence; a translation's is the sentence translated, so its trace
 * is the explanation of the same statement in the deck it translates.
 */
export function sourceSentenceOf(slug: string, statementId: string): string | undefined {
  const deck = sourceDeckOf(slug) ?? getBuiltinDeck(slug);
  return deck?.statements.find((s) => s.id === statementId)?.explanation;
}
