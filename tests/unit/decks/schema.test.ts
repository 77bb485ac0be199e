import { describe, expect, it } from "vitest";
import {
  MAX_COLUMNS,
  MAX_DESCRIPTION_LENGTH,
  MAX_EXPLANATION_LENGTH,
  MAX_STATEMENT_LENGTH,
  MAX_STATEMENTS,
  MAX_TITLE_LENGTH,
  MIN_COLUMNS,
  columnLabel,
  deckSchema,
  parseDeck,
  publicStatements,
} from "@/lib/decks/schema";
import { deckIssue } from "@/lib/decks/issues";
import type { Deck } from "@/lib/decks/types";

function validDeck(): Deck {
  return {
    slug: "sample-deck",
    title: "Sample deck",
    description: "A deck for tests.",
    language: "en",
    columns: [
      { id: "leader", label: "Leader" },
      { id: "manager", label: "Manager" },
    ],
    statements: [
      { id: "takes-risks", text: "Takes risks", canonical: "leader", explanation: "Leaders take risks." },
      { id: "controls-risk", text: "Controls risk", canonical: "manager", explanation: "" },
    ],
    version: 1,
  };
}

/** Any JSON-ish value: the parser must cope with what an import or a form really sends. */
type Loose = Record<string, unknown> & { columns: Record<string, unknown>[]; statements: Record<string, unknown>[] };
const loose = (): Loose => validDeck() as unknown as Loose;

const statement = (i: number, overrides: Record<string, unknown> = {}) => ({
  id: `s-${i}`,
  text: `Statement number ${i}`,
  canonical: "leader",
  explanation: "",
  ...overrides,
});

function errorsOf(input: unknown) {
  const result = parseDeck(input);
  if (result.ok) throw new Error("expected the deck to be rejected");
  return result.errors;
}

describe("parseDeck accepts valid decks", () => {
  const cases: [string, (d: Loose) => void][] = [
    ["the baseline deck", () => {}],
    ["no slug (user-made deck)", (d) => void delete d.slug],
    ["empty description", (d) => void (d.description = "")],
    ["description at the limit", (d) => void (d.description = "x".repeat(MAX_DESCRIPTION_LENGTH))],
    ["title at the limit", (d) => void (d.title = "T".repeat(MAX_TITLE_LENGTH))],
    ["region language tag", (d) => void (d.language = "en-GB")],
    ["Italian", (d) => void (d.language = "it")],
    [
      `${MAX_COLUMNS} columns`,
      (d) =>
        void (d.columns = [
          { id: "leader", label: "Leader" },
          { id: "manager", label: "Manager" },
          { id: "coach-2", label: "Coach" },
          { id: "d", label: "D" },
        ]),
    ],
    ["one statement", (d) => void (d.statements = [statement(1)])],
    [
      `${MAX_STATEMENTS} statements`,
      (d) => void (d.statements = Array.from({ length: MAX_STATEMENTS }, (_, i) => statement(i))),
    ],
    ["statement text at the limit", (d) => void (d.statements[0]!.text = "x".repeat(MAX_STATEMENT_LENGTH))],
    ["explanation at the limit", (d) => void (d.statements[0]!.explanation = "x".repeat(MAX_EXPLANATION_LENGTH))],
    ["statement id of 60 chars", (d) => void (d.statements[0]!.id = "a".repeat(60))],
    [
      "column id of 40 chars",
      (d) => {
        d.columns[0]!.id = "a".repeat(40);
        d.statements[0]!.canonical = "a".repeat(40);
      },
    ],
    ["column label of 40 chars", (d) => void (d.columns[0]!.label = "L".repeat(40))],
  ];

  it.each(cases)("%s", (_name, mutate) => {
    const deck = loose();
    mutate(deck);
    const result = parseDeck(deck);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it("trims title, labels and statement text and drops unknown keys", () => {
    const deck = loose();
    deck.title = "  Sample deck \n";
    deck.columns[0]!.label = " Leader ";
    deck.statements[0]!.text = "  Takes risks  ";
    deck.extra = "ignored";
    const result = parseDeck(deck);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.deck.title).toBe("Sample deck");
    expect(result.deck.columns[0]!.label).toBe("Leader");
    expect(result.deck.statements[0]!.text).toBe("Takes risks");
    expect(result.deck).not.toHaveProperty("extra");
  });

  it("returns the deck unchanged when it is already clean", () => {
    const result = parseDeck(validDeck());
    expect(result).toEqual({ ok: true, deck: validDeck() });
  });

  it("deckSchema is usable on its own", () => {
    expect(deckSchema.safeParse(validDeck()).success).toBe(true);
    expect(MIN_COLUMNS).toBe(2);
  });
});

describe("parseDeck rejects invalid decks with a clear message at the right path", () => {
  // Breaking a column also orphans the statements that point at it; those follow-on errors
  // are true and expected, so they are listed explicitly rather than ignored.
  const orphans0 = ["statements.0.canonical"];
  const orphans1 = ["statements.1.canonical"];
  const cases: [string, (d: Loose) => void, string, RegExp, string[]?][] = [
    // deck-level fields
    ["missing title", (d) => void delete d.title, "title", /^Title is required$/],
    ["non-text title", (d) => void (d.title = 42), "title", /^Title must be text$/],
    ["blank title", (d) => void (d.title = "   "), "title", /^Title must not be empty$/],
    ["title too long", (d) => void (d.title = "T".repeat(121)), "title", /Title must be at most 120 characters \(it has 121\)/],
    [
      "description too long",
      (d) => void (d.description = "x".repeat(501)),
      "description",
      /Description must be at most 500 characters/,
    ],
    ["missing description", (d) => void delete d.description, "description", /^Description is required$/],
    ["language not a tag", (d) => void (d.language = "English"), "language", /Language must be a language tag like "en"/],
    ["language in wrong case", (d) => void (d.language = "EN-gb"), "language", /Language must be a language tag/],
    ["language with underscore", (d) => void (d.language = "en_GB"), "language", /Language must be a language tag/],
    ["bad deck slug", (d) => void (d.slug = "My Deck"), "slug", /Deck slug must be a lowercase slug/],
    ["version zero", (d) => void (d.version = 0), "version", /^Version must be 1 or more$/],
    ["negative version", (d) => void (d.version = -3), "version", /^Version must be 1 or more$/],
    ["fractional version", (d) => void (d.version = 1.5), "version", /^Version must be a whole number$/],
    ["version as text", (d) => void (d.version = "1"), "version", /^Version must be a number$/],
    ["missing version", (d) => void delete d.version, "version", /^Version is required$/],

    // columns
    ["columns not a list", (d) => void (d.columns = "leader" as never), "columns", /^Columns must be a list$/],
    ["missing columns", (d) => void delete (d as Record<string, unknown>).columns, "columns", /^Columns are required$/],
    ["one column", (d) => void d.columns.pop(), "columns", /A deck needs at least 2 columns/, orphans1],
    [
      "five columns",
      (d) => void d.columns.push({ id: "c", label: "C" }, { id: "d", label: "D" }, { id: "e", label: "E" }),
      "columns",
      /A deck can have at most 4 columns \(it has 5\)/,
    ],
    ["column not an object", (d) => void (d.columns[1] = "manager" as never), "columns.1", /Each column must be an object/, orphans1],
    ["column id with capitals", (d) => void (d.columns[0]!.id = "Leader"), "columns.0.id", /Column id must be a lowercase slug/, orphans0],
    ["column id with spaces", (d) => void (d.columns[0]!.id = "the leader"), "columns.0.id", /Column id must be a lowercase slug/, orphans0],
    ["column id with double hyphen", (d) => void (d.columns[0]!.id = "a--b"), "columns.0.id", /Column id must be a lowercase slug/, orphans0],
    ["column id with trailing hyphen", (d) => void (d.columns[0]!.id = "a-"), "columns.0.id", /Column id must be a lowercase slug/, orphans0],
    ["empty column id", (d) => void (d.columns[0]!.id = ""), "columns.0.id", /^Column id must not be empty$/, orphans0],
    ["column id too long", (d) => void (d.columns[0]!.id = "a".repeat(41)), "columns.0.id", /Column id must be at most 40 characters/, orphans0],
    ["missing column label", (d) => void delete d.columns[1]!.label, "columns.1.label", /^Column label is required$/],
    ["blank column label", (d) => void (d.columns[1]!.label = "  "), "columns.1.label", /^Column label must not be empty$/],
    ["column label too long", (d) => void (d.columns[1]!.label = "L".repeat(41)), "columns.1.label", /Column label must be at most 40 characters/],
    [
      "duplicate column id",
      (d) => void (d.columns[1]!.id = "leader"),
      "columns.1.id",
      /Column id "leader" is already used by column 1; column ids must be unique/,
      orphans1,
    ],
    [
      "duplicate column label, other case",
      (d) => void (d.columns[1]!.label = "LEADER"),
      "columns.1.label",
      /Column label "LEADER" is already used by column 1; column labels must be unique \(ignoring case\)/,
    ],

    // statements
    ["statements not a list", (d) => void (d.statements = {} as never), "statements", /^Statements must be a list$/],
    ["missing statements", (d) => void delete (d as Record<string, unknown>).statements, "statements", /^Statements are required$/],
    ["no statements", (d) => void (d.statements = []), "statements", /A deck needs at least 1 statement/],
    [
      "too many statements",
      (d) => void (d.statements = Array.from({ length: MAX_STATEMENTS + 1 }, (_, i) => statement(i))),
      "statements",
      /A deck can have at most 100 statements \(it has 101\)/,
    ],
    ["statement not an object", (d) => void (d.statements[1] = "text" as never), "statements.1", /Each statement must be an object/],
    ["statement id not a slug", (d) => void (d.statements[1]!.id = "Controls Risk"), "statements.1.id", /Statement id must be a lowercase slug/],
    ["statement id too long", (d) => void (d.statements[1]!.id = "a".repeat(61)), "statements.1.id", /Statement id must be at most 60 characters/],
    ["missing statement id", (d) => void delete d.statements[1]!.id, "statements.1.id", /^Statement id is required$/],
    [
      "duplicate statement id",
      (d) => void (d.statements[1]!.id = "takes-risks"),
      "statements.1.id",
      /Statement id "takes-risks" is already used by statement 1; statement ids must be unique/,
    ],
    ["blank statement text", (d) => void (d.statements[1]!.text = " \n "), "statements.1.text", /^Statement text must not be empty$/],
    ["statement text not text", (d) => void (d.statements[1]!.text = null), "statements.1.text", /^Statement text must be text$/],
    [
      "statement text too long",
      (d) => void (d.statements[1]!.text = "x".repeat(MAX_STATEMENT_LENGTH + 1)),
      "statements.1.text",
      /Statement text must be at most 200 characters \(it has 201\)/,
    ],
    [
      "duplicate statement text, differing in case and spacing",
      (d) => void (d.statements[1]!.text = "  takes    RISKS "),
      "statements.1.text",
      /^Statement 2 has the same text as statement 1; each statement must be different$/,
    ],
    [
      "canonical not a column",
      (d) => void (d.statements[1]!.canonical = "boss"),
      "statements.1.canonical",
      /^Statement 2 has canonical answer "boss", which is not a column of this deck\. Valid columns: "leader", "manager"$/,
    ],
    [
      "canonical matching a label, not an id",
      (d) => void (d.statements[0]!.canonical = "Leader"),
      "statements.0.canonical",
      /Statement 1 has canonical answer "Leader".*Valid columns: "leader", "manager"/,
    ],
    ["empty canonical", (d) => void (d.statements[0]!.canonical = ""), "statements.0.canonical", /canonical answer must not be empty/],
    ["missing canonical", (d) => void delete d.statements[0]!.canonical, "statements.0.canonical", /canonical answer is required/],
    [
      "explanation too long",
      (d) => void (d.statements[0]!.explanation = "x".repeat(MAX_EXPLANATION_LENGTH + 1)),
      "statements.0.explanation",
      /Statement explanation must be at most 1000 characters/,
    ],
    ["missing explanation", (d) => void delete d.statements[0]!.explanation, "statements.0.explanation", /^Statement explanation is required$/],
  ];

  it.each(cases)("%s", (_name, mutate, path, message, alsoAt = []) => {
    const deck = loose();
    mutate(deck);
    const errors = errorsOf(deck);
    expect(errors).toContainEqual(expect.objectContaining({ path, message: expect.stringMatching(message) }));
    // Each message is its code's English template filled with its params.
    for (const e of errors) expect(e.message).toBe(deckIssue(e.code, e.params).message);
    // One broken rule must not drown the author in unrelated errors.
    expect([...new Set(errors.map((e) => e.path))].sort()).toEqual([path, ...alsoAt].sort());
  });

  it.each([
    ["null", null],
    ["a string", "deck"],
    ["an array", []],
  ])("rejects %s at the root", (_name, input) => {
    expect(errorsOf(input)).toEqual([{ path: "", code: "deck_not_object", params: {}, message: "A deck must be an object" }]);
  });

  it.each([
    ["blank title", (d: Loose) => void (d.title = " "), { path: "title", code: "title_empty", params: {} }],
    ["title too long", (d: Loose) => void (d.title = "T".repeat(121)), { path: "title", code: "title_too_long", params: { max: 120, length: 121 } }],
    ["language", (d: Loose) => void (d.language = "English"), { path: "language", code: "language_invalid", params: { value: "English" } }],
    ["five columns", (d: Loose) => void d.columns.push({ id: "c", label: "C" }, { id: "d", label: "D" }, { id: "e", label: "E" }), { path: "columns", code: "columns_too_many", params: { max: 4, count: 5 } }],
    ["duplicate label", (d: Loose) => void (d.columns[1]!.label = "LEADER"), { path: "columns.1.label", code: "column_label_duplicate", params: { value: "LEADER", first: 1 } }],
    ["duplicate text", (d: Loose) => void (d.statements[1]!.text = "takes risks"), { path: "statements.1.text", code: "statement_text_duplicate", params: { n: 2, first: 1 } }],
    [
      "unknown canonical",
      (d: Loose) => void (d.statements[1]!.canonical = "boss"),
      { path: "statements.1.canonical", code: "statement_canonical_unknown", params: { n: 2, value: "boss", columns: '"leader", "manager"' } },
    ],
    [
      "canonical with no valid column",
      (d: Loose) => {
        d.columns = [];
        d.statements = [d.statements[0]!];
      },
      { path: "statements.0.canonical", code: "statement_canonical_no_columns", params: { n: 1, value: "leader", columns: "" } },
    ],
    ["statement not an object", (d: Loose) => void (d.statements[1] = 7 as never), { path: "statements.1", code: "statement_not_object", params: {} }],
  ])("reports %s with a stable code and its params", (_name, mutate, expected) => {
    const deck = loose();
    mutate(deck);
    expect(errorsOf(deck)).toContainEqual(expect.objectContaining(expected));
  });

  it("lists every missing field of an empty object", () => {
    expect(errorsOf({}).map((e) => e.path)).toEqual(["title", "description", "language", "columns", "statements", "version"]);
  });

  it("reports field errors and cross-field errors together", () => {
    const deck = loose();
    deck.title = "";
    deck.statements[1]!.id = "takes-risks";
    deck.statements[1]!.canonical = "nobody";
    expect(errorsOf(deck).map((e) => e.path).sort()).toEqual(["statements.1.canonical", "statements.1.id", "title"]);
  });
});

describe("helpers", () => {
  it("publicStatements exposes only id and text, as new objects", () => {
    const deck = validDeck();
    const pub = publicStatements(deck);
    expect(pub).toEqual([
      { id: "takes-risks", text: "Takes risks" },
      { id: "controls-risk", text: "Controls risk" },
    ]);
    for (const p of pub) expect(Object.keys(p).sort()).toEqual(["id", "text"]);
    expect(pub[0]).not.toBe(deck.statements[0]);
  });

  it.each([
    ["leader", "Leader"],
    ["manager", "Manager"],
    ["boss", undefined],
    ["Leader", undefined],
  ])("columnLabel(%s) is %s", (id, label) => {
    expect(columnLabel(validDeck(), id)).toBe(label);
  });
});
