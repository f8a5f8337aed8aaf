// Flags: --expose-internals
'use strict';
const common = require('../common');
const assert = require('assert');
const { promisify } = require('util');
const { customPromisifyArgs } = require('internal/util');

assert.strictEqual(promisify.custom,
                   Symbol.for('nodejs.util.promisify.custom'));

(async () => {
  // Resolves with the first value; an error argument rejects.
  const double = promisify((n, cb) => process.nextTick(cb, null, n * 2, 'x'));
  assert.strictEqual(await double(21), 42);
  const err = new Error('nope');
  const fails = promisify((cb) => cb(err));
  await assert.rejects(fails(), err);

  // `this` is forwarded.
  const obj = { v: 7, get: promisify(function(cb) { cb(null, this.v); }) };
  assert.strictEqual(await obj.get(), 7);

  // customPromisifyArgs names several callback values.
  function multi(cb) { cb(null, 1, 2); }
  multi[customPromisifyArgs] = ['first', 'second'];
  assert.deepStrictEqual(await promisify(multi)(), { first: 1, second: 2 });

  // A custom implementation is returned as is.
  function legacy() {}
  const custom = () => Promise.resolve('custom');
  legacy[promisify.custom] = custom;
  assert.strictEqual(promisify(legacy), custom);
  assert.strictEqual(await promisify(legacy)(), 'custom');

  // Promisifying twice gives the same function back.
  const once = promisify((cb) => cb(null, 1));
  assert.strictEqual(promisify(once), once);
})().then(common.mustCall());

// The result keeps the original's own properties and prototype.
function named(a, b, cb) {}
named.extra = 'kept';
const p = promisify(named);
assert.strictEqual(p.name, 'named');
assert.strictEqual(p.length, 3);
assert.strictEqual(p.extra, 'kept');

assert.throws(() => promisify(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "original" argument must be of type function. ' +
           'Received type number (1)',
});
function badCustom() {}
badCustom[promisify.custom] = 'x';
assert.throws(() => promisify(badCustom), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "util.promisify.custom" property must be of type ' +
           "function. Received type string ('x')",
});
