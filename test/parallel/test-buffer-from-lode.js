'use strict';
const common = require('../common');
const assert = require('assert');

// Buffer.from: strings in every encoding, arrays, array-likes, ArrayBuffers
// and objects that convert to one of those.

const hex = (b) => b.toString('hex');

assert.strictEqual(hex(Buffer.from('hé€')), '68c3a9e282ac');
assert.strictEqual(hex(Buffer.from('hé€', 'utf-8')), '68c3a9e282ac');
assert.strictEqual(hex(Buffer.from('hé€', 'UCS2')), '6800e900ac20');
assert.strictEqual(hex(Buffer.from('hé€', 'utf16le')), '6800e900ac20');
assert.strictEqual(hex(Buffer.from('hé€', 'utf-16le')), '6800e900ac20');
assert.strictEqual(hex(Buffer.from('hé€', 'latin1')), '68e9ac');
assert.strictEqual(hex(Buffer.from('hé€', 'binary')), '68e9ac');
assert.strictEqual(hex(Buffer.from('hé€', 'ascii')), '68e9ac');
assert.strictEqual(hex(Buffer.from('aGVsbG8', 'base64')), '68656c6c6f');
assert.strictEqual(hex(Buffer.from('_-_-', 'base64')), 'ffeffe');
assert.strictEqual(hex(Buffer.from('+/+/', 'base64url')), 'fbffbf');
assert.strictEqual(hex(Buffer.from('abz1', 'hex')), 'ab');
assert.strictEqual(hex(Buffer.from('abc', 'hex')), 'ab');
// A lone surrogate becomes U+FFFD.
assert.strictEqual(hex(Buffer.from('\ud800x')), 'efbfbd78');
// A non-string encoding means UTF-8.
assert.strictEqual(hex(Buffer.from('abc', 5)), '616263');
assert.strictEqual(hex(Buffer.from('abc', null)), '616263');

// Lenient base64: junk is skipped, '=' ends the input.
assert.strictEqual(Buffer.from('aGV sbG8=\n', 'base64').toString(), 'hello');
assert.strictEqual(hex(Buffer.from('aGVsbG8=aGk', 'base64')), '68656c6c6f');
assert.strictEqual(hex(Buffer.from('a*b*c*d', 'base64')), '69b71d');
assert.strictEqual(hex(Buffer.from('abc=d', 'base64')), '69b7');
assert.strictEqual(hex(Buffer.from('a', 'base64')), '');

assert.throws(() => Buffer.from('abc', 'bogus'), {
  code: 'ERR_UNKNOWN_ENCODING',
  name: 'TypeError',
  message: 'Unknown encoding: bogus',
});

// Arrays and array-likes: each element becomes a byte.
assert.strictEqual(hex(Buffer.from([257, -1, 1.7, '3', 'x'])), '01ff010300');
assert.strictEqual(hex(Buffer.from({ length: 3, 0: 1, 1: '2' })), '010200');
assert.strictEqual(hex(Buffer.from({ length: '3', 0: 1 })), '');
assert.strictEqual(hex(Buffer.from(new Uint16Array([257, 2]))), '0102');
assert.strictEqual(hex(Buffer.from({ type: 'Buffer', data: [1, 2] })), '0102');

// A copy, not a view.
const source = Buffer.from('ab');
const copy = Buffer.from(source);
copy[0] = 0;
assert.strictEqual(source[0], 0x61);

// ArrayBuffer: a view on the same memory.
{
  const ab = new ArrayBuffer(4);
  const view = Buffer.from(ab, 1, 2);
  assert.strictEqual(view.length, 2);
  assert.strictEqual(view.buffer, ab);
  assert.strictEqual(view.byteOffset, 1);
  view[0] = 9;
  assert.strictEqual(new Uint8Array(ab)[1], 9);
  assert.strictEqual(Buffer.from(ab, 'x', -3).length, 0);
  assert.throws(() => Buffer.from(ab, 5), {
    code: 'ERR_BUFFER_OUT_OF_BOUNDS',
    name: 'RangeError',
    message: '"offset" is outside of buffer bounds',
  });
  assert.throws(() => Buffer.from(ab, 1, 4), {
    code: 'ERR_BUFFER_OUT_OF_BOUNDS',
    message: '"length" is outside of buffer bounds',
  });
  assert.strictEqual(Buffer.from(new SharedArrayBuffer(2)).length, 2);
}

// Objects converting to a string or array.
assert.strictEqual(Buffer.from({ valueOf() { return 'abc'; } }).toString(),
                   'abc');
assert.strictEqual(Buffer.from(new String('hi')).toString(), 'hi');
assert.strictEqual(
  Buffer.from({ [Symbol.toPrimitive]() { return 'xyz'; } }).toString(), 'xyz');

const firstArgMessage = 'The first argument must be of type string or an ' +
  'instance of Buffer, ArrayBuffer, or Array or an Array-like Object.';
for (const [value, received] of [
  [5, ' Received type number (5)'],
  [null, ' Received null'],
  [Symbol(), ' Received type symbol (Symbol())'],
  [{ [Symbol.toPrimitive]() { return 5; } }, ' Received an instance of Object'],
]) {
  assert.throws(() => Buffer.from(value), {
    code: 'ERR_INVALID_ARG_TYPE',
    name: 'TypeError',
    message: firstArgMessage + received,
  });
}

// Small results share the pool; Buffer.poolSize is 8 KiB.
assert.strictEqual(Buffer.poolSize, 8192);
assert.strictEqual(Buffer.from('x').buffer.byteLength, 8192);
assert.strictEqual(Buffer.from('abc').byteOffset % 8, 0);

// The deprecated constructor still works, with a warning.
common.expectWarning('DeprecationWarning',
                     'Buffer() is deprecated due to security and usability ' +
                     'issues. Please use the Buffer.alloc(), ' +
                     'Buffer.allocUnsafe(), or Buffer.from() methods ' +
                     'instead.', 'DEP0005');
assert.strictEqual(hex(Buffer(3)), '000000');
assert.strictEqual(hex(new Buffer('ab', 'hex')), 'ab');
assert.throws(() => Buffer(3, 'hex'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "string" argument must be of type string. Received type ' +
           'number (3)',
});
