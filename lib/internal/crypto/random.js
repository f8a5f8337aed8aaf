'use strict';

// randomBytes, randomFill(Sync), randomInt, randomUUID, getRandomValues,
// generatePrime(Sync) and checkPrime(Sync). The bytes come from OpenSSL's
// CSPRNG through RandomBytesJob, on the threadpool when there is a callback.

const {
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeSplice,
  BigInt,
  BigIntPrototypeToString,
  FunctionPrototypeCall,
  MathMin,
  NumberIsNaN,
  NumberIsSafeInteger,
  NumberPrototypeToString,
  StringPrototypePadStart,
  TypedArrayPrototypeGetBuffer,
  Uint8Array,
} = primordials;

const {
  CheckPrimeJob,
  RandomBytesJob,
  RandomPrimeJob,
  kCryptoJobAsync,
  kCryptoJobSync,
} = internalBinding('crypto');

const {
  kEmptyObject,
  lazyDOMException,
} = require('internal/util');

const { kMaxLength } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const { runJob } = require('internal/crypto/util');

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');

const {
  validateBoolean,
  validateFunction,
  validateInt32,
  validateNumber,
  validateObject,
} = require('internal/validators');

const {
  isAnyArrayBuffer,
  isArrayBufferView,
  isFloat16Array,
  isFloat32Array,
  isFloat64Array,
  isTypedArray,
} = require('internal/util/types');

const kMaxInt32 = 2 ** 31 - 1;
const kMaxPossibleLength = MathMin(kMaxLength, kMaxInt32);

// `offset` elements into a buffer of `length` bytes, as a byte offset.
function checkOffset(offset, elementSize, length) {
  validateNumber(offset, 'offset');
  offset *= elementSize;
  const max = MathMin(length, kMaxPossibleLength);
  if (NumberIsNaN(offset) || offset > max || offset < 0) {
    throw new ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${max}`, offset);
  }
  return offset >>> 0;
}

// `size` elements from a byte offset, as a byte count.
function checkSize(size, elementSize, offset, length) {
  validateNumber(size, 'size');
  size *= elementSize;
  if (NumberIsNaN(size) || size > kMaxPossibleLength || size < 0) {
    throw new ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxPossibleLength}`,
                               size);
  }
  if (size + offset > length) {
    throw new ERR_OUT_OF_RANGE('size + offset', `<= ${length}`, size + offset);
  }
  return size >>> 0;
}

function validateBuf(buf) {
  if (!isAnyArrayBuffer(buf) && !isArrayBufferView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'],
                                   buf);
  }
}

function randomBytes(size, callback) {
  size = checkSize(size, 1, 0, Infinity);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const buf = new FastBuffer(size);
  if (callback === undefined) {
    randomFillSync(TypedArrayPrototypeGetBuffer(buf), 0, size);
    return buf;
  }
  // A plain function: the callback's `this` is the job, as in Node.
  randomFill(TypedArrayPrototypeGetBuffer(buf), 0, size, function(error) {
    if (error) return FunctionPrototypeCall(callback, this, error);
    FunctionPrototypeCall(callback, this, null, buf);
  });
}

function randomFillSync(buf, offset = 0, size) {
  validateBuf(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  offset = checkOffset(offset, elementSize, buf.byteLength);
  if (size === undefined) {
    size = buf.byteLength - offset;
  } else {
    size = checkSize(size, elementSize, offset, buf.byteLength);
  }
  if (size === 0) return buf;
  const { 0: err } = new RandomBytesJob(kCryptoJobSync, buf, offset, size)
    .run();
  if (err) throw err;
  return buf;
}

function randomFill(buf, offset, size, callback) {
  validateBuf(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    // Elements here; checkSize() makes it bytes.
    size = buf.length;
  } else if (typeof size === 'function') {
    callback = size;
    size = buf.length - offset;
  } else {
    validateFunction(callback, 'callback');
  }
  offset = checkOffset(offset, elementSize, buf.byteLength);
  if (size === undefined) {
    size = buf.byteLength - offset;
  } else {
    size = checkSize(size, elementSize, offset, buf.byteLength);
  }
  if (size === 0) {
    callback(null, buf);
    return;
  }
  const job = new RandomBytesJob(kCryptoJobAsync, buf, offset, size);
  runJob(job, 'RANDOMBYTESREQUEST', function(error) {
    if (error) return FunctionPrototypeCall(callback, this, error);
    FunctionPrototypeCall(callback, this, null, buf);
  });
}

// randomInt draws 48-bit numbers and keeps those below the largest
// multiple of the range (no modulo bias). They come from a cache of 6-byte
// slots refilled in one go.
const kRandMax = 0xFFFF_FFFF_FFFF;
const intCache = new FastBuffer(6 * 1024);
let intCacheOffset = intCache.length;
let intCacheRefilling = false;
const intCacheWaiting = [];

function randomInt(min, max, callback) {
  // randomInt(max) and randomInt(max, callback)
  const minNotSpecified = typeof max === 'undefined' ||
    typeof max === 'function';
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  const isSync = typeof callback === 'undefined';
  if (!isSync) validateFunction(callback, 'callback');
  if (!NumberIsSafeInteger(min)) {
    throw new ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  }
  if (!NumberIsSafeInteger(max)) {
    throw new ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  }
  if (max <= min) {
    throw new ERR_OUT_OF_RANGE(
      'max', `greater than the value of "min" (${min})`, max);
  }
  const range = max - min;
  if (!(range <= kRandMax)) {
    throw new ERR_OUT_OF_RANGE(`max${minNotSpecified ? '' : ' - min'}`,
                               `<= ${kRandMax}`, range);
  }
  const limit = kRandMax - (kRandMax % range);
  while (isSync || intCacheOffset < intCache.length) {
    if (intCacheOffset === intCache.length) {
      randomFillSync(intCache);
      intCacheOffset = 0;
    }
    const x = intCache.readUIntBE(intCacheOffset, 6);
    intCacheOffset += 6;
    if (x < limit) {
      const n = (x % range) + min;
      if (isSync) return n;
      process.nextTick(callback, undefined, n);
      return;
    }
  }
  // Asynchronous with an empty cache: wait for one refill.
  ArrayPrototypePush(intCacheWaiting, { min, max, callback });
  refillIntCache();
}

function refillIntCache() {
  if (intCacheRefilling) return;
  intCacheRefilling = true;
  randomFill(intCache, (err) => {
    intCacheRefilling = false;
    const waiting = ArrayPrototypeSplice(intCacheWaiting, 0);
    // On failure the first caller hears of it; the others try again.
    const failed = err ? ArrayPrototypeShift(waiting) : undefined;
    if (!err) intCacheOffset = 0;
    for (let i = 0; i < waiting.length; i++) {
      randomInt(waiting[i].min, waiting[i].max, waiting[i].callback);
    }
    if (failed) failed.callback(err);
  });
}

function getRandomValues(data) {
  if (!isTypedArray(data) ||
      isFloat16Array(data) ||
      isFloat32Array(data) ||
      isFloat64Array(data)) {
    // A DOMException, as Web Crypto specifies.
    throw lazyDOMException(
      'The data argument must be an integer-type TypedArray',
      'TypeMismatchError');
  }
  if (data.byteLength > 65536) {
    throw lazyDOMException(
      'The requested length exceeds 65,536 bytes',
      'QuotaExceededError');
  }
  randomFillSync(data, 0);
  return data;
}

// Version 4 UUIDs (RFC 9562). Random bytes are drawn for 128 UUIDs at a
// time unless disableEntropyCache asks for fresh ones.
const kUUIDBatch = 128;
let uuidPool;
let uuidPoolIndex = 0;
let uuidSingle;
let hexBytes;

function byteToHex() {
  if (hexBytes === undefined) {
    hexBytes = [];
    for (let i = 0; i < 256; i++) {
      hexBytes[i] = StringPrototypePadStart(NumberPrototypeToString(i, 16),
                                            2, '0');
    }
  }
  return hexBytes;
}

function formatUUID(bytes, at) {
  const h = byteToHex();
  return h[bytes[at]] + h[bytes[at + 1]] + h[bytes[at + 2]] +
    h[bytes[at + 3]] + '-' +
    h[bytes[at + 4]] + h[bytes[at + 5]] + '-' +
    h[(bytes[at + 6] & 0x0f) | 0x40] + h[bytes[at + 7]] + '-' +
    h[(bytes[at + 8] & 0x3f) | 0x80] + h[bytes[at + 9]] + '-' +
    h[bytes[at + 10]] + h[bytes[at + 11]] + h[bytes[at + 12]] +
    h[bytes[at + 13]] + h[bytes[at + 14]] + h[bytes[at + 15]];
}

function randomUUID(options) {
  if (options !== undefined) validateObject(options, 'options');
  const {
    disableEntropyCache = false,
  } = options || kEmptyObject;
  validateBoolean(disableEntropyCache, 'options.disableEntropyCache');
  if (disableEntropyCache) {
    uuidSingle ??= new Uint8Array(16);
    randomFillSync(uuidSingle);
    return formatUUID(uuidSingle, 0);
  }
  uuidPool ??= new Uint8Array(16 * kUUIDBatch);
  if (uuidPoolIndex === 0) randomFillSync(uuidPool);
  const at = uuidPoolIndex * 16;
  uuidPoolIndex = (uuidPoolIndex + 1) % kUUIDBatch;
  return formatUUID(uuidPool, at);
}

// --- Primes -------------------------------------------------------------------

function bigIntToBytes(value, name) {
  if (value < 0) throw new ERR_OUT_OF_RANGE(name, '>= 0', value);
  let hex = BigIntPrototypeToString(value, 16);
  if (hex.length % 2) hex = `0${hex}`;
  const { Buffer } = require('buffer');
  return Buffer.from(hex, 'hex');
}

function bytesToBigInt(buffer) {
  const bytes = new Uint8Array(buffer);
  const h = byteToHex();
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += h[bytes[i]];
  return BigInt(`0x${hex || '0'}`);
}

const kPrimeOptionTypes =
  ['ArrayBuffer', 'TypedArray', 'Buffer', 'DataView', 'bigint'];

function primeOption(value, name) {
  if (value === undefined) return undefined;
  if (typeof value === 'bigint') return bigIntToBytes(value, name);
  if (!isAnyArrayBuffer(value) && !isArrayBufferView(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, kPrimeOptionTypes, value);
  }
  return value;
}

function createPrimeJob(mode, size, options) {
  validateObject(options, 'options');
  const { safe = false, bigint = false } = options;
  validateBoolean(safe, 'options.safe');
  validateBoolean(bigint, 'options.bigint');
  const add = primeOption(options.add, 'options.add');
  const rem = primeOption(options.rem, 'options.rem');
  const job = new RandomPrimeJob(mode, size, safe, add, rem);
  job.result = bigint ? bytesToBigInt : (prime) => prime;
  return job;
}

function generatePrime(size, options, callback) {
  validateInt32(size, 'size', 1);
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  validateFunction(callback, 'callback');
  const job = createPrimeJob(kCryptoJobAsync, size, options);
  runJob(job, 'RANDOMPRIMEREQUEST', (err, prime) => {
    if (err) {
      callback(err);
      return;
    }
    callback(undefined, job.result(prime));
  });
}

function generatePrimeSync(size, options = kEmptyObject) {
  validateInt32(size, 'size', 1);
  const job = createPrimeJob(kCryptoJobSync, size, options);
  const { 0: err, 1: prime } = job.run();
  if (err) throw err;
  return job.result(prime);
}

function checkPrimeArgs(candidate, options) {
  if (typeof candidate === 'bigint') {
    candidate = bigIntToBytes(candidate, 'candidate');
  }
  if (!isAnyArrayBuffer(candidate) && !isArrayBufferView(candidate)) {
    throw new ERR_INVALID_ARG_TYPE('candidate', kPrimeOptionTypes, candidate);
  }
  return candidate;
}

function checkPrime(candidate, options = kEmptyObject, callback) {
  candidate = checkPrimeArgs(candidate);
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  validateFunction(callback, 'callback');
  validateObject(options, 'options');
  const { checks = 0 } = options;
  validateInt32(checks, 'options.checks', 0);
  runJob(new CheckPrimeJob(kCryptoJobAsync, candidate, checks),
         'CHECKPRIMEREQUEST', callback);
}

function checkPrimeSync(candidate, options = kEmptyObject) {
  candidate = checkPrimeArgs(candidate);
  validateObject(options, 'options');
  const { checks = 0 } = options;
  validateInt32(checks, 'options.checks', 0);
  const { 0: err, 1: result } =
    new CheckPrimeJob(kCryptoJobSync, candidate, checks).run();
  if (err) throw err;
  return result;
}

module.exports = {
  checkPrime,
  checkPrimeSync,
  generatePrime,
  generatePrimeSync,
  getRandomValues,
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
};
