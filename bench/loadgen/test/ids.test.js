import { test } from 'node:test';
import assert from 'node:assert/strict';
import { messageId, messageText, parseMessageId } from '../src/ids.js';

test('a message id round-trips its phase and number', () => {
  const prefix = 'lg.abc123.';
  assert.deepEqual(parseMessageId(prefix, messageId(prefix, 1, 123456)), { phase: 1, k: 123456 });
});

test('ids of other runs, setup messages and garbage are not ours', () => {
  const prefix = 'lg.abc123.';
  assert.equal(parseMessageId(prefix, 'lg.zzz999.1.5'), null);
  assert.equal(parseMessageId(prefix, 'setup.lg.abc123.5'), null);
  assert.equal(parseMessageId(prefix, 'lg.abc123.x.5'), null);
  assert.equal(parseMessageId(prefix, 'lg.abc123.1'), null);
  assert.equal(parseMessageId(prefix, undefined), null);
});

test('message text has the requested length', () => {
  assert.equal(messageText(78).length, 78);
  assert.equal(messageText(1000).length, 1000);
});
