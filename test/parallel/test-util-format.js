'use strict';
require('../common');
const assert = require('assert');
const util = require('util');

const { format, formatWithOptions } = util;

assert.strictEqual(format(), '');
assert.strictEqual(format('a'), 'a');
assert.strictEqual(format('%s', 'a'), 'a');
assert.strictEqual(format('%s', 1.5), '1.5');
assert.strictEqual(format('%s', -0), '-0');
assert.strictEqual(format('%s', 12n), '12n');
assert.strictEqual(format('%s', null), 'null');
assert.strictEqual(format('%s', Symbol('x')), 'Symbol(x)');
assert.strictEqual(format('%s', { a: { b: 1 } }), '{ a: [Object] }');
assert.strictEqual(format('%s', [1, [2, [3]]]), '[ 1, [Array] ]');
assert.strictEqual(format('%s', { toString() { return 'custom'; } }),
                   'custom');
assert.strictEqual(format('%d', '42'), '42');
assert.strictEqual(format('%d', 42.5), '42.5');
assert.strictEqual(format('%d', 12n), '12n');
assert.strictEqual(format('%d', Symbol()), 'NaN');
assert.strictEqual(format('%d', {}), 'NaN');
assert.strictEqual(format('%i', '42.9'), '42');
assert.strictEqual(format('%i', 7n), '7n');
assert.strictEqual(format('%f', '1.5e3'), '1500');
assert.strictEqual(format('%j', { a: [1] }), '{"a":[1]}');
const circular = {};
circular.circular = circular;
assert.strictEqual(format('%j', circular), '[Circular]');
assert.strictEqual(format('%O', { a: { b: { c: { d: 1 } } } }),
                   '{ a: { b: { c: [Object] } } }');
assert.strictEqual(format('%o', [1, 2]), '[ 1, 2, [length]: 2 ]');
assert.strictEqual(format('%c', 'color: red'), '');
assert.strictEqual(format('%cA%cB', 'x', 'y'), 'AB');
assert.strictEqual(format('%%'), '%%');
assert.strictEqual(format('%% %s', 'x'), '% x');
assert.strictEqual(format('100%'), '100%');
assert.strictEqual(format('%s %s', 'a'), 'a %s');
assert.strictEqual(format('%s', 'a', 'b', { c: 1 }), 'a b { c: 1 }');
assert.strictEqual(format('%x', 1), '%x 1');
assert.strictEqual(format('a', 'b', 1, { c: 2 }), 'a b 1 { c: 2 }');
assert.strictEqual(format(1, 2, '3'), '1 2 3');
assert.strictEqual(format('%s:%s', 'a', 'b', 'c'), 'a:b c');

assert.strictEqual(
  formatWithOptions({ numericSeparator: true }, '%d %s %i', 1234567, 98765,
                    5555555n),
  '1_234_567 98_765 5_555_555n');
assert.strictEqual(formatWithOptions({ colors: true }, 'x', { a: 1 }),
                   'x { a: \u001b[33m1\u001b[39m }');
assert.throws(() => formatWithOptions(null, 'x'),
              { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
