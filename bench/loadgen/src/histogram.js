// A log-linear latency histogram in the manner of HdrHistogram: values are recorded in whole microseconds into
// 128 sub-buckets per power of two, so any reported percentile is within 1/128 (< 0.8 %) of the true value, and
// memory is a fixed 4,096 counters however many values are recorded.

const SUB_BITS = 7;
const SUB = 1 << SUB_BITS; // 128
const MAX_US = 0xffffffff; // about 71 minutes; larger values are clamped
const BUCKETS = SUB + (32 - SUB_BITS) * SUB;

/** Index of the bucket that holds v (an integer number of microseconds, 0..MAX_US). */
export function bucketOf(v) {
  if (v < SUB) return v;
  const e = 31 - Math.clz32(v); // highest set bit, >= SUB_BITS
  const shift = e - SUB_BITS;
  return SUB + shift * SUB + ((v >>> shift) - SUB);
}

/** The highest value (microseconds) that lands in bucket i. */
export function upperOf(i) {
  if (i < SUB) return i;
  const shift = Math.floor((i - SUB) / SUB);
  const sub = (i - SUB) % SUB;
  return (SUB + sub + 1) * 2 ** shift - 1;
}

export class Histogram {
  constructor() {
    this.counts = new Float64Array(BUCKETS);
    this.count = 0;
    this.sumUs = 0;
    this.minUs = Infinity;
    this.maxUs = 0;
  }

  /** Records a latency given in milliseconds (fractions allowed; kept to the microsecond). */
  record(ms) {
    const us = Math.min(MAX_US, Math.max(0, Math.round(ms * 1000)));
    this.counts[bucketOf(us)]++;
    this.count++;
    this.sumUs += us;
    if (us < this.minUs) this.minUs = us;
    if (us > this.maxUs) this.maxUs = us;
  }

  /** Adds another histogram's values to this one. */
  merge(other) {
    for (let i = 0; i < BUCKETS; i++) this.counts[i] += other.counts[i];
    this.count += other.count;
    this.sumUs += other.sumUs;
    this.minUs = Math.min(this.minUs, other.minUs);
    this.maxUs = Math.max(this.maxUs, other.maxUs);
  }

  /** The value (ms) at or below which p percent of the recorded values lie; NaN when empty. */
  percentile(p) {
    if (this.count === 0) return NaN;
    // The epsilon keeps 99.9 % of 1000 at 999 (floating point gives 999.0000000000001).
    const target = Math.max(1, Math.ceil((p / 100) * this.count - 1e-9));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i];
      if (seen >= target) return Math.max(this.minUs, Math.min(this.maxUs, upperOf(i))) / 1000;
    }
    return this.maxUs / 1000;
  }

  /** Count, mean and the reported percentiles, in milliseconds. */
  summary() {
    const empty = this.count === 0;
    return {
      count: this.count,
      mean: empty ? null : this.sumUs / this.count / 1000,
      min: empty ? null : this.minUs / 1000,
      p50: empty ? null : this.percentile(50),
      p90: empty ? null : this.percentile(90),
      p99: empty ? null : this.percentile(99),
      p999: empty ? null : this.percentile(99.9),
      max: empty ? null : this.maxUs / 1000,
    };
  }
}
