import { describe, expect, it } from "vitest";
import { BUILTIN_DECKS } from "@/lib/decks/builtin";
import { deckFileName, detectDeckFileFormat, exportDeckFile, importDeckFile, isDeckFileFormat } from "@/lib/decks/deck-file";
import { utf8ByteLength } from "@/lib/decks/file-common";

describe("deck files", () => {
  it("picks the format from the file name, else from the content", () => {
    expect(detectDeckFileFormat("{}", "deck.CSV")).toBe("csv");
    expect(detectDeckFileFormat("kind,id", "deck.json")).toBe("json");
    expect(detectDeckFileFormat('\uFEFF  {"format": 1}', "deck.txt")).toBe("json");
    expect(detectDeckFileFormat("kind,id,text,canonical,explanation")).toBe("csv");
  });

  it("round-trips every built-in deck through both formats", () => {
    for (const deck of BUILTIN_DECKS) {
      for (const format of ["csv", "json"] as const) {
        const result = importDeckFile(exportDeckFile(deck, format), format);
        expect(result.ok && result.deck).toStrictEqual({ ...deck, columns: [...deck.columns], statements: [...deck.statements] });
      }
    }
  });

  it("names the file after the deck's title, in ASCII", () => {
    expect(deckFileName({ title: "Leader or Manager?" }, "csv")).toBe("leader-or-manager.csv");
    expect(deckFileName({ title: "Già, “così”" }, "json")).toBe("gia-cosi.json");
    expect(deckFileName({ title: "日本" }, "csv")).toBe("deck.csv");
  });

  it("knows its formats", () => {
    expect(isDeckFileFormat("csv")).toBe(true);
    expect(isDeckFileFormat("xlsx")).toBe(false);
    expect(isDeckFileFormat(undefined)).toBe(false);
  });

  it("counts UTF-8 bytes as the file has them", () => {
    for (const text of ["", "abc", "è", "“”", "🧭", "a🧭è“"]) expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
  });
});
