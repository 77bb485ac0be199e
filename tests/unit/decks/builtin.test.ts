import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_DECKS, getBuiltinDeck, sourceDeckOf } from "@/lib/decks/builtin";
import { leadOrManageDeck } from "@/lib/decks/builtin/lead-or-manage";
import { leaderOrManagerDeck } from "@/lib/decks/builtin/leader-or-manager";
import { parseDeck } from "@/lib/decks/schema";
import { findMissingSources } from "@/lib/decks/source-check";
import type { Deck } from "@/lib/decks/types";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const articlePath = path.join(repoRoot, "lib/decks/builtin/article.txt");
// The shared original lives outside the repo; compare only when this checkout sits next to it.
const sharedArticlePath = path.resolve(repoRoot, "../shared/source/leadership-vs-management.txt");
const article = readFileSync(articlePath, "utf8");

// The decks drawn from the article itself; their translations are checked in builtin-italian.test.ts.
const decks: [string, Deck][] = BUILTIN_DECKS.filter((deck) => !sourceDeckOf(deck.slug!)).map((deck) => [deck.slug ?? "(no slug)", deck]);

/** A sentence = text between sentence-ending punctuation, within one paragraph (line). */
function sentencesOf(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => /[.!?]$/.test(line)) // headings end in an emoji, not punctuation
    .flatMap((line) => line.split(/(?<=[.!?])\s+/));
}

/** The article's lines from the heading starting with `from` up to (excluding) the one starting with `to`. */
function section(from: string, to: string): string {
  const start = article.indexOf(`\n${from}`);
  const end = article.indexOf(`\n${to}`, start + 1);
  if (start < 0 || end < 0) throw new Error(`section "${from}" not found in article.txt`);
  return article.slice(start, end);
}

// Whole words only, so "team" or "deadline" pass; "cheerleader" is caught by the second pattern.
const ANSWER_WORDS =
  /\b(lead|leads|leading|led|leader|leaders|leadership|manage|manages|managed|managing|manager|managers|management|boss|bosses|bossy)\b/i;
const ANSWER_FRAGMENTS = /leader|manag|boss/i;

describe("article copy", () => {
  it("is present and non-empty", () => {
    expect(article.length).toBeGreaterThan(1000);
  });

  it("is byte-identical to the shared source when that exists", () => {
    if (existsSync(sharedArticlePath)) {
      expect(readFileSync(articlePath).equals(readFileSync(sharedArticlePath))).toBe(true);
    } else {
      expect(readFileSync(articlePath).length).toBeGreaterThan(0);
    }
  });
});

describe("BUILTIN_DECKS", () => {
  it("has unique slugs and finds each deck by slug", () => {
    const slugs = BUILTIN_DECKS.map((d) => d.slug);
    expect(slugs).toEqual(["leader-or-manager", "lead-or-manage", "leader-or-manager-it", "lead-or-manage-it"]);
    for (const deck of BUILTIN_DECKS) expect(getBuiltinDeck(deck.slug!)).toBe(deck);
    expect(getBuiltinDeck("nope")).toBeUndefined();
  });

  it("is frozen so shared decks cannot be edited in place", () => {
    const deck = getBuiltinDeck("leader-or-manager")!;
    expect(Object.isFrozen(BUILTIN_DECKS)).toBe(true);
    expect(Object.isFrozen(deck)).toBe(true);
    expect(Object.isFrozen(deck.statements)).toBe(true);
    expect(Object.isFrozen(deck.statements[0])).toBe(true);
    expect(Object.isFrozen(deck.columns[0])).toBe(true);
  });
});

describe("article decks", () => {
  it("are the English ones", () => {
    expect(decks.map(([slug, deck]) => [slug, deck.language])).toEqual([
      ["leader-or-manager", "en"],
      ["lead-or-manage", "en"],
    ]);
  });
});

describe.each(decks)("built-in deck %s", (_slug, deck) => {
  it("passes the same validation as a user-made deck, unchanged", () => {
    const result = parseDeck(deck);
    expect(result.ok ? [] : result.errors).toEqual([]);
    // Nothing for the parser to trim or drop: the data is stored exactly as validated.
    expect(result.ok && result.deck).toEqual({ ...deck });
  });

  it("uses every column", () => {
    const used = new Set(deck.statements.map((s) => s.canonical));
    expect([...used].sort()).toEqual(deck.columns.map((c) => c.id).sort());
  });

  it("has unique statement ids and texts", () => {
    const ids = deck.statements.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const texts = deck.statements.map((s) => s.text.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
  });

  it.each(deck.statements.map((s) => [s.id, s.text] as const))("%s does not give the answer away: %s", (_id, text) => {
    expect(text).not.toMatch(ANSWER_WORDS);
    expect(text).not.toMatch(ANSWER_FRAGMENTS);
  });

  it("has short, phone-readable statements", () => {
    const tooLong = deck.statements.filter((s) => s.text.length > 90).map((s) => s.id);
    expect(tooLong).toEqual([]);
  });

  it("quotes every explanation verbatim from the article", () => {
    expect(findMissingSources(deck, article)).toEqual([]);
  });

  it("quotes whole sentences, not fragments", () => {
    const sentences = new Set(sentencesOf(article));
    const fragments = deck.statements.filter((s) => !sentences.has(s.explanation)).map((s) => s.id);
    expect(fragments).toEqual([]);
  });

  it("follows the article's order", () => {
    const positions = deck.statements.map((s) => article.indexOf(s.explanation));
    const outOfOrder = deck.statements.filter((_, i) => i > 0 && positions[i]! < positions[i - 1]!).map((s) => s.id);
    expect(outOfOrder).toEqual([]);
  });
});

describe("leader-or-manager deck", () => {
  const deck = leaderOrManagerDeck;

  it("has the agreed identity", () => {
    expect(deck).toMatchObject({
      slug: "leader-or-manager",
      title: "Leader or Manager?",
      language: "en",
      version: 1,
      columns: [
        { id: "leader", label: "Leader" },
        { id: "manager", label: "Manager" },
      ],
    });
  });

  it("has at least 30 statements", () => {
    expect(deck.statements.length).toBeGreaterThanOrEqual(30);
  });

  it("turns every sentence of the contrast and role sections into at least one statement", () => {
    const covered = new Set(deck.statements.map((s) => s.explanation));
    const sourceSentences = [
      ...sentencesOf(section("Some key differences", "When to lead and when to manage")),
      ...sentencesOf(section("Both are important!", "This is article is")),
    ];
    expect(sourceSentences.length).toBeGreaterThan(30);
    expect(sourceSentences.filter((s) => !covered.has(s))).toEqual([]);
  });

  it.each([
    ["takes-risks", "leader"],
    ["controls-risk", "manager"],
    ["creates-fans-and-followers", "leader"],
    ["has-employees", "manager"],
    ["works-strategically", "leader"],
    ["works-tactically", "manager"],
    ["chosen-for-a-role", "leader"],
    ["hired-for-a-job", "manager"],
  ])("%s belongs to %s", (id, column) => {
    expect(deck.statements.find((s) => s.id === id)?.canonical).toBe(column);
  });

  it("keeps the article's own spelling in quotes", () => {
    const explanations = deck.statements.map((s) => s.explanation).join("\n");
    expect(explanations).toContain("obbligation/fear");
    expect(explanations).toContain("there\u2019s a lot more");
  });
});

describe("lead-or-manage deck", () => {
  const deck = leadOrManageDeck;

  it("has the agreed identity", () => {
    expect(deck).toMatchObject({
      slug: "lead-or-manage",
      language: "en",
      version: 1,
      columns: [
        { id: "lead", label: "Lead" },
        { id: "manage", label: "Manage" },
      ],
    });
  });

  it("has 8 to 12 situations", () => {
    expect(deck.statements.length).toBeGreaterThanOrEqual(8);
    expect(deck.statements.length).toBeLessThanOrEqual(12);
  });

  it("draws only on the 'When to lead and when to manage' section, and on all of it that names a situation", () => {
    const sourceSentences = sentencesOf(section("When to lead and when to manage", "Both are important!"));
    const used = new Set(deck.statements.map((s) => s.explanation));
    expect([...used].filter((e) => !sourceSentences.includes(e))).toEqual([]);
    // The closing advice ("managed, led or a combination of both") fits neither column alone.
    expect(sourceSentences.filter((s) => !used.has(s))).toEqual([
      "Once you become more accustomed to your team and their needs, you will be able to approach each situation by asking yourself if your team needs to be managed, led or a combination of both.",
    ]);
  });

  it.each([
    ["good-results-strong-capabilities", "lead"],
    ["hard-deadline", "manage"],
    ["new-member", "manage"],
    ["experienced-qualified-member", "lead"],
  ])("%s belongs to %s", (id, column) => {
    expect(deck.statements.find((s) => s.id === id)?.canonical).toBe(column);
  });
});
