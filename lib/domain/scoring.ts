import type { Deck } from "@/lib/decks/types";

/** statementId → columnId where the participant put the card, or null when it is still unplaced. */
export type PlacementMap = ReadonlyMap<string, string | null>;

export interface StatementResult {
  statementId: string;
  placed: string | null;
  canonical: string;
  correct: boolean;
}

export interface RoundScore {
  correct: number;
  /** Number of statements in the deck: the score is always out of the whole deck. */
  total: number;
  /** One entry per deck statement, in deck order. */
  results: StatementResult[];
}

/**
 * Score one participant's placements against the deck's canonical answers.
 *
 * Unplaced cards count as wrong, so leaving cards out never raises the score. Placements
 * for ids that are not in the deck (a stale client, a different deck version) are ignored.
 */
export function scoreRound(deck: Deck, placed: PlacementMap): RoundScore {
  const results = deck.statements.map((statement): StatementResult => {
    const column = placed.get(statement.id) ?? null;
    return {
      statementId: statement.id,
      placed: column,
      canonical: statement.canonical,
      correct: column !== null && column === statement.canonical,
    };
  });
  return {
    correct: results.filter((r) => r.correct).length,
    total: deck.statements.length,
    results,
  };
}
