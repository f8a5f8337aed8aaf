'use strict';
const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

// process.env: defineProperty only with a complete, all-true data
// descriptor; TZ reaches Date at once; DEP0104 under
// --pending-deprecation for values that are not strings, numbers or
// booleans.

const onlyData = {
  code: 'ERR_INVALID_OBJECT_DEFINE_PROPERTY',
  name: 'TypeError',
  message: "'process.env' only accepts a configurable, writable, and " +
           'enumerable data descriptor',
};
assert.throws(() => Object.defineProperty(process.env, 'LODE_A', {
  value: 'x',
}), onlyData);
assert.throws(() => Object.defineProperty(process.env, 'LODE_A', {
  value: 'x', configurable: true, writable: true, enumerable: false,
}), onlyData);
assert.throws(() => Object.defineProperty(process.env, 'LODE_A', {
  enumerable: true, configurable: true, writable: true,
}), onlyData);
assert.throws(() => Object.defineProperty(process.env, 'LODE_A', {
  get() { return 'x'; },
}), {
  code: 'ERR_INVALID_OBJECT_DEFINE_PROPERTY',
  name: 'TypeError',
  message: "'process.env' does not accept an accessor(getter/setter) " +
           'descriptor',
});
assert.strictEqual(process.env.LODE_A, undefined);
Object.defineProperty(process.env, 'LODE_A', {
  value: 12, configurable: true, writable: true, enumerable: true,
});
assert.strictEqual(process.env.LODE_A, '12');
delete process.env.LODE_A;

// TZ: V8's time zone cache is reset on assignment and deletion.
const date = new Date('2020-01-15T12:00:00Z');
process.env.TZ = 'Etc/GMT-3';
assert.strictEqual(date.getHours(), 15);
assert.match(date.toString(), /GMT\+0300/);
process.env.TZ = 'Etc/GMT+5';
assert.strictEqual(date.getHours(), 7);
Object.defineProperty(process.env, 'TZ', {
  value: 'UTC', configurable: true, writable: true, enumerable: true,
});
assert.strictEqual(date.getHours(), 12);
delete process.env.TZ;
date.toString();

// DEP0104, once, only with --pending-deprecation.
const script = `
  process.env.LODE_X = 'a';
  process.env.LODE_Y = 1;
  process.env.LODE_Z = true;
  process.env.LODE_U = undefined;
  process.env.LODE_O = {};
  if (process.env.LODE_U !== 'undefined') process.exit(3);
`;
const pending = spawnSync(process.execPath,
                          ['--pending-deprecation', '-e', script],
                          { encoding: 'utf8' });
assert.strictEqual(pending.status, 0, pending.stderr);
const warnings = pending.stderr.match(/\[DEP0104\]/g);
assert.strictEqual(warnings.length, 1, pending.stderr);
assert.ok(pending.stderr.includes(
  'DeprecationWarning: Assigning any value other than a string, number, or ' +
  'boolean to a process.env property is deprecated. Please make sure to ' +
  'convert the value to a string before setting process.env with it.'),
          pending.stderr);

const viaEnv = spawnSync(process.execPath, ['-e', script], {
  encoding: 'utf8', env: { ...process.env, NODE_PENDING_DEPRECATION: '1' },
});
assert.match(viaEnv.stderr, /\[DEP0104\]/);

const plain = spawnSync(process.execPath, ['-e', script],
                        { encoding: 'utf8' });
assert.strictEqual(plain.status, 0);
assert.strictEqual(plain.stderr, '');
process.on('warning', common.mustNotCall());
process.env.LODE_B = undefined;
delete process.env.LODE_B;
