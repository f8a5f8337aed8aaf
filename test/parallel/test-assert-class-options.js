'use strict';
require('../common');
const assert = require('assert');
const { Assert } = assert;

assert.throws(() => Assert(), {
  code: 'ERR_CONSTRUCT_CALL_REQUIRED',
  name: 'TypeError',
  message: 'Class constructor Assert cannot be invoked without `new`',
});
assert.throws(() => new Assert({ diff: 'x' }), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'options.diff' must be one of: 'simple', 'full'. " +
           "Received 'x'",
});

// Strict by default: the loose names are the strict methods.
{
  const instance = new Assert();
  assert.deepStrictEqual(Object.keys(instance),
                         ['AssertionError', 'equal', 'deepEqual', 'notEqual',
                          'notDeepEqual']);
  assert.strictEqual(instance.equal, Assert.prototype.strictEqual);
  assert.throws(() => instance.equal(1, '1'), {
    message: "Expected values to be strictly equal:\n\n1 !== '1'\n",
  });
}
{
  const instance = new Assert({ strict: false });
  assert.deepStrictEqual(Object.keys(instance), ['AssertionError']);
  instance.equal(1, '1');
}

// The module functions are the prototype methods, except ok.
assert.strictEqual(assert.strictEqual, Assert.prototype.strictEqual);
assert.notStrictEqual(assert.ok, Assert.prototype.ok);

// diff: 'full' is recorded and disables the long-value cuts.
{
  const instance = new Assert({ diff: 'full', strict: false });
  assert.throws(() => instance.strictEqual(1, 2), { diff: 'full' });
  const a = 'A'.repeat(1000);
  assert.throws(() => instance.deepEqual(a, 'B'), {
    message: `Expected values to be loosely deep-equal:\n\n'${a}'\n\n` +
             "should loosely deep-equal\n\n'B'",
  });
  // Methods taken off an instance lose its options.
  const { strictEqual } = instance;
  assert.throws(() => strictEqual(1, 2), { diff: 'simple' });
}

// skipPrototype.
{
  const instance = new Assert({ skipPrototype: true });
  instance.deepStrictEqual(Object.create(null), {});
  instance.deepStrictEqual(new (class A {})(), {});
  assert.throws(() => instance.deepStrictEqual([1], { 0: 1 }),
                { code: 'ERR_ASSERTION' });
  assert.throws(() => assert.deepStrictEqual(Object.create(null), {}),
                { code: 'ERR_ASSERTION' });
}
