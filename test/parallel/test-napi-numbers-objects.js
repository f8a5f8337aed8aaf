'use strict';
// Flags: --allow-natives-syntax
require('../common');
const assert = require('assert');
const vm = require('vm');
const tmpdir = require('../common/tmpdir');
const { buildAddon } = require('../common/napi');

// The number getters and creators, napi_typeof and napi_create_object
// answer as Node does for small integers (which lode reads and makes
// without a call into V8), for other numbers and for non-numbers.

tmpdir.refresh();
const addon = require(buildAddon('numbers'));

const napi_ok = 0;
const napi_number_expected = 6;
const napi_number = 3;
const ok = (value) => ({ status: napi_ok, value });
const notANumber = { status: napi_number_expected };

const numbers = [
  0, -0, 1, -1, 42, -42, 2 ** 30 - 1, -(2 ** 30), 2 ** 30, 2 ** 31 - 1,
  -(2 ** 31), 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 5, -(2 ** 32) - 5,
  1.5, -1.5, 0.1, 2 ** 53, 2 ** 63, -(2 ** 63), 1e20, -1e20, 1e300,
  Number.MIN_VALUE, NaN, Infinity, -Infinity,
  // Next to the int32 range and halves (napi_create_double tells int32s
  // by truncating and converting back).
  -(2 ** 31) - 1, -(2 ** 31) + 0.5, -(2 ** 31) - 0.5, 2 ** 31 - 0.5, 0.5,
  -0.5, -Number.MIN_VALUE, 2 ** 64, -(2 ** 64),
];

function toInt64(n) {
  if (!Number.isFinite(n)) return 0n;
  const t = BigInt(Math.trunc(n));
  if (t > 2n ** 63n - 1n) return 2n ** 63n - 1n;
  if (t < -(2n ** 63n)) return -(2n ** 63n);
  return t;
}

for (const n of numbers) {
  const label = Object.is(n, -0) ? '-0' : String(n);
  assert.deepStrictEqual(addon.getDouble(n), ok(n), label);
  assert.deepStrictEqual(addon.getInt32(n), ok(n | 0), label);
  assert.deepStrictEqual(addon.getUint32(n), ok(n >>> 0), label);
  assert.deepStrictEqual(addon.getInt64(n), ok(toInt64(n)), label);
  assert.deepStrictEqual(addon.typeOf(n), ok(napi_number), label);
  assert(Object.is(addon.createDouble(n), n), label);
}

for (const v of ['1', 1n, null, undefined, true, {}, [1], new Number(1)]) {
  assert.deepStrictEqual(addon.getDouble(v), notANumber);
  assert.deepStrictEqual(addon.getInt32(v), notANumber);
  assert.deepStrictEqual(addon.getUint32(v), notANumber);
  assert.deepStrictEqual(addon.getInt64(v), notANumber);
  assert.notDeepStrictEqual(addon.typeOf(v), ok(napi_number));
}

for (const big of [0n, -1n, 2n ** 31n, -(2n ** 31n) - 1n, 2n ** 53n,
                   2n ** 63n - 1n]) {
  assert.strictEqual(addon.createInt64(big), Number(big));
}

// napi_create_object: a new ordinary empty object each time, with the
// map of {}, whatever was done to an earlier one.
{
  const first = addon.createObject();
  first.x = 1;
  Object.defineProperty(first, 'y', { get() { return 2; } });
  Object.freeze(first);
  for (let i = 0; i < 3; i++) {
    const obj = addon.createObject();
    assert.notStrictEqual(obj, first);
    assert.strictEqual(Object.getPrototypeOf(obj), Object.prototype);
    assert.deepStrictEqual(Reflect.ownKeys(obj), []);
    assert(Object.isExtensible(obj));
    assert(%HaveSameMap(obj, {}));
    const literal = {};
    obj.x = i;
    literal.x = i;
    assert(%HaveSameMap(obj, literal));
  }
}

// After JS of another context ran, the object is still of the addon's.
{
  const other = vm.runInNewContext('(function() { return {}; })');
  const obj = addon.callAndCreate(other);
  assert.strictEqual(Object.getPrototypeOf(obj), Object.prototype);
  assert.throws(() => addon.callAndCreate(() => { throw new Error('boom'); }),
                { message: 'boom' });
}
