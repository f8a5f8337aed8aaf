'use strict';
require('../common');
const assert = require('assert');
const util = require('util');

const { inspect } = util;

// Errors: stack as base, own properties in braces, cause and errors.
const err = new Error('msg');
err.stack = 'Error: msg\n    at foo (/app/a.js:1:2)';
err.code = 'X';
assert.strictEqual(inspect(err),
                   "Error: msg\n    at foo (/app/a.js:1:2) {\n  code: 'X'\n}");
const bare = new TypeError('tm');
bare.stack = 'TypeError: tm';
assert.strictEqual(inspect(bare), '[TypeError: tm]');
const withCause = new Error('outer', { cause: 42 });
withCause.stack = 'Error: outer';
assert.strictEqual(inspect(withCause), '[Error: outer] { [cause]: 42 }');
class MyError extends Error {}
const mine = new MyError('bad');
mine.stack = 'Error: bad\n    at x (/a.js:1:1)';
assert.strictEqual(inspect(mine), 'MyError: bad\n    at x (/a.js:1:1)');
const inner = new Error('a');
inner.stack = 'Error: a';
const agg = new AggregateError([inner], 'agg');
agg.stack = 'AggregateError: agg';
assert.strictEqual(inspect(agg),
                   '[AggregateError: agg] { [errors]: [ [Error: a] ] }');

// Colors.
assert.strictEqual(inspect(1, { colors: true }), '\u001b[33m1\u001b[39m');
assert.strictEqual(inspect('s', { colors: true }), "\u001b[32m's'\u001b[39m");
assert.strictEqual(inspect(null, { colors: true }), '\u001b[1mnull\u001b[22m');
assert.strictEqual(inspect(undefined, { colors: true }),
                   '\u001b[90mundefined\u001b[39m');
assert.strictEqual(inspect({ a: [1] }, { colors: true }),
                   '{ a: [ \u001b[33m1\u001b[39m ] }');
assert.strictEqual(inspect.styles.number, 'yellow');
assert.deepStrictEqual(inspect.colors.grey, [90, 39]);

// Layout options.
assert.strictEqual(inspect({ a: 1, b: [1, 2] }, { compact: false }),
                   '{\n  a: 1,\n  b: [\n    1,\n    2\n  ]\n}');
assert.strictEqual(inspect({ a: { b: { c: {} } } }, { depth: 0 }),
                   '{ a: [Object] }');
assert.strictEqual(inspect({ a: { b: { c: { d: {} } } } }, { depth: null }),
                   '{\n  a: { b: { c: { d: {} } } }\n}');
assert.strictEqual(inspect({ b: 1, a: 2 }, { sorted: true }), '{ a: 2, b: 1 }');
assert.strictEqual(inspect({ a: 1, b: 2 }, { breakLength: 3 }),
                   '{\n  a: 1,\n  b: 2\n}');
assert.strictEqual(inspect([1234567.891, 12345678n], { numericSeparator: true }),
                   '[ 1_234_567.891, 12_345_678n ]');
assert.strictEqual(inspect('abcdef', { maxStringLength: 2 }),
                   "'ab'... 4 more characters");
assert.strictEqual(inspect([new Array(3)], { showHidden: true }),
                   '[ [ <3 empty items>, [length]: 3 ], [length]: 1 ]');
// Legacy signature: (value, showHidden, depth, colors).
assert.strictEqual(inspect({ a: { b: 1 } }, false, 0), '{ a: [Object] }');

// Custom inspect functions.
assert.strictEqual(inspect.custom, Symbol.for('nodejs.util.inspect.custom'));
const custom = {
  [inspect.custom](depth, options, inspectFn) {
    assert.strictEqual(inspectFn, inspect);
    return `depth=${depth} compact=${options.compact}`;
  },
};
assert.strictEqual(inspect({ x: custom }), '{ x: depth=1 compact=3 }');
assert.strictEqual(inspect({ [inspect.custom]: () => ({ replaced: true }) }),
                   '{ replaced: true }');
assert.strictEqual(
  inspect({ [inspect.custom]: () => 'not used' }, { customInspect: false }),
  '{\n' +
  '  Symbol(nodejs.util.inspect.custom): ' +
  '[Function: [nodejs.util.inspect.custom]]\n}');

// defaultOptions.
assert.strictEqual(inspect.defaultOptions.depth, 2);
inspect.defaultOptions = { depth: 0 };
assert.strictEqual(inspect({ a: { b: 1 } }), '{ a: [Object] }');
inspect.defaultOptions = { depth: 2 };
assert.throws(() => { inspect.defaultOptions = null; },
              { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });

// stripVTControlCharacters.
assert.strictEqual(util.stripVTControlCharacters('\u001b[31mred\u001b[39m'),
                   'red');
assert.throws(() => util.stripVTControlCharacters(5),
              { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
