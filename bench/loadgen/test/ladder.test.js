import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sustainableRate, failures } from '../src/ladder.js';

const run = (offeredRate, achievedRate, p99, extra = {}) => ({
  offeredRate,
  achievedRate,
  counts: { lost: 0, failed: 0, unacked: 0, duplicates: 0, ...extra },
  latency: { v2a: { count: 10, p99 }, a2v: { count: 10, p99: p99 / 2 } },
});

test('the sustainable rate is the highest step that passes every criterion', () => {
  const runs = [run(1000, 1000, 3), run(2000, 1995, 8), run(5000, 4800, 20), run(10000, 9990, 70)];
  assert.equal(sustainableRate(runs).rate, 2000);
});

test('one lost message, a failure or a late p99 disqualifies a step', () => {
  assert.deepEqual(failures(run(1000, 1000, 3, { lost: 1 })), ['1 lost']);
  assert.deepEqual(failures(run(1000, 1000, 3, { failed: 2 })), ['2 failed']);
  assert.match(failures(run(1000, 1000, 50.5))[0], /p99 50.5 ms > 50 ms/);
  assert.deepEqual(failures(run(1000, 990, 50)), []);
});

test('no passing step gives no rate', () => {
  assert.equal(sustainableRate([run(1000, 500, 3)]).rate, null);
  assert.equal(sustainableRate([]).rate, null);
});

test('a direction that carried nothing does not count; nothing delivered at all fails', () => {
  const oneWay = { ...run(1000, 1000, 3), latency: { v2a: { count: 10, p99: 3 }, a2v: { count: 0, p99: null } } };
  assert.deepEqual(failures(oneWay), []);
  const none = { ...run(1000, 1000, 3), latency: {} };
  assert.deepEqual(failures(none), ['nothing delivered']);
});
