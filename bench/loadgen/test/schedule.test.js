import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OpenLoopSchedule, plan } from '../src/schedule.js';

test('message k is due at start + k / rate', () => {
  const s = new OpenLoopSchedule({ startMs: 100, rate: 1000, durationS: 2 });
  assert.equal(s.total, 2000);
  assert.equal(s.intendedTime(0), 100);
  assert.equal(s.intendedTime(1), 101);
  assert.equal(s.intendedTime(1500), 1600);
});

test('nothing is due before the start; message 0 is due at the start itself', () => {
  const s = new OpenLoopSchedule({ startMs: 100, rate: 1000, durationS: 1 });
  assert.equal(s.dueBy(99.9), 0);
  assert.equal(s.dueBy(100), 1);
  assert.equal(s.dueBy(100.999), 1);
  assert.equal(s.dueBy(101), 2);
});

test('the schedule does not slow down: a late caller gets the whole backlog at once', () => {
  const s = new OpenLoopSchedule({ startMs: 0, rate: 500, durationS: 10 });
  assert.deepEqual(s.takeDue(0), { from: 0, until: 1 });
  // The sender stalled for a second: 500 messages are due, with their original intended times.
  assert.deepEqual(s.takeDue(1000), { from: 1, until: 501 });
  assert.equal(s.intendedTime(250), 500);
  assert.deepEqual(s.takeDue(1000), { from: 501, until: 501 });
});

test('the total is rate x duration and it is never exceeded', () => {
  const s = new OpenLoopSchedule({ startMs: 0, rate: 333, durationS: 3 });
  assert.equal(s.total, 999);
  assert.deepEqual(s.takeDue(1e9), { from: 0, until: 999 });
  assert.ok(s.done);
});

test('fractional rates take intended times without drift', () => {
  const s = new OpenLoopSchedule({ startMs: 0, rate: 3, durationS: 100 });
  assert.equal(s.dueBy(1000 / 3 * 299), 300);
  assert.ok(Math.abs(s.intendedTime(299) - 99_666.666) < 0.001);
});

test('stop ends the schedule at what was taken', () => {
  const s = new OpenLoopSchedule({ startMs: 0, rate: 100, durationS: 10 });
  s.takeDue(500);
  s.stop();
  assert.equal(s.total, 51);
  assert.ok(s.done);
  assert.deepEqual(s.takeDue(5000), { from: 51, until: 51 });
});

test('bad rates are refused', () => {
  assert.throws(() => new OpenLoopSchedule({ startMs: 0, rate: 0, durationS: 1 }), RangeError);
});

test('plan spreads messages round-robin and alternates direction per round with both', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5].map((k) => plan(k, 3, 'both')), [
    { pair: 0, dir: 'v2a' }, { pair: 1, dir: 'v2a' }, { pair: 2, dir: 'v2a' },
    { pair: 0, dir: 'a2v' }, { pair: 1, dir: 'a2v' }, { pair: 2, dir: 'a2v' },
  ]);
  assert.deepEqual(plan(7, 3, 'a2v'), { pair: 1, dir: 'a2v' });
  assert.deepEqual([0, 1, 2].map((k) => plan(k, 1, 'both').dir), ['v2a', 'a2v', 'v2a']);
});
