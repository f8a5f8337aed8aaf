'use strict';
const common = require('../common');
const assert = require('assert');
const util = require('util');

// One warning per code, however many functions share it; functions
// without a code warn once each.
const warnings = [];
process.on('warning', (w) => {
  warnings.push(`${w.name}|${w.code}|${w.message}`);
});

const add = util.deprecate(function add(a, b) { return a + b; },
                           'add() is deprecated', 'DEP_LODE_1');
const sub = util.deprecate((a, b) => a - b, 'sub() is deprecated',
                           'DEP_LODE_1');
const plain = util.deprecate(() => 'p', 'plain() is deprecated');
assert.strictEqual(add(1, 2), 3);
assert.strictEqual(add(2, 2), 4);
assert.strictEqual(sub(5, 2), 3);
assert.strictEqual(plain(), 'p');
assert.strictEqual(plain(), 'p');
// The wrapper keeps the original's length.
assert.strictEqual(add.length, 2);

// Constructors keep working, with and without `new`.
class Point { constructor(x) { this.x = x; } }
const DeprecatedPoint = util.deprecate(Point, 'Point is old', 'DEP_LODE_2');
const pt = new DeprecatedPoint(3);
assert.strictEqual(pt.x, 3);
assert.ok(pt instanceof Point);
assert.ok(new Point(1) instanceof DeprecatedPoint);

// Built-in deprecations of the util module itself.
assert.strictEqual(util.isArray([]), true);
assert.deepStrictEqual(util._extend({ a: 1 }, { b: 2 }), { a: 1, b: 2 });

assert.throws(() => util.deprecate(() => {}, 'm', 5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "code" argument must be of type string. ' +
           'Received type number (5)',
});

setImmediate(common.mustCall(() => {
  assert.deepStrictEqual(warnings, [
    'DeprecationWarning|DEP_LODE_1|add() is deprecated',
    'DeprecationWarning|undefined|plain() is deprecated',
    'DeprecationWarning|DEP_LODE_2|Point is old',
    'DeprecationWarning|DEP0044|The `util.isArray` API is deprecated. ' +
      'Please use `Array.isArray()` instead.',
    'DeprecationWarning|DEP0060|The `util._extend` API is deprecated. ' +
      'Please use Object.assign() instead.',
  ]);
}));
