import { describe, expect, it } from "vitest";
import { CSV_BOM, csvCell, csvLine, fileSlug, parseCsv } from "@/lib/domain/csv";

describe("csvCell: spreadsheet-safe escaping", () => {
  it.each([
    { value: "Ana", expected: "Ana" },
    { value: "", expected: "" },
    { value: null, expected: "" },
    { value: undefined, expected: "" },
    { value: "=1+1", expected: "'=1+1" },
    { value: "+33 6 12", expected: "'+33 6 12" },
    { value: "-2", expected: "'-2" },
    { value: "@SUM(A1)", expected: "'@SUM(A1)" },
    { value: "\tcmd", expected: "'\tcmd" },
    { value: "\rcmd", expected: "\"'\rcmd\"" },
    { value: '=HYPERLINK("http://x","y")', expected: "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
    { value: "a=b", expected: "a=b" },
    { value: " =not a formula start", expected: " =not a formula start" },
    { value: "a,b", expected: '"a,b"' },
    { value: 'say "hi"', expected: '"say ""hi"""' },
    { value: "two\nlines", expected: '"two\nlines"' },
    { value: "crlf\r\nend", expected: '"crlf\r\nend"' },
    { value: "Zoë 👍🏽", expected: "Zoë 👍🏽" },
    { value: -5, expected: "-5" },
    { value: 0.25, expected: "0.25" },
    { value: Number.NaN, expected: "" },
    { value: true, expected: "true" },
    { value: false, expected: "false" },
  ])("$value → $expected", ({ value, expected }) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("ends records with CRLF", () => {
    expect(csvLine(["a", 1, null, "=x"])).toBe("a,1,,'=x\r\n");
  });
});

describe("parseCsv", () => {
  it("round-trips what csvLine writes (apostrophe kept: it is part of the cell now)", () => {
    const rows = [
      ["plain", "a,b", 'q"uote', "multi\nline", "", "=f()"],
      ["x", "y", "z", "w", "v", "u"],
    ];
    const text = CSV_BOM + rows.map((r) => csvLine(r)).join("");
    expect(parseCsv(text)).toEqual([["plain", "a,b", 'q"uote', "multi\nline", "", "'=f()"], rows[1]]);
  });

  it("reads an empty document as no records", () => {
    expect(parseCsv("")).toEqual([]);
  });
});

describe("fileSlug", () => {
  it.each([
    { text: "Monday Workshop", expected: "monday-workshop" },
    { text: "Équipe — Café!", expected: "equipe-cafe" },
    { text: "   ", expected: "session" },
    { text: "../../etc/passwd", expected: "etc-passwd" },
    { text: 'a"b;c\r\nd', expected: "a-b-c-d" },
    { text: "x".repeat(100), expected: "x".repeat(40) },
  ])("$text → $expected", ({ text, expected }) => {
    expect(fileSlug(text)).toBe(expected);
  });
});
