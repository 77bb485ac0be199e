import type { Deck } from "./types";

// Line wrapping and blank lines differ between copies of an article (web page, text export),
// so only whitespace is normalized; every other character must match exactly.
function normalizeWhitespace(value: string): string {
  return value.replace(/\s+/g, " ");
}

/**
 * Ids of statements whose explanation is not a verbatim quote of `articleText`.
 * An empty explanation counts as missing: it would trivially "occur" in any text.
 */
export function findMissingSources(deck: Deck, articleText: string): string[] {
  const article = normalizeWhitespace(articleText);
  return deck.statements
    .filter((statement) => {
      const quote = normalizeWhitespace(statement.explanation).trim();
      return quote === "" || !article.includes(quote);
    })
    .map((statement) => statement.id);
}
