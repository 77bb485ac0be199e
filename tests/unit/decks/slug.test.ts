import { describe, expect, it } from "vitest";
import { SLUG_PATTERN } from "@/lib/decks/schema";
import { columnIdFor, slugify, statementIdFor, uniqueSlug } from "@/lib/decks/slug";

describe("slugify", () => {
  it.each([
    ["Leader", "leader"],
    ["Leader / Manager", "leader-manager"],
    ["  Già fatto, però!  ", "gia-fatto-pero"],
    ["Ÿ-ñ-Ç", "y-n-c"],
    ["日本語", ""],
    ["--a--b--", "a-b"],
    ["Version 2.0", "version-2-0"],
  ])("%j → %j", (text, slug) => {
    expect(slugify(text, 60)).toBe(slug);
  });

  it("cuts at the length limit without a trailing hyphen", () => {
    expect(slugify("abc def", 4)).toBe("abc");
    expect(slugify("a".repeat(100), 40)).toHaveLength(40);
  });
});

describe("unique ids", () => {
  it("appends -2, -3… to taken ids, and falls back to a numbered id for text without letters", () => {
    const taken = new Set<string>(["both"]);
    expect(columnIdFor("Both", 1, taken)).toBe("both-2");
    expect(columnIdFor("Both", 2, taken)).toBe("both-3");
    expect(columnIdFor("日本", 3, taken)).toBe("column-3");
    expect(statementIdFor("", 4, taken)).toBe("statement-4");
  });

  it("stays within the limit and matches the slug pattern", () => {
    const taken = new Set<string>();
    const ids = Array.from({ length: 12 }, (_, i) => statementIdFor("x".repeat(80), i + 1, taken));
    expect(new Set(ids).size).toBe(12);
    for (const id of ids) {
      expect(id.length).toBeLessThanOrEqual(60);
      expect(id).toMatch(SLUG_PATTERN);
    }
    expect(uniqueSlug("", "fallback", new Set(["fallback"]), 40)).toBe("fallback-2");
  });
});
