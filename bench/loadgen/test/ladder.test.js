import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareLadders, failures, sustainableRate } from '../src/ladder.js';

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

const summary = (rate, steps) => ({
  sustainableRate: rate,
  steps: steps.map(([offeredRate, p99, pass = true]) => ({
    offeredRate, achievedRate: offeredRate, worstP99: p99, failures: pass ? [] : ['x'],
    latency: { v2a: { count: 10, p99 } },
  })),
});

test('a target is compared with the relay of the same run: ratio, goal, and latency at half the relay rate', () => {
  const floor = summary(10000, [[1000, 2], [2000, 3], [5000, 5], [10000, 20], [20000, 90, false]]);
  const target = summary(5000, [[1000, 10], [2000, 15], [5000, 40], [10000, 300, false]]);
  const c = compareLadders(floor, target, 'embedded');
  assert.equal(c.floorCapped, false);
  assert.equal(c.ratio, 0.5);
  assert.equal(c.meetsThroughputGoal, true);
  assert.equal(c.halfFloorRate, 5000);
  assert.deepEqual(c.atHalf, { offeredRate: 5000, v2aP99: 40 });
  assert.equal(c.meetsLatencyGoal, true);
  assert.equal(c.steps.length, 5);
  assert.equal(c.steps[0].p99Ratio, 5);
  assert.equal(c.steps[3].target.pass, false);
});

test('a cluster needs a quarter of the relay; no sustainable rate means no ratio', () => {
  const floor = summary(8000, [[1000, 2], [8000, 10], [16000, 80, false]]);
  assert.equal(compareLadders(floor, summary(2000, [[1000, 5], [2000, 9]]), 'cluster').meetsThroughputGoal, true);
  const none = compareLadders(floor, summary(null, [[1000, 80, false]]), 'embedded');
  assert.equal(none.ratio, null);
  assert.equal(none.meetsThroughputGoal, null);
  assert.equal(none.meetsLatencyGoal, false);
});

test('a floor that passed its top step gives only an upper bound: a goal can be missed but not met', () => {
  const capped = summary(3000, [[1000, 2], [1500, 3], [3000, 6]]);
  const cluster = compareLadders(capped, summary(1500, [[1000, 20], [1500, 35], [3000, 900, false]]), 'cluster');
  assert.equal(cluster.floorCapped, true);
  assert.equal(cluster.ratio, 0.5);
  assert.equal(cluster.meetsThroughputGoal, null);
  assert.equal(cluster.meetsLatencyGoal, null);
  const embedded = compareLadders(capped, summary(1000, [[1000, 20], [1500, 60, false]]), 'embedded');
  assert.equal(embedded.meetsThroughputGoal, false);
  assert.equal(embedded.meetsLatencyGoal, false);
});
