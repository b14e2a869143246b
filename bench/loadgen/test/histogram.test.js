import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Histogram, bucketOf, upperOf } from '../src/histogram.js';

test('every value lands in a bucket whose upper bound is within 1/128 above it', () => {
  for (const v of [0, 1, 127, 128, 129, 255, 256, 1000, 4095, 65536, 1_000_000, 123_456_789, 0xffffffff]) {
    const upper = upperOf(bucketOf(v));
    assert.ok(upper >= v, `upper ${upper} < ${v}`);
    assert.ok(upper - v <= v / 128 + 1e-9 || v < 128, `bucket of ${v} too wide: ${upper}`);
  }
});

test('buckets are monotonic and contiguous', () => {
  let last = -1;
  for (let v = 0; v < 200_000; v += 7) {
    const b = bucketOf(v);
    assert.ok(b >= last);
    last = b;
    assert.ok(upperOf(b) >= v && (b === 0 || upperOf(b - 1) < v));
  }
});

test('percentiles of 1..10000 ms are within 1 % of the exact ones', () => {
  const h = new Histogram();
  const values = [];
  for (let i = 1; i <= 10_000; i++) values.push(i);
  // Shuffled, so order does not matter.
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [values[i], values[j]] = [values[j], values[i]];
  }
  for (const v of values) h.record(v);
  for (const [p, exact] of [[50, 5000], [90, 9000], [99, 9900], [99.9, 9990]]) {
    const got = h.percentile(p);
    assert.ok(Math.abs(got - exact) / exact < 0.01, `p${p}: ${got} vs ${exact}`);
  }
  assert.equal(h.summary().max, 10_000);
  assert.equal(h.summary().min, 1);
  assert.equal(h.count, 10_000);
  assert.ok(Math.abs(h.summary().mean - 5000.5) < 1e-6);
});

test('sub-millisecond values keep microsecond resolution', () => {
  const h = new Histogram();
  h.record(0.015);
  h.record(0.020);
  assert.equal(h.percentile(50), 0.015);
  assert.equal(h.percentile(100), 0.02);
});

test('a single outlier is the max and the p99.9 of a small sample', () => {
  const h = new Histogram();
  for (let i = 0; i < 999; i++) h.record(1);
  h.record(5000);
  // 1 ms shares its bucket with values up to 1/128 above it; the bucket's upper bound is reported.
  assert.ok(h.percentile(99) >= 1 && h.percentile(99) <= 1.008);
  assert.ok(h.percentile(99.9) >= 1 && h.percentile(99.9) <= 1.008);
  assert.equal(h.percentile(100), 5000);
  assert.equal(h.summary().max, 5000);
});

test('an empty histogram reports nulls, and merging adds counts', () => {
  const a = new Histogram();
  assert.equal(a.summary().p99, null);
  const b = new Histogram();
  for (let i = 1; i <= 100; i++) a.record(i);
  for (let i = 101; i <= 200; i++) b.record(i);
  a.merge(b);
  assert.equal(a.count, 200);
  assert.ok(Math.abs(a.percentile(50) - 100) <= 1);
  assert.equal(a.summary().max, 200);
});
