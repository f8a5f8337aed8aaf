'use strict';
require('../common');
const assert = require('assert');

// assert.ok() and assert() quote the failing call from the source file.
function messageOf(fn) {
  try {
    fn();
  } catch (err) {
    assert.strictEqual(err.code, 'ERR_ASSERTION');
    assert.strictEqual(err.operator, '==');
    assert.strictEqual(err.expected, true);
    return err.message;
  }
  assert.fail('did not throw');
}
const prefix = 'The expression evaluated to a falsy value:\n\n  ';

assert.strictEqual(messageOf(() => assert.ok(false)),
                   `${prefix}assert.ok(false)\n`);
assert.strictEqual(messageOf(() => assert(0)), `${prefix}assert(0)\n`);
assert.strictEqual(messageOf(() => assert.ok(null, undefined)),
                   `${prefix}assert.ok(null, undefined)\n`);
assert.strictEqual(messageOf(() => assert.ok(')' === 'x')),
                   `${prefix}assert.ok(')' === 'x')\n`);
assert.strictEqual(messageOf(() => assert.ok(/\)/.test('a'))),
                   `${prefix}assert.ok(/\\)/.test('a'))\n`);
assert.strictEqual(messageOf(() => assert.ok.call(null, 0)),
                   `${prefix}assert.ok.call(null, 0)\n`);
assert.strictEqual(messageOf(() => { const a = [assert]; a[0](0); }),
                   `${prefix}a[0](0)\n`);
assert.strictEqual(messageOf(() => { if (true) assert.ok(0) ; /* c */ }),
                   `${prefix}assert.ok(0)\n`);
assert.strictEqual(messageOf(() => assert.strict(typeof 1 === 'string')),
                   `${prefix}assert.strict(typeof 1 === 'string')\n`);
{
  const wrapper = (fn, value) => fn(value);
  assert.strictEqual(messageOf(() => wrapper(assert, false)),
                     `${prefix}fn(value)\n`);
}
// A call spanning lines shows its first line.
assert.strictEqual(messageOf(() => assert.ok(
  false,
)), `${prefix}assert.ok(\n`);

// No argument, custom messages and errors.
assert.throws(() => assert.ok(), {
  message: 'No value argument passed to `assert.ok()`',
  generatedMessage: true,
});
assert.throws(() => assert.ok(0, 'custom'), {
  message: 'custom',
  generatedMessage: false,
  actual: 0,
});
assert.throws(() => assert.ok(0, new RangeError('own')), {
  name: 'RangeError',
  message: 'own',
});
assert.throws(() => assert(false, Symbol('foo')), {
  message: 'Symbol(foo)',
  generatedMessage: false,
});
assert.ok(1);
assert(true);
