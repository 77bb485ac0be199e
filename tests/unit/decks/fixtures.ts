import { parseDeck } from "@/lib/decks/schema";
import type { Deck } from "@/lib/decks/types";

/** A valid deck whose text exercises every escaping rule of both file formats. */
export function trickyDeck(): Deck {
  const deck: Deck = {
    title: 'Leader, "manager" or both?',
    description: "Line one\nLine two, with a comma\r\nand a CRLF; “curly quotes” and émojis 🧭",
    language: "it",
    version: 7,
    columns: [
      { id: "leader", label: "Leader" },
      { id: "manager", label: "Manager, formally" },
      { id: "both", label: '"Both"' },
    ],
    statements: [
      { id: "formula", text: "=SUM(A1:A2)", canonical: "leader", explanation: "+1 starts like a formula" },
      { id: "minus", text: "-5 points to morale", canonical: "manager", explanation: "@mention at the start" },
      { id: "apostrophe-formula", text: "'=already quoted", canonical: "both", explanation: "''+two apostrophes then plus" },
      { id: "apostrophe-text", text: "'Tis the season", canonical: "leader", explanation: "'plain apostrophe, nothing to strip" },
      { id: "quotes", text: 'Says "no" to ""doubled"" quotes', canonical: "manager", explanation: '"' },
      { id: "commas", text: "Plans, organises, controls", canonical: "both", explanation: ",,," },
      { id: "newlines", text: "First line\nsecond line", canonical: "leader", explanation: "a\r\nb\rc\nd" },
      { id: "unicode", text: "Guida la squadra — già così 🚀", canonical: "manager", explanation: "日本語の説明" },
      { id: "tab-inside", text: "Tab\tinside", canonical: "both", explanation: "" },
      { id: "trailing-space-inside", text: "Ends with a quote \"", canonical: "leader", explanation: "=\"=\"" },
    ],
  };
  const parsed = parseDeck(deck);
  if (!parsed.ok) throw new Error(`tricky deck is invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.deck;
}

/** A small valid deck, for building bad files from. */
export function smallDeck(): Deck {
  return {
    title: "Small deck",
    description: "",
    language: "en",
    version: 1,
    columns: [
      { id: "leader", label: "Leader" },
      { id: "manager", label: "Manager" },
    ],
    statements: [
      { id: "takes-risks", text: "Takes risks", canonical: "leader", explanation: "Leaders take risks." },
      { id: "controls-risk", text: "Controls risk", canonical: "manager", explanation: "" },
    ],
  };
}
