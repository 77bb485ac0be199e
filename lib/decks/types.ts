/** A deck as the domain sees it: the same shape whether built in, user-made, imported or
 *  frozen into a session's snapshot. Validated by `deckSchema` (lib/decks/schema.ts). */
export interface DeckColumn {
  /** Stable key, lowercase slug ("leader"). Placements and canonical answers refer to it. */
  id: string;
  /** What participants see ("Leader"). */
  label: string;
}

export interface DeckStatement {
  /** Stable key within the deck, lowercase slug ("vision-vs-goals"). */
  id: string;
  /** The card text shown to participants. Must not give the answer away. */
  text: string;
  /** Column id of the canonical answer. Never sent to a participant before reveal. */
  canonical: string;
  /** Why: for the article decks, the exact source sentence. Shown after reveal. */
  explanation: string;
}

export interface Deck {
  /** Set for built-in decks ("leader-or-manager"). */
  slug?: string;
  title: string;
  description: string;
  /** BCP 47 language tag of the deck's text ("en", "it"). */
  language: string;
  columns: DeckColumn[];
  statements: DeckStatement[];
  /** Bumped whenever a built-in deck's data changes, so seeding can update it. */
  version: number;
}

/** What a participant may see of a statement before reveal: no canonical, no explanation. */
export type PublicStatement = Pick<DeckStatement, "id" | "text">;
