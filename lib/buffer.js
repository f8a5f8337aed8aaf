'use strict';

// The `buffer` module: Buffer, a Uint8Array subclass with encodings, and its
// helpers. Argument checks live here; the byte work (encoders, search,
// compare, fill, swap) is in internalBinding('buffer').

const {
  Array,
  ArrayIsArray,
  ArrayPrototypeForEach,
  DataViewPrototypeGetByteLength,
  Float64Array,
  FunctionPrototypeCall,
  MathFloor,
  MathMin,
  MathTrunc,
  NumberIsInteger,
  NumberIsNaN,
  NumberMAX_SAFE_INTEGER,
  NumberMIN_SAFE_INTEGER,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectPrototypeHasOwnProperty,
  ObjectSetPrototypeOf,
  ReflectApply,
  RegExpPrototypeExec,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
  SymbolSpecies,
  SymbolToPrimitive,
  TypedArrayPrototypeFill,
  TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteLength,
  TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeGetLength,
  TypedArrayPrototypeSet,
  TypedArrayPrototypeSlice,
  Uint8Array,
} = primordials;

const {
  byteLengthUtf8,
  compare: bindingCompare,
  compareOffset,
  concatInto,
  copy: bindingCopy,
  fill: bindingFill,
  indexOfBuffer,
  indexOfNumber,
  indexOfString,
  setConcatLengths,
  isAscii: bindingIsAscii,
  isUtf8: bindingIsUtf8,
  swap16: bindingSwap16,
  swap32: bindingSwap32,
  swap64: bindingSwap64,
  kMaxLength,
  kStringMaxLength,
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
  sliceString,
  writeString,
  encodings: encodingValues,
} = internalBinding('buffer');
const {
  constants: { ALL_PROPERTIES, ONLY_ENUMERABLE },
  getCallSites,
  getOwnNonIndexProperties,
  privateSymbols: { untransferable_object_private_symbol },
} = internalBinding('util');

const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_BUFFER_SIZE,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_ENCODING,
  },
  genericNodeError,
} = require('internal/errors');
const {
  validateArray,
  validateBuffer,
  validateInteger,
  validateNumber,
  validateString,
} = require('internal/validators');
const {
  customInspectSymbol,
  deprecate,
  kIsEncodingSymbol,
  lazyDOMException,
  normalizeEncoding,
} = require('internal/util');
const { getOptionValue } = require('internal/options');
const {
  isAnyArrayBuffer,
  isArrayBufferView,
  isDataView,
  isTypedArray,
  isUint8Array,
} = require('internal/util/types');
const {
  FastBuffer,
  addBufferPrototypeMethods,
  createUnsafeBuffer,
  zeroFillBuffers,
} = require('internal/buffer');

let utilInspect;
function lazyInspect(value, options) {
  utilInspect ??= require('internal/util/inspect').inspect;
  return utilInspect(value, options);
}

FastBuffer.prototype.constructor = Buffer;
Buffer.prototype = FastBuffer.prototype;
ObjectSetPrototypeOf(Buffer, Uint8Array);
addBufferPrototypeMethods(Buffer.prototype);

const constants = {};
ObjectDefineProperties(constants, {
  MAX_LENGTH: {
    __proto__: null, value: kMaxLength, writable: false, enumerable: true,
  },
  MAX_STRING_LENGTH: {
    __proto__: null, value: kStringMaxLength, writable: false,
    enumerable: true,
  },
});

let INSPECT_MAX_BYTES = 50;

// The pool -------------------------------------------------------------------

// Small buffers are carved out of one shared ArrayBuffer of Buffer.poolSize
// bytes; each slice starts on an 8-byte boundary.
Buffer.poolSize = 8 * 1024;
let poolSize;
let poolOffset;
let allocPool;

function createPool() {
  poolSize = Buffer.poolSize;
  allocPool = TypedArrayPrototypeGetBuffer(createUnsafeBuffer(poolSize));
  // Other Buffers share it: it cannot be transferred (structuredClone,
  // postMessage).
  allocPool[untransferable_object_private_symbol] = true;
  poolOffset = 0;
}
createPool();

function alignPool() {
  if (poolOffset & 7) poolOffset = (poolOffset | 7) + 1;
}

// A buffer of `size` bytes, from the pool when it is small.
function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < (Buffer.poolSize >>> 1)) {
    if (size > poolSize - poolOffset) createPool();
    const b = new FastBuffer(allocPool, poolOffset, size);
    poolOffset += size;
    alignPool();
    if (zeroFillBuffers.on) TypedArrayPrototypeFill(b, 0);
    return b;
  }
  return createUnsafeBuffer(size);
}

// Encodings ------------------------------------------------------------------

function base64ByteLength(str) {
  let len = str.length;
  if (StringPrototypeCharCodeAt(str, len - 1) === 0x3D) len--;
  if (len > 1 && StringPrototypeCharCodeAt(str, len - 1) === 0x3D) len--;
  // Every 4 characters are 3 bytes.
  return (len * 3) >>> 2;
}

// The binding's slice/write methods act on `this`.
function call(fn, thisArg, a, b, c) {
  return FunctionPrototypeCall(fn, thisArg, a, b, c);
}

// What each encoding does; `encodingVal` is the binding's number for it.
// A class rather than a null-prototype literal: its instances share one map
// with fast properties, so the hot paths load from them cheaply.
class EncodingOps {
  constructor(encoding, byteLength, write, slice, indexOf) {
    this.encoding = encoding;
    this.encodingVal = encodingValues[encoding];
    this.byteLength = byteLength;
    this.write = write;
    this.slice = slice;
    this.indexOf = indexOf;
  }
}

function makeOps(encoding, byteLength, write, slice, indexOf) {
  return new EncodingOps(encoding, byteLength, write, slice, indexOf);
}

function indexOfEncoded(encoding) {
  return (buf, val, byteOffset, dir) => indexOfBuffer(
    buf, fromStringFast(val, encodingOps[encoding]), byteOffset,
    encodingValues[encoding], dir);
}

const encodingOps = {
  __proto__: null,
  utf8: makeOps(
    'utf8', byteLengthUtf8,
    (buf, string, offset, len) => utf8WriteStatic(buf, string, offset, len),
    (buf, start, end) => call(utf8Slice, buf, start, end),
    (buf, val, byteOffset, dir) =>
      indexOfString(buf, val, byteOffset, encodingValues.utf8, dir)),
  utf16le: makeOps(
    'utf16le', (string) => string.length * 2,
    (buf, string, offset, len) => call(ucs2Write, buf, string, offset, len),
    (buf, start, end) => call(ucs2Slice, buf, start, end),
    (buf, val, byteOffset, dir) =>
      indexOfString(buf, val, byteOffset, encodingValues.utf16le, dir)),
  latin1: makeOps(
    'latin1', (string) => string.length,
    (buf, string, offset, len) => latin1WriteStatic(buf, string, offset, len),
    (buf, start, end) => call(latin1Slice, buf, start, end),
    (buf, val, byteOffset, dir) =>
      indexOfString(buf, val, byteOffset, encodingValues.latin1, dir)),
  ascii: makeOps(
    'ascii', (string) => string.length,
    (buf, string, offset, len) => asciiWriteStatic(buf, string, offset, len),
    (buf, start, end) => call(asciiSlice, buf, start, end),
    indexOfEncoded('ascii')),
  base64: makeOps(
    'base64', base64ByteLength,
    (buf, string, offset, len) => call(base64Write, buf, string, offset, len),
    (buf, start, end) => call(base64Slice, buf, start, end),
    indexOfEncoded('base64')),
  base64url: makeOps(
    'base64url', base64ByteLength,
    (buf, string, offset, len) =>
      call(base64urlWrite, buf, string, offset, len),
    (buf, start, end) => call(base64urlSlice, buf, start, end),
    indexOfEncoded('base64url')),
  hex: makeOps(
    'hex', (string) => string.length >>> 1,
    (buf, string, offset, len) => call(hexWrite, buf, string, offset, len),
    (buf, start, end) => call(hexSlice, buf, start, end),
    indexOfEncoded('hex')),
};

const {
  utf8: utf8Ops,
  utf16le: utf16leOps,
  latin1: latin1Ops,
  ascii: asciiOps,
  base64: base64Ops,
  base64url: base64urlOps,
  hex: hexOps,
} = encodingOps;

// The ops for an encoding name (any case, with its aliases), or undefined.
// The canonical names are matched first, without lowercasing.
function getEncodingOps(encoding) {
  switch (encoding) {
    case 'utf8': return utf8Ops;
    case 'hex': return hexOps;
    case 'base64': return base64Ops;
    case 'latin1': return latin1Ops;
    case 'ascii': return asciiOps;
    case 'utf16le': return utf16leOps;
    case 'base64url': return base64urlOps;
  }
  if (typeof encoding !== 'string') encoding = `${encoding}`;
  if (encoding.length === 0) return undefined;
  const normalized = normalizeEncoding(encoding);
  return normalized === undefined ? undefined : encodingOps[normalized];
}

// Argument checks ------------------------------------------------------------

// An integer in [min, max], or Node's error naming `name`.
function validateOffset(value, name, min = 0, max = kMaxLength) {
  if (typeof value !== 'number') {
    throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  }
  if (!NumberIsInteger(value)) {
    throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  }
  if (value < min || value > max) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
  }
}

function validateSize(size) {
  // The validator (and its error) only when the size is not plainly valid.
  if (typeof size !== 'number' || !(size >= 0 && size <= kMaxLength)) {
    validateNumber(size, 'size', 0, kMaxLength);
  }
}

// Any value to an integer; `defaultValue` for NaN and unsafe integers.
function toInteger(n, defaultValue) {
  n = +n;
  if (!NumberIsNaN(n) && n >= NumberMIN_SAFE_INTEGER &&
      n <= NumberMAX_SAFE_INTEGER) {
    return n % 1 === 0 ? n : MathFloor(n);
  }
  return defaultValue;
}

// Deprecation of the constructor --------------------------------------------

let bufferWarningEmitted = false;
const kNodeModulesRE = /[/\\]node_modules[/\\]/;

// Whether the nearest caller outside lode's own modules lives under a
// node_modules directory: packages are spared the warning.
function calledFromNodeModules() {
  const sites = getCallSites(16);
  for (let i = 0; i < sites.length; i++) {
    const name = sites[i].scriptName;
    if (!name || StringPrototypeStartsWith(name, 'node:')) continue;
    return RegExpPrototypeExec(kNodeModulesRE, name) !== null;
  }
  return false;
}

function emitBufferWarning() {
  if (bufferWarningEmitted || process.noDeprecation) return;
  if (!getOptionValue('--pending-deprecation') && calledFromNodeModules()) {
    return;
  }
  bufferWarningEmitted = true;
  process.emitWarning(
    'Buffer() is deprecated due to security and usability issues. Please ' +
    'use the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() ' +
    'methods instead.', 'DeprecationWarning', 'DEP0005');
}

// Buffer ---------------------------------------------------------------------

/**
 * The deprecated constructor: Buffer(size) or Buffer(value, encodingOrOffset,
 * length), with or without `new`.
 */
function Buffer(arg, encodingOrOffset, length) {
  emitBufferWarning();
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw new ERR_INVALID_ARG_TYPE('string', 'string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

ObjectDefineProperty(Buffer, SymbolSpecies, {
  __proto__: null,
  enumerable: false,
  configurable: true,
  get() { return FastBuffer; },
});

// `string` encoded with `ops`; short results come from the pool. The pool
// space reserved is the size the other encodings compute cheaply, and for
// UTF-8 the most it can need (3 bytes per UTF-16 unit): its exact size is
// only computed when that bound is too big.
function fromStringFast(string, ops) {
  const limit = Buffer.poolSize >>> 1;
  const length = string.length;
  if (length >= limit) return createFromString(string, ops);
  let reserve;
  if (ops === utf8Ops) {
    reserve = length * 3;
    if (reserve >= limit) {
      reserve = byteLengthUtf8(string);
      if (reserve >= limit) return createFromString(string, ops);
    }
  } else {
    reserve = poolByteLength(string, length, ops);
    if (reserve >= limit) return createFromString(string, ops);
  }
  if (reserve > poolSize - poolOffset) createPool();
  const start = poolOffset;
  // One binding function for every encoding: a call to a known function
  // rather than to one of seven closures. The pool's ArrayBuffer is passed:
  // its memory is found more cheaply than a view's.
  const written =
    writeString(allocPool, string, start, reserve, ops.encodingVal);
  poolOffset += written;
  alignPool();
  return new FastBuffer(allocPool, start, written);
}

// ops.byteLength(string) for the encodings but UTF-8, without a call
// through the ops object.
function poolByteLength(string, length, ops) {
  if (ops === latin1Ops || ops === asciiOps) return length;
  if (ops === utf16leOps) return length * 2;
  if (ops === hexOps) return length >>> 1;
  if (ops === base64Ops || ops === base64urlOps) {
    return base64ByteLength(string);
  }
  return ops.byteLength(string);
}

function createFromString(string, ops) {
  const length = ops.byteLength(string);
  const b = createUnsafeBuffer(length);
  const actual = ops.write(b, string, 0, length);
  if (actual !== length) {
    return new FastBuffer(TypedArrayPrototypeGetBuffer(b), 0, actual);
  }
  return b;
}

function fromString(string, encoding) {
  let ops;
  if (typeof encoding !== 'string' || encoding.length === 0) {
    if (string.length === 0) return new FastBuffer();
    ops = utf8Ops;
  } else {
    ops = getEncodingOps(encoding);
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    if (string.length === 0) return new FastBuffer();
  }
  return fromStringFast(string, ops);
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (NumberIsNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

// A copy of an array-like's elements, each converted to a byte.
function fromArrayLike(obj) {
  const length = obj.length;
  if (length <= 0) return new FastBuffer();
  if (length < (Buffer.poolSize >>> 1)) {
    if (length > poolSize - poolOffset) createPool();
    const b = new FastBuffer(allocPool, poolOffset, length);
    if (isUint8Array(obj)) {
      TypedArrayPrototypeSet(b, obj, 0);
    } else {
      for (let i = 0; i < length; i++) b[i] = obj[i];
    }
    poolOffset += length;
    alignPool();
    return b;
  }
  return new FastBuffer(obj);
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && ArrayIsArray(obj.data)) {
    return fromArrayLike(obj.data);
  }
}

/**
 * Buffer.from(string[, encoding]), (arrayBuffer[, byteOffset[, length]]),
 * (array | arrayLike | buffer), (object with valueOf / Symbol.toPrimitive).
 */
Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);

  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) {
      return fromArrayBuffer(value, encodingOrOffset, length);
    }
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value &&
        (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b) return b;
    if (typeof value[SymbolToPrimitive] === 'function') {
      const primitive = value[SymbolToPrimitive]('string');
      if (typeof primitive === 'string') {
        return fromString(primitive, encodingOrOffset);
      }
    }
  }

  throw new ERR_INVALID_ARG_TYPE(
    'first argument',
    ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'],
    value);
};

/**
 * A copy of the bytes of `view` (a TypedArray), from element `offset` for
 * `length` elements.
 */
Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!isTypedArray(view)) {
    throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
  }
  const viewLength = TypedArrayPrototypeGetLength(view);
  if (viewLength === 0) return Buffer.alloc(0);

  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateInteger(offset, 'offset', 0);
      if (offset >= viewLength) return new FastBuffer();
    } else {
      offset = 0;
    }
    let end;
    if (length !== undefined) {
      validateInteger(length, 'length', 0);
      end = offset + length;
    } else {
      end = viewLength;
    }
    view = TypedArrayPrototypeSlice(view, offset, end);
  }

  return fromArrayLike(new Uint8Array(
    TypedArrayPrototypeGetBuffer(view),
    TypedArrayPrototypeGetByteOffset(view),
    TypedArrayPrototypeGetByteLength(view)));
};

// Not Uint8Array.of: that would go through Symbol.species.
Buffer.of = function of(...items) {
  const b = createUnsafeBuffer(items.length);
  for (let i = 0; i < items.length; i++) b[i] = items[i];
  return b;
};

/**
 * A zero-filled buffer of `size` bytes, or one filled with `fill`.
 */
Buffer.alloc = function alloc(size, fill, encoding) {
  validateSize(size);
  if (fill !== undefined && fill !== 0 && size > 0) {
    const buf = createUnsafeBuffer(size);
    return _fill(buf, fill, 0, buf.length, encoding);
  }
  return new FastBuffer(size);
};

/**
 * A buffer of `size` bytes whose contents are not initialized; small ones
 * come from the pool.
 */
Buffer.allocUnsafe = function allocUnsafe(size) {
  validateSize(size);
  return allocate(size);
};

/**
 * Like allocUnsafe, but never from the pool.
 */
Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  validateSize(size);
  return createUnsafeBuffer(size);
};

function SlowBuffer(size) {
  validateSize(size);
  return createUnsafeBuffer(size);
}

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) {
    throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
  }
  if (!isUint8Array(buf2)) {
    throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
  }
  if (buf1 === buf2) return 0;
  return bindingCompare(buf1, buf2);
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 &&
    normalizeEncoding(encoding) !== undefined;
};
Buffer[kIsEncodingSymbol] = Buffer.isEncoding;

// What the copy takes of a `length` read from a piece: a number, else (NaN
// too) 0: Node copies nothing of such a piece.
function pieceLength(n) {
  return typeof n === 'number' && !NumberIsNaN(n) ? n : 0;
}

// Copies the first `count` bytes of the Uint8Array `source` (its `length`
// as the caller read it, which a user may have shadowed: capped at the
// real length, as in Node), as many as fit into target[pos, end); returns
// how many bytes that was. TypedArray.prototype.set does the copy: no call
// into C++.
// The real length comes through the primordial getter: V8 10.2's
// optimizing compiler (when it compiles off the main thread, as it does by
// default) cannot inline a `.length` or `.byteLength` property load on a
// typed array and leaves a generic LoadIC, about three times the cost of
// the getter call.
function appendBytes(target, source, count, pos, end) {
  const sourceLength = TypedArrayPrototypeGetLength(source);
  let n = count < sourceLength ? count : sourceLength;
  if (n > end - pos) n = end - pos;
  if (n <= 0) return 0;
  if (n < sourceLength) {
    source = new Uint8Array(TypedArrayPrototypeGetBuffer(source),
                            TypedArrayPrototypeGetByteOffset(source), n);
  }
  TypedArrayPrototypeSet(target, source, pos);
  return n;
}

// Buffer.concat in JS: for long lists, and for a concat that a `length`
// getter started while another was under way.
function concatSlow(list, length) {
  if (length === undefined) {
    // Each element's `length` is read once (see appendBytes for the cost of
    // a read).
    length = 0;
    for (let i = 0; i < list.length; i++) {
      const n = list[i].length;
      if (n) length += n;
    }
  } else {
    validateOffset(length, 'length');
  }

  const buffer = Buffer.allocUnsafe(length);
  const end = TypedArrayPrototypeGetLength(buffer);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (!isUint8Array(buf)) {
      // The list was checked lazily: report the bad element now.
      throw new ERR_INVALID_ARG_TYPE(
        `list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
    }
    pos += appendBytes(buffer, buf, pieceLength(buf.length), pos, end);
  }
  // Whatever the list did not cover stays zero, even from the pool.
  if (pos < length) TypedArrayPrototypeFill(buffer, 0, pos, length);
  return buffer;
}

// The `length` Buffer.concat read of each piece, for concatInto, which
// gets the pieces themselves as arguments; made on first use (not in the
// startup snapshot) and shared with the binding (setConcatLengths).
let concatLengths;
let concatLengthsInUse = false;
// The most pieces concatInto takes as arguments.
const kConcatMaxPieces = 1024;
// What concatInto returns when the binding has no lengths on this thread.
const kConcatUnregistered = -(2 ** 31);

Buffer.concat = function concat(list, length) {
  if (!ArrayIsArray(list)) validateArray(list, 'list');
  const count = list.length;
  if (count === 0) return new FastBuffer();
  if (count > kConcatMaxPieces || concatLengthsInUse) {
    return concatSlow(list, length);
  }
  if (concatLengths === undefined ||
      count > TypedArrayPrototypeGetLength(concatLengths)) {
    concatLengths = new Float64Array(count < 16 ? 16 : count);
    setConcatLengths(concatLengths);
  }
  const lengths = concatLengths;
  const requestedLength = length;
  concatLengthsInUse = true;
  try {
    if (length === undefined) {
      // Each element's `length` is read once; the copy takes what was read
      // (capped at the real length, as in Node).
      length = 0;
      for (let i = 0; i < count; i++) {
        const n = list[i].length;
        if (n) length += n;
        lengths[i] = pieceLength(n);
      }
    } else {
      validateOffset(length, 'length');
      for (let i = 0; i < count; i++) {
        const buf = list[i];
        // concatInto reports the first element that is not a Uint8Array.
        if (!isUint8Array(buf)) break;
        lengths[i] = pieceLength(buf.length);
      }
    }

    // A `length` getter that changed the list: the pieces to copy are no
    // longer the ones whose lengths were read; the element-by-element loop
    // copies what the list holds now, as Node's does.
    if (list.length !== count) {
      concatLengthsInUse = false;
      return concatSlow(list, requestedLength);
    }
    const buffer = Buffer.allocUnsafe(length);
    // One call copies every piece.
    let pos = ReflectApply(concatInto, buffer, list);
    if (pos === kConcatUnregistered) {
      setConcatLengths(lengths);
      pos = ReflectApply(concatInto, buffer, list);
    }
    if (pos < 0) {
      const i = -pos - 1;
      throw new ERR_INVALID_ARG_TYPE(
        `list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
    }
    // Whatever the list did not cover stays zero, even from the pool.
    if (pos < length) TypedArrayPrototypeFill(buffer, 0, pos, length);
    return buffer;
  } finally {
    concatLengthsInUse = false;
  }
};

function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (isArrayBufferView(string) || isAnyArrayBuffer(string)) {
      return string.byteLength;
    }
    throw new ERR_INVALID_ARG_TYPE(
      'string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  const len = string.length;
  if (len === 0) return 0;
  if (!encoding || encoding === 'utf8') return byteLengthUtf8(string);
  const ops = getEncodingOps(encoding);
  // An unknown encoding counts as UTF-8 here, as in Node.
  return ops === undefined ? byteLengthUtf8(string) : ops.byteLength(string);
}
Buffer.byteLength = byteLength;

// Buffer.prototype -----------------------------------------------------------

ObjectDefineProperty(Buffer.prototype, 'parent', {
  __proto__: null,
  enumerable: true,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.buffer;
  },
});
ObjectDefineProperty(Buffer.prototype, 'offset', {
  __proto__: null,
  enumerable: true,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.byteOffset;
  },
});

// The byte length of any ArrayBufferView.
function viewByteLength(view) {
  return isDataView(view) ?
    DataViewPrototypeGetByteLength(view) :
    TypedArrayPrototypeGetByteLength(view);
}

// Copies as many bytes as fit; returns how many.
function copyActual(source, target, targetStart, sourceStart, sourceEnd) {
  const targetLength = viewByteLength(target);
  if (sourceEnd - sourceStart > targetLength - targetStart) {
    sourceEnd = sourceStart + targetLength - targetStart;
  }
  let nb = sourceEnd - sourceStart;
  const sourceLen = viewByteLength(source) - sourceStart;
  if (nb > sourceLen) nb = sourceLen;
  if (nb <= 0) return 0;
  return bindingCopy(source, target, targetStart, sourceStart, nb);
}

// Any TypedArray or DataView may be either side; offsets count bytes.
function copyImpl(source, target, targetStart, sourceStart, sourceEnd) {
  if (!isArrayBufferView(source)) {
    throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  }
  if (!isArrayBufferView(target)) {
    throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  }
  const sourceLength = viewByteLength(source);

  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = NumberIsInteger(targetStart) ?
      targetStart : toInteger(targetStart, 0);
    if (targetStart < 0) {
      throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
    }
  }

  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = NumberIsInteger(sourceStart) ?
      sourceStart : toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > sourceLength) {
      throw new ERR_OUT_OF_RANGE(
        'sourceStart', `>= 0 && <= ${sourceLength}`, sourceStart);
    }
  }

  if (sourceEnd === undefined) {
    sourceEnd = sourceLength;
  } else {
    sourceEnd = NumberIsInteger(sourceEnd) ?
      sourceEnd : toInteger(sourceEnd, 0);
    if (sourceEnd < 0) {
      throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
    }
  }

  if (targetStart >= viewByteLength(target) || sourceStart >= sourceEnd) {
    return 0;
  }
  return copyActual(source, target, targetStart, sourceStart, sourceEnd);
}

Buffer.prototype.copy =
  function copy(target, targetStart, sourceStart, sourceEnd) {
    return copyImpl(this, target, targetStart, sourceStart, sourceEnd);
  };

// toString(encoding = 'utf8', start = 0, end = length)
Buffer.prototype.toString = function toString(encoding, start, end) {
  if (arguments.length === 0) return call(utf8Slice, this, 0, this.length);

  const len = this.length;
  if (start <= 0) {
    start = 0;
  } else if (start >= len) {
    return '';
  } else {
    start = MathTrunc(start) || 0;
  }
  if (end === undefined || end > len) {
    end = len;
  } else {
    end = MathTrunc(end) || 0;
  }
  if (end <= start) return '';

  if (encoding === undefined) return call(utf8Slice, this, start, end);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  // <enc>Slice's checks and result, through one binding function.
  return sliceString(this, start, end, ops.encodingVal);
};

Buffer.prototype.equals = function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) {
    throw new ERR_INVALID_ARG_TYPE(
      'otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  }
  if (this === otherBuffer) return true;
  const len = TypedArrayPrototypeGetByteLength(this);
  if (len !== TypedArrayPrototypeGetByteLength(otherBuffer)) return false;
  return len === 0 || bindingCompare(this, otherBuffer) === 0;
};

// The hex dump util.inspect shows: <Buffer 01 02 ... n more bytes>, then any
// extra own properties.
function hexDump(buf, count) {
  const hex = call(hexSlice, buf, 0, count);
  let out = '';
  for (let i = 0; i < hex.length; i += 2) {
    if (i !== 0) out += ' ';
    out += StringPrototypeSlice(hex, i, i + 2);
  }
  return out;
}

// The prefix and suffix util.inspect puts around a null-prototype object.
const kNullProtoPrefix = '[Object: null prototype] { ';

// The name shown for a Buffer (or subclass): its constructor's own name,
// or "Buffer" when `constructor` is odd or throws.
function bufferLabel(buffer) {
  try {
    const ctor = buffer.constructor;
    if (typeof ctor === 'function' &&
        ObjectPrototypeHasOwnProperty(ctor, 'name')) {
      return ctor.name;
    }
  } catch {
    // The default below.
  }
  return 'Buffer';
}

Buffer.prototype[customInspectSymbol] = function inspect(recurseTimes, ctx) {
  const max = INSPECT_MAX_BYTES;
  const shown = MathMin(max, this.length);
  const remaining = this.length - max;
  let str = hexDump(this, shown);
  if (remaining > 0) {
    str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  }
  if (ctx) {
    const filter = ctx.showHidden ? ALL_PROPERTIES : ONLY_ENUMERABLE;
    const keys = getOwnNonIndexProperties(this, filter);
    if (keys.length > 0) {
      const extras = { __proto__: null };
      ArrayPrototypeForEach(keys, (key) => { extras[key] = this[key]; });
      if (this.length !== 0) str += ', ';
      const shownExtras = lazyInspect(extras, {
        ...ctx,
        breakLength: Infinity,
        compact: true,
      });
      str += StringPrototypeSlice(shownExtras, kNullProtoPrefix.length, -2);
    }
  }
  return `<${bufferLabel(this)} ${str}>`;
};
Buffer.prototype.inspect = Buffer.prototype[customInspectSymbol];

Buffer.prototype.compare = function compare(target, targetStart, targetEnd,
                                            sourceStart, sourceEnd) {
  if (!isUint8Array(target)) {
    throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  }
  if (arguments.length === 1) return bindingCompare(this, target);

  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    validateOffset(targetStart, 'targetStart');
  }
  if (targetEnd === undefined) {
    targetEnd = target.length;
  } else {
    validateOffset(targetEnd, 'targetEnd', 0, target.length);
  }
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    validateOffset(sourceStart, 'sourceStart');
  }
  if (sourceEnd === undefined) {
    sourceEnd = this.length;
  } else {
    validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  }

  if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
  if (targetStart >= targetEnd) return 1;
  return compareOffset(this, target, targetStart, sourceStart, targetEnd,
                       sourceEnd);
};

// indexOf / lastIndexOf: `forward` picks the direction. byteOffset counts
// from the end when negative; NaN means the whole buffer.
function bidirectionalIndexOf(buffer, val, byteOffset, encoding, forward) {
  validateBuffer(buffer);

  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (NumberIsNaN(byteOffset)) {
    byteOffset = forward ? 0 : (buffer.length || buffer.byteLength);
  }
  forward = !!forward;

  if (typeof val === 'number') {
    return indexOfNumber(buffer, val >>> 0, byteOffset, forward);
  }

  const ops = encoding === undefined ?
    encodingOps.utf8 : getEncodingOps(encoding);

  if (typeof val === 'string') {
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    return ops.indexOf(buffer, val, byteOffset, forward);
  }

  if (isUint8Array(val)) {
    const encodingVal =
      ops === undefined ? encodingValues.utf8 : ops.encodingVal;
    return indexOfBuffer(buffer, val, byteOffset, encodingVal, forward);
  }

  throw new ERR_INVALID_ARG_TYPE(
    'value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
}

Buffer.prototype.indexOf = function indexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, true);
};

Buffer.prototype.lastIndexOf = function lastIndexOf(val, byteOffset,
                                                    encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, false);
};

Buffer.prototype.includes = function includes(val, byteOffset, encoding) {
  return this.indexOf(val, byteOffset, encoding) !== -1;
};

// fill(value[, offset[, end]][, encoding])
Buffer.prototype.fill = function fill(value, offset, end, encoding) {
  return _fill(this, value, offset, end, encoding);
};

function _fill(buf, value, offset, end, encoding) {
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }

    const normalized = normalizeEncoding(encoding);
    if (normalized === undefined) {
      validateString(encoding, 'encoding');
      throw new ERR_UNKNOWN_ENCODING(encoding);
    }

    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1) {
      // One byte: fill with the number instead.
      const code = StringPrototypeCharCodeAt(value, 0);
      if ((normalized === 'utf8' && code < 128) || normalized === 'latin1') {
        value = code;
      }
    }
    encoding = normalized;
  } else {
    encoding = undefined;
  }

  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) {
      end = buf.length;
    } else {
      validateOffset(end, 'end', 0, buf.length);
    }
    if (offset >= end) return buf;
  }

  if (typeof value === 'number') {
    const byteLen = TypedArrayPrototypeGetByteLength(buf);
    if (offset > end || end > byteLen) throw new ERR_BUFFER_OUT_OF_BOUNDS();
    TypedArrayPrototypeFill(buf, value, offset, end);
  } else {
    const encodingVal =
      encoding === undefined ? encodingValues.utf8 : encodingValues[encoding];
    const res = bindingFill(buf, value, offset, end, encodingVal);
    if (res < 0) {
      if (res === -1) throw new ERR_INVALID_ARG_VALUE('value', value);
      throw new ERR_BUFFER_OUT_OF_BOUNDS();
    }
  }
  return buf;
}

// write(string[, offset[, length]][, encoding])
Buffer.prototype.write = function write(string, offset, length, encoding) {
  if (offset === undefined) {
    return utf8WriteStatic(this, string, 0, this.length);
  }
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }

  if (!encoding || encoding === 'utf8') {
    return utf8WriteStatic(this, string, offset, length);
  }
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return ops.write(this, string, offset, length);
};

Buffer.prototype.toJSON = function toJSON() {
  const len = this.length;
  const data = new Array(len);
  for (let i = 0; i < len; i++) data[i] = this[i];
  return { type: 'Buffer', data };
};

// Index arguments of subarray/slice: truncated, negative from the end,
// clamped to [0, length].
function adjustOffset(offset, length) {
  offset = MathTrunc(offset);
  if (offset === 0 || NumberIsNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  return offset < length ? offset : length;
}

Buffer.prototype.subarray = function subarray(start, end) {
  const srcLength = this.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(TypedArrayPrototypeGetBuffer(this),
                        TypedArrayPrototypeGetByteOffset(this) + start,
                        newLength);
};

Buffer.prototype.slice = function slice(start, end) {
  return this.subarray(start, end);
};

// Small buffers swap in JS; the call into C++ costs more than the loop.
function swapBytes(buf, size, native) {
  const len = buf.length;
  if (len % size !== 0) throw new ERR_INVALID_BUFFER_SIZE(`${size * 8}-bits`);
  if (len >= 128) return native(buf);
  for (let i = 0; i < len; i += size) {
    for (let a = i, b = i + size - 1; a < b; a++, b--) {
      const t = buf[a];
      buf[a] = buf[b];
      buf[b] = t;
    }
  }
  return buf;
}

Buffer.prototype.swap16 = function swap16() {
  return swapBytes(this, 2, bindingSwap16);
};

Buffer.prototype.swap32 = function swap32() {
  return swapBytes(this, 4, bindingSwap32);
};

Buffer.prototype.swap64 = function swap64() {
  return swapBytes(this, 8, bindingSwap64);
};

Buffer.prototype.toLocaleString = Buffer.prototype.toString;

// Module functions -----------------------------------------------------------

// ICU does this in Node; lode converts between the encodings it has
// itself: UTF-8, UTF-16LE, Latin-1 and ASCII.
const transcodable = { __proto__: null,
                       utf8: true, utf16le: true, latin1: true, ascii: true };

function transcode(source, fromEncoding, toEncoding) {
  if (!isUint8Array(source)) {
    throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  }
  if (source.length === 0) return Buffer.alloc(0);

  const from = normalizeEncoding(fromEncoding) || fromEncoding;
  const to = normalizeEncoding(toEncoding) || toEncoding;
  if (from === to) return Buffer.from(source);
  if (!transcodable[from] || !transcodable[to]) {
    throw transcodeError('U_ILLEGAL_ARGUMENT_ERROR', 1);
  }
  // Between UTF-8 and UTF-16 the conversion is strict, as ICU's is there.
  if (from === 'utf8' && to === 'utf16le' && !bindingIsUtf8(source)) {
    throw transcodeError('U_INVALID_CHAR_FOUND', 10);
  }
  let text;
  if (from === 'ascii') {
    text = replaceOutside(call(latin1Slice, source, 0, source.length), 0x7f,
                          '\ufffd');
  } else {
    text = encodingOps[from].slice(source, 0, source.length);
  }
  if (from === 'utf16le' && to === 'utf8' &&
      (text.length === 0 || hasLoneSurrogate(text))) {
    throw transcodeError('U_INVALID_CHAR_FOUND', 10);
  }
  if (to === 'latin1' || to === 'ascii') {
    text = replaceOutside(text, to === 'ascii' ? 0x7f : 0xff, '?');
  }
  return fromString(text, to);
}

function transcodeError(code, errno) {
  return genericNodeError(`Unable to transcode Buffer [${code}]`,
                          { code, errno });
}

function hasLoneSurrogate(str) {
  for (let i = 0; i < str.length; i++) {
    const c = StringPrototypeCharCodeAt(str, i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff || i + 1 === str.length) return true;
    const next = StringPrototypeCharCodeAt(str, i + 1);
    if (next < 0xdc00 || next > 0xdfff) return true;
    i++;
  }
  return false;
}

// `str` with every UTF-16 unit above `max` (a surrogate pair counting once)
// replaced by `replacement`.
function replaceOutside(str, max, replacement) {
  let out = '';
  let start = 0;
  for (let i = 0; i < str.length; i++) {
    const c = StringPrototypeCharCodeAt(str, i);
    if (c <= max) continue;
    out += StringPrototypeSlice(str, start, i) + replacement;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
      const next = StringPrototypeCharCodeAt(str, i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    start = i + 1;
  }
  return start === 0 ? str : out + StringPrototypeSlice(str, start);
}

function btoa(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  for (let i = 0; i < input.length; i++) {
    if (StringPrototypeCharCodeAt(input, i) > 0xff) {
      throw lazyDOMException('Invalid character', 'InvalidCharacterError');
    }
  }
  const buf = fromString(input, 'latin1');
  return call(base64Slice, buf, 0, buf.length);
}

// 0 for ASCII whitespace atob skips, 1 for the base64 alphabet, 2 for '=',
// -1 for anything else.
function atobClass(c) {
  if (c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20) {
    return 0;
  }
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ||
      (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f) {
    return 1;
  }
  return c === 0x3d ? 2 : -1;
}

function atob(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  let significant = 0;
  let equals = 0;
  for (let i = 0; i < input.length; i++) {
    const kind = atobClass(StringPrototypeCharCodeAt(input, i));
    if (kind === -1) {
      throw lazyDOMException('Invalid character', 'InvalidCharacterError');
    }
    if (kind === 0) continue;
    significant++;
    if (kind === 2) {
      equals++;
      if (equals > 2) {
        throw lazyDOMException('Invalid character', 'InvalidCharacterError');
      }
    } else if (equals !== 0) {
      // Padding may only end the input.
      throw lazyDOMException('Invalid character', 'InvalidCharacterError');
    }
  }
  let remainder = significant % 4;
  if (remainder === 0) {
    remainder = (significant - equals) % 4;
  } else if (equals !== 0) {
    throw lazyDOMException('Invalid character', 'InvalidCharacterError');
  }
  if (remainder === 1) {
    throw lazyDOMException(
      'The string to be decoded is not correctly encoded.',
      'InvalidCharacterError');
  }
  const buf = fromString(input, 'base64');
  return call(latin1Slice, buf, 0, buf.length);
}

function checkValidatable(input) {
  if (!isTypedArray(input) && !isAnyArrayBuffer(input)) {
    throw new ERR_INVALID_ARG_TYPE(
      'input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
  }
}

function isUtf8(input) {
  checkValidatable(input);
  return bindingIsUtf8(input);
}

function isAscii(input) {
  checkValidatable(input);
  return bindingIsAscii(input);
}

// Blob and File live in internal/blob and internal/file; resolveObjectURL
// looks a blob:nodedata: URL up in the registry URL.createObjectURL fills.
const { Blob, resolveObjectURL } = require('internal/blob');
const { File } = require('internal/file');

module.exports = {
  Buffer,
  SlowBuffer: deprecate(
    SlowBuffer,
    'SlowBuffer() is deprecated. Please use Buffer.allocUnsafeSlow()',
    'DEP0030'),
  transcode,
  isUtf8,
  isAscii,
  // Legacy.
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
};

ObjectDefineProperties(module.exports, {
  constants: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    value: constants,
  },
  INSPECT_MAX_BYTES: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return INSPECT_MAX_BYTES; },
    set(val) {
      validateNumber(val, 'INSPECT_MAX_BYTES', 0);
      INSPECT_MAX_BYTES = val;
    },
  },
});
// After the accessors, in Node's key order.
module.exports.Blob = Blob;
module.exports.resolveObjectURL = resolveObjectURL;
module.exports.File = File;
