'use strict';
// Timeout objects: ref/unref/hasRef/refresh/close, Symbol.toPrimitive and
// clearTimeout by primitive id, intervals, argument passing.
const common = require('../common');
const assert = require('assert');
const timers = require('timers');

assert.strictEqual(timers.setTimeout, setTimeout);
assert.strictEqual(typeof timers.promises.setTimeout, 'function');

const t = setTimeout(common.mustNotCall(), 1000);
assert.strictEqual(t.hasRef(), true);
assert.strictEqual(t.unref(), t);
assert.strictEqual(t.hasRef(), false);
t.ref();
const id = +t;
assert.strictEqual(typeof id, 'number');
assert.strictEqual(`${t}`, String(id));
clearTimeout(id);

setTimeout(common.mustCall((a, b, c) => {
  assert.deepStrictEqual([a, b, c], [1, 'two', 3]);
}), 1, 1, 'two', 3);

let count = 0;
const interval = setInterval(common.mustCall(() => {
  if (++count === 3) clearInterval(interval);
}, 3), 1);

// An unref'ed timer does not keep the loop alive.
setTimeout(common.mustNotCall(), 60 * 1000).unref();

const refreshed = setTimeout(common.mustCall(), 5);
assert.strictEqual(refreshed.refresh(), refreshed);

const closed = setTimeout(common.mustNotCall(), 1);
assert.strictEqual(closed.close(), closed);

assert.throws(() => setTimeout('not a function'), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
});

const imm = setImmediate(common.mustNotCall());
clearImmediate(imm);
setImmediate(common.mustCall((x) => assert.strictEqual(x, 'arg')), 'arg');
