/**
 * Small summary statistics for the results screen (scores across participants).
 * Empty input gives null rather than NaN or 0, so the UI can show "—" instead of a
 * misleading number when nobody has submitted.
 */

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** The middle value; for an even count, the average of the two middle values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid] as number;
  return ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * How many participants got each score: result[k] = number of scores equal to k, for k = 0..total.
 * Scores that are not integers in 0..total are ignored, so one stray value cannot break the chart.
 */
export function histogram(scores: readonly number[], total: number): number[] {
  if (!Number.isInteger(total) || total < 0) {
    throw new RangeError(`total must be a non-negative integer, got ${total}.`);
  }
  const counts = new Array<number>(total + 1).fill(0);
  for (const score of scores) {
    if (Number.isInteger(score) && score >= 0 && score <= total) counts[score] = (counts[score] as number) + 1;
  }
  return counts;
}
