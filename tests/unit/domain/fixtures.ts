import type { Deck } from "@/lib/decks/types";

/** A deck built from compact rows: [id, canonical column]. */
export function makeDeck(columns: string[], statements: [id: string, canonical: string][]): Deck {
  return {
    title: "Test deck",
    description: "",
    language: "en",
    version: 1,
    columns: columns.map((id) => ({ id, label: id.toUpperCase() })),
    statements: statements.map(([id, canonical]) => ({ id, text: `Text of ${id}`, canonical, explanation: "" })),
  };
}

/** Leader/Manager deck with four statements. */
export const leaderDeck = makeDeck(
  ["leader", "manager"],
  [
    ["vision", "leader"],
    ["budget", "manager"],
    ["inspire", "leader"],
    ["schedule", "manager"],
  ],
);

/** "Pat" disguised as a new nickname (issue 9.9): each must clash with "Pat" already in the session. */
export const PAT_IMPOSTORS: [label: string, impostor: string][] = [
  ["+ U+2063 invisible separator", "Pat\u2063"],
  ["+ U+00AD soft hyphen", "Pa\u00ADt"],
  ["+ U+034F combining grapheme joiner", "Pat\u034F"],
  ["+ U+FE0F variation selector", "Pat\uFE0F"],
  ["+ U+3164 Hangul filler", "Pat\u3164"],
  ["+ U+FFA0 half-width Hangul filler", "\uFFA0Pat"],
  ["+ U+2800 braille blank", "Pat\u2800"],
  ["+ U+2062 invisible times, inside", "P\u2062at"],
  ["+ U+180E Mongolian vowel separator", "Pat\u180E"],
  ["+ a tag character U+E0020", "Pat\u{E0020}"],
  ["+ a hair space inside", "Pa\u200At"],
  ["with a Cyrillic а", "P\u0430t"],
  ["with a Cyrillic Р", "\u0420at"],
  ["with a Greek Ρ and a Cyrillic а", "\u03A1\u0430t"],
  ["in full-width letters", "\uFF30\uFF41\uFF54"],
  ["in other capitals", "pAT"],
  ["in mathematical bold", "\u{1D40F}\u{1D41A}\u{1D42D}"],
];
