'use strict';
require('../common');
const assert = require('assert');

// Buffer.prototype.toString and Buffer.from(string, encoding) go through one
// binding function for every encoding (the encoding passed as a number); the
// <enc>Slice / <enc>Write methods keep their own checks. Integer arguments
// that are small integers take a fast path, other numbers the general one.

const text = 'héllo wörld ✓ 日本語 😀 ';
const encodings = ['utf8', 'utf16le', 'latin1', 'ascii', 'base64',
                   'base64url', 'hex'];

// Round trips through the pool, for every encoding, at odd pool offsets.
for (const enc of encodings) {
  const source = Buffer.from(text.repeat(3), 'utf8');
  const encoded = source.toString(enc);
  for (let pad = 0; pad < 9; pad++) {
    Buffer.from('x'.repeat(pad));  // Moves the pool offset.
    const decoded = Buffer.from(encoded, enc);
    assert.strictEqual(decoded.toString(enc), encoded, `${enc} ${pad}`);
  }
}
assert.deepStrictEqual([...Buffer.from('aGk=', 'base64')], [0x68, 0x69]);
assert.deepStrictEqual([...Buffer.from('aGk', 'base64url')], [0x68, 0x69]);
assert.deepStrictEqual([...Buffer.from('6869zz', 'hex')], [0x68, 0x69]);
assert.deepStrictEqual([...Buffer.from('\u0141A', 'latin1')], [0x41, 0x41]);
assert.deepStrictEqual([...Buffer.from('\u0141A', 'ascii')], [0x41, 0x41]);
assert.deepStrictEqual([...Buffer.from('\u0141', 'utf16le')], [0x41, 0x01]);
// '=' ends base64 input; what precedes it is kept.
assert.deepStrictEqual([...Buffer.from('QQ==QUJD', 'base64')], [0x41]);

// Ranges of a view that starts inside its ArrayBuffer.
const whole = Buffer.from('0123456789abcdef');
const view = whole.subarray(3, 13);
assert.strictEqual(view.toString('latin1', 2, 5), '567');
assert.strictEqual(view.toString('hex', 8), '6263');
assert.strictEqual(view.toString('base64', 0, 3), 'MzQ1');
assert.strictEqual(view.toString('base64url', 1, 2), 'NA');
assert.strictEqual(view.toString('utf16le', 0, 4), '\u3433\u3635');
assert.strictEqual(view.toString('ascii', 9, 100), 'c');

// The <enc>Slice methods: numbers that are not small integers, and their
// range errors.
const buf = Buffer.from('abcdef');
assert.strictEqual(buf.latin1Slice(1.9, 3.2), 'bc');
assert.strictEqual(buf.hexSlice(-0, 1), '61');
assert.strictEqual(buf.asciiSlice(2), 'cdef');
assert.strictEqual(buf.utf8Slice(4, 2), '');
assert.strictEqual(buf.latin1Slice({ valueOf() { return 4; } }), 'ef');
for (const [start, end] of [[0, 7], [0, 2 ** 31], [0, 2 ** 53], [-1, 2],
                            [0, -1], [-(2 ** 40), 1]]) {
  assert.throws(() => buf.latin1Slice(start, end),
                { code: 'ERR_OUT_OF_RANGE', message: 'Index out of range' });
}
assert.throws(() => Buffer.prototype.latin1Slice.call({}, 0, 1),
              { code: 'ERR_INVALID_ARG_TYPE' });

// The <enc>Write methods return the bytes written as a number.
const target = Buffer.alloc(8);
assert.strictEqual(target.base64Write('aGVsbG8=', 1), 5);
assert.strictEqual(target.toString('latin1', 1, 6), 'hello');
assert.strictEqual(target.hexWrite('ffee', 7, 1), 1);
assert.strictEqual(target[7], 0xff);
assert.strictEqual(target.ucs2Write('AB', 0, 3), 2);
assert.strictEqual(target.write('zz', 6, 'latin1'), 2);
assert.strictEqual(typeof target.utf8Write('q', 2 ** 0), 'number');
assert.throws(() => target.base64Write('AAAA', 9),
              { code: 'ERR_BUFFER_OUT_OF_BOUNDS' });
assert.throws(() => target.hexWrite('ff', 0, -1),
              { code: 'ERR_OUT_OF_RANGE' });
