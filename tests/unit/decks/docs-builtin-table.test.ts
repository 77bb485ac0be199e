import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_DECKS } from "@/lib/decks/builtin";

const docs = readFileSync(path.resolve(import.meta.dirname, "../../../docs/decks.md"), "utf8");

// The table of built-in decks at the top of docs/decks.md is what a facilitator reads to find a
// slug for the API; it must not drift from the decks themselves.
describe("docs/decks.md built-in deck table", () => {
  it("lists every built-in deck with its slug, title, language and statement count", () => {
    const rows = [...docs.matchAll(/^\| `([a-z0-9-]+)` \| (.+?) \| `([a-zA-Z-]+)` \| (\d+) \|$/gm)].map((m) => [m[1], m[2], m[3], Number(m[4])]);
    expect(rows).toEqual(BUILTIN_DECKS.map((d) => [d.slug, d.title, d.language, d.statements.length]));
  });
});
