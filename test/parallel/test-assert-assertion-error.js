'use strict';
require('../common');
const assert = require('assert');
const { inspect } = require('util');
const { AssertionError } = assert;

{
  const err = new AssertionError({
    actual: 1, expected: 2, operator: 'strictEqual',
  });
  assert.strictEqual(err.message,
                     'Expected values to be strictly equal:\n\n1 !== 2\n');
  assert.strictEqual(err.name, 'AssertionError');
  assert.strictEqual(err.code, 'ERR_ASSERTION');
  assert.strictEqual(err.generatedMessage, true);
  assert.strictEqual(err.actual, 1);
  assert.strictEqual(err.expected, 2);
  assert.strictEqual(err.operator, 'strictEqual');
  assert.strictEqual(err.diff, 'simple');
  assert.ok(err instanceof Error);
  assert.ok(err.stack.startsWith(
    'AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:'));
  assert.strictEqual(String(err), 'AssertionError [ERR_ASSERTION]: ' +
                     'Expected values to be strictly equal:\n\n1 !== 2\n');
  const desc = Object.getOwnPropertyDescriptor(err, 'name');
  assert.strictEqual(desc.enumerable, false);
  assert.deepStrictEqual(Object.keys(err),
                         ['generatedMessage', 'code', 'actual', 'expected',
                          'operator', 'diff']);
}

{
  const err = new AssertionError({ message: 'custom' });
  assert.strictEqual(err.message, 'custom');
  assert.strictEqual(err.generatedMessage, false);
}

assert.strictEqual(new AssertionError({}).message,
                   'undefined undefined undefined');
assert.strictEqual(
  new AssertionError({ actual: 1, expected: 2, operator: 'foo' }).message,
  '1 foo 2');
assert.strictEqual(
  new AssertionError({ message: new Error('boo') }).message, 'Error: boo');

assert.throws(() => new AssertionError(null), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options" argument must be of type object. Received null',
});

// Long strings are cut when the error is inspected.
{
  const err = new AssertionError({
    actual: 'a\n'.repeat(20), expected: 'b'.repeat(600), operator: 'x',
  });
  const text = inspect(err);
  assert.ok(text.includes(`actual: '${'a\\n'.repeat(10)}...'`));
  assert.ok(text.includes(`expected: '${'b'.repeat(88)}...'`));
  // The values are restored afterwards.
  assert.strictEqual(err.actual, 'a\n'.repeat(20));
}
