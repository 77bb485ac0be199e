import { describe, expect, it as test } from "vitest";
import { format, placeholders, plural } from "@/lib/i18n/format";
import { DEFAULT_LOCALE, LOCALES, negotiateLocale } from "@/lib/i18n/locales";
import en from "@/lib/i18n/messages/en";
import it from "@/lib/i18n/messages/it";
import { createTranslator } from "@/lib/i18n/translate";
import { ERROR_CODES } from "@/lib/protocol/errors";

/** Every leaf of a messages object, as "dot.path" → string. */
function leaves(node: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof node === "string") {
    out.set(prefix, node);
    return out;
  }
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    for (const [k, v] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}

describe("negotiateLocale", () => {
  const table: [string | null, string | undefined, string][] = [
    [null, undefined, "en"],
    ["", undefined, "en"],
    ["it-IT,it;q=0.9,en;q=0.8", undefined, "it"],
    ["it", undefined, "it"],
    ["IT-ch", undefined, "it"],
    ["en-US,en;q=0.9,it;q=0.8", undefined, "en"],
    ["de-DE,de;q=0.9,it;q=0.5,en;q=0.4", undefined, "it"],
    ["de-DE,fr;q=0.9", undefined, "en"],
    ["en;q=0.5,it;q=0.8", undefined, "it"],
    ["it;q=0,en;q=0.1", undefined, "en"],
    ["it;q=0", undefined, "en"],
    ["*", undefined, "en"],
    ["it;q=abc,en;q=0.3", undefined, "en"],
    ["en;q=0.8,it;q=0.8", undefined, "en"],
    ["it;q=0.8,en;q=0.8", undefined, "it"],
    [" it-IT ; q=0.7 , en ; q=0.6", undefined, "it"],
    ["en-US", "it", "it"],
    ["it-IT", "en", "en"],
    ["it-IT", "IT", "it"],
    ["it-IT", "fr", "it"],
    ["en-US", "", "en"],
    [null, "it", "it"],
  ];
  test.each(table)("Accept-Language %j, cookie %j → %s", (header, cookie, expected) => {
    expect(negotiateLocale(header, cookie)).toBe(expected);
  });

  test("the default is one of the locales", () => {
    expect(LOCALES).toContain(DEFAULT_LOCALE);
  });
});

describe("messages", () => {
  const enLeaves = leaves(en);
  const itLeaves = leaves(it);

  test("en and it have identical key sets", () => {
    expect([...itLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  test("every placeholder in en exists in it (and no other)", () => {
    for (const [key, text] of enLeaves) {
      expect(placeholders(itLeaves.get(key) ?? ""), key).toEqual(placeholders(text));
    }
  });

  test("no message is empty", () => {
    for (const [key, text] of [...enLeaves, ...itLeaves]) expect(text.trim(), key).not.toBe("");
  });

  test("every protocol error code has a message in both languages; English is the server's text", () => {
    for (const [code, text] of Object.entries(ERROR_CODES)) {
      expect(en.errors[code as keyof typeof ERROR_CODES]).toBe(text);
      expect(it.errors[code as keyof typeof ERROR_CODES]).toBeTruthy();
    }
    expect(it.errors.TIMEOUT).toBeTruthy();
  });
});

describe("format and plurals", () => {
  test("fills placeholders, leaves unknown ones", () => {
    expect(format("{count} of {total}", { count: 3, total: 10 })).toBe("3 of 10");
    expect(format("{a} and {b}", { a: "x" })).toBe("x and {b}");
    expect(format("no vars")).toBe("no vars");
    expect(format("{a}{a}", { a: 1 })).toBe("11");
  });

  test("placeholders lists names once, sorted", () => {
    expect(placeholders("{b} {a} {b}")).toEqual(["a", "b"]);
    expect(placeholders("none")).toEqual([]);
  });

  test("plural picks one/other per locale", () => {
    const forms = { one: "{count} card", other: "{count} cards" };
    expect(plural("en", forms, 1)).toBe("1 card");
    expect(plural("en", forms, 0)).toBe("0 cards");
    expect(plural("it", { one: "{count} carta", other: "{count} carte" }, 1)).toBe("1 carta");
    expect(plural("it", { one: "{count} carta", other: "{count} carte" }, 2)).toBe("2 carte");
  });

  test("translator", () => {
    const en$ = createTranslator("en", en);
    const it$ = createTranslator("it", it);
    expect(en$.t("lobby.title", { nickname: "Ada" })).toBe("You’re in, Ada.");
    expect(it$.t("lobby.waiting")).toBe("In attesa del facilitatore…");
    expect(en$.tp("review.confirm", 1)).toBe("1 card is not placed yet and will count as missed. Submit anyway?");
    expect(en$.tp("review.confirm", 3)).toBe("3 cards are not placed yet and will count as missed. Submit anyway?");
    expect(it$.tp("submitted.lead", 1, { total: 5 })).toMatch(/^Hai posizionato 1 carta su 5\./);
  });
});
