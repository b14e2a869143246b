import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OutageLog } from '../src/outage.js';

test('served again: the first ack after a conversation\'s first failure, and for good after its last one', () => {
  const o = new OutageLog();
  o.kill(10_000);
  o.acked(0, 9_000, 9_010); // before the kill, no failure yet
  o.attemptFailed(0, 10_100, 'unavailable');
  o.attemptFailed(0, 10_500, 'unavailable');
  o.acked(0, 10_050, 12_000); // served again 2 s after the kill
  o.attemptFailed(0, 13_000, undefined); // fails once more
  o.acked(0, 12_900, 15_000); // steady from 5 s
  o.attemptFailed(1, 10_200, 'unavailable');
  o.acked(1, 10_150, 11_000);
  o.acked(2, 10_000, 10_020); // never failed: not affected
  const s = o.summary({ endMs: 40_000 });
  assert.equal(s.affectedConversations, 2);
  assert.equal(s.failedAttempts, 4);
  assert.deepEqual(s.errors, { unavailable: 3, 'no answer': 1 });
  assert.equal(s.firstSendServedAgainS, 1);
  assert.equal(s.allConversationsServedAgainS, 2);
  assert.equal(s.sendsSteadyAgainS, 5);
  assert.equal(s.neverServedAgain, 0);
  assert.equal(s.worstConversations[0].pair, 0);
  assert.equal(s.worstConversations[0].worstAckS, 2.1);
});

test('a conversation that never succeeds again counts until the end of the run', () => {
  const o = new OutageLog();
  o.kill(1_000);
  o.attemptFailed(3, 1_500, 'unavailable');
  const s = o.summary({ endMs: 21_000 });
  assert.equal(s.neverServedAgain, 1);
  assert.equal(s.sendsSteadyAgainS, 20);
});

test('deliveries are split into before the kill, the outage (at least 10 s) and after, with late and fetched counts', () => {
  const o = new OutageLog();
  o.kill(100_000);
  o.delivered(99_000, 99_010, 'push');
  o.delivered(100_500, 102_000, 'resume'); // 1.5 s late, fetched
  o.delivered(105_000, 105_020, 'push');
  o.delivered(111_000, 111_005, 'push'); // after the 10 s window
  const s = o.summary({ endMs: 120_000 });
  assert.equal(s.latency.outageWindowS, 10);
  assert.equal(s.latency.beforeKill.count, 1);
  assert.equal(s.latency.outage.count, 2);
  assert.equal(s.latency.afterOutage.count, 1);
  assert.deepEqual(s.latency.overOneSecond, { beforeKill: 0, outage: 1, afterOutage: 0 });
  assert.deepEqual(s.latency.deliveredByResume, { beforeKill: 0, outage: 1, afterOutage: 0 });
  const second2 = s.timeline.find((t) => t.second === 2);
  assert.deepEqual(second2, { second: 2, failed: 0, acked: 0, delivered: 1, byResume: 1, maxLatencyMs: 1500, overOneSecond: 1 });
  assert.equal(s.timeline[0].second, -1);
});

test('without a kill nothing is relative to it', () => {
  const s = new OutageLog().summary({ endMs: 1000 });
  assert.equal(s.firstSendServedAgainS, null);
  assert.deepEqual(s.timeline, []);
});
