import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SeqWatch } from '../src/seqwatch.js';

test('seqs in order leave no hole; a skipped seq is a hole until it arrives', () => {
  const w = new SeqWatch();
  assert.equal(w.see(1), false);
  assert.equal(w.see(2), false);
  assert.equal(w.see(4), true);
  assert.equal(w.contiguous, 2);
  assert.equal(w.highest, 4);
  assert.equal(w.see(3), false);
  assert.equal(w.contiguous, 4);
});

test('repeated and old seqs change nothing', () => {
  const w = new SeqWatch();
  w.see(1); w.see(2);
  assert.equal(w.see(2), false);
  assert.equal(w.see(1), false);
  assert.equal(w.see(undefined), false);
  assert.equal(w.contiguous, 2);
});

test('a Resume closes the hole up to the highest seq it returned, and keeps what lies above for the next one', () => {
  const w = new SeqWatch();
  w.see(1); w.see(3); w.see(9);
  w.resumed([2, 3, 5]);
  assert.equal(w.contiguous, 5);
  assert.equal(w.hasGap, true);
  w.resumed([6, 7, 8]);
  assert.equal(w.contiguous, 9);
  assert.equal(w.hasGap, false);
});

test('an empty Resume says nothing lies after contiguous for this reader: the hole closes', () => {
  const w = new SeqWatch();
  w.see(1); w.see(3);
  w.resumed([]);
  assert.equal(w.contiguous, 3);
  assert.equal(w.hasGap, false);
});
