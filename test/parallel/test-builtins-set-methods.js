'use strict';
require('../common');
const assert = require('assert');

// Set.prototype.union and friends, with the GetSetRecord protocol.

const s = (...v) => new Set(v);
const sorted = (set) => [...set].sort();
assert.deepStrictEqual(sorted(s(1, 2).union(s(2, 3))), [1, 2, 3]);
assert.deepStrictEqual(sorted(s(1, 2).intersection(s(2, 3))), [2]);
assert.deepStrictEqual(sorted(s(1, 2).difference(s(2, 3))), [1]);
assert.deepStrictEqual(sorted(s(1, 2).symmetricDifference(s(2, 3))), [1, 3]);
assert.strictEqual(s(1).isSubsetOf(s(1, 2)), true);
assert.strictEqual(s(1, 2).isSupersetOf(s(1)), true);
assert.strictEqual(s(1).isDisjointFrom(s(2)), true);
// A Map is set-like; so is any { size, has, keys }.
assert.deepStrictEqual(sorted(s(1).union(new Map([[2, 'x']]))), [1, 2]);
const setLike = {
  size: 1, has: (v) => v === 5, keys: () => [5][Symbol.iterator](),
};
assert.strictEqual(s(5, 6).isSupersetOf(setLike), true);
// -0 from keys() becomes +0.
const zero = s().union({ size: 1, has() {}, keys: () => [-0].values() });
assert.ok(Object.is([...zero][0], 0));

assert.throws(() => s().union(1), TypeError);
assert.throws(() => s().union({ size: NaN, has() {}, keys() {} }), TypeError);
assert.throws(() => s().union({ size: -1, has() {}, keys() {} }), RangeError);
assert.throws(() => s().union({ size: 1, has: 1, keys() {} }), TypeError);
assert.throws(() => s().union({ size: 1, has() {}, keys: 1 }), TypeError);
assert.throws(() => Set.prototype.union.call(new Map(), s()), TypeError);

// The size decides whether `has` or `keys` is used.
const log = [];
const other = {
  size: 1,
  has(v) { log.push(`has ${v}`); return false; },
  keys() { log.push('keys'); return [9].values(); },
};
s(1, 2).intersection(other);
s(1).intersection(other);
assert.deepStrictEqual(log, ['keys', 'has 1']);

// isSupersetOf closes the keys iterator when it returns early.
let closed = false;
s(1).isSupersetOf({
  size: 1, has() {},
  keys() {
    return { next: () => ({ value: 2, done: false }),
             return() { closed = true; return {}; } };
  },
});
assert.strictEqual(closed, true);

for (const name of ['union', 'intersection', 'difference',
                    'symmetricDifference', 'isSubsetOf', 'isSupersetOf',
                    'isDisjointFrom']) {
  const fn = Set.prototype[name];
  assert.strictEqual(fn.length, 1);
  assert.strictEqual(fn.name, name);
  const desc = Object.getOwnPropertyDescriptor(Set.prototype, name);
  assert.strictEqual(desc.enumerable, false);
}
// Results are plain Sets, whatever the receiver's class.
class MySet extends Set {}
assert.strictEqual(new MySet([1]).union(s()).constructor, Set);
