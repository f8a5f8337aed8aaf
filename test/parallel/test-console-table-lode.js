'use strict';
const common = require('../common');
const assert = require('assert');
const { Console } = require('console');
const EventEmitter = require('events');

// console.table(): box-drawn, left-aligned tables for arrays, objects, Maps,
// Sets and their iterators; anything that is not an object is just logged.
const out = new EventEmitter();
out.text = '';
out.write = (chunk) => { out.text += chunk; return true; };
const c = new Console({ stdout: out, stderr: out });
function table(...args) {
  out.text = '';
  c.table(...args);
  return out.text;
}
const lines = (...rows) => `${rows.join('\n')}\n`;

assert.strictEqual(table([{ a: 1, b: 'xyzzy' }, { a: 22222, c: [1, 2, 3, 4] }]), lines(
  '┌─────────┬───────┬─────────┬──────────────────────────────┐',
  '│ (index) │ a     │ b       │ c                            │',
  '├─────────┼───────┼─────────┼──────────────────────────────┤',
  '│ 0       │ 1     │ \'xyzzy\' │                              │',
  '│ 1       │ 22222 │         │ [ 1, 2, 3, ... 1 more item ] │',
  '└─────────┴───────┴─────────┴──────────────────────────────┘'));

assert.strictEqual(table([]), lines(
  '┌─────────┐', '│ (index) │', '├─────────┤', '└─────────┘'));

// Primitive rows go to a trailing "Values" column; a cell holding an object
// with more than two keys prints as [Object].
assert.strictEqual(
  table({ x: 1, y: { p: 1, q: { a: 1, b: 2, c: 3 } }, z: [true] }), lines(
    '┌─────────┬──────┬───┬──────────┬────────┐',
    '│ (index) │ 0    │ p │ q        │ Values │',
    '├─────────┼──────┼───┼──────────┼────────┤',
    '│ x       │      │   │          │ 1      │',
    '│ y       │      │ 1 │ [Object] │        │',
    '│ z       │ true │   │          │        │',
    '└─────────┴──────┴───┴──────────┴────────┘'));

// The properties filter, with integer-like names ordered first.
assert.strictEqual(table({ b: 1, a: { 1: 2, z: 3 } }, ['z', '1']), lines(
  '┌─────────┬───┬───┐',
  '│ (index) │ 1 │ z │',
  '├─────────┼───┼───┤',
  '│ b       │   │   │',
  '│ a       │ 2 │ 3 │',
  '└─────────┴───┴───┘'));

assert.strictEqual(table(new Map([['k', { x: 1, y: 2, z: 3 }], [1, 'one']])), lines(
  '┌───────────────────┬─────┬──────────┐',
  '│ (iteration index) │ Key │ Values   │',
  '├───────────────────┼─────┼──────────┤',
  '│ 0                 │ \'k\' │ [Object] │',
  '│ 1                 │ 1   │ \'one\'    │',
  '└───────────────────┴─────┴──────────┘'));

const setTable = lines(
  '┌───────────────────┬────────┐',
  '│ (iteration index) │ Values │',
  '├───────────────────┼────────┤',
  '│ 0                 │ 1      │',
  '│ 1                 │ \'a\'    │',
  '└───────────────────┴────────┘');
assert.strictEqual(table(new Set([1, 'a'])), setTable);
assert.strictEqual(table(new Set([1, 'a']).values()), setTable);
assert.strictEqual(table(new Map([[0, 1], [1, 'a']]).values()), setTable);
assert.strictEqual(table(new Map([[5, 6]]).entries()), lines(
  '┌───────────────────┬─────┬────────┐',
  '│ (iteration index) │ Key │ Values │',
  '├───────────────────┼─────┼────────┤',
  '│ 0                 │ 5   │ 6      │',
  '└───────────────────┴─────┴────────┘'));

// Wide characters are measured by their display width.
assert.strictEqual(table([{ e: '日本' }]), lines(
  '┌─────────┬────────┐', '│ (index) │ e      │', '├─────────┼────────┤',
  '│ 0       │ \'日本\' │', '└─────────┴────────┘'));

assert.strictEqual(table(5), '5\n');
assert.strictEqual(table('str'), 'str\n');
assert.strictEqual(table(null), 'null\n');

for (const bad of [5, 'x', null, {}]) {
  assert.throws(() => c.table([], bad), {
    code: 'ERR_INVALID_ARG_TYPE',
    name: 'TypeError',
    message: 'The "properties" argument must be an instance of Array.' +
      common.invalidArgTypeHelper(bad),
  });
}
