'use strict';

// The compression classes of node:zlib. They are plain constructor
// functions rather than ES classes, because Node lets them be called
// without `new` (deprecated: DEP0184); the zstd ones are ES classes, as in
// Node.

const {
  ArrayPrototypeForEach,
  MathMax,
  NumberIsNaN,
  ObjectDefineProperty,
  ObjectKeys,
  ObjectSetPrototypeOf,
  ReflectApply,
  StringPrototypeStartsWith,
  TypedArrayPrototypeFill,
  Uint32Array,
} = primordials;

const {
  assert,
  codes: {
    ERR_BROTLI_INVALID_PARAM,
    ERR_INVALID_ARG_TYPE,
    ERR_ZSTD_INVALID_PARAM,
  },
} = require('internal/errors');
const { deprecateInstantiation } = require('internal/util');
const { isArrayBufferView, isAnyArrayBuffer } =
  require('internal/util/types');
const { Buffer } = require('buffer');
const { bindHandle, owner_symbol } = require('internal/async_hooks');
const { checkRangesOrGetDefault } = require('internal/validators');
const { ZlibBase, onWriteDone } = require('internal/zlib/stream');

const binding = internalBinding('zlib');
const constants = internalBinding('constants').zlib;
const {
  Z_NO_FLUSH, Z_BLOCK, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH, Z_FIXED,
  Z_MIN_WINDOWBITS, Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS,
  Z_MIN_LEVEL, Z_MAX_LEVEL, Z_DEFAULT_COMPRESSION,
  Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL, Z_DEFAULT_STRATEGY,
  DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP,
  BROTLI_DECODE, BROTLI_ENCODE, ZSTD_COMPRESS, ZSTD_DECOMPRESS,
  BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH, BROTLI_OPERATION_FINISH,
  BROTLI_OPERATION_EMIT_METADATA,
  ZSTD_e_continue, ZSTD_e_flush, ZSTD_e_end,
} = constants;

const kZlibFlushBounds = [Z_NO_FLUSH, Z_BLOCK];
const kZlibDefaults = {
  flush: Z_NO_FLUSH, finishFlush: Z_FINISH, fullFlush: Z_FULL_FLUSH,
};
const kBrotliFlushBounds = [BROTLI_OPERATION_PROCESS,
                            BROTLI_OPERATION_EMIT_METADATA];
const kBrotliDefaults = {
  flush: BROTLI_OPERATION_PROCESS,
  finishFlush: BROTLI_OPERATION_FINISH,
  fullFlush: BROTLI_OPERATION_FLUSH,
};
const kZstdFlushBounds = [ZSTD_e_continue, ZSTD_e_end];
const kZstdDefaults = {
  flush: ZSTD_e_continue, finishFlush: ZSTD_e_end, fullFlush: ZSTD_e_flush,
};

// Inflaters may take windowBits 0: use the size the stream's header gives.
function readWindowBits(opts, mode) {
  const bits = opts.windowBits;
  if ((bits == null || bits === 0) &&
      (mode === INFLATE || mode === GUNZIP || mode === UNZIP)) {
    return 0;
  }
  // A gzip header needs at least 9 (zlib refuses 8 with gzip).
  const lowest = Z_MIN_WINDOWBITS + (mode === GZIP ? 1 : 0);
  return checkRangesOrGetDefault(bits, 'options.windowBits', lowest,
                                 Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS);
}

function readDictionary(dictionary) {
  if (dictionary === undefined || isArrayBufferView(dictionary)) {
    return dictionary;
  }
  if (isAnyArrayBuffer(dictionary)) return Buffer.from(dictionary);
  throw new ERR_INVALID_ARG_TYPE(
    'options.dictionary', ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'],
    dictionary);
}

// The deflate/inflate family on zlib.
function Zlib(opts, mode) {
  let windowBits = Z_DEFAULT_WINDOWBITS;
  let level = Z_DEFAULT_COMPRESSION;
  let memLevel = Z_DEFAULT_MEMLEVEL;
  let strategy = Z_DEFAULT_STRATEGY;
  let dictionary;

  if (opts) {
    windowBits = readWindowBits(opts, mode);
    level = checkRangesOrGetDefault(opts.level, 'options.level', Z_MIN_LEVEL,
                                    Z_MAX_LEVEL, Z_DEFAULT_COMPRESSION);
    memLevel = checkRangesOrGetDefault(opts.memLevel, 'options.memLevel',
                                       Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL,
                                       Z_DEFAULT_MEMLEVEL);
    strategy = checkRangesOrGetDefault(opts.strategy, 'options.strategy',
                                       Z_DEFAULT_STRATEGY, Z_FIXED,
                                       Z_DEFAULT_STRATEGY);
    dictionary = readDictionary(opts.dictionary);
  }

  const handle = new binding.Zlib(mode);
  this._writeState = new Uint32Array(2);
  handle.init(windowBits, level, memLevel, strategy, this._writeState,
              bindHandle(handle, 'ZLIB', onWriteDone), dictionary);

  ReflectApply(ZlibBase, this,
               [opts, mode, handle, kZlibFlushBounds, kZlibDefaults]);
  this._level = level;
  this._strategy = strategy;
  this._mode = mode;
}
ObjectSetPrototypeOf(Zlib.prototype, ZlibBase.prototype);
ObjectSetPrototypeOf(Zlib, ZlibBase);

// New parameters take effect after what was written so far is flushed:
// the handle must not change while a write is on the threadpool.
function applyParams(level, strategy, callback) {
  assert(this._handle, 'zlib binding closed');
  this._handle.params(level, strategy);
  if (this.destroyed) return;
  this._level = level;
  this._strategy = strategy;
  if (callback) callback();
}

Zlib.prototype.params = function params(level, strategy, callback) {
  checkRangesOrGetDefault(level, 'level', Z_MIN_LEVEL, Z_MAX_LEVEL);
  checkRangesOrGetDefault(strategy, 'strategy', Z_DEFAULT_STRATEGY, Z_FIXED);
  if (this._level !== level || this._strategy !== strategy) {
    this.flush(Z_SYNC_FLUSH,
               () => ReflectApply(applyParams, this,
                                  [level, strategy, callback]));
  } else {
    process.nextTick(callback);
  }
};

// The public zlib classes: each is Zlib with one mode.
function Deflate(opts) {
  if (!(this instanceof Deflate)) {
    return deprecateInstantiation(Deflate, 'DEP0184', opts);
  }
  ReflectApply(Zlib, this, [opts, DEFLATE]);
}

function Inflate(opts) {
  if (!(this instanceof Inflate)) {
    return deprecateInstantiation(Inflate, 'DEP0184', opts);
  }
  ReflectApply(Zlib, this, [opts, INFLATE]);
}

function Gzip(opts) {
  if (!(this instanceof Gzip)) {
    return deprecateInstantiation(Gzip, 'DEP0184', opts);
  }
  ReflectApply(Zlib, this, [opts, GZIP]);
}

function Gunzip(opts) {
  if (!(this instanceof Gunzip)) {
    return deprecateInstantiation(Gunzip, 'DEP0184', opts);
  }
  ReflectApply(Zlib, this, [opts, GUNZIP]);
}

function InflateRaw(opts) {
  if (!(this instanceof InflateRaw)) {
    return deprecateInstantiation(InflateRaw, 'DEP0184', opts);
  }
  ReflectApply(Zlib, this, [opts, INFLATERAW]);
}

function Unzip(opts) {
  if (!(this instanceof Unzip)) {
    return deprecateInstantiation(Unzip, 'DEP0184', opts);
  }
  ReflectApply(Zlib, this, [opts, UNZIP]);
}

// zlib refuses windowBits 8 for raw deflate; Node quietly uses 9 (and
// writes it back into the options).
function DeflateRaw(opts) {
  if (opts && opts.windowBits === 8) opts.windowBits = 9;
  if (!(this instanceof DeflateRaw)) {
    return deprecateInstantiation(DeflateRaw, 'DEP0184', opts);
  }
  ReflectApply(Zlib, this, [opts, DEFLATERAW]);
}

for (const Class of [Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw,
                     Unzip]) {
  ObjectSetPrototypeOf(Class.prototype, Zlib.prototype);
  ObjectSetPrototypeOf(Class, Zlib);
}

// Reads `opts.params` ({ [parameter number]: value }) into `values`, a
// Uint32Array indexed by parameter where 0xFFFFFFFF means "default".
function readCodecParams(opts, values, maxParam, InvalidParamError) {
  TypedArrayPrototypeFill(values, -1);
  if (!opts?.params) return;
  ArrayPrototypeForEach(ObjectKeys(opts.params), (name) => {
    const key = +name;
    if (NumberIsNaN(key) || key < 0 || key > maxParam ||
        (values[key] | 0) !== -1) {
      throw new InvalidParamError(name);
    }
    const value = opts.params[name];
    if (typeof value !== 'number' && typeof value !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE('options.params[key]', 'number', value);
    }
    values[key] = value;
  });
}

function highestConstant(prefix) {
  let highest = 0;
  ArrayPrototypeForEach(ObjectKeys(constants), (key) => {
    if (StringPrototypeStartsWith(key, prefix)) {
      highest = MathMax(highest, constants[key]);
    }
  });
  return highest;
}

const kMaxBrotliParam = highestConstant('BROTLI_PARAM_');
const brotliParams = new Uint32Array(kMaxBrotliParam + 1);

function Brotli(opts, mode) {
  assert(mode === BROTLI_DECODE || mode === BROTLI_ENCODE);
  readCodecParams(opts, brotliParams, kMaxBrotliParam,
                  ERR_BROTLI_INVALID_PARAM);
  const handle = mode === BROTLI_DECODE ?
    new binding.BrotliDecoder(mode) : new binding.BrotliEncoder(mode);
  this._writeState = new Uint32Array(2);
  handle.init(brotliParams, this._writeState,
              bindHandle(handle, 'ZLIB', onWriteDone));
  ReflectApply(ZlibBase, this,
               [opts, mode, handle, kBrotliFlushBounds, kBrotliDefaults]);
}
ObjectSetPrototypeOf(Brotli.prototype, Zlib.prototype);
ObjectSetPrototypeOf(Brotli, Zlib);

function BrotliCompress(opts) {
  if (!(this instanceof BrotliCompress)) {
    return deprecateInstantiation(BrotliCompress, 'DEP0184', opts);
  }
  ReflectApply(Brotli, this, [opts, BROTLI_ENCODE]);
}
ObjectSetPrototypeOf(BrotliCompress.prototype, Brotli.prototype);
ObjectSetPrototypeOf(BrotliCompress, Brotli);

function BrotliDecompress(opts) {
  if (!(this instanceof BrotliDecompress)) {
    return deprecateInstantiation(BrotliDecompress, 'DEP0184', opts);
  }
  ReflectApply(Brotli, this, [opts, BROTLI_DECODE]);
}
ObjectSetPrototypeOf(BrotliDecompress.prototype, Brotli.prototype);
ObjectSetPrototypeOf(BrotliDecompress, Brotli);

const kMaxZstdCParam = highestConstant('ZSTD_c_');
const kMaxZstdDParam = highestConstant('ZSTD_d_');
const zstdCParams = new Uint32Array(kMaxZstdCParam + 1);
const zstdDParams = new Uint32Array(kMaxZstdDParam + 1);

// The zstd streams (ES classes: they cannot be called without `new`).
// Only a view is taken as a dictionary; anything else means none.
class Zstd extends ZlibBase {
  constructor(opts, mode, values, maxParam) {
    assert(mode === ZSTD_COMPRESS || mode === ZSTD_DECOMPRESS);
    readCodecParams(opts, values, maxParam, ERR_ZSTD_INVALID_PARAM);
    const handle = mode === ZSTD_COMPRESS ?
      new binding.ZstdCompress(mode) : new binding.ZstdDecompress(mode);
    const writeState = new Uint32Array(2);
    const dictionary = isArrayBufferView(opts?.dictionary) ?
      opts.dictionary : undefined;
    handle.init(values, opts?.pledgedSrcSize ?? undefined, writeState,
                bindHandle(handle, 'ZLIB', onWriteDone), dictionary);
    super(opts, mode, handle, kZstdFlushBounds, kZstdDefaults);
    this._writeState = writeState;
  }
}

class ZstdCompress extends Zstd {
  constructor(opts) {
    super(opts, ZSTD_COMPRESS, zstdCParams, kMaxZstdCParam);
  }
}

class ZstdDecompress extends Zstd {
  constructor(opts) {
    super(opts, ZSTD_DECOMPRESS, zstdDParams, kMaxZstdDParam);
  }
}

// An old alias on the native handle for its stream.
ObjectDefineProperty(binding.Zlib.prototype, 'jsref', {
  __proto__: null,
  get() { return this[owner_symbol]; },
  set(v) { return this[owner_symbol] = v; },
});

module.exports = {
  Deflate,
  Inflate,
  Gzip,
  Gunzip,
  DeflateRaw,
  InflateRaw,
  Unzip,
  BrotliCompress,
  BrotliDecompress,
  ZstdCompress,
  ZstdDecompress,
};
