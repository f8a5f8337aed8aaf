'use strict';
const common = require('../common');
const assert = require('assert');

// Object.groupBy, Map.groupBy, Promise.withResolvers, Promise.try,
// Array.fromAsync.

const byParity = Object.groupBy([1, 2, 3, 4], (x) => (x % 2 ? 'odd' : 'even'));
assert.strictEqual(Object.getPrototypeOf(byParity), null);
assert.deepStrictEqual({ ...byParity }, { odd: [1, 3], even: [2, 4] });
assert.deepStrictEqual(Object.keys(Object.groupBy('abc', (c, i) => i)),
                       ['0', '1', '2']);
const m = Map.groupBy([1, -0, 0, NaN, NaN], (x) => x);
assert.deepStrictEqual([...m.keys()], [1, 0, NaN]);
assert.ok(Object.is(m.get(0)[0], -0));
assert.throws(() => Object.groupBy(null, (x) => x), TypeError);
assert.throws(() => Object.groupBy([], null), TypeError);
assert.throws(() => Map.groupBy({}, (x) => x), TypeError);
{
  let closed = 0;
  const iterable = {
    [Symbol.iterator]() {
      return { next: () => ({ value: 1, done: false }),
               return() { closed++; return {}; } };
    },
  };
  assert.throws(
    () => Object.groupBy(iterable, () => { throw new EvalError(); }),
    EvalError);
  assert.strictEqual(closed, 1);
}
assert.strictEqual(Object.groupBy.length, 2);
assert.strictEqual(Map.groupBy.name, 'groupBy');

const { promise, resolve, reject } = Promise.withResolvers();
assert.ok(promise instanceof Promise);
assert.strictEqual(typeof reject, 'function');
resolve(42);
promise.then(common.mustCall((v) => assert.strictEqual(v, 42)));
class MyPromise extends Promise {}
assert.ok(MyPromise.withResolvers().promise instanceof MyPromise);
assert.throws(() => Promise.withResolvers.call(1), TypeError);
assert.throws(() => Promise.withResolvers.call({}), TypeError);

Promise.try((a, b) => a + b, 1, 2)
  .then(common.mustCall((v) => assert.strictEqual(v, 3)));
Promise.try(() => { throw new EvalError('x'); })
  .catch(common.mustCall((e) => assert.ok(e instanceof EvalError)));
Promise.try(1).catch(common.mustCall((e) => assert.ok(e instanceof TypeError)));
assert.strictEqual(Promise.try.length, 1);

assert.strictEqual(Array.fromAsync.length, 1);
Array.fromAsync([Promise.resolve(1), 2], (x) => x * 2)
  .then(common.mustCall((v) => assert.deepStrictEqual(v, [2, 4])));
Array.fromAsync((async function* () { yield 1; yield 2; })())
  .then(common.mustCall((v) => assert.deepStrictEqual(v, [1, 2])));
Array.fromAsync({ length: 2, 0: 'a', 1: Promise.resolve('b') })
  .then(common.mustCall((v) => assert.deepStrictEqual(v, ['a', 'b'])));
assert.rejects(Array.fromAsync([1], 1), TypeError).then(common.mustCall());
assert.rejects(Array.fromAsync(null), TypeError).then(common.mustCall());
