'use strict';
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

// --trace-uncaught tells where any thrown value came from.
for (const value of ['null', '{ a: 1 }', 'new Error("x")']) {
  const { status, stderr } = spawnSync(
    process.execPath, ['--trace-uncaught', '-e', `throw ${value};`],
    { encoding: 'utf8' });
  assert.strictEqual(status, 1);
  assert.match(stderr, /^Thrown at:$/m);
  assert.match(stderr, /^ {4}at \[eval\]:1:\d+$/m);
}

// Without it there is no such trace.
const { stderr } = spawnSync(process.execPath, ['-e', 'throw null;'],
                             { encoding: 'utf8' });
assert.doesNotMatch(stderr, /Thrown at:/);
