import * as hdr from "hdr-histogram-js";

/** A latency histogram (HdrHistogram, 3 significant digits, microsecond resolution) that can be
 *  sent between processes as a compressed string. */
export class Latency {
  private readonly h: hdr.Histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3 });

  record(ms: number): void {
    this.h.recordValue(Math.max(1, Math.round(ms * 1000)));
  }

  add(encoded: string): void {
    this.h.add(hdr.decodeFromCompressedBase64(encoded));
  }

  encode(): string {
    return hdr.encodeIntoCompressedBase64(this.h);
  }

  get count(): number {
    return this.h.totalCount;
  }

  summary(): LatencySummary {
    const at = (p: number) => (this.count ? round(this.h.getValueAtPercentile(p) / 1000) : null);
    return { n: this.count, p50: at(50), p95: at(95), p99: at(99), p999: at(99.9), max: this.count ? round(this.h.maxValue / 1000) : null };
  }
}

/** Milliseconds; null when nothing was recorded. */
export interface LatencySummary {
  n: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  p999: number | null;
  max: number | null;
}

const round = (ms: number) => Math.round(ms * 10) / 10;
