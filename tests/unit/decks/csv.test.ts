import { describe, expect, it } from "vitest";
import { BUILTIN_DECKS } from "@/lib/decks/builtin";
import { CSV_HEADER, deckFromCsv, deckToCsv, formatCsv, parseCsv, protectCell, unprotectCell } from "@/lib/decks/csv";
import { formatDeckFileError, MAX_DECK_FILE_BYTES, MAX_REPORTED_ERRORS, type DeckFileResult } from "@/lib/decks/file-common";
import { deckFromJson, deckToJson } from "@/lib/decks/json-format";
import { MAX_STATEMENT_LENGTH, MAX_STATEMENTS } from "@/lib/decks/schema";
import type { Deck } from "@/lib/decks/types";
import { smallDeck, trickyDeck } from "./fixtures";

const HEADER = CSV_HEADER.join(",");
const lines = (...rows: string[]) => rows.join("\n") + "\n";

/** The small deck's rows; line numbers: header 1, title 2, language 3, columns 4–5, statements 6–7. */
const BASE = [
  HEADER,
  "title,,Small deck,,",
  "language,,en,,",
  "column,leader,Leader,,",
  "column,manager,Manager,,",
  "statement,takes-risks,Takes risks,leader,Leaders take risks.",
  "statement,controls-risk,Controls risk,manager,",
];
const withRows = (...extra: string[]) => lines(...BASE, ...extra);

function messages(result: DeckFileResult): string[] {
  if (result.ok) throw new Error(`expected the file to be rejected, got ${JSON.stringify(result.deck)}`);
  return result.errors.map(formatDeckFileError);
}

function deckOf(result: DeckFileResult): Deck {
  if (!result.ok) throw new Error(`expected the file to be accepted: ${result.errors.map(formatDeckFileError).join("; ")}`);
  return result.deck;
}

describe("RFC 4180 reading", () => {
  it("reads quoted cells with commas, doubled quotes and line breaks, keeping them exactly", () => {
    const result = parseCsv('a,"b,c","say ""hi""","x\r\ny\nz"\r\nnext,,""\r\n');
    expect(result).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ["a", "b,c", 'say "hi"', "x\r\ny\nz"] },
        { line: 4, cells: ["next", "", ""] },
      ],
    });
  });

  it("accepts LF, CRLF and CR line ends, a missing final line end and a byte order mark", () => {
    for (const text of ["\uFEFFa,b\nc,d", "a,b\r\nc,d\r\n", "a,b\rc,d\r"]) {
      const result = parseCsv(text);
      expect(result.ok && result.records.map((r) => r.cells)).toEqual([
        ["a", "b"],
        ["c", "d"],
      ]);
    }
  });

  it("counts lines through multi-line cells, so later records keep their real line", () => {
    const result = parseCsv('a,"1\n2\n3"\nb,x\n');
    expect(result.ok && result.records.map((r) => r.line)).toEqual([1, 4]);
  });

  it("keeps a trailing comma as an empty last cell", () => {
    const result = parseCsv("a,b,\n");
    expect(result.ok && result.records[0]!.cells).toEqual(["a", "b", ""]);
  });

  it.each([
    ['a,"never closed\nmore\n', 1, "never closed (unbalanced double quotes)"],
    ['ok\nx,"open\n', 2, "unbalanced double quotes"],
    ['a,b"c\n', 1, "a double quote inside a cell that does not start with one"],
    ['a,"b"c\n', 1, "unexpected text after a closing double quote"],
    ['x,"multi\nline" oops\n', 2, "unexpected text after a closing double quote"],
  ])("rejects %j at line %i", (text, line, message) => {
    const result = parseCsv(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.line).toBe(line);
      expect(result.error.message).toContain(message);
    }
  });

  it("writes quotes only where needed, CRLF after every record", () => {
    expect(formatCsv([["a", "b,c", 'q"', "x\ny", " lead", ""]])).toBe('a,"b,c","q""","x\ny"," lead",\r\n');
  });
});

describe("spreadsheet formula protection", () => {
  const values = ["=1+1", "+1", "-1", "@a", "\tx", "\rx", "'", "'=x", "''=x", "'''+x", "'plain", "a=b", "", "-", "=", "'-'", "x'=y", "'\t"];

  it.each(values)("protect → unprotect gives back %j exactly", (value) => {
    expect(unprotectCell(protectCell(value))).toBe(value);
  });

  it("prefixes one apostrophe to cells a spreadsheet would run, and nothing else", () => {
    expect(protectCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(protectCell("+1")).toBe("'+1");
    expect(protectCell("-1")).toBe("'-1");
    expect(protectCell("@cmd")).toBe("'@cmd");
    expect(protectCell("\tx")).toBe("'\tx");
    expect(protectCell("\rx")).toBe("'\rx");
    expect(protectCell("'=x")).toBe("''=x");
    expect(protectCell("'plain")).toBe("'plain");
    expect(protectCell("a=b")).toBe("a=b");
  });

  it("strips exactly one added apostrophe on import", () => {
    expect(unprotectCell("'=SUM(A1)")).toBe("=SUM(A1)");
    expect(unprotectCell("''=x")).toBe("'=x");
    expect(unprotectCell("'plain")).toBe("'plain");
  });
});

describe("CSV export", () => {
  const csv = deckToCsv(trickyDeck());

  it("starts with a byte order mark and the header, and ends every record with CRLF", () => {
    expect(csv.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("protects formula-like cells and quotes cells with commas, quotes and line breaks", () => {
    expect(csv).toContain("\r\nstatement,formula,'=SUM(A1:A2),leader,'+1 starts like a formula\r\n");
    expect(csv).toContain("\r\nstatement,minus,'-5 points to morale,manager,'@mention at the start\r\n");
    expect(csv).toContain("\r\nstatement,apostrophe-formula,''=already quoted,both,'''+two apostrophes then plus\r\n");
    expect(csv).toContain("\r\nstatement,apostrophe-text,'Tis the season,leader,'plain apostrophe, nothing to strip\r\n".replace("'plain apostrophe, nothing to strip", '"\'plain apostrophe, nothing to strip"'));
    expect(csv).toContain('\r\ntitle,,"Leader, ""manager"" or both?",,\r\n');
    expect(csv).toContain('\r\nstatement,newlines,"First line\nsecond line",leader,"a\r\nb\rc\nd"\r\n');
  });

  it("writes the slug of a built-in deck and leaves it out otherwise", () => {
    expect(deckToCsv(BUILTIN_DECKS[0]!)).toContain(`\r\nslug,,${BUILTIN_DECKS[0]!.slug},,\r\n`);
    expect(csv).not.toContain("\r\nslug,");
  });
});

describe("CSV round trips: export → import gives back the same deck", () => {
  it.each(BUILTIN_DECKS.map((d) => [d.slug!, d] as const))("built-in deck %s", (_slug, deck) => {
    const back = deckOf(deckFromCsv(deckToCsv(deck)));
    expect(back).toStrictEqual({ ...deck, columns: [...deck.columns], statements: [...deck.statements] });
  });

  it("a deck with quotes, commas, line breaks, unicode, leading = + - @ and apostrophes", () => {
    const deck = trickyDeck();
    expect(deckOf(deckFromCsv(deckToCsv(deck)))).toStrictEqual(deck);
  });

  it("exporting the imported deck gives the same bytes", () => {
    const csv = deckToCsv(trickyDeck());
    expect(deckToCsv(deckOf(deckFromCsv(csv)))).toBe(csv);
  });

  it("survives CSV → JSON → CSV", () => {
    const deck = trickyDeck();
    const viaJson = deckOf(deckFromJson(deckToJson(deckOf(deckFromCsv(deckToCsv(deck))))));
    expect(deckToCsv(viaJson)).toBe(deckToCsv(deck));
  });

  it("a deck at the statement limit", () => {
    const deck: Deck = {
      ...smallDeck(),
      statements: Array.from({ length: MAX_STATEMENTS }, (_, i) => ({ id: `s-${i}`, text: `Statement ${i}, with "quotes"`, canonical: i % 2 ? "leader" : "manager", explanation: `=${i}` })),
    };
    expect(deckOf(deckFromCsv(deckToCsv(deck)))).toStrictEqual(deck);
  });
});

describe("CSV import accepts hand-made files", () => {
  it("the minimal file: no BOM, LF line ends, no description or version row", () => {
    expect(deckOf(deckFromCsv(lines(...BASE)))).toStrictEqual(smallDeck());
  });

  it("without a final line end, and with CR line ends", () => {
    expect(deckOf(deckFromCsv(BASE.join("\n")))).toStrictEqual(smallDeck());
    expect(deckOf(deckFromCsv(BASE.join("\r")))).toStrictEqual(smallDeck());
  });

  it("derives missing ids from labels and texts, unique within the deck", () => {
    const deck = deckOf(
      deckFromCsv(lines(HEADER, "title,,T,,", "language,,it,,", "column,,Leader,,", "column,,Già fatto,,", "column,,Both,,", "statement,,Fa la cosa giusta,leader,", "statement,,Fa la cosa giusta!,both,", "statement,fa-la-cosa-giusta-2,Altro,gia-fatto,")),
    );
    expect(deck.columns.map((c) => c.id)).toEqual(["leader", "gia-fatto", "both"]);
    expect(deck.statements.map((s) => s.id)).toEqual(["fa-la-cosa-giusta", "fa-la-cosa-giusta-3", "fa-la-cosa-giusta-2"]);
  });

  it("lets the canonical cell name a column by its label, ignoring case", () => {
    const deck = deckOf(deckFromCsv(lines(...BASE.slice(0, 5), "statement,,Takes risks,LEADER,", "statement,,Controls risk, Manager ,")));
    expect(deck.statements.map((s) => s.canonical)).toEqual(["leader", "manager"]);
  });

  it("skips blank lines and empty rows, accepts fewer cells and extra empty ones, any case in header and kinds", () => {
    const text = lines("", " Kind , ID,Text,Canonical,Explanation,,", ",,,,", "TITLE,,Small deck", "", "language,,en,,,,", "Column,leader,Leader", "column,manager,Manager,,", "statement,takes-risks,Takes risks,leader,Leaders take risks.", "Statement,controls-risk,Controls risk,manager");
    expect(deckOf(deckFromCsv(text))).toStrictEqual(smallDeck());
  });

  it("keeps an apostrophe that does not precede a formula character", () => {
    const deck = deckOf(deckFromCsv(lines(...BASE.slice(0, 5), "statement,,'Tis the season,leader,", "statement,,'=x,manager,''@y")));
    expect(deck.statements.map((s) => [s.text, s.explanation])).toEqual([
      ["'Tis the season", ""],
      ["=x", "'@y"],
    ]);
  });
});

describe("CSV import rejects bad files with the line of each problem, importing nothing", () => {
  const cases: [string, string, string[]][] = [
    ["an empty file", "", ["The file is empty."]],
    ["only a byte order mark and blank lines", "\uFEFF\n\n  \n", ["The file is empty."]],
    ["a wrong header", lines("type,id,text,canonical,explanation", "title,,T,,"), ["line 1: the first row must be the header kind,id,text,canonical,explanation (found 'type,id,text,canonical,explanation')"]],
    ["a header with a missing column", lines("kind,id,text,canonical", "title,,T,,"), ["line 1: the first row must be the header"]],
    ["a header after blank lines", lines("", "", "kind;id;text;canonical;explanation"), ["line 3: the first row must be the header"]],
    ["an unknown row kind", withRows("colum,both,Both,,"), ["line 8: unknown row kind 'colum'; use one of title, description, language, version, slug, column, statement"]],
    ["a row without a kind", withRows(",x,Some text,leader,"), ["line 8: the kind cell is empty"]],
    ["unbalanced quotes", withRows('statement,,"Leads people,leader,', "statement,,Another,manager,"), ["line 8: a quoted cell starts here but is never closed (unbalanced double quotes)"]],
    ["a quote inside an unquoted cell", withRows('statement,,Has a 5" screen,leader,'), ["line 8: a double quote inside a cell that does not start with one"]],
    ["text after a closing quote", withRows('statement,,"Leads" people,leader,'), ["line 8: unexpected text after a closing double quote"]],
    ["a row with too many cells", withRows("statement,leads,Leads, inspires,leader,because"), ["line 8: this row has 6 cells but the header has 5"]],
    ["a canonical column that is not in the deck", withRows("statement,,Does both,both,"), ["line 8: canonical column 'both' is not one of leader, manager"]],
    ["a statement without a canonical column", withRows("statement,,Does both,,"), ["line 8: Statement canonical answer must not be empty"]],
    ["a duplicate statement (ignoring case and spacing)", withRows("statement,,  takes   RISKS ,manager,"), ["line 8: duplicate statement: 'takes RISKS' has the same text as the statement on line 6 (ignoring case and spacing); each statement must be different"]],
    ["a duplicate statement id", withRows("statement,takes-risks,Takes chances,leader,"), ["line 8: statement id 'takes-risks' is already used on line 6; statement ids must be unique"]],
    ["a duplicate column id", lines(...BASE.slice(0, 5), "column,leader,Boss,,", ...BASE.slice(5)), ["line 6: column id 'leader' is already used on line 4; column ids must be unique"]],
    ["a duplicate column label", lines(...BASE.slice(0, 5), "column,boss,MANAGER,,", ...BASE.slice(5)), ["line 6: column label 'MANAGER' is already used on line 5; column labels must be unique (ignoring case)"]],
    ["an empty statement", withRows("statement,empty,   ,leader,"), ["line 8: Statement text must not be empty"]],
    ["an over-long statement", withRows(`statement,,${"x".repeat(MAX_STATEMENT_LENGTH + 1)},leader,`), [`line 8: Statement text must be at most ${MAX_STATEMENT_LENGTH} characters (it has ${MAX_STATEMENT_LENGTH + 1})`]],
    ["a bad statement id", withRows("statement,Not A Slug,Leads,leader,"), ["line 8: Statement id must be a lowercase slug"]],
    ["a bad language", lines(HEADER, "title,,T,,", "language,,English,,", ...BASE.slice(3)), ['line 3: Language must be a language tag like "en" or "en-GB" (got "English")']],
    ["a bad version", withRows("version,,one,,"), ["line 8: version must be a whole number such as 1 (found 'one')"]],
    ["no title row", lines(HEADER, ...BASE.slice(2)), ["The file has no title row (for example: title,,My deck,,)."]],
    ["an empty title", lines(HEADER, "title,,   ,,", ...BASE.slice(2)), ["line 2: Title must not be empty"]],
    ["no language row", lines(HEADER, "title,,T,,", ...BASE.slice(3)), ["The file has no language row (for example: language,,en,,)."]],
    ["two title rows", withRows("title,,Another,,"), ["line 8: a second title row (the first is on line 2); a deck has one title"]],
    ["a meta row with an id", lines(HEADER, "title,x,T,,", ...BASE.slice(2)), ["line 2: a title row keeps its value in the text cell; leave id, canonical and explanation empty"]],
    ["a column row with a canonical cell", lines(...BASE.slice(0, 4), "column,manager,Manager,leader,", ...BASE.slice(5)), ["line 5: a column row has only an id and a label (in the text cell); leave canonical and explanation empty"]],
    ["no column rows", lines(...BASE.slice(0, 3), ...BASE.slice(5)), ["The file has no column rows: a deck needs 2 to 4 (for example: column,leader,Leader,,)."]],
    ["one column", lines(...BASE.slice(0, 4), "statement,,Takes risks,leader,"), ["A deck needs at least 2 columns"]],
    ["five columns", lines(...BASE.slice(0, 5), "column,c,C,,", "column,d,D,,", "column,e,E,,", ...BASE.slice(5)), ["line 8: too many columns: a deck has at most 4 (this file has 5)"]],
    ["no statement rows", lines(...BASE.slice(0, 5)), ["The file has no statement rows (for example: statement,,Takes risks,leader,)."]],
  ];

  it.each(cases)("%s", (_name, text, expected) => {
    const got = messages(deckFromCsv(text));
    for (const message of expected) expect(got.some((m) => m.startsWith(message)), `${JSON.stringify(got)} should include ${message}`).toBe(true);
    expect(got).toHaveLength(expected.length);
  });

  it(`more than ${MAX_STATEMENTS} statements: the line of the first one too many`, () => {
    const rows = Array.from({ length: MAX_STATEMENTS + 5 }, (_, i) => `statement,,Statement number ${i + 1},leader,`);
    // Header 1, title 2, language 3, columns 4–5: statement n is on line 5 + n.
    expect(messages(deckFromCsv(lines(...BASE.slice(0, 5), ...rows)))).toEqual([
      `line ${5 + MAX_STATEMENTS + 1}: too many statements: a deck holds at most ${MAX_STATEMENTS} (this file has ${MAX_STATEMENTS + 5})`,
    ]);
  });

  it("a file over 512 KB, before reading it", () => {
    const big = withRows(`statement,,${"x".repeat(MAX_DECK_FILE_BYTES)},leader,`);
    expect(messages(deckFromCsv(big))).toEqual([`The file is too large: ${Math.ceil(big.length / 1024)} KB, and a deck file can be at most 512 KB.`]);
  });

  it("counts the size in UTF-8 bytes, not characters", () => {
    const text = withRows(`statement,,${"è".repeat(MAX_DECK_FILE_BYTES / 2)},leader,`); // ~1 MB of 2-byte characters
    expect(messages(deckFromCsv(text))[0]).toMatch(/^The file is too large/);
  });

  it("lists every problem at once, in line order, with lines counted through multi-line cells", () => {
    const text = withRows('statement,,"Two\nlines",both,', "foo,,,,", "statement,,takes risks,leader,");
    expect(messages(deckFromCsv(text))).toEqual([
      "line 8: canonical column 'both' is not one of leader, manager",
      "line 10: unknown row kind 'foo'; use one of title, description, language, version, slug, column, statement",
      "line 11: duplicate statement: 'takes risks' has the same text as the statement on line 6 (ignoring case and spacing); each statement must be different",
    ]);
  });

  it(`stops listing after ${MAX_REPORTED_ERRORS} problems and says how many more there are`, () => {
    const rows = Array.from({ length: 80 }, (_, i) => `statement,,Statement ${i},nowhere,`);
    const got = messages(deckFromCsv(lines(...BASE.slice(0, 5), ...rows)));
    expect(got).toHaveLength(MAX_REPORTED_ERRORS);
    expect(got[0]).toBe("line 6: canonical column 'nowhere' is not one of leader, manager");
    expect(got.at(-1)).toBe(`…and ${80 - (MAX_REPORTED_ERRORS - 1)} more problems.`);
  });
});
