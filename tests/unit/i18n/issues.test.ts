import { describe, expect, it as test } from "vitest";
import { AUTH_ISSUES, firstFieldErrors, signInSchema, signUpSchema } from "@/lib/auth/credentials-schema";
import { CSV_HEADER, deckFromCsv } from "@/lib/decks/csv";
import { emptyDraft, validateDraft } from "@/lib/decks/editor-model";
import { MAX_DECK_FILE_BYTES, type DeckFileResult } from "@/lib/decks/file-common";
import { DECK_ISSUES } from "@/lib/decks/issues";
import { deckFromJson, deckToJson } from "@/lib/decks/json-format";
import { MAX_STATEMENTS, parseDeck } from "@/lib/decks/schema";
import { placeholders } from "@/lib/i18n/format";
import { makeIssue, packIssue, unpackIssue, type Issue } from "@/lib/i18n/issue";
import en from "@/lib/i18n/messages/en";
import it from "@/lib/i18n/messages/it";
import { createTranslator, translateIssue, type IssueNamespace } from "@/lib/i18n/translate";
import { createSessionInput } from "@/lib/sessions/create-session";
import { parseCohortLines } from "@/lib/sessions/cohort-lines";
import { SESSION_ISSUES } from "@/lib/sessions/issues";
import { smallDeck } from "../decks/fixtures";

/** Each lib catalog of issue codes and the messages namespace that translates it. */
const CATALOGS: [IssueNamespace, Readonly<Record<string, string>>][] = [
  ["deckIssues", DECK_ISSUES],
  ["authIssues", AUTH_ISSUES],
  ["sessionIssues", SESSION_ISSUES],
];

const english = createTranslator("en", en);
const italian = createTranslator("it", it);

describe("issue catalogs and the messages files", () => {
  test.each(CATALOGS)("%s: English is the lib's own text, code for code", (namespace, catalog) => {
    expect(en[namespace]).toEqual(catalog);
  });

  test.each(CATALOGS)("%s: every code has an Italian message with the same placeholders, and it is not the English one", (namespace, catalog) => {
    const table: Record<string, string> = it[namespace];
    expect(Object.keys(table).sort()).toEqual(Object.keys(catalog).sort());
    for (const [code, template] of Object.entries(catalog)) {
      expect(table[code]?.trim(), code).toBeTruthy();
      expect(placeholders(table[code]!), code).toEqual(placeholders(template));
      expect(table[code], code).not.toBe(template);
    }
  });

  test("codes are stable snake_case names", () => {
    for (const [, catalog] of CATALOGS) for (const code of Object.keys(catalog)) expect(code).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
  });
});

describe("packing issues through zod messages", () => {
  test("round-trips code and params", () => {
    expect(unpackIssue(DECK_ISSUES, packIssue("title_too_long", { max: 120, length: 121 }))).toEqual({
      code: "title_too_long",
      params: { max: 120, length: 121 },
      message: "Title must be at most 120 characters (it has 121)",
    });
  });

  test.each([
    ["a plain message", "Title is required"],
    ["an unknown code", packIssue("no_such_code")],
    ["broken params", "@issue:title_empty:{not json}"],
    ["a code of another catalog", packIssue("email_invalid")],
  ])("refuses %s", (_name, message) => {
    expect(unpackIssue(DECK_ISSUES, message)).toBeNull();
  });

  test("an unknown code translates to the issue's own English message", () => {
    expect(translateIssue(italian, "deckIssues", { code: "from_a_newer_server", params: {}, message: "Something new" })).toBe("Something new");
  });
});

// ── issues as lib really reports them ─────────────────────────────────────────────────────

type Loose = Record<string, unknown> & { columns: Record<string, unknown>[]; statements: Record<string, unknown>[] };

/** The small deck, broken one way. */
const deckWith = (edit: (d: Loose) => void): unknown => {
  const deck = structuredClone(smallDeck()) as unknown as Loose;
  edit(deck);
  return deck;
};

const deckInputs: unknown[] = [
  null,
  {},
  { title: 1, description: 1, language: 1, columns: {}, statements: {}, version: "1", slug: 1 },
  deckWith((d) => {
    d.title = " ";
    d.slug = "";
    d.language = "English";
    d.version = 1.5;
    d.columns = [{ id: "Leader", label: "" }];
    d.statements = [];
  }),
  deckWith((d) => {
    d.title = "T".repeat(121);
    d.description = "D".repeat(501);
    d.slug = "s".repeat(61);
    d.version = 0;
    d.columns.push({ id: "c", label: "C" }, { id: "d", label: "D" }, { id: "e", label: "E" });
  }),
  deckWith((d) => {
    d.slug = "Not A Slug";
    d.columns = ["leader" as never, { id: "a".repeat(41), label: "L".repeat(41) }, { id: 3, label: 4 }, {}];
  }),
  deckWith((d) => {
    d.columns[1] = { id: "", label: "Manager" };
    d.statements[1]!.id = 5;
  }),
  deckWith((d) => {
    d.columns[1] = { id: "leader", label: "LEADER" };
    d.statements[1] = { id: "takes-risks", text: "TAKES  risks", canonical: "boss", explanation: "x".repeat(1001) };
    d.statements.push("text" as never, { id: "", text: "", canonical: "", explanation: 5 });
    d.statements.push({ id: "x".repeat(61), text: "t".repeat(201), canonical: 7, explanation: "" }, {}, { id: "Bad Id", text: 9, canonical: "leader", explanation: "" });
  }),
  deckWith((d) => {
    d.columns = [];
    d.statements = [{ id: "a", text: "A", canonical: "nowhere", explanation: "" }];
  }),
  // Text Postgres cannot hold: a NUL, and a lone surrogate.
  deckWith((d) => {
    d.title = "T\u0000";
    d.description = "D\uD83D";
    d.columns[1]!.label = "M\u0000";
    d.statements[0]!.text = "\uDC4DS";
    d.statements[1]!.explanation = "E\u0000";
  }),
  deckWith((d) => void (d.statements = Array.from({ length: MAX_STATEMENTS + 1 }, (_, i) => ({ id: `s-${i}`, text: `S ${i}`, canonical: "leader", explanation: "" })))),
];

const HEADER = CSV_HEADER.join(",");
const csv = (...rows: string[]) => rows.join("\n") + "\n";
const csvInputs: string[] = [
  "",
  "x".repeat(MAX_DECK_FILE_BYTES + 1),
  '"never closed',
  '"a"b,c',
  'a,b"c',
  "type,id,text",
  csv(
    HEADER,
    "title,,One,,",
    "title,,Two,,",
    "language,x,en,,",
    "version,,one,,",
    "column,leader,Leader,leader,",
    "column,leader,leader,,",
    "column,c,C,,",
    "column,d,D,,",
    "column,e,E,,",
    ",,orphan,,",
    "colum,x,y,,",
    "statement,s,Same,leader,,extra",
    "statement,s,Same,nobody,",
    "statement,s,same,leader,",
  ),
  csv(HEADER, "description,,none,,"),
  csv(HEADER, "title,,T,,", "language,,en,,", "column,a,A,,", "column,b,B,,", ...Array.from({ length: MAX_STATEMENTS + 1 }, (_, i) => `statement,,S ${i},a,`)),
  // More than MAX_REPORTED_ERRORS problems.
  csv(HEADER, "title,,T,,", "language,,en,,", "column,a,A,,", "column,b,B,,", ...Array.from({ length: 60 }, (_, i) => `nonsense${i},,,,`)),
];

const jsonFile = (edit: (f: Record<string, unknown> & { deck: Loose }) => void): string => {
  const f = JSON.parse(deckToJson(smallDeck()));
  edit(f);
  return JSON.stringify(f, null, 2);
};
const jsonInputs: string[] = [
  "[]",
  "{}",
  '{"format": 1, "version": 2, "deck": 3, "extra": 4}',
  jsonFile((f) => {
    f.deck.colour = "blue";
    f.deck.columns[0]!.width = 3;
    f.deck.statements[0]!.answer = "leader";
  }),
  '{"a": "never closed',
  '{"a": "\\x"}',
  '{"a": "line\nbreak"}',
  "[".repeat(40),
  "{1: 2}",
  '{"a": }',
  '{"a": 1, "a": 2}',
  '{"a" 1}',
  '{"a": 1,}',
  '{"a": 1 "b": 2}',
  "[1,]",
  "[1 2]",
  "[",
  "{} {}",
  "{",
];

function issuesOfFile(result: DeckFileResult): Issue[] {
  return result.ok ? [] : result.errors;
}

function allIssues(): { namespace: IssueNamespace; issue: Issue }[] {
  const out: { namespace: IssueNamespace; issue: Issue }[] = [];
  const add = (namespace: IssueNamespace, issues: Iterable<Issue>) => {
    for (const issue of issues) out.push({ namespace, issue });
  };
  for (const input of deckInputs) {
    const result = parseDeck(input);
    add("deckIssues", result.ok ? [] : result.errors);
  }
  for (const text of csvInputs) add("deckIssues", issuesOfFile(deckFromCsv(text)));
  for (const text of jsonInputs) add("deckIssues", issuesOfFile(deckFromJson(text)));

  let n = 0;
  const draft = emptyDraft(() => `k${n++}`);
  draft.title = "Draft";
  draft.columns[0]!.label = "Same";
  draft.columns[1]!.label = "same";
  draft.statements = [
    { key: "s1", id: null, text: "One", canonical: "", explanation: "" },
    { key: "s2", id: null, text: "one", canonical: "gone", explanation: "" },
  ];
  add("deckIssues", validateDraft(draft).errors);

  for (const input of [
    { email: null, password: null, name: 42 },
    { email: "nope", password: "short", name: "n".repeat(81) },
    { email: `${"a".repeat(250)}@example.com`, password: "p".repeat(129) },
    { email: "ana@example.com", password: "long enough", name: "An\u0000a" },
  ]) {
    const result = signUpSchema.safeParse(input);
    if (!result.success) add("authIssues", Object.values(firstFieldErrors(result.error)).filter((i) => i !== undefined));
  }
  const signIn = signInSchema.safeParse({ email: "ana@example.com", password: "" });
  if (!signIn.success) add("authIssues", Object.values(firstFieldErrors(signIn.error)).filter((i) => i !== undefined));

  for (const input of [
    null,
    { deckId: "x", title: "t".repeat(121), rounds: 3, cohorts: [""], extra: 1 },
    { deckId: "x", title: "t\u0000", cohorts: ["g\u0000"] },
  ]) {
    const result = createSessionInput.safeParse(input);
    if (!result.success) add("sessionIssues", result.error.issues.map((i) => unpackIssue(SESSION_ISSUES, i.message)!));
  }
  add("sessionIssues", parseCohortLines(`Team A\n${"g".repeat(41)}`).issues);
  return out;
}

/** Codes the inputs above cannot produce, and why. */
const NOT_PRODUCED_HERE = new Set([
  "deckIssues.deck_invalid_value", // a fallback for a zod issue without a deck issue; every check has one
  "deckIssues.slug_required", // the slug is optional
  "sessionIssues.deck_not_found", // needs the database (tests/integration)
  "sessionIssues.deck_invalid", // a stored deck is valid; needs the database
]);

describe("issues reported by lib, in both languages", () => {
  const reported = allIssues();

  test("every issue is a known code whose English message is its template filled in", () => {
    for (const { namespace, issue } of reported) {
      const template = (en[namespace] as Record<string, string>)[issue.code];
      expect(template, issue.code).toBeDefined();
      expect(issue.message, issue.code).toBe(makeIssue({ [issue.code]: template! }, issue.code, issue.params).message);
    }
  });

  test("every placeholder of every reported issue is filled, in English and in Italian", () => {
    for (const { namespace, issue } of reported) {
      for (const translator of [english, italian]) {
        const text = translateIssue(translator, namespace, issue);
        expect(text, `${translator.locale} ${issue.code}`).not.toMatch(/\{\w+\}/);
        expect(text.trim(), `${translator.locale} ${issue.code}`).not.toBe("");
      }
    }
  });

  test("the inputs above reach every code (so each template is checked with real params)", () => {
    const seen = new Set(reported.map(({ namespace, issue }) => `${namespace}.${issue.code}`));
    const missing = CATALOGS.flatMap(([namespace, catalog]) => Object.keys(catalog).map((code) => `${namespace}.${code}`)).filter(
      (key) => !seen.has(key) && !NOT_PRODUCED_HERE.has(key),
    );
    expect(missing).toEqual([]);
    for (const key of NOT_PRODUCED_HERE) expect(seen.has(key), `${key} is produced after all: drop it from NOT_PRODUCED_HERE`).toBe(false);
  });

  test.each([
    ["parseDeck", () => parseDeck(deckWith((d) => void (d.title = " "))), "Il titolo non può essere vuoto"],
    [
      "parseDeck, cross-row",
      () => parseDeck(deckWith((d) => void (d.statements[1]!.canonical = "boss"))),
      'L’affermazione 2 ha come risposta corretta "boss", che non è una colonna di questo mazzo. Colonne valide: "leader", "manager"',
    ],
    [
      "CSV import",
      () => deckFromCsv(csv(HEADER, "title,,T,,", "language,,en,,", "column,leader,Leader,,", "column,manager,Manager,,", "statement,,Sets the direction,both,")),
      "la colonna corretta 'both' non è tra queste: leader, manager",
    ],
    ["JSON import", () => deckFromJson('{"a": 1,}'), "una virgola prima di '}': il JSON non ammette una virgola finale"],
  ])("%s, in Italian", (_name, run, expected) => {
    const result = run();
    expect(result.ok).toBe(false);
    const errors: Issue[] = result.ok ? [] : result.errors;
    expect(errors.map((e) => translateIssue(italian, "deckIssues", e))).toContain(expected);
  });

  test("sign-up field errors, in Italian", () => {
    const result = signUpSchema.safeParse({ email: "nope", password: "short" });
    const errors = firstFieldErrors<"email" | "password">(result.error!);
    expect(translateIssue(italian, "authIssues", errors.email!)).toBe("Inserisci un indirizzo email valido");
    expect(translateIssue(italian, "authIssues", errors.password!)).toBe("Usa almeno 8 caratteri");
    expect(translateIssue(english, "authIssues", errors.password!)).toBe("Use at least 8 characters");
  });
});
