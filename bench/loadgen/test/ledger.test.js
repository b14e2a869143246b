import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ledger } from '../src/ledger.js';

test('an acknowledged message never delivered is lost', () => {
  const l = new Ledger(3);
  for (const k of [0, 1, 2]) l.markSent(k);
  for (const k of [0, 1, 2]) l.markAcked(k);
  l.markDelivered(0, 10);
  l.markDelivered(2, 12);
  const s = l.summary();
  assert.equal(s.lost, 1);
  assert.equal(s.delivered, 2);
  assert.equal(l.lastDeliveryMs, 12);
});

test('a second delivery of the same message is a duplicate, not a second delivery', () => {
  const l = new Ledger(2);
  l.markSent(0);
  l.markAcked(0);
  assert.equal(l.markDelivered(0), 'first');
  assert.equal(l.markDelivered(0), 'duplicate');
  assert.equal(l.markDelivered(0), 'duplicate');
  const s = l.summary();
  assert.equal(s.delivered, 1);
  assert.equal(s.duplicates, 2);
  assert.equal(s.lost, 0);
});

test('deliveries of numbers never sent are unknown, not counted as delivered', () => {
  const l = new Ledger(2);
  assert.equal(l.markDelivered(1), 'unknown');
  assert.equal(l.markDelivered(7), 'unknown');
  assert.equal(l.markDelivered(-1), 'unknown');
  assert.equal(l.summary().delivered, 0);
  assert.equal(l.summary().unknown, 3);
});

test('a failed send is neither lost nor unacked, and acks and failures count once', () => {
  const l = new Ledger(3);
  for (const k of [0, 1, 2]) l.markSent(k);
  assert.equal(l.markFailed(0), true);
  assert.equal(l.markAcked(0), false);
  assert.equal(l.markAcked(1), true);
  assert.equal(l.markAcked(1), false);
  assert.equal(l.markSent(1), false);
  const s = l.summary();
  assert.deepEqual([s.sent, s.acked, s.failed, s.unacked, s.lost], [3, 1, 1, 1, 1]);
});

test('delivery before the ack is fine and is reported while the ack is missing', () => {
  const l = new Ledger(1);
  l.markSent(0);
  l.markDelivered(0);
  assert.equal(l.summary().deliveredUnacked, 1);
  assert.equal(l.outstanding(), 1);
  l.markAcked(0);
  assert.equal(l.summary().deliveredUnacked, 0);
  assert.equal(l.outstanding(), 0);
});

test('outstanding counts what still waits for an ack or a delivery', () => {
  const l = new Ledger(4);
  for (const k of [0, 1, 2, 3]) l.markSent(k);
  assert.equal(l.outstanding(), 4);
  l.markAcked(0);
  l.markDelivered(0);
  l.markFailed(1);
  l.markAcked(2);
  assert.equal(l.outstanding(), 2);
  l.markDelivered(1); // a failed send that arrives anyway settles nothing twice
  l.markDelivered(2);
  l.markDelivered(2);
  assert.equal(l.outstanding(), 1);
});

test('a resilient ledger tells live, fetched and history-only deliveries apart; lost is what none of them found', () => {
  const l = new Ledger(4, { resilient: true });
  for (const k of [0, 1, 2, 3]) { l.markSent(k); l.markAcked(k); }
  assert.equal(l.markDelivered(0, 1, 10, 'push'), 'first');
  assert.equal(l.markDelivered(1, 2, 11, 'resume'), 'first');
  l.markInHistory(0, 10);
  l.markInHistory(1, 11);
  l.markInHistory(2, 12); // stored, but the receiver never got it
  const s = l.summary();
  assert.deepEqual([s.delivered, s.deliveredByResume, s.inHistoryOnly, s.lost], [2, 1, 1, 1]);
  assert.equal(s.shownDuplicates, 0);
});

test('a message pushed twice with one seq is a raw duplicate; one stored twice (two seqs) is a duplicate shown', () => {
  const l = new Ledger(2, { resilient: true });
  for (const k of [0, 1]) { l.markSent(k); l.markAcked(k); }
  l.markDelivered(0, 1, 5, 'push');
  assert.equal(l.markDelivered(0, 2, 5, 'push'), 'duplicate');
  assert.equal(l.markDelivered(0, 3, 5, 'resume'), 'duplicate'); // Resume overlapping a push: neither
  l.markDelivered(1, 1, 6, 'push');
  l.markInHistory(1, 6);
  l.markInHistory(1, 9); // a second stored copy of message 1
  const s = l.summary();
  assert.deepEqual([s.duplicates, s.resumeOverlap, s.shownDuplicates], [1, 1, 1]);
});

test('a push arriving after Resume fetched the same message is overlap, not a duplicate', () => {
  const l = new Ledger(1, { resilient: true });
  l.markSent(0);
  l.markAcked(0);
  assert.equal(l.markDelivered(0, 1, 4, 'resume'), 'first');
  assert.equal(l.markDelivered(0, 2, 4, 'push'), 'duplicate');
  const s = l.summary();
  assert.deepEqual([s.duplicates, s.resumeOverlap, s.deliveredByResume], [0, 1, 1]);
});

test('a send that gave up but whose message was stored is reported, not lost', () => {
  const l = new Ledger(1, { resilient: true });
  l.markSent(0);
  l.markFailed(0);
  l.markInHistory(0, 3);
  const s = l.summary();
  assert.deepEqual([s.failed, s.failedButStored, s.lost], [1, 1, 0]);
});

test('a plain ledger reports exactly the fields it always did', () => {
  const l = new Ledger(1);
  assert.deepEqual(Object.keys(l.summary()), ['sent', 'acked', 'failed', 'unacked', 'delivered', 'lost', 'duplicates', 'unknown', 'deliveredUnacked']);
});
