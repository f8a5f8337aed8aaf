'use strict';
const common = require('../common');
const assert = require('assert');

function messageOf(fn) {
  try {
    fn();
  } catch (err) {
    return err.message;
  }
  assert.fail('did not throw');
}
const thrower = (err) => () => { throw err; };

assert.throws(() => assert.throws(() => {}), {
  code: 'ERR_ASSERTION',
  message: 'Missing expected exception.',
  generatedMessage: false,
  operator: 'throws',
});
assert.strictEqual(messageOf(() => assert.throws(() => {}, TypeError)),
                   'Missing expected exception (TypeError).');
assert.strictEqual(messageOf(() => assert.throws(() => {}, 'msg')),
                   'Missing expected exception: msg');
assert.strictEqual(messageOf(() => assert.throws(() => {}, TypeError, 'msg')),
                   'Missing expected exception (TypeError): msg');

assert.strictEqual(
  messageOf(() => assert.throws(thrower(new TypeError('x')), RangeError)),
  'The error is expected to be an instance of "RangeError". Received ' +
  '"TypeError"\n\nError message:\n\nx');
assert.strictEqual(
  messageOf(() => assert.throws(thrower(5), TypeError)),
  'The error is expected to be an instance of "TypeError". Received "5"');
assert.strictEqual(
  messageOf(() => assert.throws(thrower(new Error('x')), /y/)),
  "The input did not match the regular expression /y/. Input:\n\n'Error: x'\n");
assert.strictEqual(
  messageOf(() => assert.throws(thrower(new Error('x')), () => false)),
  'The validation function is expected to return "true". Received false\n\n' +
  'Caught error:\n\nError: x');
assert.strictEqual(
  messageOf(() => assert.throws(thrower(new Error('x')),
                                function check() { return 1; })),
  'The "check" validation function is expected to return "true". ' +
  'Received 1\n\nCaught error:\n\nError: x');
assert.strictEqual(
  messageOf(() => assert.throws(thrower(new Error('x')), { message: 'y' })),
  'Expected values to be strictly deep-equal:\n+ actual - expected\n\n' +
  "  Comparison {\n+   message: 'x'\n-   message: 'y'\n  }\n");
assert.strictEqual(
  messageOf(() => assert.throws(thrower({ a: 1, b: 'xyz' }),
                                { a: 2, b: /xyz/ })),
  'Expected values to be strictly deep-equal:\n+ actual - expected\n\n' +
  "  Comparison {\n+   a: 1,\n-   a: 2,\n    b: 'xyz'\n  }\n");
assert.strictEqual(
  messageOf(() => assert.throws(thrower(new Error('x')), { message: 'y' },
                                'custom')),
  'custom');

// Argument validation.
assert.throws(() => assert.throws('fn'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "fn" argument must be of type function. Received type ' +
           "string ('fn')",
});
assert.throws(() => assert.throws(thrower(new Error('x')), 'x'), {
  code: 'ERR_AMBIGUOUS_ARGUMENT',
  message: 'The "error/message" argument is ambiguous. ' +
           'The error message "x" is identical to the message.',
});
assert.throws(() => assert.throws(thrower('x'), 'x'), {
  code: 'ERR_AMBIGUOUS_ARGUMENT',
  message: 'The "error/message" argument is ambiguous. ' +
           'The error "x" is identical to the message.',
});
assert.throws(() => assert.throws(thrower(new Error('x')), 'a', 'b'), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => assert.throws(thrower(new Error('x')), {}), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'error' may not be an empty object. Received {}",
});

// doesNotThrow.
assert.strictEqual(
  messageOf(() => assert.doesNotThrow(thrower(new Error('boom')))),
  'Got unwanted exception.\nActual message: "boom"');
assert.strictEqual(
  messageOf(() => assert.doesNotThrow(thrower(new Error('boom')), 'msg')),
  'Got unwanted exception: msg\nActual message: "boom"');
assert.throws(() => assert.doesNotThrow(thrower(new TypeError('t')),
                                        RangeError),
              TypeError);

// rejects / doesNotReject.
(async () => {
  await assert.rejects(assert.rejects(Promise.resolve()), {
    message: 'Missing expected rejection.',
    operator: 'rejects',
  });
  await assert.rejects(assert.rejects(() => 1), {
    code: 'ERR_INVALID_RETURN_VALUE',
    message: 'Expected instance of Promise to be returned from the ' +
             '"promiseFn" function but got type number (1).',
  });
  await assert.rejects(assert.rejects(1), {
    code: 'ERR_INVALID_ARG_TYPE',
  });
  await assert.rejects(
    assert.doesNotReject(Promise.reject(new Error('no'))),
    { message: 'Got unwanted rejection.\nActual message: "no"' });
  await assert.rejects(Promise.reject(new TypeError('t')), TypeError);
})().then(common.mustCall());

// ifError.
assert.ifError(null);
assert.ifError(undefined);
assert.throws(() => assert.ifError(new Error('e1')), {
  message: 'ifError got unwanted exception: e1',
  operator: 'ifError',
});
assert.throws(() => assert.ifError('str'), {
  message: "ifError got unwanted exception: 'str'",
});
assert.throws(() => assert.ifError(new TypeError('')), {
  message: 'ifError got unwanted exception: TypeError',
});
