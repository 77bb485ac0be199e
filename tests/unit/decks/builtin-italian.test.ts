import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getBuiltinDeck, sourceDeckOf, sourceSentenceOf } from "@/lib/decks/builtin";
import { parseDeck } from "@/lib/decks/schema";
import { findMissingSources } from "@/lib/decks/source-check";
import type { Deck } from "@/lib/decks/types";

const article = readFileSync(path.resolve(import.meta.dirname, "../../../lib/decks/builtin/article.txt"), "utf8");

// Each Italian deck next to the English deck it translates.
const pairs: [string, Deck, Deck][] = [
  ["leader-or-manager-it", getBuiltinDeck("leader-or-manager-it")!, getBuiltinDeck("leader-or-manager")!],
  ["lead-or-manage-it", getBuiltinDeck("lead-or-manage-it")!, getBuiltinDeck("lead-or-manage")!],
];

// The Italian words that name a column (or the "boss" the leader deck contrasts with) would give
// the answer away, as the English test's word list does for English.
const ANSWER_WORDS = /\b(leader|leadership|manager|manageriale|manageriali|management|capo|capi|boss)\b/i;
const ANSWER_FRAGMENTS = /leader|manag|boss|guid|gestir|gestisc|gestion|dirig/i;

describe("Italian built-in decks", () => {
  it("exist and say which English deck they translate", () => {
    for (const [slug, italian, english] of pairs) {
      expect(italian, slug).toBeDefined();
      expect(sourceDeckOf(slug)).toBe(english);
    }
  });
});

describe.each(pairs)("built-in deck %s", (slug, italian, english) => {
  it("passes the same validation as a user-made deck, unchanged", () => {
    const result = parseDeck(italian);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok && result.deck).toEqual({ ...italian });
  });

  it("is in Italian, with its own slug, title and description", () => {
    expect(italian).toMatchObject({ slug, language: "it", version: 1 });
    expect(italian.title).not.toBe(english.title);
    expect(italian.description).not.toBe(english.description);
  });

  it("has the English deck's columns, in its order", () => {
    expect(italian.columns.map((c) => c.id)).toEqual(english.columns.map((c) => c.id));
  });

  it("has as many statements as the English deck, each with the same id and answer in the same place", () => {
    expect(italian.statements.length).toBe(english.statements.length);
    expect(italian.statements.map((s) => [s.id, s.canonical])).toEqual(english.statements.map((s) => [s.id, s.canonical]));
  });

  it("translates every card and every explanation", () => {
    const untranslated = italian.statements
      .filter((s, i) => s.text === english.statements[i]!.text || s.explanation === english.statements[i]!.explanation)
      .map((s) => s.id);
    expect(untranslated).toEqual([]);
  });

  it("traces every statement to the English statement's source sentence, quoted verbatim from the article", () => {
    const traced: Deck = { ...italian, statements: italian.statements.map((s) => ({ ...s, explanation: sourceSentenceOf(slug, s.id) ?? "" })) };
    expect(findMissingSources(traced, article)).toEqual([]);
    for (const s of italian.statements) expect(sourceSentenceOf(slug, s.id)).toBe(sourceSentenceOf(english.slug!, s.id));
  });

  it("translates one source sentence one way: cards share an explanation exactly when they share a source", () => {
    const explanationBySource = new Map<string, Set<string>>();
    for (const s of italian.statements) {
      const source = sourceSentenceOf(slug, s.id)!;
      explanationBySource.set(source, (explanationBySource.get(source) ?? new Set()).add(s.explanation));
    }
    expect([...explanationBySource.values()].filter((set) => set.size > 1).map((set) => [...set])).toEqual([]);
    expect(new Set(italian.statements.map((s) => s.explanation)).size).toBe(explanationBySource.size);
  });

  it.each(italian.statements.map((s) => [s.id, s.text] as const))("%s does not give the answer away: %s", (_id, text) => {
    expect(text).not.toMatch(ANSWER_WORDS);
    expect(text).not.toMatch(ANSWER_FRAGMENTS);
  });

  it("has short, phone-readable statements", () => {
    expect(italian.statements.filter((s) => s.text.length > 90).map((s) => s.id)).toEqual([]);
  });
});

describe("sourceSentenceOf", () => {
  it("is an English statement's own explanation, and nothing for an unknown deck or statement", () => {
    const english = getBuiltinDeck("leader-or-manager")!;
    expect(sourceSentenceOf("leader-or-manager", "takes-risks")).toBe(english.statements.find((s) => s.id === "takes-risks")!.explanation);
    expect(sourceSentenceOf("leader-or-manager-it", "no-such-statement")).toBeUndefined();
    expect(sourceSentenceOf("no-such-deck", "takes-risks")).toBeUndefined();
  });
});
