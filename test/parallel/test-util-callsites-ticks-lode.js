'use strict';
// A process.nextTick callback runs right under processTicksAndRejections;
// getCallSites() cuts a fractional count.
require('../common');
const assert = require('assert');
const util = require('util');

let ran = false;
process.nextTick(() => {
  const stack = new Error().stack.split('\n');
  assert.match(stack[2], /at process\.processTicksAndRejections/);
  ran = true;
});
process.on('exit', () => assert.ok(ran));

assert.strictEqual(util.getCallSites(3.6).length, 3);
assert.strictEqual(util.getCallSites(1.2).length, 1);
assert.throws(() => util.getCallSites(0.5), { code: 'ERR_OUT_OF_RANGE' });
