'use strict';
require('../common');
const assert = require('assert');

// Iterator, Iterator.from and the Iterator.prototype helpers.

assert.strictEqual(typeof Iterator, 'function');
assert.strictEqual(Iterator.prototype,
                   Object.getPrototypeOf(Object.getPrototypeOf([].values())));
assert.throws(() => Iterator(), TypeError);
assert.throws(() => new Iterator(), TypeError);
class MyIterator extends Iterator {
  next() { return { value: 1, done: false }; }
}
assert.deepStrictEqual(new MyIterator().take(2).toArray(), [1, 1]);
assert.strictEqual(Iterator.prototype.constructor, Iterator);
assert.strictEqual(Iterator.prototype[Symbol.toStringTag], 'Iterator');

function* gen() { yield 1; yield 2; yield 3; }
assert.deepStrictEqual(gen().map((x, i) => x * 10 + i).toArray(), [10, 21, 32]);
assert.deepStrictEqual(gen().filter((x) => x % 2).toArray(), [1, 3]);
assert.deepStrictEqual(gen().take(2).toArray(), [1, 2]);
assert.deepStrictEqual(gen().drop(2).toArray(), [3]);
assert.deepStrictEqual(gen().flatMap((x) => [x, x]).toArray(),
                       [1, 1, 2, 2, 3, 3]);
assert.strictEqual(gen().reduce((a, b) => a + b), 6);
assert.strictEqual(gen().reduce((a, b) => a + b, 10), 16);
assert.strictEqual(gen().some((x) => x === 2), true);
assert.strictEqual(gen().every((x) => x < 3), false);
assert.strictEqual(gen().find((x) => x > 1), 2);
const seen = [];
gen().forEach((x, i) => seen.push([x, i]));
assert.deepStrictEqual(seen, [[1, 0], [2, 1], [3, 2]]);

assert.throws(() => [].values().take(-1), RangeError);
assert.throws(() => [].values().drop(NaN), RangeError);
assert.throws(() => [].values().map(1), TypeError);
assert.throws(() => [].values().reduce((a, b) => a), TypeError);
assert.throws(() => Iterator.prototype.map.call(1, (x) => x), TypeError);
assert.throws(() => [1].values().flatMap(() => 'ab').next(), TypeError);

// The helper closes the underlying iterator on return(), even before next().
let closed = 0;
const underlying = {
  __proto__: Iterator.prototype,
  next: () => ({ value: 1, done: false }),
  return() { closed++; return {}; },
};
const helper = underlying.map((x) => x);
assert.deepStrictEqual(helper.return(), { value: undefined, done: true });
assert.strictEqual(closed, 1);
assert.deepStrictEqual(helper.next(), { value: undefined, done: true });
assert.strictEqual(Object.prototype.toString.call(helper),
                   '[object Iterator Helper]');
// A bad argument closes the receiver too.
assert.throws(() => underlying.filter(null), TypeError);
assert.strictEqual(closed, 2);

// Iterator.from wraps objects that only have next().
const wrapped = Iterator.from({ next: () => ({ value: 7, done: false }) });
assert.ok(wrapped instanceof Iterator);
assert.deepStrictEqual(wrapped.take(1).toArray(), [7]);
const arrayIterator = [1].values();
assert.strictEqual(Iterator.from(arrayIterator), arrayIterator);
assert.deepStrictEqual(Iterator.from('ab').toArray(), ['a', 'b']);
assert.throws(() => Iterator.from(1), TypeError);

for (const name of ['map', 'filter', 'take', 'drop', 'flatMap', 'reduce',
                    'forEach', 'some', 'every', 'find']) {
  assert.strictEqual(Iterator.prototype[name].length, 1);
  assert.strictEqual(Iterator.prototype[name].name, name);
}
assert.strictEqual(Iterator.prototype.toArray.length, 0);
