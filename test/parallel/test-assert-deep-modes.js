'use strict';
const common = require('../common');
const assert = require('assert');
const { isDeepStrictEqual } = require('util');

// Each row: actual, expected, and whether deepEqual / deepStrictEqual /
// partialDeepStrictEqual accept the pair.
function loose(a, b) {
  try { assert.deepEqual(a, b); return true; } catch { return false; }
}
function strict(a, b) {
  try { assert.deepStrictEqual(a, b); return true; } catch { return false; }
}
function partial(a, b) {
  try { assert.partialDeepStrictEqual(a, b); return true; } catch { return false; }
}

class Foo {}
const sym = Symbol('s');
const cyclic = () => { const o = {}; o.self = o; return o; };

const rows = [
  ['zero / minus zero', 0, -0, [true, false, false]],
  ['NaN', NaN, NaN, [true, true, true]],
  ['number / string', 1, '1', [true, false, false]],
  ['null / undefined', null, undefined, [true, false, false]],
  ['hole / undefined', [1, , 3], [1, undefined, 3], [false, false, false]],
  ['null prototype', Object.create(null), {}, [true, false, true]],
  ['class instance', new Foo(), {}, [true, false, true]],
  ['same constructor', Object.create({ x: 1 }), Object.create({ y: 1 }),
   [true, true, true]],
  ['symbol key', { [sym]: 1 }, {}, [true, false, true]],
  ['non-enumerable symbol', Object.defineProperty({}, sym, { value: 1 }), {},
   [true, true, true]],
  ['Buffer / Uint8Array', Buffer.from([1]), new Uint8Array([1]),
   [true, false, true]],
  ['float -0', new Float64Array([-0]), new Float64Array([0]),
   [true, false, false]],
  ['float NaN', new Float32Array([NaN]), new Float32Array([NaN]),
   [false, true, true]],
  ['typed array kinds', new Uint8Array(1), new Int8Array(1),
   [false, false, false]],
  ['Set loose', new Set([1, '2']), new Set(['1', 2]), [true, false, false]],
  ['Set object keys', new Set([{ a: 1 }]), new Set([{ a: 1 }]),
   [true, true, true]],
  ['Set subset', new Set([1, 2, 3]), new Set([3]), [false, false, true]],
  ['Map loose', new Map([[1, 'a']]), new Map([['1', 'a']]),
   [true, false, false]],
  ['Map object keys', new Map([[{ a: 1 }, 1]]), new Map([[{ a: 1 }, 1]]),
   [true, true, true]],
  ['Map subset', new Map([[1, 2], [3, 4]]), new Map([[3, 4]]),
   [false, false, true]],
  ['array subsequence', [1, 2, 3, 4], [2, 4], [false, false, true]],
  ['array order', [1, 2, 3, 4], [4, 2], [false, false, false]],
  ['error cause', new Error('a', { cause: 1 }), new Error('a', { cause: 2 }),
   [false, false, false]],
  ['error name', new TypeError('a'), new Error('a'), [false, false, false]],
  ['error stack ignored',
   Object.defineProperty(new Error('a'), 'stack', { value: 'x' }),
   new Error('a'), [true, true, true]],
  ['AggregateError errors', new AggregateError([1], 'x'),
   new AggregateError([2], 'x'), [false, false, false]],
  ['Date own props', Object.assign(new Date(0), { a: 1 }), new Date(0),
   [false, false, true]],
  ['invalid dates', new Date(NaN), new Date(NaN), [false, false, false]],
  ['RegExp lastIndex', Object.assign(/a/g, { lastIndex: 3 }), /a/g,
   [false, false, false]],
  ['boxed -0', new Number(0), new Number(-0), [false, false, false]],
  ['boxed string / string', new String('a'), 'a', [false, false, false]],
  ['WeakMap', new WeakMap(), new WeakMap(), [false, false, false]],
  ['functions', () => {}, () => {}, [false, false, false]],
  ['ArrayBuffer / SharedArrayBuffer', new ArrayBuffer(2),
   new SharedArrayBuffer(2), [false, false, false]],
  ['arguments / object', (function() { return arguments; })(1), { 0: 1 },
   [false, false, false]],
  ['cycles', cyclic(), cyclic(), [true, true, true]],
  ['uneven cycles', cyclic(), { self: cyclic() }, [false, false, false]],
  ['getter value', { get a() { return 1; } }, { a: 1 }, [true, true, true]],
  ['nested partial', { a: { b: 1, c: 2 }, d: 3 }, { a: { b: 1 } },
   [false, false, true]],
];

for (const [name, a, b, expected] of rows) {
  assert.deepStrictEqual([loose(a, b), strict(a, b), partial(a, b)], expected,
                         name);
  assert.strictEqual(isDeepStrictEqual(a, b), expected[1], name);
}

// The not* forms are the exact negations.
assert.notDeepStrictEqual(0, -0);
assert.notDeepEqual([1, , 3], [1, undefined, 3]);
assert.throws(() => assert.notDeepEqual(0, -0), { code: 'ERR_ASSERTION' });

// Missing arguments.
for (const name of ['deepEqual', 'deepStrictEqual', 'notDeepEqual',
                    'notDeepStrictEqual', 'partialDeepStrictEqual',
                    'strictEqual', 'equal']) {
  assert.throws(() => assert[name](1), {
    code: 'ERR_MISSING_ARGS',
    name: 'TypeError',
    message: 'The "actual" and "expected" arguments must be specified',
  });
}
common.mustCall()();
