import { test } from 'node:test';
import assert from 'node:assert/strict';
import { combineScale } from '../src/scale.js';

const lat = (p99) => ({ count: 10, p50: 1, p99, max: p99 });
const gen = (opened, { probe = false, disconnects = 0, held = opened } = {}) => ({
  idle: { requested: opened, opened, heldAtEnd: held, disconnects, connectErrors: 0 },
  probe: probe ? {
    connections: { visitors: 4, agents: 2, heldAtEnd: 6, disconnects: 0, connectErrors: 0 },
    counts: { sent: 100, delivered: 100, lost: 0, duplicates: 0 },
    latency: { v2a: lat(3), a2v: lat(4), ack: lat(2) },
  } : null,
  memory: { held: { workingSet: 100 * 1048576 + 7_506 * 20_000, gcHeap: 10 * 1048576 + 7_506 * 10_000 } },
});

test('memory per connection is the growth over every connection of both generators', () => {
  const s = combineScale({ workingSet: 100 * 1048576, gcHeap: 10 * 1048576 }, gen(3_750, { probe: true }), gen(3_750));
  assert.equal(s.opened, 7_506);
  assert.equal(s.held, 7_506);
  assert.equal(s.memory.perConnection.workingSet, 20_000);
  assert.equal(s.memory.perConnection.gcHeap, 10_000);
  assert.equal(s.probeP99, 4);
  assert.equal(s.checks.memoryPerConnection, true);
  assert.equal(s.checks.connectionsHeld, false);
});

test('disconnects from either generator fail the check', () => {
  const s = combineScale(null, gen(10, { probe: true }), gen(10, { disconnects: 2, held: 8 }));
  assert.equal(s.disconnects, 2);
  assert.equal(s.held, 24);
  assert.equal(s.checks.noDisconnects, false);
  assert.equal(s.memory.perConnection, null);
});

test('memory per connection counts from the warm server; the cold start and the whole process are reported beside it', () => {
  const cold = { workingSet: 80 * 1048576, gcHeap: 5 * 1048576 };
  const s = combineScale({ workingSet: 100 * 1048576, gcHeap: 10 * 1048576 }, gen(3_750, { probe: true }), gen(3_750), cold);
  assert.equal(s.memory.perConnection.workingSet, 20_000);
  assert.equal(s.memory.fromColdStart.workingSet, 20_000 + 20 * 1048576 / 7_506);
  assert.equal(s.memory.fromColdStart.gcHeap, 10_000 + 5 * 1048576 / 7_506);
  assert.equal(s.memory.process.workingSet, (100 * 1048576 + 7_506 * 20_000) / 7_506);
  assert.equal(combineScale(null, gen(10, { probe: true }), gen(10)).memory.fromColdStart, null);
});
