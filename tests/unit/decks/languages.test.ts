import { describe, expect, it } from "vitest";
import { deckLanguageName, preferredDeck } from "@/lib/decks/languages";

describe("deckLanguageName", () => {
  it("names an offered language in itself and leaves any other tag as written", () => {
    expect(deckLanguageName("en")).toBe("English");
    expect(deckLanguageName("it")).toBe("Italiano");
    expect(deckLanguageName("en-GB")).toBe("en-GB");
    expect(deckLanguageName("ja")).toBe("ja");
  });
});

describe("preferredDeck", () => {
  const decks = [
    { id: "guidare", language: "it" },
    { id: "lead", language: "en" },
    { id: "british", language: "en-GB" },
  ];

  it("starts on the first deck in the UI's language", () => {
    expect(preferredDeck(decks, "en")?.id).toBe("lead");
    expect(preferredDeck(decks, "it")?.id).toBe("guidare");
  });

  it("matches a regional tag by its language", () => {
    expect(preferredDeck([{ id: "british", language: "en-GB" }, ...decks], "en")?.id).toBe("british");
  });

  it("falls back to the first deck, and to none when there is none", () => {
    expect(preferredDeck(decks, "de")?.id).toBe("guidare");
    expect(preferredDeck([], "en")).toBeUndefined();
  });
});
