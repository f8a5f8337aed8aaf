// Flags: --expose-internals
'use strict';
require('../common');
const assert = require('assert');
const {
  hardenRegExp,
  RegExpPrototypeSymbolSplit,
  SafeArrayPrototypePushApply,
  SafePromiseAllReturnArrayLike,
  SafeStringPrototypeSearch,
  TypedArrayOfApply,
} = require('internal/test/binding').primordials;

// User code starts with empty RegExp statics.
assert.strictEqual(RegExp.lastMatch, '');
assert.strictEqual(RegExp.$1, '');

// %TypedArray% statics take the constructor as their first argument.
const ints = TypedArrayOfApply(Int32Array, [1, 2, 3]);
assert.ok(ints instanceof Int32Array);
assert.deepStrictEqual([...ints], [1, 2, 3]);

// Pushing more items than a call can take arguments.
const target = [0];
SafeArrayPrototypePushApply(target, new Array(200000).fill(1));
assert.strictEqual(target.length, 200001);

// A hardened pattern ignores what a program puts on RegExp.prototype, and
// hardening twice is harmless.
const saved = Object.getOwnPropertyDescriptor(RegExp.prototype, 'exec');
Object.defineProperty(RegExp.prototype, 'exec', {
  configurable: true, get() { throw new Error('exec read'); },
});
try {
  const re = hardenRegExp(hardenRegExp(/a/));
  assert.deepStrictEqual(RegExpPrototypeSymbolSplit(re, 'baar', 1), ['b']);
  assert.strictEqual(SafeStringPrototypeSearch('baar', /a/), 1);
} finally {
  Object.defineProperty(RegExp.prototype, 'exec', saved);
}

// The array-like result does not look up `then` on Array.prototype.
Object.defineProperty(Array.prototype, 'then', {
  configurable: true, get() { throw new Error('then read'); },
});
SafePromiseAllReturnArrayLike([Promise.resolve(1), 2]).then((values) => {
  delete Array.prototype.then;
  assert.ok(Array.isArray(values));
  assert.strictEqual(Object.getPrototypeOf(values), null);
  assert.strictEqual(values[0], 1);
  assert.strictEqual(values[1], 2);
});
