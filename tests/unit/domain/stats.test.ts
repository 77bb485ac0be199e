import { describe, expect, it } from "vitest";
import { histogram, mean, median } from "@/lib/domain/stats";

describe("mean", () => {
  it.each([
    [[], null],
    [[7], 7],
    [[1, 2, 3, 4], 2.5],
    [[0, 0, 10], 10 / 3],
    [[-2, 2], 0],
  ])("mean(%j) = %s", (values, expected) => {
    expect(mean(values)).toBe(expected);
  });
});

describe("median", () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 2], 6],
    [[1, 1, 1, 9], 1],
    [[10, 9, 100, 1, 2], 9], // numeric, not lexicographic, order
    [[-5, -1, -3], -3],
  ])("median(%j) = %s", (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it("does not reorder its input", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("histogram", () => {
  it.each([
    { scores: [], total: 3, expected: [0, 0, 0, 0] },
    { scores: [0, 1, 1, 3, 3, 3], total: 3, expected: [1, 2, 0, 3] },
    { scores: [4, 4, 4], total: 4, expected: [0, 0, 0, 0, 3] },
    { scores: [0, 0], total: 0, expected: [2] },
    { scores: [1, 5, -1, 2.5, Number.NaN, 2], total: 2, expected: [0, 1, 1] }, // invalid scores ignored
  ])("histogram($scores, $total) = $expected", ({ scores, total, expected }) => {
    expect(histogram(scores, total)).toEqual(expected);
  });

  it("always has total + 1 buckets summing to the number of valid scores", () => {
    const scores = [0, 2, 2, 7, 10, 10, 10];
    const result = histogram(scores, 10);
    expect(result).toHaveLength(11);
    expect(result.reduce((a, b) => a + b, 0)).toBe(scores.length);
  });

  it.each([-1, 2.5, Number.NaN])("throws RangeError for total = %s", (total) => {
    expect(() => histogram([1], total)).toThrow(RangeError);
  });
});
