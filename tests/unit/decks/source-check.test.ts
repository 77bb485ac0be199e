import { describe, expect, it } from "vitest";
import { findMissingSources } from "@/lib/decks/source-check";
import type { Deck } from "@/lib/decks/types";

const ARTICLE = [
  "Heading 🔍",
  "",
  "Leaders take risks, managers control risk.",
  "",
  "Leaders serve as the cheerleaders-in-chief for their teams, but there\u2019s a lot",
  "more to it than that.   Leadership is strategical.",
].join("\n");

const deckWith = (...explanations: string[]): Deck => ({
  title: "T",
  description: "",
  language: "en",
  columns: [
    { id: "a", label: "A" },
    { id: "b", label: "B" },
  ],
  statements: explanations.map((explanation, i) => ({ id: `s-${i}`, text: `Text ${i}`, canonical: "a", explanation })),
  version: 1,
});

describe("findMissingSources", () => {
  it.each([
    ["an exact sentence", "Leaders take risks, managers control risk.", true],
    ["a sentence the article wraps across lines", "Leaders serve as the cheerleaders-in-chief for their teams, but there\u2019s a lot more to it than that.", true],
    ["a quote spanning the article's extra spaces", "more to it than that. Leadership is strategical.", true],
    ["a quote with its own line break", "Leaders take risks,\nmanagers control risk.", true],
    ["a straight apostrophe where the article has a curly one", "but there's a lot more to it than that.", false],
    ["different case", "leaders take risks, managers control risk.", false],
    ["different punctuation", "Leaders take risks; managers control risk.", false],
    ["a corrected typo", "Leadership is strategic.", false],
    ["an empty explanation", "", false],
    ["a whitespace-only explanation", "  \n ", false],
  ])("%s: found = %s", (_name, explanation, found) => {
    expect(findMissingSources(deckWith(explanation), ARTICLE)).toEqual(found ? [] : ["s-0"]);
  });

  it("returns the ids of all missing statements in deck order", () => {
    const deck = deckWith("Invented.", "Leadership is strategical.", "Also invented.");
    expect(findMissingSources(deck, ARTICLE)).toEqual(["s-0", "s-2"]);
  });

  it("finds nothing in an empty article", () => {
    expect(findMissingSources(deckWith("Leadership is strategical."), "")).toEqual(["s-0"]);
  });
});
