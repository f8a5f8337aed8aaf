'use strict';
// A timeout V8 implements as a delayed platform task (Atomics.waitAsync's)
// fires on time, even when the loop has nothing else to wake it before a
// much later timer.
const common = require('../common');
const assert = require('assert');

const i32 = new Int32Array(new SharedArrayBuffer(16));
const start = Date.now();
const later = setTimeout(common.mustNotCall('the 5 s timer ran first'), 5000);
Atomics.waitAsync(i32, 0, 0, 50).value.then(common.mustCall((result) => {
  assert.strictEqual(result, 'timed-out');
  const elapsed = Date.now() - start;
  assert.ok(elapsed >= 45 && elapsed < 2000, `resolved after ${elapsed} ms`);
  clearTimeout(later);
}));
