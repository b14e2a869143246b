import { test } from 'node:test';
import assert from 'node:assert/strict';
import { echoFrame, parseEchoFrame } from '../src/echo.js';
import { parseOptions } from '../src/options.js';

test('an echo frame has the requested size and round-trips its phase and number, as text or as bytes', () => {
  const frame = echoFrame(2, 98765, 78);
  assert.equal(frame.length, 78);
  assert.deepEqual(parseEchoFrame(frame), { phase: 2, k: 98765 });
  assert.deepEqual(parseEchoFrame(Buffer.from(frame)), { phase: 2, k: 98765 });
});

test('a frame shorter than its header keeps the header whole', () => {
  assert.deepEqual(parseEchoFrame(echoFrame(0, 123456, 3)), { phase: 0, k: 123456 });
});

test('frames that are not ours are ignored', () => {
  assert.equal(parseEchoFrame('hello'), null);
  assert.equal(parseEchoFrame(':1:'), null);
  assert.equal(parseEchoFrame('a:1:xx'), null);
  assert.equal(parseEchoFrame('1:b:xx'), null);
});

test('--echo is a flag and does not combine with --idle', () => {
  assert.equal(parseOptions(['--echo']).options.echo, true);
  assert.deepEqual(parseOptions(['--echo']).errors, []);
  assert.match(parseOptions(['--echo', '--idle', '10']).errors.join('\n'), /--echo and --idle cannot be combined/);
});
