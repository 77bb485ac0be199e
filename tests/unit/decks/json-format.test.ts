import { describe, expect, it } from "vitest";
import { BUILTIN_DECKS } from "@/lib/decks/builtin";
import { formatDeckFileError, MAX_DECK_FILE_BYTES, type DeckFileResult } from "@/lib/decks/file-common";
import { DECK_FILE_FORMAT, DECK_FILE_VERSION, deckFromJson, deckToJson, parseJsonWithLines } from "@/lib/decks/json-format";
import { MAX_STATEMENTS } from "@/lib/decks/schema";
import type { Deck } from "@/lib/decks/types";
import { smallDeck, trickyDeck } from "./fixtures";

function messages(result: DeckFileResult): string[] {
  if (result.ok) throw new Error(`expected the file to be rejected, got ${JSON.stringify(result.deck)}`);
  return result.errors.map(formatDeckFileError);
}

function deckOf(result: DeckFileResult): Deck {
  if (!result.ok) throw new Error(`expected the file to be accepted: ${result.errors.map(formatDeckFileError).join("; ")}`);
  return result.deck;
}

/** The small deck as an exported file, then edited as an object. */
function file(edit: (f: { format: unknown; version: unknown; deck: Record<string, unknown> & { columns: Record<string, unknown>[]; statements: Record<string, unknown>[] } }) => void = () => {}): string {
  const f = JSON.parse(deckToJson(smallDeck()));
  edit(f);
  return `${JSON.stringify(f, null, 2)}\n`;
}

/** Lines of the exported small deck (2-space indent):
 *   1 {  2 "format"  3 "version"  4 "deck": {  5 title  6 description  7 language  8 version
 *   9 "columns": [  10 {  11 id  12 label  13 },  14 {  15 id  16 label  17 }  18 ],
 *  19 "statements": [  20 {  21 id  22 text  23 canonical  24 explanation  25 },  26 {  27 id  28 text  29 canonical  30 explanation  31 }  32 ], 33 } (deck), 34 } (file) */

describe("JSON export", () => {
  it("writes the envelope, then the deck's fields in a fixed order, indented, with a final newline", () => {
    const json = deckToJson(smallDeck());
    expect(json.endsWith("}\n")).toBe(true);
    expect(JSON.parse(json)).toStrictEqual({ format: DECK_FILE_FORMAT, version: DECK_FILE_VERSION, deck: smallDeck() });
    expect(json.split("\n").slice(0, 8)).toEqual([
      "{",
      '  "format": "sortroom-deck",',
      '  "version": 1,',
      '  "deck": {',
      '    "title": "Small deck",',
      '    "description": "",',
      '    "language": "en",',
      '    "version": 1,',
    ]);
  });

  it("writes the slug of a built-in deck", () => {
    expect(JSON.parse(deckToJson(BUILTIN_DECKS[0]!)).deck.slug).toBe(BUILTIN_DECKS[0]!.slug);
  });
});

describe("JSON round trips: export → import gives back the same deck", () => {
  it.each(BUILTIN_DECKS.map((d) => [d.slug!, d] as const))("built-in deck %s", (_slug, deck) => {
    expect(deckOf(deckFromJson(deckToJson(deck)))).toStrictEqual({ ...deck, columns: [...deck.columns], statements: [...deck.statements] });
  });

  it("a deck with quotes, commas, line breaks, unicode and formula-like text", () => {
    const deck = trickyDeck();
    expect(deckOf(deckFromJson(deckToJson(deck)))).toStrictEqual(deck);
    expect(deckToJson(deckOf(deckFromJson(deckToJson(deck))))).toBe(deckToJson(deck));
  });

  it("a file saved with a byte order mark, CRLF line ends or no indentation", () => {
    const json = deckToJson(trickyDeck());
    expect(deckOf(deckFromJson(`\uFEFF${json.replace(/\n/g, "\r\n")}`))).toStrictEqual(trickyDeck());
    expect(deckOf(deckFromJson(JSON.stringify(JSON.parse(json))))).toStrictEqual(trickyDeck());
  });
});

describe("JSON import accepts hand-made files", () => {
  it("without description, deck version, explanations and ids (derived from labels and texts)", () => {
    const text = JSON.stringify({
      format: "sortroom-deck",
      version: 1,
      deck: {
        title: "Hand made",
        language: "en",
        columns: [{ label: "Leader" }, { id: "", label: "Both" }],
        statements: [{ text: "Sets the direction", canonical: "leader" }, { text: "Owns it", canonical: "Both" }],
      },
    });
    expect(deckOf(deckFromJson(text))).toStrictEqual({
      title: "Hand made",
      description: "",
      language: "en",
      version: 1,
      columns: [
        { id: "leader", label: "Leader" },
        { id: "both", label: "Both" },
      ],
      statements: [
        { id: "sets-the-direction", text: "Sets the direction", canonical: "leader", explanation: "" },
        { id: "owns-it", text: "Owns it", canonical: "both", explanation: "" },
      ],
    });
  });
});

describe("JSON import rejects bad files with the line of each problem, importing nothing", () => {
  const cases: [string, string, string[]][] = [
    ["an empty file", "", ["The file is empty."]],
    ["white space only", " \n\t\n", ["The file is empty."]],
    ["a syntax error", '{\n  "format": "sortroom-deck",\n  "version": 1\n  "deck": {}\n}', ["line 4: expected ',' or '}' after a property, found '\"deck\": {}"]],
    ["a trailing comma", '{\n  "format": "sortroom-deck",\n}', ["line 3: a comma before '}': JSON allows no trailing comma"]],
    ["an unclosed string", '{\n  "format": "sortroom-deck\n}', ["line 2: a line break or control character inside a string"]],
    ["an unterminated string at the end", '{"format": "sortroom', ["line 1: a string starts here but is never closed"]],
    ["a bad escape", '{"format": "\\x"}', ["line 1: invalid escape"]],
    ["text after the JSON", `${file()}\n{}`, ["line 36: unexpected '{}' after the end of the JSON"]],
    ["a comment", `// my deck\n${file()}`, ["line 1: expected a value"]],
    ["a duplicate key", '{\n  "format": "sortroom-deck",\n  "format": "x"\n}', ["line 3: the key 'format' appears twice in one object (first on line 2)"]],
    ["nesting too deep", `${"[".repeat(40)}${"]".repeat(40)}`, ["line 1: the JSON is nested too deeply"]],
    ["not an object", "[1, 2]", ["line 1: a deck file is a JSON object"]],
    ["no format", file((f) => void delete f.format), ['line 1: not a SortRoom deck file: "format": "sortroom-deck" is missing']],
    ["another format", file((f) => void (f.format = "trello")), [`line 2: not a SortRoom deck file: "format" must be "sortroom-deck" (found '"trello"')`]],
    ["a newer format version", file((f) => void (f.version = 2)), ["line 3: file format version '2' is not supported: this SortRoom reads version 1"]],
    ["no deck", file((f) => void delete (f as Record<string, unknown>).deck), ['line 1: "deck" is missing']],
    ["an unknown key at the top", file((f) => void ((f as Record<string, unknown>).decks = [])), ["line 34: unknown key 'decks' in the file; allowed keys: format, version, deck"]],
    ["an unknown key in a statement", file((f) => void (f.deck.statements[1]!.answer = "x")), ["line 31: unknown key 'answer' in statement 2; allowed keys: id, text, canonical, explanation"]],
    ["a canonical column that is not in the deck", file((f) => void (f.deck.statements[1]!.canonical = "both")), ["line 29: canonical column 'both' is not one of leader, manager"]],
    ["a duplicate statement", file((f) => void (f.deck.statements[1]!.text = "TAKES RISKS")), ["line 28: duplicate statement: 'TAKES RISKS' has the same text as the statement on line 20 (ignoring case and spacing); each statement must be different"]],
    ["an empty statement", file((f) => void (f.deck.statements[0]!.text = "")), ["line 22: Statement text must not be empty"]],
    ["a statement that is not an object", file((f) => void (f.deck.statements[1] = "Controls risk" as never)), ["line 26: Each statement must be an object"]],
    ["a wrong type", file((f) => void (f.deck.title = 42)), ["line 5: Title must be text"]],
    ["one column", file((f) => void f.deck.columns.pop()), ["line 9: A deck needs at least 2 columns", "line 25: canonical column 'manager' is not one of leader"]],
    ["five columns", file((f) => void f.deck.columns.push({ id: "c", label: "C" }, { id: "d", label: "D" }, { id: "e", label: "E" })), ["line 26: too many columns: a deck has at most 4 (this file has 5)"]],
  ];

  it.each(cases)("%s", (_name, text, expected) => {
    const got = messages(deckFromJson(text));
    for (const message of expected) expect(got.some((m) => m.startsWith(message)), `${JSON.stringify(got)} should include ${message}`).toBe(true);
    expect(got).toHaveLength(expected.length);
  });

  it(`more than ${MAX_STATEMENTS} statements: the line of the first one too many`, () => {
    const deck = { ...smallDeck(), statements: Array.from({ length: MAX_STATEMENTS + 1 }, (_, i) => ({ id: `s-${i}`, text: `S ${i}`, canonical: "leader", explanation: "" })) };
    // Statement i's object opens on line 20 + 6i.
    expect(messages(deckFromJson(deckToJson(deck)))).toEqual([`line ${20 + 6 * MAX_STATEMENTS}: too many statements: a deck holds at most ${MAX_STATEMENTS} (this file has ${MAX_STATEMENTS + 1})`]);
  });

  it("a file over 512 KB", () => {
    const text = file((f) => void (f.deck.description = "x".repeat(MAX_DECK_FILE_BYTES)));
    expect(messages(deckFromJson(text))[0]).toMatch(/^The file is too large: \d+ KB, and a deck file can be at most 512 KB\.$/);
  });

  it('a "__proto__" key is an unknown key, not a prototype', () => {
    const got = messages(deckFromJson(file().replace('"title"', '"__proto__": {"polluted": true},\n    "title"')));
    expect(got).toEqual(["line 5: unknown key '__proto__' in the deck; allowed keys: title, description, language, version, slug, columns, statements"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("the line-tracking JSON reader", () => {
  it("parses what JSON.parse parses, and knows where each value starts", () => {
    const text = '{\n "a": [1, -2.5e3, true, null],\n "b": {\n  "c": "\\u00e8\\n\\"q\\""\n }\n}';
    const result = parseJsonWithLines(text);
    expect(result.ok && result.value).toEqual(JSON.parse(text));
    if (result.ok) {
      expect(result.lines.get(JSON.stringify(["a", 1]))).toBe(2);
      expect(result.lines.get(JSON.stringify(["b", "c"]))).toBe(4);
    }
  });
});
