'use strict';
require('../common');
const assert = require('assert');
const { kMaxLength } = require('buffer');

// alloc, allocUnsafe, allocUnsafeSlow, of, copyBytesFrom, concat,
// byteLength, compare, isEncoding, isBuffer.

const hex = (b) => b.toString('hex');

assert.strictEqual(hex(Buffer.alloc(3)), '000000');
assert.strictEqual(hex(Buffer.alloc(3, 'ab')), '616261');
assert.strictEqual(hex(Buffer.alloc(3, 'YWI=', 'base64')), '616261');
assert.strictEqual(hex(Buffer.alloc(3, 0x101)), '010101');
assert.strictEqual(hex(Buffer.alloc(3, Buffer.from('xy'))), '787978');
assert.strictEqual(hex(Buffer.alloc(3, '')), '000000');
assert.throws(() => Buffer.alloc(3, 'ab', 'bogus'),
              { code: 'ERR_UNKNOWN_ENCODING' });
assert.throws(() => Buffer.alloc(3, 'zz', 'hex'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'value' is invalid. Received 'zz'",
});

for (const fn of [Buffer.alloc, Buffer.allocUnsafe, Buffer.allocUnsafeSlow]) {
  assert.throws(() => fn(-1), {
    code: 'ERR_OUT_OF_RANGE',
    name: 'RangeError',
    message: 'The value of "size" is out of range. It must be >= 0 && <= ' +
             `${kMaxLength}. Received -1`,
  });
  assert.throws(() => fn(NaN), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => fn('5'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "size" argument must be of type number. Received type ' +
             "string ('5')",
  });
}

// allocUnsafe takes small buffers from the pool, allocUnsafeSlow never.
assert.strictEqual(Buffer.allocUnsafe(3).buffer.byteLength, 8192);
assert.strictEqual(Buffer.allocUnsafe(4095).buffer.byteLength, 8192);
assert.strictEqual(Buffer.allocUnsafe(4096).buffer.byteLength, 4096);
assert.strictEqual(Buffer.allocUnsafeSlow(3).buffer.byteLength, 3);

assert.strictEqual(hex(Buffer.of(1, 2, 300)), '01022c');
assert.ok(Buffer.of(1) instanceof Buffer);

assert.strictEqual(
  hex(Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1, 1)), '0200');
assert.strictEqual(hex(Buffer.copyBytesFrom(new Uint16Array([1, 2]), 5)), '');
assert.throws(() => Buffer.copyBytesFrom([1]), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "view" argument must be an instance of TypedArray. ' +
           'Received an instance of Array',
});
assert.throws(() => Buffer.copyBytesFrom(new Uint8Array(2), -1),
              { code: 'ERR_OUT_OF_RANGE' });

// concat
assert.strictEqual(
  hex(Buffer.concat([Buffer.from('ab'), new Uint8Array([99])], 5)),
  '6162630000');
assert.strictEqual(hex(Buffer.concat([Buffer.from('ab')], 1)), '61');
assert.strictEqual(Buffer.concat([]).length, 0);
assert.throws(() => Buffer.concat([Buffer.from('a'), 'b']), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "list[1]" argument must be an instance of Buffer or ' +
           "Uint8Array. Received type string ('b')",
});
assert.throws(() => Buffer.concat('x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "list" argument must be an instance of Array. Received ' +
           "type string ('x')",
});
assert.throws(() => Buffer.concat([Buffer.from('ab')], 1.5), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "length" is out of range. It must be an integer. ' +
           'Received 1.5',
});

// byteLength
assert.strictEqual(Buffer.byteLength('hé€'), 6);
assert.strictEqual(Buffer.byteLength('€', 'utf16le'), 2);
assert.strictEqual(Buffer.byteLength('abc', 'hex'), 1);
assert.strictEqual(Buffer.byteLength('ab==', 'base64'), 1);
assert.strictEqual(Buffer.byteLength('a*b*c*d', 'base64'), 5);
assert.strictEqual(Buffer.byteLength('abc', 'bogus'), 3);
assert.strictEqual(Buffer.byteLength(new Uint16Array(3)), 6);
assert.strictEqual(Buffer.byteLength(new ArrayBuffer(7)), 7);
assert.strictEqual(Buffer.byteLength(new DataView(new ArrayBuffer(3))), 3);
assert.throws(() => Buffer.byteLength(5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "string" argument must be of type string or an instance of ' +
           'Buffer or ArrayBuffer. Received type number (5)',
});

// compare, isEncoding, isBuffer
assert.strictEqual(Buffer.compare(Buffer.from('a'), Buffer.from('b')), -1);
assert.strictEqual(Buffer.compare(Buffer.from('b'), Buffer.from('a')), 1);
assert.strictEqual(Buffer.compare(Buffer.from('a'), Buffer.from('ab')), -1);
assert.strictEqual(Buffer.compare(Buffer.from('a'), new Uint8Array([97])), 0);
assert.throws(() => Buffer.compare(Buffer.from('a'), 'b'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "buf2" argument must be an instance of Buffer or ' +
           "Uint8Array. Received type string ('b')",
});
assert.strictEqual(Buffer.isEncoding('UTF-8'), true);
assert.strictEqual(Buffer.isEncoding('Base64URL'), true);
assert.strictEqual(Buffer.isEncoding(''), false);
assert.strictEqual(Buffer.isEncoding('buffer'), false);
assert.strictEqual(Buffer.isBuffer(Buffer.alloc(1)), true);
assert.strictEqual(Buffer.isBuffer(new Uint8Array(1)), false);
assert.strictEqual(Object.getPrototypeOf(Buffer), Uint8Array);
assert.strictEqual(Buffer.from('a').constructor, Buffer);
assert.ok(Buffer.from('abc').map((x) => x + 1) instanceof Buffer);
