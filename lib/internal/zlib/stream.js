'use strict';

// ZlibBase: the Transform stream every compression class of node:zlib
// builds on. It lends the native handle (internalBinding('zlib')) an output
// buffer of `chunkSize` bytes at a time and pushes what the handle wrote;
// the handle reports what is left of the input and output buffers in the
// shared Uint32Array `_writeState` ([availOutAfter, availInAfter]).
// Asynchronous writes run on the threadpool and come back through
// onWriteDone(); _processChunk() without a callback and the *Sync helpers
// use writeSync() and collect the output at once.
//
// A zlib stream's asynchronous writes get room for several chunks at once
// (`_outSize`, up to 64 KiB): one trip to the threadpool where Node makes
// one per chunk. The output is still pushed in the pieces Node pushes: cut
// where a `chunkSize` buffer of Node's would have been full.

const {
  ArrayPrototypePush,
  FunctionPrototypeCall,
  MathFloor,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  ReflectApply,
  Symbol,
  TypedArrayPrototypeSubarray,
} = primordials;

const {
  assert,
  codes: {
    ERR_BUFFER_TOO_LARGE,
    ERR_OUT_OF_RANGE,
    ERR_TRAILING_JUNK_AFTER_STREAM_END,
  },
  genericNodeError,
} = require('internal/errors');
const { Transform, finished } = require('stream');
const { Buffer, kMaxLength } = require('buffer');
const { bindHandle, owner_symbol } = require('internal/async_hooks');
const {
  checkRangesOrGetDefault,
  validateFiniteNumber,
} = require('internal/validators');

const {
  Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH,
  Z_MIN_CHUNK, Z_DEFAULT_CHUNK,
} = internalBinding('constants').zlib;

// Marks the empty buffers flush() writes: the value is the flush kind.
const kFlushFlag = Symbol('kFlushFlag');
// The error the handle reported, kept for the synchronous paths.
const kError = Symbol('kError');

// Flush kinds from weakest to strongest; the last chunk of a stream gets
// the stronger of its own kind and the finishing kind.
const kFlushOrder = [Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH,
                     Z_FULL_FLUSH, Z_FINISH];
const flushRank = [];
for (let i = 0; i < kFlushOrder.length; i++) flushRank[kFlushOrder[i]] = i;

function strongerFlush(a, b) {
  return flushRank[a] > flushRank[b] ? a : b;
}

// One shared empty buffer per flush kind.
const kFlushChunks = [];
for (let i = 0; i < kFlushOrder.length; i++) {
  const chunk = Buffer.alloc(0);
  chunk[kFlushFlag] = kFlushOrder[i];
  kFlushChunks[kFlushOrder[i]] = chunk;
}

// The handle's onerror(message, errno, code): `this` is the handle. The
// stream cannot go on after a codec error.
function zlibOnError(message, errno, code) {
  const stream = this[owner_symbol];
  const error = genericNodeError(message, { errno, code });
  error.errno = errno;
  error.code = code;
  stream.destroy(error);
  stream[kError] = error;
}

// The room of a zlib stream's asynchronous write (whole chunks).
const kBatchBytes = 64 * 1024;

// `flushBounds`: [lowest, highest] flush value of this kind of stream.
// `defaults`: { flush, finishFlush, fullFlush }.
function ZlibBase(opts, mode, handle, flushBounds, defaults) {
  let chunkSize = Z_DEFAULT_CHUNK;
  let maxOutputLength = kMaxLength;
  let { flush, finishFlush } = defaults;
  assert(typeof mode === 'number');

  if (opts) {
    chunkSize = opts.chunkSize;
    if (!validateFiniteNumber(chunkSize, 'options.chunkSize')) {
      chunkSize = Z_DEFAULT_CHUNK;
    } else if (chunkSize < Z_MIN_CHUNK) {
      throw new ERR_OUT_OF_RANGE('options.chunkSize', `>= ${Z_MIN_CHUNK}`,
                                 chunkSize);
    }
    flush = checkRangesOrGetDefault(opts.flush, 'options.flush',
                                    flushBounds[0], flushBounds[1], flush);
    finishFlush = checkRangesOrGetDefault(
      opts.finishFlush, 'options.finishFlush',
      flushBounds[0], flushBounds[1], finishFlush);
    maxOutputLength = checkRangesOrGetDefault(
      opts.maxOutputLength, 'options.maxOutputLength', 1, kMaxLength,
      kMaxLength);
    // The stream always carries bytes.
    if (opts.encoding || opts.objectMode || opts.writableObjectMode) {
      opts = {
        ...opts,
        encoding: null,
        objectMode: false,
        writableObjectMode: false,
      };
    }
  }

  ReflectApply(Transform, this, [{ autoDestroy: true, ...opts }]);
  this[kError] = null;
  this.bytesWritten = 0;
  this._handle = handle;
  handle[owner_symbol] = this;
  // Errors reach JS in the async context the stream was made in.
  handle.onerror = bindHandle(handle, 'ZLIB', zlibOnError);
  // zlib's codecs (modes 1 to 7) write the same bytes whatever room they
  // get at a time; brotli and zstd keep Node's one chunk per write.
  let outSize = chunkSize;
  if (mode >= 1 && mode <= 7 && chunkSize < kBatchBytes) {
    outSize = chunkSize * MathFloor(kBatchBytes / chunkSize);
  }
  // The first buffer has Node's size: a *Sync helper's result is a view
  // of it. Asynchronous writes renew it at `_outSize`.
  this._outBuffer = Buffer.allocUnsafe(chunkSize);
  this._outOffset = 0;
  this._outSize = outSize;
  this._chunkSize = chunkSize;
  this._defaultFlushFlag = flush;
  this._finishFlushFlag = finishFlush;
  this._defaultFullFlushFlag = defaults.fullFlush;
  this._info = opts?.info;
  this._maxOutputLength = maxOutputLength;
  this._rejectGarbageAfterEnd = opts?.rejectGarbageAfterEnd === true;
}
ObjectSetPrototypeOf(ZlibBase.prototype, Transform.prototype);
ObjectSetPrototypeOf(ZlibBase, Transform);

ObjectDefineProperty(ZlibBase.prototype, '_closed', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    return !this._handle;
  },
});

ZlibBase.prototype.reset = function reset() {
  assert(this._handle, 'zlib binding closed');
  return this._handle.reset();
};

// Transform calls _flush() after the last chunk: an empty write with the
// finishing flush ends the compressed stream.
ZlibBase.prototype._flush = function _flush(callback) {
  this._transform(Buffer.alloc(0), '', callback);
};

ZlibBase.prototype._final = function _final(callback) {
  callback();
};

ZlibBase.prototype.flush = function flush(kind, callback) {
  if (typeof kind === 'function' || (kind === undefined && !callback)) {
    callback = kind;
    kind = this._defaultFullFlushFlag;
  }
  if (this.writableFinished) {
    if (callback) process.nextTick(callback);
  } else if (this.writableEnded) {
    if (callback) this.once('end', callback);
  } else {
    this.write(kFlushChunks[kind], '', callback);
  }
};

ZlibBase.prototype.close = function close(callback) {
  if (callback) finished(this, callback);
  this.destroy();
};

ZlibBase.prototype._destroy = function _destroy(err, callback) {
  closeHandle(this);
  callback(err);
};

ZlibBase.prototype._transform = function _transform(chunk, encoding, cb) {
  let flushFlag = this._defaultFlushFlag;
  if (typeof chunk[kFlushFlag] === 'number') flushFlag = chunk[kFlushFlag];
  // The last buffered chunk also finishes the stream.
  if (this.writableEnded && this.writableLength === chunk.byteLength) {
    flushFlag = strongerFlush(flushFlag, this._finishFlushFlag);
  }
  startWrite(this, chunk, flushFlag, cb);
};

// Kept for compatibility: with a callback it is an asynchronous write;
// without one it compresses `chunk` at once and closes the stream.
ZlibBase.prototype._processChunk = function _processChunk(chunk, flushFlag,
                                                          cb) {
  if (typeof cb === 'function') {
    startWrite(this, chunk, flushFlag, cb);
    return;
  }
  return processChunkSync(this, chunk, flushFlag);
};

function closeHandle(stream) {
  // After an error the handle may be gone already.
  stream._handle?.close();
  stream._handle = null;
}

function ignoreError() {}

function processChunkSync(stream, chunk, flushFlag) {
  const handle = stream._handle;
  const state = stream._writeState;
  const chunkSize = stream._chunkSize;
  const parts = [];
  let total = 0;
  let inOffset = 0;
  let inLength = chunk.byteLength;
  let consumed = 0;
  let out = stream._outBuffer;
  let outOffset = stream._outOffset;
  // What is left of the current chunk (the buffer may hold several).
  let outLength = chunkSize - outOffset % chunkSize;

  // The error also reaches 'error' (through destroy()); this call throws it.
  stream.on('error', ignoreError);

  for (;;) {
    handle.writeSync(flushFlag, chunk, inOffset, inLength, out, outOffset,
                     outLength);
    if (stream[kError]) throw stream[kError];

    const outLeft = state[0];
    const inLeft = state[1];
    consumed += inLength - inLeft;
    const produced = outLength - outLeft;
    if (produced > 0) {
      ArrayPrototypePush(parts, TypedArrayPrototypeSubarray(
        out, outOffset, outOffset + produced));
      outOffset += produced;
      total += produced;
      if (total > stream._maxOutputLength) {
        closeHandle(stream);
        throw new ERR_BUFFER_TOO_LARGE(stream._maxOutputLength);
      }
    } else {
      assert(produced === 0, 'have should not go down');
    }

    // A full output buffer: continue in a new one.
    if (outLeft === 0 || outOffset >= out.length) {
      out = Buffer.allocUnsafe(chunkSize);
      outOffset = 0;
      outLength = chunkSize;
    }
    // Output space left over means the handle took all it could.
    if (outLeft !== 0) break;
    inOffset += inLength - inLeft;
    inLength = inLeft;
  }

  stream.bytesWritten = consumed;
  closeHandle(stream);
  if (total === 0) return Buffer.alloc(0);
  return parts.length === 1 ? parts[0] : Buffer.concat(parts, total);
}

function startWrite(stream, chunk, flushFlag, cb) {
  const handle = stream._handle;
  if (!handle) {
    process.nextTick(cb);
    return;
  }
  // What the write callback needs to continue: kept on the handle.
  handle.buffer = chunk;
  handle.cb = cb;
  handle.availOutBefore = stream._outBuffer.length - stream._outOffset;
  handle.availInBefore = chunk.byteLength;
  handle.inOff = 0;
  handle.flushFlag = flushFlag;
  handle.write(flushFlag, chunk, 0, handle.availInBefore, stream._outBuffer,
               stream._outOffset, handle.availOutBefore);
}

function continueWrite(handle, stream) {
  handle.write(handle.flushFlag, handle.buffer, handle.inOff,
               handle.availInBefore, stream._outBuffer, stream._outOffset,
               stream._outSize);
}

// The write callback of every handle (`this` is the handle): runs on the
// loop when a threadpool write is done.
function onWriteDone() {
  const handle = this;
  const stream = handle[owner_symbol];
  const state = stream._writeState;

  if (stream.destroyed) {
    handle.buffer = null;
    handle.cb();
    return;
  }

  const outLeft = state[0];
  const inLeft = state[1];
  const inUsed = handle.availInBefore - inLeft;
  stream.bytesWritten += inUsed;

  const produced = handle.availOutBefore - outLeft;
  let readerIsFull = false;
  if (produced > 0) {
    // In Node's pieces: a chunk ends where its chunkSize is full.
    const chunkSize = stream._chunkSize;
    const buffer = stream._outBuffer;
    let start = stream._outOffset;
    const end = start + produced;
    stream._outOffset = end;
    while (start < end) {
      let stop = start - start % chunkSize + chunkSize;
      if (stop > end) stop = end;
      readerIsFull = !stream.push(
        TypedArrayPrototypeSubarray(buffer, start, stop));
      start = stop;
      if (stream.destroyed) break;
    }
  } else {
    assert(produced === 0, 'have should not go down');
  }

  if (stream.destroyed) {
    handle.cb();
    return;
  }

  if (outLeft === 0 || stream._outOffset >= stream._outBuffer.length) {
    handle.availOutBefore = stream._outSize;
    stream._outOffset = 0;
    stream._outBuffer = Buffer.allocUnsafe(stream._outSize);
  }

  if (outLeft === 0) {
    // The output filled up before the input ran out: go on with the rest,
    // at once or, when the reader is full, once it asks for more.
    handle.inOff += inUsed;
    handle.availInBefore = inLeft;
    if (!readerIsFull) {
      continueWrite(handle, stream);
    } else {
      const read = stream._read;
      stream._read = (n) => {
        stream._read = read;
        continueWrite(handle, stream);
        FunctionPrototypeCall(stream._read, stream, n);
      };
    }
    return;
  }

  if (inLeft > 0) {
    // The codec stopped with input left and room to spare: its stream has
    // ended. The rest is trailing data.
    if (stream._rejectGarbageAfterEnd) {
      const err = new ERR_TRAILING_JUNK_AFTER_STREAM_END();
      stream.destroy(err);
      handle.cb(err);
      return;
    }
    stream.push(null);
  }

  handle.buffer = null;
  handle.cb();
}

module.exports = {
  ZlibBase,
  closeHandle,
  kError,
  onWriteDone,
  processChunkSync,
};
