'use strict';

// The one-step helpers of node:zlib (deflate(buf, cb), deflateSync(buf),
// ...): a fresh stream compresses or decompresses one input whole.

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
const { validateFunction } = require('internal/validators');
const { processChunkSync } = require('internal/zlib/stream');

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

function runAsync(engine, input, callback) {
  validateFunction(callback, 'callback');
  // The stream takes Uint8Arrays; other views and ArrayBuffers are wrapped
  // without a copy.
  if (isArrayBufferView(input) && !isUint8Array(input)) {
    input = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  } else if (isAnyArrayBuffer(input)) {
    input = Buffer.from(input);
  }
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
