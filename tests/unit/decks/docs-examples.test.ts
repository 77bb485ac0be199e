import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deckFromCsv } from "@/lib/decks/csv";
import { formatDeckFileError } from "@/lib/decks/file-common";
import { deckFromJson } from "@/lib/decks/json-format";

// docs/decks.md documents both formats with examples: they must be files SortRoom accepts.
const docs = fs.readFileSync(path.resolve(import.meta.dirname, "../../../docs/decks.md"), "utf8");
const block = (lang: string) => {
  const match = new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(docs);
  if (!match) throw new Error(`no ${lang} example in docs/decks.md`);
  return match[1]!;
};

describe("the examples in docs/decks.md", () => {
  it("the CSV example imports", () => {
    const result = deckFromCsv(block("csv"));
    expect(result.ok ? [] : result.errors.map(formatDeckFileError)).toEqual([]);
    if (result.ok) {
      expect(result.deck.columns.map((c) => c.label)).toEqual(["Leader", "Manager", "Both"]);
      expect(result.deck.statements.at(-1)!.explanation).toBe("Both are accountable.\nSecond line of the explanation.");
      expect(result.deck.statements[1]!.explanation).toBe('The article: "managers control risk".');
    }
  });

  it("the JSON example imports", () => {
    const result = deckFromJson(block("json"));
    expect(result.ok ? [] : result.errors.map(formatDeckFileError)).toEqual([]);
  });
});
