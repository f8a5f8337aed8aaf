'use strict';
require('../common');
const assert = require('assert');

// The integer, BigInt and float readers and writers.

const b = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
assert.strictEqual(b.readUInt8(), 1);
assert.strictEqual(b.readUint16LE(1), 0x0302);
assert.strictEqual(b.readUInt16BE(1), 0x0203);
assert.strictEqual(b.readInt32BE(0), 0x01020304);
assert.strictEqual(b.readUIntLE(0, 6), 6618611909121);
assert.strictEqual(b.readUIntBE(0, 6), 1108152157446);
assert.strictEqual(b.readIntBE(3, 6), 4419622471689);
assert.strictEqual(b.readIntLE(0, 5), 21542142465);
assert.strictEqual(Buffer.alloc(6, 0xff).readIntLE(0, 6), -1);
assert.strictEqual(b.readBigInt64BE(0), 72623859790382856n);
assert.strictEqual(b.readBigUInt64LE(1), 650777868590383874n);
assert.strictEqual(Buffer.prototype.readUint8, Buffer.prototype.readUInt8);
assert.strictEqual(Buffer.prototype.readUint8.name, 'readUInt8');

const range = (name, range, received) => ({
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: `The value of "${name}" is out of range. It must be ${range}. ` +
           `Received ${received}`,
});
assert.throws(() => b.readUInt8(9), range('offset', '>= 0 and <= 8', 9));
assert.throws(() => b.readUInt8(1.5), range('offset', 'an integer', 1.5));
assert.throws(() => b.readUInt8(NaN), range('offset', 'an integer', NaN));
assert.throws(() => b.readUInt16LE(8), range('offset', '>= 0 and <= 7', 8));
assert.throws(() => b.readBigUInt64LE(2), range('offset', '>= 0 and <= 1', 2));
assert.throws(() => b.readUIntLE(0, 7),
              range('byteLength', '>= 1 and <= 6', 7));
assert.throws(() => b.readUInt8('1'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "offset" argument must be of type number. Received type ' +
           "string ('1')",
});
assert.throws(() => b.readUIntLE(0), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "byteLength" argument must be of type number. Received ' +
           'undefined',
});
assert.throws(() => Buffer.alloc(1).readUInt16LE(0), {
  code: 'ERR_BUFFER_OUT_OF_BOUNDS',
  message: 'Attempt to access memory outside buffer bounds',
});

// Writers return the offset after what they wrote.
{
  const x = Buffer.alloc(8);
  assert.strictEqual(x.writeDoubleBE(1.5), 8);
  assert.strictEqual(x.toString('hex'), '3ff8000000000000');
  assert.strictEqual(x.readDoubleBE(0), 1.5);
  assert.strictEqual(x.writeFloatLE(-0.1, 4), 8);
  assert.strictEqual(x.toString('hex', 4), 'cdcccc' + 'bd');
  assert.strictEqual(x.readFloatLE(4), Math.fround(-0.1));
  assert.strictEqual(x.writeBigInt64LE(-3n), 8);
  assert.strictEqual(x.readBigInt64LE(), -3n);
  assert.strictEqual(x.readBigUInt64BE(), 18302628885633695743n);
  assert.strictEqual(x.writeInt32LE(-5), 4);
  assert.strictEqual(x.readInt32LE(), -5);
  assert.strictEqual(x.readUInt32BE(), 4227858431);
  assert.strictEqual(x.writeIntBE(-2, 0, 6), 6);
  assert.strictEqual(x.toString('hex', 0, 6), 'fffffffffffe');
  assert.strictEqual(x.writeUIntLE(0x123456789a, 0, 5), 5);
  assert.strictEqual(x.toString('hex', 0, 5), '9a78563412');
  assert.strictEqual(x.writeUInt8(1.7), 1);
  assert.strictEqual(x[0], 1);
}

const w = Buffer.alloc(8);
assert.throws(() => w.writeUInt8(256),
              range('value', '>= 0 and <= 255', 256));
assert.throws(() => w.writeInt8(-129),
              range('value', '>= -128 and <= 127', -129));
assert.throws(() => w.writeUInt32LE(2 ** 32),
              range('value', '>= 0 and <= 4294967295', 4294967296));
assert.throws(() => w.writeUIntLE(2 ** 48, 0, 6),
              range('value', '>= 0 and < 2 ** 48', '281_474_976_710_656'));
assert.throws(() => w.writeIntLE(2 ** 47, 0, 6),
              range('value', '>= -(2 ** 47) and < 2 ** 47',
                    '140_737_488_355_328'));
assert.throws(() => w.writeBigUInt64LE(2n ** 64n),
              range('value', '>= 0n and < 2n ** 64n',
                    '18_446_744_073_709_551_616n'));
assert.throws(() => w.writeBigInt64LE(2n ** 63n),
              range('value', '>= -(2n ** 63n) and < 2n ** 63n',
                    '9_223_372_036_854_775_808n'));
assert.throws(() => w.writeUInt32LE(1, 5),
              range('offset', '>= 0 and <= 4', 5));
assert.throws(() => w.writeDoubleLE(1, -1),
              range('offset', '>= 0 and <= 0', -1));
assert.throws(() => w.writeUIntLE(1, 0), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "byteLength" argument must be of type number. Received ' +
           'undefined',
});
assert.throws(() => w.writeBigUInt64LE(1), {
  name: 'TypeError',
  message: 'Cannot mix BigInt and other types, use explicit conversions',
});
