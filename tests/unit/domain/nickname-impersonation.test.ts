import fc from "fast-check";
import confusables from "unhomoglyph/data.json";
import { describe, expect, it } from "vitest";
import { nicknameSkeleton, validateNickname } from "@/lib/domain/nickname";
import { PAT_IMPOSTORS } from "./fixtures";

// Issue 9.9: with "Pat" taken, "Pat" plus an invisible character and Cyrillic "Pаt" were
// accepted as new nicknames (the database's unique index was on the case-folded key only, so a
// different key meant a second "Pat" on the projector); blank-looking nicknames were accepted;
// emoji ZWJ sequences were refused as "hidden characters". Now the database has a second unique
// index, on the skeleton (lib/db/participants/writes.ts stores nicknameSkeleton of the nickname).

/** The refusal code, or "ok". */
function codeOf(raw: string): string {
  const result = validateNickname(raw);
  return result.ok ? "ok" : result.code;
}

/** Whether joining as `b` is NICKNAME_TAKEN once `a` is in: same key or same skeleton (the two
 *  unique indexes), for nicknames as validateNickname stores them. */
function clashes(a: string, b: string): boolean {
  const [x, y] = [validateNickname(a), validateNickname(b)];
  if (!x.ok || !y.ok) throw new Error(`not a valid nickname: ${JSON.stringify(x.ok ? b : a)}`);
  return x.key === y.key || nicknameSkeleton(x.nickname) === nicknameSkeleton(y.nickname);
}

const TAKEN = "Pat";

describe("an impersonation of a taken nickname gets the same key (so the join is NICKNAME_TAKEN)", () => {
  it.each(PAT_IMPOSTORS)("%s", (_label, impostor) => {
    expect(clashes(TAKEN, impostor)).toBe(true);
  });

  it.each([
    ["capital I and small l", "Ian", "lan"],
    ["rn and m", "Tim", "Tirn"],
    ["digit 0 and letter O", "B0B", "BOB"],
    ["capital I and small l, again", "Iris", "lris"],
    ["Cyrillic capitals", "\u0412\u041E\u0412", "BOB"],
    ["Greek small sigma and o", "B\u03C3b", "Bob"],
  ])("TR39 look-alikes clash: %s", (_label, a, b) => {
    expect(clashes(a, b)).toBe(true);
  });

  it.each([
    ["Ana", "Anna"],
    ["Pat", "Pam"],
    ["Bo", "Bob"],
    ["李", "王"],
    ["👩‍💻", "👨‍💻"],
    ["Ana 1", "Ana 2"],
    ["ian", "lan"], // small i and small l look different
  ])("different names do not clash: %s / %s", (a, b) => {
    expect(clashes(a, b)).toBe(false);
  });
});

describe("blank-looking nicknames are refused (no visible letter, digit or emoji)", () => {
  it.each([
    ["U+3164 Hangul filler", "\u3164"],
    ["three Hangul fillers", "\u3164\u3164\u3164"],
    ["U+2800 braille blank", "\u2800"],
    ["braille blanks between spaces", " \u2800 \u2800 "],
    ["U+115F Hangul choseong filler", "\u115F"],
    ["soft hyphen", "\u00AD"],
    ["invisible separator", "\u2063"],
    ["variation selector", "\uFE0F"],
    ["a lone combining accent", "\u0301"],
    ["punctuation only", "..."],
  ])("%s → NICKNAME_EMPTY", (_label, raw) => {
    expect(codeOf(raw)).toBe("NICKNAME_EMPTY");
  });
});

describe("emoji ZWJ sequences are legitimate", () => {
  it.each([
    ["technologist", "👩‍💻"],
    ["family", "👨‍👩‍👧"],
    ["rainbow flag (VS16 before the ZWJ)", "🏳️‍🌈"],
    ["skin-toned technologist", "👩🏽‍💻"],
    ["with a name", "👩‍💻 Ana"],
  ])("%s is accepted as typed", (_label, raw) => {
    expect(validateNickname(raw)).toMatchObject({ ok: true, nickname: raw });
  });

  it.each([
    ["between letters", "An\u200Da"],
    ["at the end of an emoji", "👩\u200D"],
    ["before an emoji, after a letter", "A\u200D👩"],
  ])("a ZWJ that joins no emoji is still refused: %s", (_label, raw) => {
    expect(codeOf(raw)).toBe("NICKNAME_INVALID");
  });
});

// ── properties ──────────────────────────────────────────────────────────────────────────────

/** Every code point Unicode marks Default_Ignorable (drawn as nothing), plus the blank-looking
 *  symbols the issue lists; inserting any of them must not make a new name. */
const INVISIBLE: string[] = [];
for (let cp = 0; cp <= 0x10ffff; cp++) {
  if (cp >= 0xd800 && cp <= 0xdfff) continue;
  const ch = String.fromCodePoint(cp);
  if (/\p{Default_Ignorable_Code_Point}/u.test(ch)) INVISIBLE.push(ch);
}
INVISIBLE.push("\u2800", "\u00A0", "\u2009", "\u200A", "\u3000");

/** Letters that look like an ASCII letter or digit, from the TR39 table the skeleton is built on.
 *  Those NFKC changes are left out: the skeleton is taken after NFKC (as the issue asks), and
 *  NFKC maps a few of them elsewhere (long s "ſ", a look-alike of "f", is NFKC "s"). */
const LOOKALIKES = new Map<string, string[]>();
for (const [source, prototype] of Object.entries(confusables as Record<string, string>)) {
  if (!/^[A-Za-z0-9]$/.test(prototype) || source.normalize("NFKC") !== source) continue;
  if (!/\p{L}/u.test(source)) continue; // letters only: a symbol look-alike is a different test
  LOOKALIKES.set(prototype, [...(LOOKALIKES.get(prototype) ?? []), source]);
}

const asciiName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,11}$/);

describe("properties (fast-check)", () => {
  it("inserting any invisible or blank-looking code points anywhere into a taken name still collides (or is refused)", () => {
    fc.assert(
      fc.property(
        asciiName,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLE)), { minLength: 1, maxLength: 3 }),
        (name, inserts) => {
          const chars = [...name];
          for (const [at, ch] of inserts) chars.splice(at % (chars.length + 1), 0, ch);
          const impostor = chars.join("");
          const result = validateNickname(impostor);
          if (result.ok) expect(nicknameSkeleton(result.nickname)).toBe(nicknameSkeleton(name));
          else expect(["NICKNAME_INVALID", "NICKNAME_TOO_LONG"]).toContain(result.code);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("swapping letters for their TR39 look-alikes (Cyrillic, Greek, Latin extensions…) still collides", () => {
    fc.assert(
      fc.property(asciiName, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.nat(), (name, positions, pick) => {
        const chars = [...name];
        for (const p of positions) {
          const at = p % chars.length;
          const options = LOOKALIKES.get(chars[at]!);
          if (options) chars[at] = options[pick % options.length]!;
        }
        const impostor = chars.join("");
        fc.pre(impostor !== name);
        expect(clashes(name, impostor)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("an accepted nickname validates again to itself and its key", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (raw) => {
        const first = validateNickname(raw);
        if (!first.ok) return;
        expect(validateNickname(first.nickname)).toEqual(first);
      }),
      { numRuns: 3000 },
    );
  });
});
