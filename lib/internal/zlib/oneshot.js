'use strict';

// The one-step helpers of node:zlib (deflate(buf, cb), deflateSync(buf),
// ...): a fresh stream compresses or decompresses one input whole. A zlib
// handle first offers the input to its whole-buffer path (libdeflate, see
// writeWhole in src/lode_zlib.cc); when that declines or gives up, the
// stream does the work with zlib, which also makes every error zlib's.

const {
  ArrayPrototypePush,
} = primordials;

const {
  codes: {
    ERR_BUFFER_TOO_LARGE,
    ERR_INVALID_ARG_TYPE,
  },
} = require('internal/errors');
const {
  isArrayBufferView,
  isAnyArrayBuffer,
  isUint8Array,
} = require('internal/util/types');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const { bindHandle, owner_symbol } = require('internal/async_hooks');
const { validateFunction } = require('internal/validators');
const { closeHandle, processChunkSync } = require('internal/zlib/stream');
const { Z_FINISH } = internalBinding('constants').zlib;

// Whether the whole-buffer path may take this engine's input: only a zlib
// handle has one, and only the way Node finishes (Z_FINISH) and keeps
// what follows the end of the stream.
function canWriteWhole(engine) {
  return engine._finishFlushFlag === Z_FINISH &&
    !engine._rejectGarbageAfterEnd &&
    typeof engine._handle?.writeWholeSync === 'function';
}

function wholeResult(engine, output, consumed) {
  engine.bytesWritten = consumed;
  return output.byteLength === 0 ? Buffer.alloc(0) : new FastBuffer(output);
}

function collectChunk(chunk) {
  if (this.buffers === null) {
    this.buffers = [chunk];
  } else {
    ArrayPrototypePush(this.buffers, chunk);
  }
  this.nread += chunk.length;
  if (this.nread > this._maxOutputLength) {
    this.close();
    this.removeAllListeners('end');
    this.cb(new ERR_BUFFER_TOO_LARGE(this._maxOutputLength));
  }
}

function collectError(err) {
  this.removeAllListeners('end');
  this.cb(err);
}

function collectEnd() {
  let result;
  if (this.nread === 0) {
    result = Buffer.alloc(0);
  } else if (this.buffers.length === 1) {
    result = this.buffers[0];
  } else {
    result = Buffer.concat(this.buffers, this.nread);
  }
  this.close();
  if (this._info) {
    this.cb(null, { buffer: result, engine: this });
  } else {
    this.cb(null, result);
  }
}

// The whole-buffer path's answer (`this` is the handle): the output, or
// nothing when the stream has to do the work.
function onWholeDone(output, consumed) {
  const engine = this[owner_symbol];
  if (output === undefined) {
    runStream(engine, engine.wholeInput, engine.cb);
    return;
  }
  engine.wholeInput = null;
  const result = wholeResult(engine, output, consumed);
  engine.close();
  if (engine._info) {
    engine.cb(null, { buffer: result, engine });
  } else {
    engine.cb(null, result);
  }
}

function runAsync(engine, input, callback) {
  validateFunction(callback, 'callback');
  // The stream takes Uint8Arrays; other views and ArrayBuffers are wrapped
  // without a copy.
  if (isArrayBufferView(input) && !isUint8Array(input)) {
    input = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  } else if (isAnyArrayBuffer(input)) {
    input = Buffer.from(input);
  }
  if (typeof input === 'string' && canWriteWhole(engine)) {
    input = Buffer.from(input);
  }
  if (canWriteWhole(engine) && isUint8Array(input)) {
    const handle = engine._handle;
    engine.cb = callback;
    engine.wholeInput = input;
    if (handle.writeWhole(input, engine._maxOutputLength,
                          bindHandle(handle, 'ZLIB', onWholeDone))) {
      return;
    }
    engine.wholeInput = null;
  }
  runStream(engine, input, callback);
}

function runStream(engine, input, callback) {
  engine.wholeInput = null;
  engine.buffers = null;
  engine.nread = 0;
  engine.cb = callback;
  engine.on('data', collectChunk);
  engine.on('error', collectError);
  engine.on('end', collectEnd);
  engine.end(input);
}

function runSync(engine, input) {
  if (typeof input === 'string') {
    input = Buffer.from(input);
  } else if (!isArrayBufferView(input)) {
    if (!isAnyArrayBuffer(input)) {
      throw new ERR_INVALID_ARG_TYPE(
        'buffer', ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'],
        input);
    }
    input = Buffer.from(input);
  }
  if (canWriteWhole(engine)) {
    const whole = engine._handle.writeWholeSync(input,
                                                engine._maxOutputLength);
    if (whole) {
      const output = wholeResult(engine, whole[0], whole[1]);
      closeHandle(engine);
      return engine._info ? { buffer: output, engine } : output;
    }
  }
  const output = processChunkSync(engine, input, engine._finishFlushFlag);
  return engine._info ? { buffer: output, engine } : output;
}

function makeOneShot(Class, sync) {
  if (sync) {
    return function syncBufferWrapper(buffer, opts) {
      return runSync(new Class(opts), buffer);
    };
  }
  return function asyncBufferWrapper(buffer, opts, callback) {
    if (typeof opts === 'function') {
      callback = opts;
      opts = {};
    }
    return runAsync(new Class(opts), buffer, callback);
  };
}

module.exports = {
  makeOneShot,
};
