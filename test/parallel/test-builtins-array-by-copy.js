'use strict';
require('../common');
const assert = require('assert');

// Array.prototype.toReversed, toSorted, toSpliced, with and
// %TypedArray%.prototype.toReversed, toSorted, with.

for (const [name, length] of [['toReversed', 0], ['toSorted', 1],
                              ['toSpliced', 2], ['with', 2]]) {
  const desc = Object.getOwnPropertyDescriptor(Array.prototype, name);
  assert.strictEqual(desc.writable, true);
  assert.strictEqual(desc.enumerable, false);
  assert.strictEqual(desc.configurable, true);
  assert.strictEqual(desc.value.name, name);
  assert.strictEqual(desc.value.length, length);
  assert.strictEqual(Object.hasOwn(desc.value, 'prototype'), false);
  assert.throws(() => new desc.value(), TypeError);
  assert.throws(() => desc.value.call(null), TypeError);
}
const unscopables = Array.prototype[Symbol.unscopables];
for (const name of ['toReversed', 'toSorted', 'toSpliced']) {
  assert.strictEqual(unscopables[name], true);
}
assert.strictEqual('with' in unscopables, false);

const a = [3, 1, 2];
assert.deepStrictEqual(a.toReversed(), [2, 1, 3]);
assert.deepStrictEqual(a.toSorted(), [1, 2, 3]);
assert.deepStrictEqual(a.toSorted((x, y) => y - x), [3, 2, 1]);
assert.deepStrictEqual(a.toSpliced(1, 1, 'x', 'y'), [3, 'x', 'y', 2]);
assert.deepStrictEqual(a.toSpliced(-1), [3, 1]);
assert.deepStrictEqual(a.toSpliced(), [3, 1, 2]);
assert.deepStrictEqual(a.with(-1, 9), [3, 1, 9]);
assert.deepStrictEqual(a, [3, 1, 2]);
assert.throws(() => a.with(3, 0), RangeError);
assert.throws(() => a.with(-4, 0), RangeError);
assert.throws(() => a.toSorted(1), TypeError);

// Holes read as undefined (through the prototype chain); array-likes work.
assert.deepStrictEqual([1, , 3].toReversed(), [3, undefined, 1]);
assert.deepStrictEqual(
  Array.prototype.toSorted.call({ length: 3, 0: 'b', 2: 'a' }),
  ['a', 'b', undefined]);
assert.deepStrictEqual(Array.prototype.with.call('ab', 0, 'x'), ['x', 'b']);
assert.throws(() => Array.prototype.toReversed.call({ length: 2 ** 32 }),
              RangeError);
assert.throws(
  () => Array.prototype.toSpliced.call({ length: 2 ** 53 - 1 }, 0, 0, 1),
  TypeError);
// No species: subclasses give plain arrays.
class MyArray extends Array {}
assert.strictEqual(MyArray.from([1]).toSorted().constructor, Array);

// Setters on Array.prototype are not reached (CreateDataPropertyOrThrow).
Object.defineProperty(Array.prototype, '0', {
  set() { assert.fail('setter called'); }, configurable: true,
});
assert.deepStrictEqual([2, 1].toSorted(), [1, 2]);
delete Array.prototype[0];

const u8 = new Uint8Array([3, 1, 2]);
assert.deepStrictEqual(u8.toReversed(), new Uint8Array([2, 1, 3]));
assert.deepStrictEqual(u8.toSorted(), new Uint8Array([1, 2, 3]));
assert.deepStrictEqual(u8.with(0, 300), new Uint8Array([44, 1, 2]));
assert.throws(() => u8.with(3, 0), RangeError);
assert.deepStrictEqual(new Float64Array([NaN, -0, 0, -1]).toSorted(),
                       new Float64Array([-1, -0, 0, NaN]));
assert.throws(() => new BigInt64Array(1).with(0, 1), TypeError);
assert.deepStrictEqual(new BigInt64Array(1).with(0, 5n),
                       new BigInt64Array([5n]));
class MyU8 extends Uint8Array {}
assert.strictEqual(new MyU8(1).toReversed().constructor, Uint8Array);
assert.throws(() => Uint8Array.prototype.toSorted.call([1]), TypeError);
const ab = new ArrayBuffer(2);
const view = new Uint8Array(ab);
ab.transfer();
assert.throws(() => view.toReversed(), TypeError);
