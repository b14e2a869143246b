import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Phase, failureReason } from '../src/phase.js';

const hubError = (text) => new Error(`An unexpected error occurred invoking 'SendMessage' on the server. HubException: ${text}`);

test('a failed send is counted once, under the protocol code the server gave', () => {
  const phase = new Phase('measure', 0, { startMs: 0, rate: 10, durationS: 1 });
  for (const k of [0, 1, 2, 3]) phase.ledger.markSent(k);
  phase.fail(0, hubError('rate_limited: Too many messages; slow down.'));
  phase.fail(1, hubError('rate_limited: Too many messages; slow down.'));
  phase.fail(1, hubError('rate_limited: Too many messages; slow down.'));
  phase.fail(2, new Error('Invocation canceled due to the underlying connection being closed.'));
  const s = phase.summary();
  assert.equal(s.counts.failed, 3);
  assert.deepEqual(s.failedBy, { rate_limited: 2, 'no code': 1 });
  assert.match(s.failureSamples.rate_limited, /Too many messages/);
});

test('an acknowledged send that fails later is not counted as failed', () => {
  const phase = new Phase('measure', 0, { startMs: 0, rate: 10, durationS: 1 });
  phase.ledger.markSent(0);
  phase.ledger.markAcked(0);
  phase.fail(0, hubError('unavailable: the silo is gone'));
  assert.deepEqual(phase.summary().failedBy, {});
});

test('an error without a known code has no protocol reason', () => {
  assert.equal(failureReason(hubError('weird: nothing we know')), 'no code');
  assert.equal(failureReason(hubError('closed: reopen it first')), 'closed');
});

test('server CPU per message is the CPU time the server reported over the phase, per delivered message', async () => {
  const { serverCpu } = await import('../src/load.js');
  assert.deepEqual(serverCpu({ processorTimeMs: 1000 }, { processorTimeMs: 3000 }, 4000), { cpuMs: 2000, cpuMsPerMessage: 0.5 });
  assert.equal(serverCpu(null, { processorTimeMs: 3000 }, 10), null);
  assert.equal(serverCpu({ workingSet: 1 }, { workingSet: 2 }, 10), null);
  assert.deepEqual(serverCpu({ processorTimeMs: 5 }, { processorTimeMs: 5 }, 0), { cpuMs: 0, cpuMsPerMessage: null });
});
