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
