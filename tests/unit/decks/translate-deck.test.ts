import { describe, expect, it } from "vitest";
import { translateDeck, type DeckTranslation } from "@/lib/decks/builtin/translate";
import type { Deck } from "@/lib/decks/types";

const english: Deck = {
  slug: "pairs",
  title: "Pairs",
  description: "",
  language: "en",
  version: 3,
  columns: [
    { id: "yes", label: "Yes" },
    { id: "no", label: "No" },
  ],
  statements: [
    { id: "one", text: "One", canonical: "yes", explanation: "First." },
    { id: "two", text: "Two", canonical: "no", explanation: "Second." },
  ],
};

const italian: DeckTranslation = {
  slug: "pairs-it",
  language: "it",
  title: "Coppie",
  description: "Descrizione",
  version: 1,
  columnLabels: { yes: "Sì", no: "No" },
  statements: [
    { id: "one", text: "Uno", explanation: "Primo." },
    { id: "two", text: "Due", explanation: "Secondo." },
  ],
};

describe("translateDeck", () => {
  it("keeps ids, answers and order, and takes the words and identity of the translation", () => {
    expect(translateDeck(english, italian)).toEqual({
      slug: "pairs-it",
      title: "Coppie",
      description: "Descrizione",
      language: "it",
      version: 1,
      columns: [
        { id: "yes", label: "Sì" },
        { id: "no", label: "No" },
      ],
      statements: [
        { id: "one", text: "Uno", canonical: "yes", explanation: "Primo." },
        { id: "two", text: "Due", canonical: "no", explanation: "Secondo." },
      ],
    });
  });

  it("refuses a translation that misses, adds or reorders a statement", () => {
    const [one, two] = italian.statements as [DeckTranslation["statements"][number], DeckTranslation["statements"][number]];
    expect(() => translateDeck(english, { ...italian, statements: [one] })).toThrow(/statements must be one,two/);
    expect(() => translateDeck(english, { ...italian, statements: [one, two, { ...two, id: "three" }] })).toThrow(/found one,two,three/);
    expect(() => translateDeck(english, { ...italian, statements: [two, one] })).toThrow(/found two,one/);
  });

  it("refuses a translation whose columns are not the source's", () => {
    expect(() => translateDeck(english, { ...italian, columnLabels: { yes: "Sì" } })).toThrow(/columns must be yes,no/);
    expect(() => translateDeck(english, { ...italian, columnLabels: { no: "No", yes: "Sì" } })).toThrow(/columns must be yes,no/);
  });
});
