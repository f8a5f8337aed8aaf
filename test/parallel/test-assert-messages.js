'use strict';
require('../common');
const assert = require('assert');

// The generated messages of failing assertions, byte for byte.
function messageOf(fn) {
  try {
    fn();
  } catch (err) {
    assert.strictEqual(err.code, 'ERR_ASSERTION');
    assert.strictEqual(err.name, 'AssertionError');
    return err.message;
  }
  assert.fail('did not throw');
}

const range = (n, f = (i) => i) => Array.from({ length: n }, (_, i) => f(i));

assert.strictEqual(messageOf(() => assert.strictEqual(1, 2)),
                   'Expected values to be strictly equal:\n\n1 !== 2\n');
assert.strictEqual(messageOf(() => assert.strictEqual('a\nb', 'a\nc')),
                   "Expected values to be strictly equal:\n\n'a\\nb' !== 'a\\nc'\n");
assert.strictEqual(messageOf(() => assert.strictEqual(0, -0)),
                   'Expected values to be strictly equal:\n' +
                   '+ actual - expected\n\n+ 0\n- -0\n');
assert.strictEqual(
  messageOf(() => assert.strictEqual('abcdefghijklmnop', 'abcdefghijklmnoq')),
  'Expected values to be strictly equal:\n+ actual - expected\n\n' +
  "+ 'abcdefghijklmnop'\n- 'abcdefghijklmnoq'\n                  ^\n");
assert.strictEqual(
  messageOf(() => assert.strictEqual(1234567890123, 123456789)),
  'Expected values to be strictly equal:\n+ actual - expected\n\n' +
  '+ 1234567890123\n- 123456789\n           ^\n');
assert.strictEqual(messageOf(() => assert.strictEqual(1, [1, 2])),
                   'Expected values to be strictly equal:\n' +
                   '+ actual - expected\n\n+ 1\n- [\n-   1,\n-   2\n- ]\n');
assert.strictEqual(messageOf(() => assert.strictEqual({ a: 1 }, { a: 1 })),
                   'Values have same structure but are not reference-equal:' +
                   '\n\n{\n  a: 1\n}\n');
assert.strictEqual(
  messageOf(() => assert.strictEqual(() => {}, function named() {})),
  'Expected "actual" to be reference-equal to "expected":\n' +
  '+ actual - expected\n\n+ [Function (anonymous)]\n- [Function: named]\n' +
  '           ^\n');

// Object diffs.
assert.strictEqual(
  messageOf(() => assert.deepStrictEqual({ a: 1, b: [1, 2, 3] },
                                         { a: 1, b: [1, 2, 4] })),
  'Expected values to be strictly deep-equal:\n+ actual - expected\n\n' +
  '  {\n    a: 1,\n    b: [\n      1,\n      2,\n+     3\n-     4\n    ]\n  }\n');
assert.strictEqual(
  messageOf(() => assert.deepStrictEqual({ a: 1 }, { a: 1, b: 2 })),
  'Expected values to be strictly deep-equal:\n+ actual - expected\n\n' +
  '  {\n    a: 1,\n-   b: 2\n  }\n');
assert.strictEqual(
  messageOf(() => assert.deepStrictEqual(range(60),
                                         range(60, (i) => (i === 30 ? -1 : i)))),
  'Expected values to be strictly deep-equal:\n+ actual - expected\n' +
  '... Skipped lines\n\n  [\n    0,\n    1,\n    2,\n    3,\n...\n    29,\n' +
  '+   30,\n-   -1,\n    31,\n    32,\n    33,\n    34,\n    35,\n');
assert.strictEqual(
  messageOf(() => assert.deepStrictEqual(new Set([1, 2]), new Set([1, 3]))),
  'Expected values to be strictly deep-equal:\n+ actual - expected\n\n' +
  '  Set(2) {\n    1,\n+   2\n-   3\n  }\n');
assert.strictEqual(
  messageOf(() => assert.deepStrictEqual(new Error('a'), new Error('b'))),
  'Expected values to be strictly deep-equal:\n+ actual - expected\n\n' +
  '+ [Error: a]\n- [Error: b]\n');
assert.strictEqual(
  messageOf(() => assert.partialDeepStrictEqual({ a: 1, b: 2 }, { a: 2 })),
  'Expected values to be partially and strictly deep-equal:\n' +
  '+ actual - expected\n\n  {\n+   a: 1,\n+   b: 2\n-   a: 2\n  }\n');
assert.strictEqual(
  messageOf(() => assert.strictEqual(range(60), range(60))),
  'Values have same structure but are not reference-equal:\n\n' +
  '... Skipped lines\n[\n' + range(49, (i) => `  ${i},\n`).join('') +
  '...}\n');

// Custom messages keep the diff in Node 24.
assert.strictEqual(messageOf(() => assert.strictEqual(1, 2, 'custom')),
                   'custom\n\n1 !== 2\n');
assert.strictEqual(messageOf(() => assert.notStrictEqual(1, 1, 'custom')),
                   'custom');

// The "not" forms.
assert.strictEqual(messageOf(() => assert.notStrictEqual(1, 1)),
                   'Expected "actual" to be strictly unequal to: 1');
assert.strictEqual(messageOf(() => assert.notStrictEqual('abcdef', 'abcdef')),
                   'Expected "actual" to be strictly unequal to:\n\n\'abcdef\'');
assert.strictEqual(
  messageOf(() => { const o = { a: 1 }; assert.notStrictEqual(o, o); }),
  'Expected "actual" not to be reference-equal to "expected":\n\n{\n  a: 1\n}\n');
assert.strictEqual(messageOf(() => assert.notDeepStrictEqual({ a: 1 }, { a: 1 })),
                   'Expected "actual" not to be strictly deep-equal to:' +
                   '\n\n{\n  a: 1\n}\n');
assert.strictEqual(
  messageOf(() => assert.notDeepStrictEqual(range(100), range(100))),
  'Expected "actual" not to be strictly deep-equal to:\n\n[\n' +
  range(45, (i) => `  ${i},\n`).join('') + '...\n');

// Loose operators.
assert.strictEqual(messageOf(() => assert.equal(1, 2)), '1 == 2');
assert.strictEqual(messageOf(() => assert.notEqual(1, 1)), '1 != 1');
assert.strictEqual(messageOf(() => assert.deepEqual({ a: 1 }, { a: 2 })),
                   'Expected values to be loosely deep-equal:\n\n{\n  a: 1\n}' +
                   '\n\nshould loosely deep-equal\n\n{\n  a: 2\n}');
assert.strictEqual(messageOf(() => assert.notDeepEqual(1, '1')),
                   'Expected values not to be loosely deep-equal:\n\n1\n\n' +
                   "should not loosely deep-equal\n\n'1'");
assert.strictEqual(messageOf(() => assert.equal('a'.repeat(600), 'b')),
                   `'${'a'.repeat(508)}... == 'b'`);

// match / doesNotMatch / fail.
assert.strictEqual(messageOf(() => assert.match('abc', /x/)),
                   'The input did not match the regular expression /x/. ' +
                   "Input:\n\n'abc'\n");
assert.strictEqual(messageOf(() => assert.doesNotMatch('abc', /b/)),
                   'The input was expected to not match the regular ' +
                   "expression /b/. Input:\n\n'abc'\n");
assert.strictEqual(messageOf(() => assert.match(1, /x/)),
                   'The "string" argument must be of type string. ' +
                   'Received type number (1)');
assert.strictEqual(messageOf(() => assert.fail()), 'Failed');
assert.strictEqual(messageOf(() => assert.fail('boom')), 'boom');
