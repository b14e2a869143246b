import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOptions } from '../src/options.js';

test('defaults, and the agent password from SEED_ADMIN_PASSWORD', () => {
  const { options, errors } = parseOptions([], { SEED_ADMIN_PASSWORD: 's3cret' });
  assert.deepEqual(errors, []);
  assert.equal(options.agentPassword, 's3cret');
  assert.equal(options.agentEmail, 'admin@demo.local');
  assert.equal(options.direction, 'both');
});

test('both --name value and --name=value, and flags', () => {
  const { options, errors } = parseOptions(['--rate', '2000', '--visitors=50', '--skip-negotiation', '--url', 'http://localhost:5000/']);
  assert.deepEqual(errors, []);
  assert.equal(options.rate, 2000);
  assert.equal(options.visitors, 50);
  assert.equal(options.skipNegotiation, true);
  assert.equal(options.url, 'http://localhost:5000');
});

test('every problem is reported, naming its option', () => {
  const { errors } = parseOptions(['--rate', 'fast', '--direction', 'up', '--url', 'http://10.0.0.5:80', '--nope', '--agents', '0']);
  assert.equal(errors.length, 5);
  assert.ok(errors.some((e) => e.includes('--rate')));
  assert.ok(errors.some((e) => e.includes('--direction')));
  assert.ok(errors.some((e) => e.includes('loopback')));
  assert.ok(errors.some((e) => e.includes('--nope')));
  assert.ok(errors.some((e) => e.includes('--agents')));
});
