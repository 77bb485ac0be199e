import { describe, expect, it } from "vitest";
import {
  NICKNAME_MAX_CODE_UNITS,
  countGraphemes,
  nicknameKey,
  validateNickname,
  type NicknameErrorCode,
} from "@/lib/domain/nickname";

describe("validateNickname: accepted", () => {
  it.each([
    { raw: "Ana", nickname: "Ana", key: "ana" },
    { raw: "  Ana  ", nickname: "Ana", key: "ana" },
    { raw: "Ana   Maria", nickname: "Ana Maria", key: "ana maria" },
    { raw: "Ana\t\nMaria", nickname: "Ana Maria", key: "ana maria" }, // pasted line break becomes a space
    { raw: "Ana\u00A0Maria", nickname: "Ana Maria", key: "ana maria" },
    { raw: "Ana\u3000Maria", nickname: "Ana Maria", key: "ana maria" }, // ideographic space
    { raw: "Jose\u0301", nickname: "Jos\u00E9", key: "jos\u00E9" }, // decomposed é is composed (NFC)
    { raw: "Zoë", nickname: "Zoë", key: "zoë" },
    { raw: "\uFF21\uFF4E\uFF41", nickname: "\uFF21\uFF4E\uFF41", key: "ana" }, // full-width shown as typed, keyed as ASCII
    { raw: "\uFB01ona", nickname: "\uFB01ona", key: "fiona" }, // ﬁ ligature
    { raw: "ÇAĞRI", nickname: "ÇAĞRI", key: "çağri" },
    { raw: "李小龙", nickname: "李小龙", key: "李小龙" },
    { raw: "مريم", nickname: "مريم", key: "مريم" },
    { raw: "👍🏽 Bo", nickname: "👍🏽 Bo", key: "👍🏽 bo" },
    { raw: "X", nickname: "X", key: "x" },
  ])("$raw → $nickname (key $key)", ({ raw, nickname, key }) => {
    expect(validateNickname(raw)).toEqual({ ok: true, nickname, key });
  });

  it("gives the same key to nicknames differing only in case or width", () => {
    const keys = ["Ana", "ANA", "ana", "aNa", "\uFF21\uFF2E\uFF21"].map((n) => {
      const result = validateNickname(n);
      return result.ok ? result.key : null;
    });
    expect(new Set(keys)).toEqual(new Set(["ana"]));
  });

  it("gives different keys to different names", () => {
    expect(nicknameKey("Ana")).not.toBe(nicknameKey("Anna"));
  });
});

describe("validateNickname: length counted in graphemes", () => {
  it.each([
    { label: "24 ASCII letters", raw: "a".repeat(24), ok: true },
    { label: "25 ASCII letters", raw: "a".repeat(25), ok: false },
    // 73 code units raw, but "abcdefghijk abcdefghijkl" (24) once spaces are collapsed and trimmed.
    { label: "24 characters after collapsing spaces", raw: "  abcdefghijk" + " ".repeat(50) + "abcdefghijkl  ", ok: true },
    { label: "25 characters after collapsing spaces", raw: "abcdefghijk" + " ".repeat(50) + "abcdefghijklm", ok: false },
    { label: "24 skin-toned emoji (4 code units each)", raw: "👍🏽".repeat(24), ok: true },
    { label: "25 skin-toned emoji", raw: "👍🏽".repeat(25), ok: false },
    { label: "24 flags (regional indicator pairs)", raw: "🇮🇹".repeat(24), ok: true },
    { label: "24 decomposed accented letters", raw: "e\u0301".repeat(24), ok: true },
  ])("$label → ok=$ok", ({ raw, ok }) => {
    const result = validateNickname(raw);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.code).toBe("NICKNAME_TOO_LONG");
  });

  it("refuses stacked combining marks that fit in 24 graphemes but not in the code-unit cap", () => {
    const zalgo = ("a" + "\u0336\u0337\u0338\u0489".repeat(10)).repeat(5); // 5 graphemes, 205 code units
    expect(countGraphemes(zalgo)).toBe(5);
    expect(zalgo.normalize("NFC").length).toBeGreaterThan(NICKNAME_MAX_CODE_UNITS);
    expect(validateNickname(zalgo)).toMatchObject({ ok: false, code: "NICKNAME_TOO_LONG" });
  });

  it("refuses a huge input without choking", () => {
    expect(validateNickname("a".repeat(1_000_000))).toMatchObject({ ok: false, code: "NICKNAME_TOO_LONG" });
  });
});

describe("validateNickname: refused", () => {
  const cases: { label: string; raw: unknown; code: NicknameErrorCode }[] = [
    { label: "empty string", raw: "", code: "NICKNAME_EMPTY" },
    { label: "only spaces", raw: "   ", code: "NICKNAME_EMPTY" },
    { label: "only tabs and newlines", raw: "\t\n\r", code: "NICKNAME_EMPTY" },
    { label: "undefined", raw: undefined, code: "NICKNAME_EMPTY" },
    { label: "null", raw: null, code: "NICKNAME_EMPTY" },
    { label: "a number", raw: 42, code: "NICKNAME_INVALID" },
    { label: "an object", raw: { nickname: "Ana" }, code: "NICKNAME_INVALID" },
    { label: "NUL", raw: "Ana\u0000", code: "NICKNAME_INVALID" },
    { label: "BEL", raw: "A\u0007na", code: "NICKNAME_INVALID" },
    { label: "DEL", raw: "Ana\u007F", code: "NICKNAME_INVALID" },
    { label: "ESC (terminal escape)", raw: "\u001B[31mAna", code: "NICKNAME_INVALID" },
    { label: "C1 control NEL", raw: "Ana\u0085", code: "NICKNAME_INVALID" },
    { label: "C1 control CSI", raw: "Ana\u009B", code: "NICKNAME_INVALID" },
    { label: "LRE U+202A", raw: "\u202AAna", code: "NICKNAME_INVALID" },
    { label: "RLO U+202E", raw: "Ana\u202Egnp.exe", code: "NICKNAME_INVALID" },
    { label: "PDF U+202C", raw: "Ana\u202C", code: "NICKNAME_INVALID" },
    { label: "LRI U+2066", raw: "\u2066Ana", code: "NICKNAME_INVALID" },
    { label: "PDI U+2069", raw: "Ana\u2069", code: "NICKNAME_INVALID" },
    { label: "LRM U+200E", raw: "Ana\u200E", code: "NICKNAME_INVALID" },
    { label: "RLM U+200F", raw: "\u200FAna", code: "NICKNAME_INVALID" },
    { label: "ALM U+061C", raw: "Ana\u061C", code: "NICKNAME_INVALID" },
    { label: "ZWSP U+200B inside", raw: "An\u200Ba", code: "NICKNAME_INVALID" },
    { label: "ZWNJ U+200C", raw: "An\u200Ca", code: "NICKNAME_INVALID" },
    { label: "ZWJ U+200D", raw: "An\u200Da", code: "NICKNAME_INVALID" },
    { label: "word joiner U+2060", raw: "An\u2060a", code: "NICKNAME_INVALID" },
    { label: "BOM U+FEFF at the start (not silently trimmed)", raw: "\uFEFFAna", code: "NICKNAME_INVALID" },
    { label: "BOM U+FEFF inside", raw: "An\uFEFFa", code: "NICKNAME_INVALID" },
    { label: "only a zero-width space", raw: "\u200B", code: "NICKNAME_INVALID" },
  ];
  it.each(cases)("$label → $code", ({ raw, code }) => {
    const result = validateNickname(raw);
    expect(result).toMatchObject({ ok: false, code });
  });

  it.each([
    ["NICKNAME_EMPTY", "", "Pick a nickname of 1 to 24 characters."],
    ["NICKNAME_TOO_LONG", "a".repeat(25), "That nickname is too long. Pick one of 1 to 24 characters."],
    [
      "NICKNAME_INVALID",
      "A\u202Ena",
      "That nickname contains hidden or control characters. Please type it again without copying and pasting.",
    ],
  ])("%s has a plain-English message", (code, raw, message) => {
    expect(validateNickname(raw)).toEqual({ ok: false, code, message });
  });
});

describe("countGraphemes", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["e\u0301", 1],
    ["👍🏽", 1],
    ["🇮🇹🇫🇷", 2],
    ["한국어", 3],
  ])("%j has %i graphemes", (text, count) => {
    expect(countGraphemes(text)).toBe(count);
  });
});
