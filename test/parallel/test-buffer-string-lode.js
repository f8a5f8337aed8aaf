'use strict';
require('../common');
const assert = require('assert');

// toString and write with every encoding, ranges and their errors.

const bytes = Buffer.from([0xff, 0x80, 0x41]);
assert.strictEqual(bytes.toString('ascii'), '\x7f\x00A');
assert.strictEqual(bytes.toString('latin1'), '\xff\x80A');
assert.strictEqual(bytes.toString('utf8'), '\ufffd\ufffdA');
assert.strictEqual(bytes.toString('hex'), 'ff8041');
assert.strictEqual(Buffer.from([0xe2, 0x82]).toString(), '\ufffd');
assert.strictEqual(Buffer.from([0xed, 0xa0, 0x80]).toString(),
                   '\ufffd\ufffd\ufffd');
assert.strictEqual(Buffer.from([0x41, 0, 0x42]).toString('ucs2'), 'A');
assert.strictEqual(Buffer.from([1, 2, 255]).toString('base64'), 'AQL/');
assert.strictEqual(Buffer.from([1, 2, 255]).toString('base64url'), 'AQL_');
assert.strictEqual(Buffer.from([0xfb]).toString('base64'), '+w==');
assert.strictEqual(Buffer.from([0xfb]).toString('base64url'), '-w');

const b = Buffer.from('abcabcab');
assert.strictEqual(b.toString('utf8', 2, 4), 'ca');
assert.strictEqual(b.toString('utf8', -1, 4), 'abca');
assert.strictEqual(b.toString('utf8', 2, 100), 'cabcab');
assert.strictEqual(b.toString('utf8', 5, 2), '');
assert.strictEqual(b.toString('utf8', '1', '3'), 'bc');
assert.strictEqual(b.toString('utf8', 1.5, 3.9), 'bc');
assert.strictEqual(b.toString('utf8', 1, null), '');
assert.strictEqual(b.toString(undefined, 9), '');
assert.strictEqual(b.toLocaleString('hex', 0, 2), '6162');
for (const encoding of ['bogus', null, '', 0]) {
  assert.throws(() => b.toString(encoding), {
    code: 'ERR_UNKNOWN_ENCODING',
    name: 'TypeError',
    message: `Unknown encoding: ${encoding}`,
  });
}

// The per-encoding methods check `this` and their range themselves.
assert.throws(() => Buffer.alloc(2).latin1Slice(0, 5), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'Index out of range',
});
assert.throws(() => Buffer.prototype.hexSlice.call({}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'argument must be a buffer',
});
assert.throws(() => Buffer.alloc(1).hexWrite(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'argument must be a string',
});
assert.throws(() => Buffer.alloc(2).hexWrite('aa', 5), {
  code: 'ERR_BUFFER_OUT_OF_BOUNDS',
  message: '"offset" is outside of buffer bounds',
});
assert.throws(() => Buffer.alloc(2).utf8Write('aa', 1, 5), {
  code: 'ERR_BUFFER_OUT_OF_BOUNDS',
  message: '"length" is outside of buffer bounds',
});
assert.strictEqual(Buffer.alloc(2).hexWrite('aa', 1.5), 1);

// write(string[, offset[, length]][, encoding])
const w = Buffer.alloc(6);
assert.strictEqual(w.write('hello', 1), 5);
assert.strictEqual(w.toString('hex'), '0068656c6c6f');
assert.strictEqual(w.write('xy', 'latin1'), 2);
assert.strictEqual(w.write('xy', 1, 'ucs2'), 4);
assert.strictEqual(w.toString('hex'), '78780079006f');
assert.strictEqual(w.write('xy', 1, 1, 'ucs2'), 0);
assert.strictEqual(w.write('ffee', 4, 'hex'), 2);
// A character that does not fit whole is not written.
assert.strictEqual(w.write('€', 4), 0);
assert.strictEqual(w.write('a', 0, undefined, 'hex'), 0);
assert.throws(() => w.write('a', 7), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "offset" is out of range. It must be >= 0 && <= 6. ' +
           'Received 7',
});
assert.throws(() => w.write('a', 1.5), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "offset" is out of range. It must be an integer. ' +
           'Received 1.5',
});
assert.throws(() => w.write('a', 1, -1), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "length" is out of range. It must be >= 0 && <= 6. ' +
           'Received -1',
});
assert.throws(() => w.write('a', null), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "offset" argument must be of type number. Received null',
});
assert.throws(() => w.write('a', 1, 5, 'bogus'),
              { code: 'ERR_UNKNOWN_ENCODING' });
assert.throws(() => w.write(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'argument must be a string',
});

// Round trips through every encoding.
const all = Buffer.alloc(256);
for (let i = 0; i < 256; i++) all[i] = i;
for (const enc of ['hex', 'base64', 'base64url', 'latin1', 'binary']) {
  assert.deepStrictEqual(Buffer.from(all.toString(enc), enc), all);
}
assert.deepStrictEqual(Buffer.from(all.toString('ucs2'), 'ucs2'), all);

// UTF-8 from two-byte strings: every mix of 1- to 4-byte characters and
// lone surrogates, at every length; buf.write() leaves the bytes after what
// it wrote alone.
{
  const chars = ['a', 'é', '✓', '😀', '\ud800', '\udc00', 'bcde'];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  for (let n = 0; n < 400; n++) {
    let s = '✓';  // A two-byte string.
    for (let k = next() % 12; k > 0; k--) s += chars[next() % chars.length];
    const expected = new TextEncoder().encode(s);
    assert.deepStrictEqual(new Uint8Array(Buffer.from(s)), expected);
    const buf = Buffer.alloc(expected.length + 8, 0x55);
    assert.strictEqual(buf.write(s), expected.length);
    assert.deepStrictEqual(new Uint8Array(buf.subarray(0, expected.length)),
                           expected);
    for (let i = expected.length; i < buf.length; i++) {
      assert.strictEqual(buf[i], 0x55);
    }
  }
}
