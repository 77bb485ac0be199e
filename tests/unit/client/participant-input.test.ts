import { describe, expect, it } from "vitest";
import { dropTarget, type Box } from "@/lib/client/gesture";
import { codeProblem } from "@/lib/client/join-code";
import { columnIndexForKey, letterShortcut } from "@/lib/client/keyboard";
import { retryDelay } from "@/lib/client/participant-controller";

const two = [
  { id: "leader", label: "Leader" },
  { id: "manager", label: "Manager" },
];
const four = [...two, { id: "mentor", label: "Mentor" }, { id: "coach", label: "Coach" }];

describe("keyboard shortcuts", () => {
  it.each([
    ["ArrowLeft", two, 0],
    ["ArrowRight", two, 1],
    ["ArrowUp", two, null],
    ["ArrowUp", four, 2],
    ["ArrowDown", four, 3],
    ["1", two, 0],
    ["2", two, 1],
    ["3", two, null],
    ["l", two, 0],
    ["M", two, 1],
    ["m", four, null], // Manager and Mentor share M: digits or arrows only
    ["c", four, 3],
    ["x", two, null],
    ["Enter", two, null],
  ] as const)("%s with %#", (key, columns, expected) => {
    expect(columnIndexForKey(key, columns)).toBe(expected);
  });

  it("names a letter only when it is unique", () => {
    expect(letterShortcut(two[0]!, two)).toBe("L");
    expect(letterShortcut(four[1]!, four)).toBeNull();
  });
});

describe("drag targets", () => {
  // Two buttons side by side at the bottom of a 360×640 screen.
  const buttons: Box[] = [
    { left: 16, top: 540, right: 176, bottom: 612 },
    { left: 184, top: 540, right: 344, bottom: 612 },
  ];
  it.each([
    ["a short wiggle", 180, 300, 10, 5, null],
    ["a swipe left", 60, 300, -120, 0, 0],
    ["a swipe right", 300, 300, 120, 10, 1],
    ["mostly vertical", 200, 420, 70, 200, null],
    ["dropped on a button", 250, 560, 10, 260, 1],
  ] as const)("%s", (_name, x, y, dx, dy, expected) => {
    expect(dropTarget(x, y, dx, dy, buttons)).toBe(expected);
  });

  it("with more columns, the nearest button once dragged far enough", () => {
    const grid: Box[] = [
      { left: 0, top: 500, right: 170, bottom: 560 },
      { left: 180, top: 500, right: 350, bottom: 560 },
      { left: 0, top: 570, right: 170, bottom: 630 },
      { left: 180, top: 570, right: 350, bottom: 630 },
    ];
    expect(dropTarget(200, 300, 20, 20, grid)).toBeNull();
    expect(dropTarget(300, 450, 120, 150, grid)).toBe(1);
  });
});

describe("join code problems", () => {
  it.each([
    ["", "Type the code"],
    ["ABO234", "never use O"],
    ["ABC23", "too short"],
    ["ABC2345XY", "too long"],
    ["ABC#34", "only letters and digits"],
  ])("%j", (code, message) => {
    expect(codeProblem(code)).toContain(message);
  });
  it("accepts a well-formed code", () => expect(codeProblem("QBMK6Y")).toBeNull());
});

describe("retry backoff", () => {
  it("grows, with jitter, and is capped", () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 10].map((n) => retryDelay(n, mid))).toEqual([500, 1000, 2000, 4000, 8000, 10000]);
    expect(retryDelay(1, () => 0)).toBe(375);
    expect(retryDelay(1, () => 1)).toBe(625);
  });
});
