'use strict';
require('../common');
const assert = require('assert');
const util = require('util');

// equals, compare with ranges, copy, subarray/slice, swap, toJSON, inspect,
// parent/offset.

assert.strictEqual(Buffer.from('abc').equals(new Uint8Array([97, 98, 99])),
                   true);
assert.throws(() => Buffer.from('abc').equals('abc'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "otherBuffer" argument must be an instance of Buffer or ' +
           "Uint8Array. Received type string ('abc')",
});

const abc = Buffer.from('abc');
assert.strictEqual(abc.compare(Buffer.from('bcd'), 0, 2, 1, 3), 0);
assert.strictEqual(abc.compare(Buffer.from('b'), 0, 1, 5), -1);
assert.strictEqual(abc.compare(Buffer.from('b'), 5), 1);
assert.throws(() => abc.compare(Buffer.from('b'), 0, 2), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "targetEnd" is out of range. It must be >= 0 && ' +
           '<= 1. Received 2',
});
assert.throws(() => abc.compare(Buffer.from('b'), '1'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "targetStart" argument must be of type number. Received ' +
           "type string ('1')",
});

// copy: counts bytes, accepts any TypedArray, overlaps safely.
const c = Buffer.from('abcdef');
assert.strictEqual(c.copy(Buffer.alloc(3)), 3);
assert.strictEqual(c.copy(Buffer.alloc(3), 1, 2), 2);
assert.strictEqual(c.copy(Buffer.alloc(3), '1'), 2);
assert.strictEqual(c.copy(Buffer.alloc(3), 'x'), 3);
assert.strictEqual(c.copy(Buffer.alloc(3), 0, 4, 2), 0);
assert.strictEqual(c.copy(new Uint16Array(3), 1, 1), 5);
assert.throws(() => c.copy(Buffer.alloc(3), -1), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "targetStart" is out of range. It must be >= 0. ' +
           'Received -1',
});
assert.throws(() => c.copy(Buffer.alloc(3), 0, 7), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "sourceStart" is out of range. It must be >= 0 && ' +
           '<= 6. Received 7',
});
assert.strictEqual(c.copy(c, 2), 4);
assert.strictEqual(c.toString(), 'ababcd');

// subarray and slice share memory; slice goes through this.subarray.
const s = Buffer.from('abcdef');
assert.strictEqual(s.slice(-2).toString(), 'ef');
assert.strictEqual(s.subarray(2, -1).toString(), 'cde');
assert.strictEqual(s.subarray('1', '3').toString(), 'bc');
assert.strictEqual(s.subarray(-100, NaN).length, 0);
assert.ok(s.subarray(1) instanceof Buffer);
s.subarray(1)[0] = 0x7a;
assert.strictEqual(s.toString(), 'azcdef');
assert.ok(Buffer.prototype.subarray.call(new Uint8Array(2), 1) instanceof
          Buffer);
assert.strictEqual(Buffer[Symbol.species].name, 'FastBuffer');

// swap
assert.strictEqual(Buffer.from([1, 2, 3, 4]).swap16().toString('hex'),
                   '02010403');
assert.strictEqual(Buffer.from([1, 2, 3, 4]).swap32().toString('hex'),
                   '04030201');
assert.strictEqual(
  Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap64().toString('hex'),
  '0807060504030201');
const big = Buffer.alloc(256);
for (let i = 0; i < 256; i++) big[i] = i;
assert.strictEqual(big.swap64().readUInt32BE(4), 0x03020100);
assert.throws(() => Buffer.from([1, 2, 3]).swap16(), {
  code: 'ERR_INVALID_BUFFER_SIZE',
  name: 'RangeError',
  message: 'Buffer size must be a multiple of 16-bits',
});

assert.deepStrictEqual(Buffer.from([1, 2]).toJSON(),
                       { type: 'Buffer', data: [1, 2] });
assert.strictEqual(JSON.stringify(Buffer.alloc(0)),
                   '{"type":"Buffer","data":[]}');

// inspect
assert.strictEqual(util.inspect(Buffer.alloc(0)), '<Buffer >');
assert.strictEqual(util.inspect(Buffer.from([1, 2, 255])),
                   '<Buffer 01 02 ff>');
assert.strictEqual(util.inspect(Buffer.alloc(51)),
                   `<Buffer ${'00 '.repeat(49)}00 ... 1 more byte>`);
{
  const b = Buffer.from([1, 2, 3]);
  b.x = 1;
  b.y = { a: 1 };
  assert.strictEqual(util.inspect(b), '<Buffer 01 02 03, x: 1, y: { a: 1 }>');
  const empty = Buffer.alloc(0);
  empty.foo = 'bar';
  assert.strictEqual(util.inspect(empty), "<Buffer foo: 'bar'>");
  const buffer = require('buffer');
  buffer.INSPECT_MAX_BYTES = 2;
  assert.strictEqual(util.inspect(Buffer.from('abcd')),
                     '<Buffer 61 62 ... 2 more bytes>');
  buffer.INSPECT_MAX_BYTES = 50;
  assert.throws(() => { buffer.INSPECT_MAX_BYTES = -1; },
                { code: 'ERR_OUT_OF_RANGE' });
}
assert.strictEqual(Buffer.prototype.inspect,
                   Buffer.prototype[util.inspect.custom]);
assert.strictEqual(Buffer.prototype.toLocaleString,
                   Buffer.prototype.toString);

// parent and offset
const pooled = Buffer.from('ab');
assert.strictEqual(pooled.parent, pooled.buffer);
assert.strictEqual(pooled.offset, pooled.byteOffset);
assert.strictEqual(Buffer.prototype.parent, undefined);
assert.strictEqual(Buffer.prototype.offset, undefined);
