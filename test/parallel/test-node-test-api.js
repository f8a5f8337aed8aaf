'use strict';
require('../common');
const assert = require('assert');
const test = require('node:test');
const reporters = require('node:test/reporters');

// The shape of node:test and node:test/reporters, option validation, and
// the parts lode does not implement (snapshots).

assert.throws(() => require('test'), { code: 'MODULE_NOT_FOUND' });
assert.strictEqual(test.test, test);
assert.strictEqual(test.it, test);
assert.strictEqual(test.describe, test.suite);
assert.deepStrictEqual(Object.keys(test), [
  'skip', 'todo', 'only', 'after', 'afterEach', 'before', 'beforeEach',
  'describe', 'it', 'run', 'suite', 'test', 'mock', 'snapshot', 'assert',
]);
assert.deepStrictEqual(Object.keys(reporters).sort(),
                       ['dot', 'junit', 'lcov', 'spec', 'tap']);
assert.strictEqual(typeof reporters.spec, 'function');
assert.strictEqual(typeof reporters.tap, 'function');
assert.throws(() => test.run({ files: 'a.js' }),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => test.run({ isolation: 'thread' }),
              { code: 'ERR_INVALID_ARG_VALUE' });
assert.strictEqual(typeof reporters.junit, 'function');
// spec and lcov make a reporter (a Transform) with or without `new`, and
// are the same function on each read, as in Node.
assert.strictEqual(typeof reporters.lcov().pipe, 'function');
assert.strictEqual(typeof new reporters.lcov().pipe, 'function');
assert.strictEqual(reporters.lcov, reporters.lcov);
assert.strictEqual(typeof reporters.spec().pipe, 'function');

assert.throws(() => test({ timeout: '1' }), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => test({ timeout: -1 }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => test({ concurrency: 0 }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => test({ concurrency: '1' }), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => test({ signal: {} }), { code: 'ERR_INVALID_ARG_TYPE' });

test('context', async (t) => {
  assert.strictEqual(t.name, 'context');
  assert.strictEqual(t.fullName, 'context');
  assert.strictEqual(t.filePath, __filename);
  assert.strictEqual(t.signal.aborted, false);
  assert.throws(() => t.assert.snapshot(1), { code: 'ERR_NOT_IMPLEMENTED' });
  t.plan(3);
  t.assert.strictEqual(1, 1);
  t.assert.deepStrictEqual({ a: 1 }, { a: 1 });
  await t.test('sub', (t) => {
    assert.strictEqual(t.fullName, 'context > sub');
  });
  const value = await t.waitFor(() => 42, { interval: 1, timeout: 100 });
  assert.strictEqual(value, 42);
});

test.assert.register('isEven', (n) => assert.strictEqual(n % 2, 0));
test('custom assertion', (t) => {
  t.assert.isEven(2);
  assert.throws(() => t.assert.isEven(3), { code: 'ERR_ASSERTION' });
});
