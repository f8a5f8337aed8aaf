'use strict';
// An uncaught exception in a worker ends it with exit code 1 and reaches
// the parent as 'error': the nearest built-in class, message, stack and
// own properties survive; a thrown non-error arrives as the value.
const common = require('../common');
const assert = require('assert');
const { Worker } = require('worker_threads');

const w1 = new Worker(`
  class MyError extends RangeError {}
  const err = new MyError('boom');
  err.code = 'E_TEST';
  err.details = { n: 1 };
  throw err;
`, { eval: true });
w1.on('error', common.mustCall((err) => {
  assert.ok(err instanceof RangeError);
  assert.strictEqual(err.message, 'boom');
  assert.strictEqual(err.code, 'E_TEST');
  assert.deepStrictEqual(err.details, { n: 1 });
  assert.match(err.stack, /boom/);
}));
w1.on('exit', common.mustCall((code) => assert.strictEqual(code, 1)));

const w2 = new Worker('throw 42', { eval: true });
w2.on('error', common.mustCall((value) => assert.strictEqual(value, 42)));
w2.on('exit', common.mustCall((code) => assert.strictEqual(code, 1)));

const w3 = new Worker('Promise.reject(new TypeError("rejected"))',
                      { eval: true });
w3.on('error', common.mustCall((err) => {
  assert.ok(err instanceof TypeError);
  assert.strictEqual(err.message, 'rejected');
}));

// Handled inside the worker: no 'error', exit code 0.
const w4 = new Worker(`
  process.on('uncaughtException', () => {});
  throw new Error('handled');
`, { eval: true });
w4.on('error', common.mustNotCall());
w4.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
