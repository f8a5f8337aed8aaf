// Flags: --expose-internals
'use strict';
require('../common');
const assert = require('assert');
const { codes, kIsNodeError, hideStackFrames } = require('internal/errors');

// Instances look like the base class but carry the code in the stack
// header, in toString() and in an enumerable `code` property.
const err = new codes.ERR_INVALID_ARG_TYPE('name', 'string', 5);
const message =
  'The "name" argument must be of type string. Received type number (5)';
assert.strictEqual(err.message, message);
assert.strictEqual(err.name, 'TypeError');
assert.strictEqual(err.code, 'ERR_INVALID_ARG_TYPE');
assert.strictEqual(err.constructor, TypeError);
assert.ok(err instanceof TypeError);
assert.ok(err instanceof codes.ERR_INVALID_ARG_TYPE);
assert.strictEqual(err[kIsNodeError], true);
assert.deepStrictEqual(Object.keys(err), ['code']);
assert.strictEqual(Object.getOwnPropertyDescriptor(err, 'message').enumerable,
                   false);
assert.ok(!Object.hasOwn(err, 'name'));
assert.strictEqual(err.toString(),
                   `TypeError [ERR_INVALID_ARG_TYPE]: ${message}`);
assert.strictEqual(err.stack.split('\n')[0],
                   `TypeError [ERR_INVALID_ARG_TYPE]: ${message}`);
assert.match(err.stack.split('\n')[1], /test-errors-node-error-shape\.js/);

// Other base classes, and the extra classes some codes register.
const range = new codes.ERR_OUT_OF_RANGE('x', '>= 0', -1);
assert.strictEqual(range.name, 'RangeError');
assert.strictEqual(range.stack.split('\n')[0],
                   'RangeError [ERR_OUT_OF_RANGE]: The value of "x" is out ' +
                   'of range. It must be >= 0. Received -1');
const alt = new codes.ERR_INVALID_ARG_VALUE.RangeError('x', 1);
assert.ok(alt instanceof RangeError);
assert.strictEqual(alt.code, 'ERR_INVALID_ARG_VALUE');
assert.strictEqual(new codes.ERR_ASSERTION('m').name, 'Error');

// Codes must be called with `new`.
assert.throws(() => codes.ERR_ASSERTION('m'), TypeError);

// hideStackFrames() starts the stack at the wrapper's caller and keeps the
// code in the header.
const check = hideStackFrames((v) => {
  throw new codes.ERR_INVALID_ARG_TYPE.HideStackFramesError('v', 'string', v);
});
function callerFrame() {
  check(1);
}
assert.throws(callerFrame, (e) => {
  const lines = e.stack.split('\n');
  assert.strictEqual(lines[0], 'TypeError [ERR_INVALID_ARG_TYPE]: The "v" ' +
                     'argument must be of type string. Received type ' +
                     'number (1)');
  assert.match(lines[1], /callerFrame/);
  assert.strictEqual(e.constructor, TypeError);
  return true;
});
assert.strictEqual(typeof check.withoutStackTrace, 'function');
