import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffMs, hubErrorCode, isRetryable, withRetry } from '../src/retry.js';

const hubError = (text) => new Error(`An unexpected error occurred invoking 'SendMessage' on the server. HubException: ${text}`);

test('the protocol code is read from behind the client\'s prefix', () => {
  assert.equal(hubErrorCode(hubError('unavailable: The service is briefly unavailable; try again.')), 'unavailable');
  assert.equal(hubErrorCode(new Error('invalid_argument: text is empty')), 'invalid_argument');
  assert.equal(hubErrorCode(new Error('Invocation canceled due to the underlying connection being closed.')), undefined);
  assert.equal(hubErrorCode(hubError('nonsense: what')), undefined);
});

test('transient failures and calls that got no answer are retried; refusals are not', () => {
  for (const t of ['unavailable: x', 'conflict: x', 'rate_limited: x']) assert.equal(isRetryable(hubError(t)), true, t);
  assert.equal(isRetryable(new Error('Cannot send data if the connection is not in the \'Connected\' State.')), true);
  for (const t of ['invalid_argument: x', 'forbidden: x', 'closed: x', 'too_large: x']) assert.equal(isRetryable(hubError(t)), false, t);
});

test('backoff doubles from 100 ms to a 2 s cap, jittered within the upper half', () => {
  assert.equal(backoffMs(1, () => 0), 50);
  assert.equal(backoffMs(1, () => 1), 100);
  assert.equal(backoffMs(3, () => 1), 400);
  assert.equal(backoffMs(10, () => 1), 2000);
  assert.equal(backoffMs(10, () => 0), 1000);
});

test('a send is retried with the same request until it succeeds, counting failures and retries', async () => {
  const seen = [];
  let calls = 0;
  const failures = [];
  let retries = 0;
  const ack = await withRetry(async () => {
    seen.push('lg.x.0.7');
    if (++calls < 3) throw hubError('unavailable: try again');
    return { seq: 12 };
  }, { retryForMs: 10_000, now: () => 0, onFailure: (_, n) => failures.push(n), onRetry: () => retries++ });
  assert.deepEqual(ack, { seq: 12 });
  assert.deepEqual(seen, ['lg.x.0.7', 'lg.x.0.7', 'lg.x.0.7']);
  assert.deepEqual(failures, [1, 2]);
  assert.equal(retries, 2);
});

test('a refusal ends the retries at once, and so does the end of the retry window', async () => {
  let calls = 0;
  await assert.rejects(withRetry(async () => { calls++; throw hubError('forbidden: no'); }, { retryForMs: 10_000, now: () => 0 }), /forbidden/);
  assert.equal(calls, 1);
  let clock = 0;
  calls = 0;
  await assert.rejects(withRetry(async () => { calls++; clock += 6000; throw hubError('unavailable: x'); }, { retryForMs: 10_000, now: () => clock }), /unavailable/);
  assert.equal(calls, 2);
});
