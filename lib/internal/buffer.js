'use strict';

// The pieces of Buffer other core modules share: FastBuffer (the class every
// Buffer instance really is), the number readers and writers, and the
// per-encoding slice/write methods installed on Buffer.prototype.

const {
  ArrayPrototypePush,
  ArrayPrototypePushApply,
  BigInt,
  Float32Array,
  Float64Array,
  MathFloor,
  Number,
  StringPrototypeIncludes,
  StringPrototypeReplace,
  SymbolFor,
  Uint8Array,
} = primordials;

const {
  asciiSlice,
  base64Slice,
  base64urlSlice,
  latin1Slice,
  hexSlice,
  ucs2Slice,
  utf8Slice,
  base64Write,
  base64urlWrite,
  hexWrite,
  ucs2Write,
  asciiWriteStatic,
  latin1WriteStatic,
  utf8WriteStatic,
  createUnsafeArrayBuffer,
} = internalBinding('buffer');

const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const { validateNumber } = require('internal/validators');

// Every Buffer is a FastBuffer: lib/buffer.js makes Buffer.prototype this
// class's prototype, so `new FastBuffer()` is the cheap way to make one.
class FastBuffer extends Uint8Array {
  // The explicit constructor keeps V8 from deriving one that spreads
  // arguments through the iterator protocol.
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}

// --zero-fill-buffers (set by internal/bootstrap/runtime): the memory of
// unsafe buffers, and the slices of the Buffer pool, are cleared too.
const zeroFillBuffers = { on: false };

// A buffer whose bytes are whatever the memory held (Buffer.allocUnsafe):
// only sizes worth a trip to C++ skip the zero-filling.
function createUnsafeBuffer(size) {
  if (size < 64) return new FastBuffer(size);
  return new FastBuffer(
    createUnsafeArrayBuffer(size, zeroFillBuffers.on), 0, size);
}

// Scratch space for floats: the number is stored through the typed array and
// its bytes are read back through the Uint8Array views.
const float32 = new Float32Array(1);
const float32Bytes = new Uint8Array(float32.buffer);
const float64 = new Float64Array(1);
const float64Bytes = new Uint8Array(float64.buffer);
float32[0] = -1;
const hostIsLittleEndian = float32Bytes[3] === 0xbf;

// Errors ---------------------------------------------------------------------

// Throws the error for an `offset` (or `byteLength` when `name` is given)
// that does not address `max + 1` valid positions.
function boundsError(value, max, name) {
  if (MathFloor(value) !== value) {
    validateNumber(value, name || 'offset');
    throw new ERR_OUT_OF_RANGE(name || 'offset', 'an integer', value);
  }
  if (max < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  throw new ERR_OUT_OF_RANGE(name || 'offset',
                             `>= ${name ? 1 : 0} and <= ${max}`, value);
}

// Checks that bytes [offset, offset + size) exist in `buf`.
function checkBounds(buf, offset, size) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + size - 1] === undefined) {
    boundsError(offset, buf.length - size);
  }
}

// Checks `value` fits an integer of `size` bytes in [min, max].
function checkValue(value, min, max, size) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    const bits = size * 8;
    let range;
    if (size > 4) {
      range = min === 0 || min === 0n ?
        `>= 0${n} and < 2${n} ** ${bits}${n}` :
        `>= -(2${n} ** ${bits - 1}${n}) and < 2${n} ** ${bits - 1}${n}`;
    } else {
      range = `>= ${min}${n} and <= ${max}${n}`;
    }
    throw new ERR_OUT_OF_RANGE('value', range, value);
  }
}

// Readers --------------------------------------------------------------------

// The unsigned little-endian integer in bytes [offset, offset + size).
function uintLE(buf, offset, size) {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < size; i++) {
    value += buf[offset + i] * scale;
    scale *= 0x100;
  }
  return value;
}

function uintBE(buf, offset, size) {
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 0x100 + buf[offset + i];
  return value;
}

function toSigned(value, size) {
  const limit = 2 ** (size * 8 - 1);
  return value >= limit ? value - limit * 2 : value;
}

function readUIntLEChecked(buf, offset, size) {
  checkReadBounds(buf, offset, size);
  return uintLE(buf, offset, size);
}

function readUIntBEChecked(buf, offset, size) {
  checkReadBounds(buf, offset, size);
  return uintBE(buf, offset, size);
}

function checkReadBounds(buf, offset, size) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + size - 1] === undefined) {
    boundsError(offset, buf.length - size);
  }
}

// A byteLength argument of 1..6, or the error Node throws for it.
function checkByteLength(byteLength) {
  if (byteLength === 1 || byteLength === 2 || byteLength === 3 ||
      byteLength === 4 || byteLength === 5 || byteLength === 6) {
    return;
  }
  boundsError(byteLength, 6, 'byteLength');
}

function readUInt8(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset');
  const value = this[offset];
  if (value === undefined) boundsError(offset, this.length - 1);
  return value;
}

function readInt8(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset');
  const value = this[offset];
  if (value === undefined) boundsError(offset, this.length - 1);
  return toSigned(value, 1);
}

function readUInt16LE(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset');
  const lo = this[offset];
  const hi = this[offset + 1];
  if (lo === undefined || hi === undefined) {
    boundsError(offset, this.length - 2);
  }
  return lo + hi * 0x100;
}

function readUInt16BE(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset');
  const hi = this[offset];
  const lo = this[offset + 1];
  if (lo === undefined || hi === undefined) {
    boundsError(offset, this.length - 2);
  }
  return hi * 0x100 + lo;
}

function readInt16LE(offset = 0) {
  return toSigned(readUIntLEChecked(this, offset, 2), 2);
}

function readInt16BE(offset = 0) {
  return toSigned(readUIntBEChecked(this, offset, 2), 2);
}

// The 32-bit readers are the hot ones: spelled out.
function readUInt32LE(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset');
  const b0 = this[offset];
  const b3 = this[offset + 3];
  if (b0 === undefined || b3 === undefined) {
    boundsError(offset, this.length - 4);
  }
  return b0 + this[offset + 1] * 0x100 + this[offset + 2] * 0x10000 +
    b3 * 0x1000000;
}

function readUInt32BE(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset');
  const b0 = this[offset];
  const b3 = this[offset + 3];
  if (b0 === undefined || b3 === undefined) {
    boundsError(offset, this.length - 4);
  }
  return b0 * 0x1000000 + this[offset + 1] * 0x10000 +
    this[offset + 2] * 0x100 + b3;
}

function readInt32LE(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset');
  const b0 = this[offset];
  const b3 = this[offset + 3];
  if (b0 === undefined || b3 === undefined) {
    boundsError(offset, this.length - 4);
  }
  return b0 + this[offset + 1] * 0x100 + this[offset + 2] * 0x10000 +
    (b3 << 24);
}

function readInt32BE(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset');
  const b0 = this[offset];
  const b3 = this[offset + 3];
  if (b0 === undefined || b3 === undefined) {
    boundsError(offset, this.length - 4);
  }
  return (b0 << 24) + this[offset + 1] * 0x10000 +
    this[offset + 2] * 0x100 + b3;
}

function readUIntLE(offset, byteLength) {
  if (offset === undefined) {
    throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  }
  checkByteLength(byteLength);
  return readUIntLEChecked(this, offset, byteLength);
}

function readUIntBE(offset, byteLength) {
  if (offset === undefined) {
    throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  }
  checkByteLength(byteLength);
  return readUIntBEChecked(this, offset, byteLength);
}

function readIntLE(offset, byteLength) {
  if (offset === undefined) {
    throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  }
  checkByteLength(byteLength);
  return toSigned(readUIntLEChecked(this, offset, byteLength), byteLength);
}

function readIntBE(offset, byteLength) {
  if (offset === undefined) {
    throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  }
  checkByteLength(byteLength);
  return toSigned(readUIntBEChecked(this, offset, byteLength), byteLength);
}

function readBigUInt64LE(offset = 0) {
  checkReadBounds(this, offset, 8);
  const lo = uintLE(this, offset, 4);
  const hi = uintLE(this, offset + 4, 4);
  return BigInt(lo) + (BigInt(hi) << 32n);
}

function readBigUInt64BE(offset = 0) {
  checkReadBounds(this, offset, 8);
  const hi = uintBE(this, offset, 4);
  const lo = uintBE(this, offset + 4, 4);
  return (BigInt(hi) << 32n) + BigInt(lo);
}

function readBigInt64LE(offset = 0) {
  checkReadBounds(this, offset, 8);
  const lo = uintLE(this, offset, 4);
  const hi = toSigned(uintLE(this, offset + 4, 4), 4);
  return (BigInt(hi) << 32n) + BigInt(lo);
}

function readBigInt64BE(offset = 0) {
  checkReadBounds(this, offset, 8);
  const hi = toSigned(uintBE(this, offset, 4), 4);
  const lo = uintBE(this, offset + 4, 4);
  return (BigInt(hi) << 32n) + BigInt(lo);
}

// Copies `size` bytes at `offset` into `scratch`, in order or reversed.
function loadScratch(buf, offset, scratch, size, forwards) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + size - 1] === undefined) {
    boundsError(offset, buf.length - size);
  }
  if (forwards) {
    for (let i = 0; i < size; i++) scratch[i] = buf[offset + i];
  } else {
    for (let i = 0; i < size; i++) scratch[size - 1 - i] = buf[offset + i];
  }
}

function readFloatForwards(offset = 0) {
  loadScratch(this, offset, float32Bytes, 4, true);
  return float32[0];
}

function readFloatBackwards(offset = 0) {
  loadScratch(this, offset, float32Bytes, 4, false);
  return float32[0];
}

function readDoubleForwards(offset = 0) {
  loadScratch(this, offset, float64Bytes, 8, true);
  return float64[0];
}

function readDoubleBackwards(offset = 0) {
  loadScratch(this, offset, float64Bytes, 8, false);
  return float64[0];
}

// Writers --------------------------------------------------------------------

function writeByte(buf, value, offset, min, max) {
  value = +value;
  if (typeof offset !== 'number') validateNumber(offset, 'offset');
  if (value > max || value < min) {
    throw new ERR_OUT_OF_RANGE('value', `>= ${min} and <= ${max}`, value);
  }
  if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
  buf[offset] = value;
  return offset + 1;
}

// Stores `value` (already range-checked) as `size` bytes.
function storeLE(buf, value, offset, size) {
  if (size <= 4) {
    for (let i = 0; i < size; i++) buf[offset + i] = value >>> (i * 8);
  } else {
    const hi = MathFloor(value / 2 ** 32);
    for (let i = 0; i < 4; i++) buf[offset + i] = value >>> (i * 8);
    for (let i = 4; i < size; i++) buf[offset + i] = hi >>> ((i - 4) * 8);
  }
  return offset + size;
}

function storeBE(buf, value, offset, size) {
  if (size <= 4) {
    for (let i = 0; i < size; i++) {
      buf[offset + size - 1 - i] = value >>> (i * 8);
    }
  } else {
    const hi = MathFloor(value / 2 ** 32);
    for (let i = 0; i < 4; i++) {
      buf[offset + size - 1 - i] = value >>> (i * 8);
    }
    for (let i = 4; i < size; i++) {
      buf[offset + size - 1 - i] = hi >>> ((i - 4) * 8);
    }
  }
  return offset + size;
}

// [min, max] of an integer of 1..6 bytes, unsigned then signed.
const kUnsignedMax = [0, 0xff, 0xffff, 0xffffff, 0xffffffff,
                      0xffffffffff, 0xffffffffffff];
const kSignedMin = [0, -0x80, -0x8000, -0x800000, -0x80000000,
                    -0x8000000000, -0x800000000000];

function writeIntChecked(buf, value, offset, size, signed, littleEndian) {
  const min = signed ? kSignedMin[size] : 0;
  const max = signed ? -kSignedMin[size] - 1 : kUnsignedMax[size];
  if (size === 1) return writeByte(buf, value, offset, min, max);
  value = +value;
  checkValue(value, min, max, size);
  checkBounds(buf, offset, size);
  return littleEndian ? storeLE(buf, value, offset, size) :
    storeBE(buf, value, offset, size);
}

function writeUInt8(value, offset = 0) {
  return writeByte(this, value, offset, 0, 0xff);
}

function writeInt8(value, offset = 0) {
  return writeByte(this, value, offset, -0x80, 0x7f);
}

function writeUInt16LE(value, offset = 0) {
  return writeIntChecked(this, value, offset, 2, false, true);
}

function writeUInt16BE(value, offset = 0) {
  return writeIntChecked(this, value, offset, 2, false, false);
}

function writeInt16LE(value, offset = 0) {
  return writeIntChecked(this, value, offset, 2, true, true);
}

function writeInt16BE(value, offset = 0) {
  return writeIntChecked(this, value, offset, 2, true, false);
}

function writeUInt32LE(value, offset = 0) {
  value = +value;
  checkValue(value, 0, 0xffffffff, 4);
  checkBounds(this, offset, 4);
  this[offset] = value;
  this[offset + 1] = value >>> 8;
  this[offset + 2] = value >>> 16;
  this[offset + 3] = value >>> 24;
  return offset + 4;
}

function writeUInt32BE(value, offset = 0) {
  return writeIntChecked(this, value, offset, 4, false, false);
}

function writeInt32LE(value, offset = 0) {
  value = +value;
  checkValue(value, -0x80000000, 0x7fffffff, 4);
  checkBounds(this, offset, 4);
  this[offset] = value;
  this[offset + 1] = value >>> 8;
  this[offset + 2] = value >>> 16;
  this[offset + 3] = value >>> 24;
  return offset + 4;
}

function writeInt32BE(value, offset = 0) {
  return writeIntChecked(this, value, offset, 4, true, false);
}

function writeUIntLE(value, offset, byteLength) {
  checkByteLength(byteLength);
  return writeIntChecked(this, value, offset, byteLength, false, true);
}

function writeUIntBE(value, offset, byteLength) {
  checkByteLength(byteLength);
  return writeIntChecked(this, value, offset, byteLength, false, false);
}

function writeIntLE(value, offset, byteLength) {
  checkByteLength(byteLength);
  return writeIntChecked(this, value, offset, byteLength, true, true);
}

function writeIntBE(value, offset, byteLength) {
  checkByteLength(byteLength);
  return writeIntChecked(this, value, offset, byteLength, true, false);
}

function writeBig64(buf, value, offset, min, max, littleEndian) {
  checkValue(value, min, max, 8);
  checkBounds(buf, offset, 8);
  const lo = Number(value & 0xffffffffn);
  const hi = Number((value >> 32n) & 0xffffffffn);
  if (littleEndian) {
    storeLE(buf, lo, offset, 4);
    storeLE(buf, hi, offset + 4, 4);
  } else {
    storeBE(buf, hi, offset, 4);
    storeBE(buf, lo, offset + 4, 4);
  }
  return offset + 8;
}

function writeBigUInt64LE(value, offset = 0) {
  return writeBig64(this, value, offset, 0n, 0xffffffffffffffffn, true);
}

function writeBigUInt64BE(value, offset = 0) {
  return writeBig64(this, value, offset, 0n, 0xffffffffffffffffn, false);
}

function writeBigInt64LE(value, offset = 0) {
  return writeBig64(this, value, offset, -(2n ** 63n), 2n ** 63n - 1n, true);
}

function writeBigInt64BE(value, offset = 0) {
  return writeBig64(this, value, offset, -(2n ** 63n), 2n ** 63n - 1n,
                    false);
}

function storeScratch(buf, offset, scratch, size, forwards) {
  checkBounds(buf, offset, size);
  if (forwards) {
    for (let i = 0; i < size; i++) buf[offset + i] = scratch[i];
  } else {
    for (let i = 0; i < size; i++) buf[offset + i] = scratch[size - 1 - i];
  }
  return offset + size;
}

function writeFloatForwards(value, offset = 0) {
  float32[0] = +value;
  return storeScratch(this, offset, float32Bytes, 4, true);
}

function writeFloatBackwards(value, offset = 0) {
  float32[0] = +value;
  return storeScratch(this, offset, float32Bytes, 4, false);
}

function writeDoubleForwards(value, offset = 0) {
  float64[0] = +value;
  return storeScratch(this, offset, float64Bytes, 8, true);
}

function writeDoubleBackwards(value, offset = 0) {
  float64[0] = +value;
  return storeScratch(this, offset, float64Bytes, 8, false);
}

// String writers whose range checks happen here rather than in C++.
function checkWriteRange(buf, offset, length) {
  if (offset < 0 || offset > buf.byteLength) {
    throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  }
  if (length < 0 || length > buf.byteLength - offset) {
    throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
  }
}

function asciiWrite(string, offset = 0, length = this.byteLength - offset) {
  checkWriteRange(this, offset, length);
  return asciiWriteStatic(this, string, offset, length);
}

function latin1Write(string, offset = 0, length = this.byteLength - offset) {
  checkWriteRange(this, offset, length);
  return latin1WriteStatic(this, string, offset, length);
}

function utf8Write(string, offset = 0, length = this.byteLength - offset) {
  checkWriteRange(this, offset, length);
  return utf8WriteStatic(this, string, offset, length);
}

// Installs the readers, writers and encoding methods on `proto`, with the
// lowercase `Uint` aliases Node has.
function addBufferPrototypeMethods(proto) {
  const methods = {
    readBigUInt64LE, readBigUInt64BE, readBigInt64LE, readBigInt64BE,
    writeBigUInt64LE, writeBigUInt64BE, writeBigInt64LE, writeBigInt64BE,
    readUIntLE, readUInt32LE, readUInt16LE, readUInt8,
    readUIntBE, readUInt32BE, readUInt16BE,
    readIntLE, readInt32LE, readInt16LE, readInt8,
    readIntBE, readInt32BE, readInt16BE,
    writeUIntLE, writeUInt32LE, writeUInt16LE, writeUInt8,
    writeUIntBE, writeUInt32BE, writeUInt16BE,
    writeIntLE, writeInt32LE, writeInt16LE, writeInt8,
    writeIntBE, writeInt32BE, writeInt16BE,
    // Named for the byte order they copy in (forwards on a little-endian
    // host for LE), as Node's are.
    readFloatLE: hostIsLittleEndian ? readFloatForwards : readFloatBackwards,
    readFloatBE: hostIsLittleEndian ? readFloatBackwards : readFloatForwards,
    readDoubleLE: hostIsLittleEndian ? readDoubleForwards : readDoubleBackwards,
    readDoubleBE: hostIsLittleEndian ? readDoubleBackwards : readDoubleForwards,
    writeFloatLE: hostIsLittleEndian ? writeFloatForwards : writeFloatBackwards,
    writeFloatBE: hostIsLittleEndian ? writeFloatBackwards : writeFloatForwards,
    writeDoubleLE:
      hostIsLittleEndian ? writeDoubleForwards : writeDoubleBackwards,
    writeDoubleBE:
      hostIsLittleEndian ? writeDoubleBackwards : writeDoubleForwards,
    asciiSlice, base64Slice, base64urlSlice, latin1Slice, hexSlice,
    ucs2Slice, utf8Slice,
    asciiWrite, base64Write, base64urlWrite, latin1Write, hexWrite,
    ucs2Write, utf8Write,
  };
  // Node's order of keys, each `Uint` name an alias of the `UInt` one.
  for (let i = 0; i < prototypeOrder.length; i++) {
    const name = prototypeOrder[i];
    proto[name] = methods[name] ??
      methods[StringPrototypeReplace(name, 'Uint', 'UInt')];
  }
}

const prototypeOrder = [];
{
  const groups = [
    ['readBigUInt64LE', 'readBigUInt64BE'],
    ['readBigInt64LE', 'readBigInt64BE'],
    ['writeBigUInt64LE', 'writeBigUInt64BE'],
    ['writeBigInt64LE', 'writeBigInt64BE'],
    ['readUIntLE', 'readUInt32LE', 'readUInt16LE', 'readUInt8',
     'readUIntBE', 'readUInt32BE', 'readUInt16BE'],
    ['readIntLE', 'readInt32LE', 'readInt16LE', 'readInt8',
     'readIntBE', 'readInt32BE', 'readInt16BE'],
    ['writeUIntLE', 'writeUInt32LE', 'writeUInt16LE', 'writeUInt8',
     'writeUIntBE', 'writeUInt32BE', 'writeUInt16BE'],
    ['writeIntLE', 'writeInt32LE', 'writeInt16LE', 'writeInt8',
     'writeIntBE', 'writeInt32BE', 'writeInt16BE'],
    ['readFloatLE', 'readFloatBE', 'readDoubleLE', 'readDoubleBE',
     'writeFloatLE', 'writeFloatBE', 'writeDoubleLE', 'writeDoubleBE',
     'asciiSlice', 'base64Slice', 'base64urlSlice', 'latin1Slice',
     'hexSlice', 'ucs2Slice', 'utf8Slice', 'asciiWrite', 'base64Write',
     'base64urlWrite', 'latin1Write', 'hexWrite', 'ucs2Write', 'utf8Write'],
  ];
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    ArrayPrototypePushApply(prototypeOrder, group);
    // Readers and writers of unsigned integers also answer to `Uint`.
    for (let i = 0; i < group.length; i++) {
      if (StringPrototypeIncludes(group[i], 'UInt')) {
        ArrayPrototypePush(prototypeOrder,
                           StringPrototypeReplace(group[i], 'UInt', 'Uint'));
      }
    }
  }
}

// Transfer lists do not exist yet; these keep the API other modules call.
const untransferable = SymbolFor('nodejs.worker_threads.untransferable');

function markAsUntransferable(obj) {
  if ((typeof obj !== 'object' && typeof obj !== 'function') || obj === null) {
    return;
  }
  obj[untransferable] = true;
}

function isMarkedAsUntransferable(obj) {
  if (obj == null) return false;
  return obj[untransferable] === true;
}

module.exports = {
  FastBuffer,
  addBufferPrototypeMethods,
  createUnsafeBuffer,
  zeroFillBuffers,
  markAsUntransferable,
  isMarkedAsUntransferable,
  readUInt16BE,
  readUInt32BE,
  readUInt32LE,
};
