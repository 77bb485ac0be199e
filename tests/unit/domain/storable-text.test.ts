import { describe, expect, it as test } from "vitest";
import { deckFromCsv, deckToCsv } from "@/lib/decks/csv";
import { deckFromJson, deckToJson } from "@/lib/decks/json-format";
import { parseDeck } from "@/lib/decks/schema";
import type { Deck } from "@/lib/decks/types";
import { isStorableText } from "@/lib/domain/storable-text";
import { createSessionInput } from "@/lib/sessions/create-session";
import { smallDeck } from "../decks/fixtures";

const NUL = "\u0000";
const LONE_HIGH = "\uD83D";
const LONE_LOW = "\uDC4D";

describe("isStorableText: what Postgres text can hold as typed", () => {
  test.each([
    ["plain text", "Leader or manager?", true],
    ["emoji, well paired", "Team 👩‍💻 🇮🇹", true],
    ["other control characters (stored fine)", "tab\tand\nline", true],
    ["a NUL", `a${NUL}b`, false],
    ["a lone high surrogate", `a${LONE_HIGH}`, false],
    ["a lone low surrogate", `${LONE_LOW}b`, false],
    ["a pair in the wrong order", `${LONE_LOW}${LONE_HIGH}`, false],
  ])("%s", (_name, value, expected) => {
    expect(isStorableText(value)).toBe(expected);
  });
});

/** Each free-text field of a deck, with where it is in the deck and the issue that names it. */
const DECK_FIELDS: [string, (deck: Deck, bad: string) => void, string, string][] = [
  ["title", (d, bad) => (d.title = `Small ${bad}deck`), "title", "title_invalid_character"],
  ["description", (d, bad) => (d.description = `About${bad}`), "description", "description_invalid_character"],
  ["column label", (d, bad) => (d.columns[1]!.label = `Mana${bad}ger`), "columns.1.label", "column_label_invalid_character"],
  ["statement text", (d, bad) => (d.statements[0]!.text = `Takes${bad} risks`), "statements.0.text", "statement_text_invalid_character"],
  ["statement explanation", (d, bad) => (d.statements[1]!.explanation = `${bad}why`), "statements.1.explanation", "statement_explanation_invalid_character"],
];

describe("decks refuse text Postgres cannot hold, naming the field", () => {
  describe.each([
    ["a NUL", NUL],
    ["a lone surrogate", LONE_HIGH],
  ])("%s", (_what, bad) => {
    test.each(DECK_FIELDS)("in the %s (parseDeck: the editor, deck save and the API)", (_field, spoil, path, code) => {
      const deck = smallDeck();
      spoil(deck, bad);
      const result = parseDeck(deck);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors).toContainEqual(expect.objectContaining({ path, code }));
    });

    describe.each([
      ["JSON (as a \\u escape)", deckToJson, deckFromJson],
      ["CSV", deckToCsv, deckFromCsv],
    ] as const)("in an imported %s file", (_format, write, read) => {
      test.each(DECK_FIELDS)("in the %s, at its line", (_field, spoil, _path, code) => {
        const deck = smallDeck();
        spoil(deck, bad);
        const result = read(write(deck));
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.errors).toContainEqual(expect.objectContaining({ code, line: expect.any(Number) }));
      });
    });
  });
});

describe("a new session refuses text Postgres cannot hold, naming the field", () => {
  const deckId = "00000000-0000-4000-8000-000000000001";
  const codesOf = (input: unknown) => {
    const result = createSessionInput.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  };

  test.each([
    ["a NUL", NUL],
    ["a lone surrogate", LONE_LOW],
  ])("%s in the title or a group name", (_what, bad) => {
    expect(codesOf({ deckId, title: `Monday${bad}` })).toEqual([{ path: "title", message: expect.stringContaining("title_invalid_character") }]);
    expect(codesOf({ deckId, cohorts: ["Team A", `Team${bad}B`] })).toEqual([
      { path: "cohorts.1", message: expect.stringContaining("cohorts_invalid_character") },
    ]);
  });

  test("ordinary titles and group names with emoji still pass", () => {
    expect(codesOf({ deckId, title: "Monday 🚀", cohorts: ["Team 👩‍💻"] })).toEqual([]);
  });
});
