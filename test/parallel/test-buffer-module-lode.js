'use strict';
const common = require('../common');
const assert = require('assert');
const buffer = require('buffer');

// The buffer module's other exports.

const { kMaxLength, kStringMaxLength, constants } = buffer;
assert.strictEqual(constants.MAX_LENGTH, kMaxLength);
assert.strictEqual(constants.MAX_STRING_LENGTH, kStringMaxLength);
assert.strictEqual(kStringMaxLength, 536870888);
assert.strictEqual(buffer.INSPECT_MAX_BYTES, 50);
assert.strictEqual(buffer.Buffer, Buffer);

// btoa / atob
assert.strictEqual(buffer.btoa('hi'), 'aGk=');
assert.strictEqual(buffer.btoa(12), 'MTI=');
assert.strictEqual(buffer.atob('aGk'), 'hi');
assert.strictEqual(buffer.atob(' aG k= '), 'hi');
assert.strictEqual(buffer.atob(null), '\x9e\xe9e');
for (const fn of [buffer.btoa, buffer.atob]) {
  assert.throws(() => fn(), {
    code: 'ERR_MISSING_ARGS',
    name: 'TypeError',
    message: 'The "input" argument must be specified',
  });
}
// Bad input throws an InvalidCharacterError DOMException.
for (const [fn, input, message] of [
  [buffer.btoa, '\u0100', 'Invalid character'],
  [buffer.atob, 'aGk==', 'Invalid character'],
  [buffer.atob, 'a-b', 'Invalid character'],
  [buffer.atob, 'a', 'The string to be decoded is not correctly encoded.'],
]) {
  let error;
  try {
    fn(input);
  } catch (err) {
    error = err;
  }
  assert.ok(error);
  // Until lode has DOMException, the error says that instead.
  if (error.code !== 'ERR_NOT_IMPLEMENTED') {
    assert.strictEqual(error.name, 'InvalidCharacterError');
    assert.strictEqual(error.message, message);
    assert.strictEqual(error.code, 5);
  }
}

// isUtf8 / isAscii
assert.strictEqual(buffer.isUtf8(Buffer.from('hé€')), true);
assert.strictEqual(buffer.isUtf8(Buffer.from([0xff])), false);
assert.strictEqual(buffer.isUtf8(Buffer.from([0xed, 0xa0, 0x80])), false);
assert.strictEqual(buffer.isUtf8(Buffer.from([0xc0, 0x80])), false);
assert.strictEqual(buffer.isUtf8(new Uint16Array([0xd800])), false);
assert.strictEqual(buffer.isAscii(Buffer.from('a')), true);
assert.strictEqual(buffer.isAscii(Buffer.from('é')), false);
assert.strictEqual(buffer.isAscii(new ArrayBuffer(2)), true);
for (const fn of [buffer.isUtf8, buffer.isAscii]) {
  assert.throws(() => fn('x'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "input" argument must be an instance of ArrayBuffer, ' +
             "Buffer, or TypedArray. Received type string ('x')",
  });
}

// transcode
const { transcode } = buffer;
const hex = (b) => b.toString('hex');
assert.strictEqual(hex(transcode(Buffer.from('€a'), 'utf8', 'latin1')), '3f61');
assert.strictEqual(hex(transcode(Buffer.from('€a'), 'utf8', 'ucs2')),
                   'ac206100');
assert.strictEqual(hex(transcode(Buffer.from([0xe9, 0x41]), 'latin1', 'utf8')),
                   'c3a941');
assert.strictEqual(hex(transcode(Buffer.from([0xe9, 0x41]), 'ascii', 'utf8')),
                   'efbfbd41');
assert.throws(() => transcode(Buffer.from('ab'), 'hex', 'utf8'), {
  code: 'U_ILLEGAL_ARGUMENT_ERROR',
  errno: 1,
  message: 'Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]',
});
assert.throws(() => transcode(Buffer.from([0x3d, 0xd8]), 'ucs2', 'utf8'), {
  code: 'U_INVALID_CHAR_FOUND',
  errno: 10,
});
assert.throws(() => transcode('ab', 'utf8', 'ucs2'),
              { code: 'ERR_INVALID_ARG_TYPE' });

// SlowBuffer is deprecated.
common.expectWarning('DeprecationWarning',
                     'SlowBuffer() is deprecated. Please use ' +
                     'Buffer.allocUnsafeSlow()', 'DEP0030');
assert.strictEqual(buffer.SlowBuffer(3).length, 3);
