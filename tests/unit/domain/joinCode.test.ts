import { describe, expect, it } from "vitest";
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  formatJoinCode,
  generateJoinCode,
  isWellFormedJoinCode,
  normalizeJoinCode,
} from "@/lib/domain/joinCode";

/** A randomBytes stand-in that hands out `sequence` in order, across calls. */
function fixedBytes(sequence: number[]) {
  let i = 0;
  const calls: number[] = [];
  const fn = (n: number) => {
    calls.push(n);
    const out = new Uint8Array(n);
    for (let k = 0; k < n; k++) out[k] = sequence[i++ % sequence.length] as number;
    return out;
  };
  return Object.assign(fn, { calls });
}

describe("JOIN_CODE_ALPHABET", () => {
  it("has 31 distinct characters and none of the ambiguous ones", () => {
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(31);
    for (const ch of "0O1IL") expect(JOIN_CODE_ALPHABET).not.toContain(ch);
    expect(JOIN_CODE_LENGTH).toBe(6);
  });
});

describe("generateJoinCode", () => {
  it.each([
    { bytes: [0, 1, 2, 3, 4, 5], expected: "ABCDEF" },
    // 31 → index 0 and 30 → last character: proves the byte is reduced modulo 31.
    { bytes: [30, 31, 61, 62, 92, 247], expected: "9A9A99" },
  ])("maps bytes $bytes to $expected", ({ bytes, expected }) => {
    expect(generateJoinCode(fixedBytes(bytes))).toBe(expected);
  });

  it("rejects bytes 248..255 instead of folding them (no modulo bias)", () => {
    // 248 % 31 = 0 and 255 % 31 = 7: accepting them would yield "A" / "H".
    const bytes = [248, 0, 255, 1, 250, 2, 3, 4, 5];
    expect(generateJoinCode(fixedBytes(bytes))).toBe("ABCDEF");
  });

  it("asks again when a batch has too many rejected bytes", () => {
    const source = fixedBytes([...Array(10).fill(255), 6, 7, 8, 9, 10, 11]);
    expect(generateJoinCode(source)).toBe("GHJKMN");
    expect(source.calls.length).toBeGreaterThan(1);
  });

  it.each([6, 7, 8])("produces well-formed codes of length %i", (length) => {
    const code = generateJoinCode(fixedBytes([17, 200, 3, 99, 140, 250, 12, 33, 71]), length);
    expect(code).toHaveLength(length);
    expect(isWellFormedJoinCode(code)).toBe(true);
  });

  it.each([0, 5, 9, 6.5, Number.NaN])("throws RangeError for length %s", (length) => {
    expect(() => generateJoinCode(fixedBytes([1]), length)).toThrow(RangeError);
  });

  it("throws instead of looping forever when the source only returns unusable bytes", () => {
    expect(() => generateJoinCode(fixedBytes([255]))).toThrow(/randomBytes/);
  });

  it("maps exactly 8 accepted byte values to each character (uniform) and rejects the other 8", () => {
    const preimages = new Map<string, number>();
    let rejected = 0;
    for (let b = 0; b < 256; b++) {
      const constant = (n: number) => new Uint8Array(n).fill(b);
      try {
        const ch = generateJoinCode(constant)[0] as string;
        preimages.set(ch, (preimages.get(ch) ?? 0) + 1);
      } catch {
        rejected++;
      }
    }
    expect(rejected).toBe(8);
    expect(preimages.size).toBe(31);
    expect([...preimages.values()].every((c) => c === 8)).toBe(true);
  });
});

describe("normalizeJoinCode", () => {
  it.each([
    ["abcdef", "ABCDEF"],
    ["abc-def", "ABCDEF"],
    ["  ABC DEF  ", "ABCDEF"],
    ["abc_def", "ABCDEF"],
    ["abc.def", "ABCDEF"],
    ["a-b_c.d e\tf", "ABCDEF"],
    ["abc\u00A0def", "ABCDEF"], // no-break space from a copied message
    ["abc--def", "ABCDEF"],
    ["ab0ef1", "AB0EF1"], // no guessing: stays invalid
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalizeJoinCode(input)).toBe(expected);
  });

  it.each([null, undefined, 42, ["ABCDEF"], {}])("returns an empty string for non-string %j", (input) => {
    expect(normalizeJoinCode(input)).toBe("");
  });
});

describe("isWellFormedJoinCode", () => {
  it.each([
    ["ABCDEF", true],
    ["ABCDEFG", true],
    ["ABCDEFGH", true],
    ["234567", true],
    ["ABCDE", false], // too short
    ["ABCDEFGHJ", false], // too long
    ["abcdef", false], // not normalized
    ["ABC-DEF", false], // display form
    ["ABCDE0", false],
    ["ABCDEO", false],
    ["ABCDE1", false],
    ["ABCDEI", false],
    ["ABCDEL", false],
    ["ABCDEF\n", false],
    ["", false],
    [null, false],
    [123456, false],
  ])("%j → %s", (code, expected) => {
    expect(isWellFormedJoinCode(code)).toBe(expected);
  });

  it("accepts normalized user input", () => {
    expect(isWellFormedJoinCode(normalizeJoinCode(" abc-def "))).toBe(true);
  });
});

describe("formatJoinCode", () => {
  it.each([
    ["ABCDEF", "ABC-DEF"],
    ["ABCDEFG", "ABCD-EFG"],
    ["ABCDEFGH", "ABCD-EFGH"],
    ["ABC", "ABC"],
    ["", ""],
  ])("%j → %j", (code, expected) => {
    expect(formatJoinCode(code)).toBe(expected);
  });

  it("round-trips through normalizeJoinCode", () => {
    expect(normalizeJoinCode(formatJoinCode("XYZ234"))).toBe("XYZ234");
  });
});
