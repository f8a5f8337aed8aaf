'use strict';

// The bridges between Node's streams and the WHATWG streams:
// Readable.toWeb/fromWeb, Writable.toWeb/fromWeb, Duplex.toWeb/fromWeb.

const {
  ObjectKeys,
  PromisePrototypeThen,
  PromiseResolve,
  SafePromiseAll,
  SafeSet,
  TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteLength,
  TypedArrayPrototypeGetByteOffset,
  Uint8Array,
} = primordials;

const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_STREAM_PREMATURE_CLOSE,
  },
} = require('internal/errors');
const {
  kEmptyObject,
  normalizeEncoding,
} = require('internal/util');
const {
  validateBoolean,
  validateObject,
} = require('internal/validators');
const { isAnyArrayBuffer } = require('internal/util/types');
const { Buffer } = require('buffer');
const { TextEncoder } = require('internal/encoding');
const {
  ReadableStream,
  isReadableStream,
} = require('internal/webstreams/readablestream');
const {
  WritableStream,
  isWritableStream,
} = require('internal/webstreams/writablestream');
const {
  CountQueuingStrategy,
  ByteLengthQueuingStrategy,
} = require('internal/webstreams/queuingstrategies');
const { createDeferred } = require('internal/webstreams/util');
const {
  isDestroyed,
  isReadable,
  isWritable,
  isWritableEnded,
} = require('internal/streams/utils');
const eos = require('internal/streams/end-of-stream');
const { destroyer: destroy } = require('internal/streams/destroy');

let Readable;
let Writable;
let Duplex;
let encoder;

function nop() {}

// The codes a zlib handle fails with: Z_NEED_DICT and the negative zlib
// return codes (Z_DATA_ERROR, Z_BUF_ERROR, ...).
let zlibFailureCodes;
function isZlibFailure(code) {
  if (typeof code !== 'string') return false;
  if (zlibFailureCodes === undefined) {
    zlibFailureCodes = new SafeSet(['Z_NEED_DICT']);
    const constants = internalBinding('constants').zlib;
    for (const name of ObjectKeys(constants)) {
      if (constants[name] < 0) zlibFailureCodes.add(name);
    }
  }
  return zlibFailureCodes.has(code);
}

// What a Node stream's end reports, as the web stream should see it: a
// premature close is an abort, a zlib failure (a CompressionStream's) a
// TypeError that keeps the code and has the original as its cause.
function handleKnownInternalErrors(cause) {
  if (cause?.code === 'ERR_STREAM_PREMATURE_CLOSE') {
    return new AbortError(undefined, { cause });
  }
  if (isZlibFailure(cause?.code)) {
    // eslint-disable-next-line no-restricted-syntax
    const error = new TypeError(undefined, { cause });
    error.code = cause.code;
    return error;
  }
  return cause;
}

// Calls a Node stream callback; what it throws destroys `stream` on the
// next tick instead of rejecting a promise nobody watches.
function callbackSafely(callback, error, stream) {
  try {
    callback(error);
  } catch (thrown) {
    process.nextTick(() => destroy(stream, thrown));
  }
}

// ---- stream.Writable -> WritableStream ---------------------------------

function newWritableStreamFromStreamWritable(streamWritable) {
  // A Duplex whose writable side is off passes this check: it gets a
  // closed WritableStream.
  if (typeof streamWritable?.write !== 'function' ||
      typeof streamWritable?.on !== 'function') {
    throw new ERR_INVALID_ARG_TYPE(
      'streamWritable', 'stream.Writable', streamWritable);
  }

  if (isDestroyed(streamWritable) || !isWritable(streamWritable)) {
    const writable = new WritableStream();
    writable.close();
    return writable;
  }

  const highWaterMark = streamWritable.writableHighWaterMark;
  const strategy = streamWritable.writableObjectMode ?
    new CountQueuingStrategy({ highWaterMark }) :
    {
      highWaterMark,
      size(chunk) {
        return chunk?.byteLength ?? chunk?.length ?? 1;
      },
    };

  let controller;
  let backpressure;
  let closed;

  function onDrain() {
    if (backpressure !== undefined) {
      const { resolve } = backpressure;
      backpressure = undefined;
      resolve();
    }
  }

  const cleanup = eos(streamWritable, (error) => {
    error = handleKnownInternalErrors(error);
    cleanup();
    // Legacy streams may emit 'error' again after finishing.
    streamWritable.on('error', nop);
    if (error != null) {
      if (backpressure !== undefined) {
        const { reject } = backpressure;
        backpressure = undefined;
        reject(error);
      }
      if (closed !== undefined) {
        closed.reject(error);
        closed = undefined;
      }
      controller?.error(error);
      controller = undefined;
      return;
    }
    if (closed !== undefined) {
      closed.resolve();
      closed = undefined;
      return;
    }
    controller?.error(new AbortError());
    controller = undefined;
  });

  streamWritable.on('drain', onDrain);

  return new WritableStream({
    start(c) {
      controller = c;
    },

    write(chunk) {
      if (!streamWritable.writableObjectMode && isAnyArrayBuffer(chunk)) {
        chunk = new Uint8Array(chunk);
      }
      if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
        backpressure = createDeferred();
        return backpressure.promise;
      }
    },

    abort(reason) {
      destroy(streamWritable, reason);
    },

    close() {
      if (closed === undefined && !isWritableEnded(streamWritable)) {
        closed = createDeferred();
        streamWritable.end();
        return closed.promise;
      }
      controller = undefined;
      return PromiseResolve();
    },
  }, strategy);
}

// ---- WritableStream -> stream.Writable ---------------------------------

function toBytes(chunk, encoding) {
  if (normalizeEncoding(encoding) === 'utf8') {
    encoder ??= new TextEncoder();
    return encoder.encode(chunk);
  }
  const buffer = Buffer.from(chunk, encoding);
  return new Uint8Array(TypedArrayPrototypeGetBuffer(buffer),
                        TypedArrayPrototypeGetByteOffset(buffer),
                        TypedArrayPrototypeGetByteLength(buffer));
}

function newStreamWritableFromWritableStream(writableStream,
                                             options = kEmptyObject) {
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE(
      'writableStream', 'WritableStream', writableStream);
  }
  validateObject(options, 'options');
  const {
    highWaterMark,
    decodeStrings = true,
    objectMode = false,
    signal,
  } = options;
  validateBoolean(objectMode, 'options.objectMode');
  validateBoolean(decodeStrings, 'options.decodeStrings');

  Writable ??= require('internal/streams/writable');
  const writer = writableStream.getWriter();
  let closed = false;

  const writable = new Writable({
    highWaterMark,
    objectMode,
    decodeStrings,
    signal,

    writev(chunks, callback) {
      function done(error) {
        callbackSafely(callback, error, writable);
      }
      PromisePrototypeThen(
        writer.ready,
        () => PromisePrototypeThen(
          SafePromiseAll(chunks, (data) => writer.write(data.chunk)),
          () => done(),
          done),
        done);
    },

    write(chunk, encoding, callback) {
      if (typeof chunk === 'string' && decodeStrings && !objectMode) {
        chunk = toBytes(chunk, encoding);
      }
      function done(error) {
        callbackSafely(callback, error, writable);
      }
      PromisePrototypeThen(
        writer.ready,
        () => PromisePrototypeThen(writer.write(chunk), () => done(), done),
        done);
    },

    destroy(error, callback) {
      function done() {
        try {
          callback(error);
        } catch (thrown) {
          process.nextTick(() => { throw thrown; });
        }
      }
      if (!closed) {
        PromisePrototypeThen(
          error != null ? writer.abort(error) : writer.close(),
          done, done);
        return;
      }
      done();
    },

    final(callback) {
      if (!closed) {
        PromisePrototypeThen(
          writer.close(),
          () => callbackSafely(callback, undefined, writable),
          (error) => callbackSafely(callback, error, writable));
      }
    },
  });

  PromisePrototypeThen(
    writer.closed,
    () => {
      // The WritableStream closed before the Writable ended.
      closed = true;
      if (!isWritableEnded(writable)) {
        destroy(writable, new ERR_STREAM_PREMATURE_CLOSE());
      }
    },
    (error) => {
      closed = true;
      destroy(writable, error);
    });

  return writable;
}

// ---- stream.Readable -> ReadableStream ---------------------------------

function newReadableStreamFromStreamReadable(streamReadable,
                                             options = kEmptyObject) {
  // A Duplex whose readable side is off passes this check: it gets a
  // canceled ReadableStream.
  if (typeof streamReadable?._readableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE(
      'streamReadable', 'stream.Readable', streamReadable);
  }

  if (isDestroyed(streamReadable) || !isReadable(streamReadable)) {
    const readable = new ReadableStream();
    readable.cancel();
    return readable;
  }

  const objectMode = streamReadable.readableObjectMode;
  const highWaterMark = streamReadable.readableHighWaterMark;
  const strategy = options?.strategy ?? (objectMode ?
    new CountQueuingStrategy({ highWaterMark }) :
    new ByteLengthQueuingStrategy({ highWaterMark }));

  let controller;
  let finished = false;

  function onData(chunk) {
    if (finished) return;
    // A copy, so that the chunk does not keep a pooled Buffer alive.
    if (Buffer.isBuffer(chunk) && !objectMode) {
      chunk = new Uint8Array(chunk);
    }
    controller.enqueue(chunk);
    if (controller.desiredSize <= 0) streamReadable.pause();
  }

  const readableStream = new ReadableStream({
    start(c) {
      controller = c;
    },

    pull() {
      streamReadable.resume();
    },

    cancel(reason) {
      finished = true;
      destroy(streamReadable, reason);
    },
  }, strategy);

  // For a Duplex, the readable side finishing is enough.
  const cleanup = eos(streamReadable, { writable: false }, (error) => {
    error = handleKnownInternalErrors(error);
    cleanup();
    // Legacy streams may emit 'error' again after finishing.
    streamReadable.on('error', nop);
    if (finished) return;
    finished = true;
    if (error) {
      controller.error(error);
      return;
    }
    controller.close();
  });

  streamReadable.pause();
  streamReadable.on('data', onData);

  return readableStream;
}

// ---- ReadableStream -> stream.Readable ---------------------------------

function newStreamReadableFromReadableStream(readableStream,
                                             options = kEmptyObject) {
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE(
      'readableStream', 'ReadableStream', readableStream);
  }
  validateObject(options, 'options');
  const {
    highWaterMark,
    encoding,
    objectMode = false,
    signal,
  } = options;
  if (encoding !== undefined && !Buffer.isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE('options.encoding', encoding);
  }
  validateBoolean(objectMode, 'options.objectMode');

  Readable ??= require('internal/streams/readable');
  const reader = readableStream.getReader();
  let closed = false;

  const readable = new Readable({
    objectMode,
    highWaterMark,
    encoding,
    signal,

    read() {
      PromisePrototypeThen(
        reader.read(),
        (result) => {
          if (result.done) {
            readable.push(null);
          } else {
            readable.push(result.value);
          }
        },
        (error) => destroy(readable, error));
    },

    destroy(error, callback) {
      function done() {
        try {
          callback(error);
        } catch (thrown) {
          process.nextTick(() => { throw thrown; });
        }
      }
      if (!closed) {
        PromisePrototypeThen(reader.cancel(error), done, done);
        return;
      }
      done();
    },
  });

  PromisePrototypeThen(
    reader.closed,
    () => { closed = true; },
    (error) => {
      closed = true;
      destroy(readable, error);
    });

  return readable;
}

// ---- Duplex <-> { readable, writable } ---------------------------------

function newReadableWritablePairFromDuplex(duplex, options = kEmptyObject) {
  if (typeof duplex?._writableState !== 'object' ||
      typeof duplex?._readableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('duplex', 'stream.Duplex', duplex);
  }

  if (isDestroyed(duplex)) {
    const writable = new WritableStream();
    const readable = new ReadableStream();
    writable.close();
    readable.cancel();
    return { readable, writable };
  }

  let writable;
  if (isWritable(duplex)) {
    writable = newWritableStreamFromStreamWritable(duplex);
  } else {
    writable = new WritableStream();
    writable.close();
  }

  let readable;
  if (isReadable(duplex)) {
    readable = newReadableStreamFromStreamReadable(duplex, options);
  } else {
    readable = new ReadableStream();
    readable.cancel();
  }

  return { writable, readable };
}

function newStreamDuplexFromReadableWritablePair(pair = kEmptyObject,
                                                 options = kEmptyObject) {
  validateObject(pair, 'pair');
  const {
    readable: readableStream,
    writable: writableStream,
  } = pair;
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE(
      'pair.readable', 'ReadableStream', readableStream);
  }
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE(
      'pair.writable', 'WritableStream', writableStream);
  }

  validateObject(options, 'options');
  const {
    allowHalfOpen = false,
    objectMode = false,
    encoding,
    decodeStrings = true,
    highWaterMark,
    signal,
  } = options;
  validateBoolean(objectMode, 'options.objectMode');
  if (encoding !== undefined && !Buffer.isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE('options.encoding', encoding);
  }

  Duplex ??= require('internal/streams/duplex');
  const writer = writableStream.getWriter();
  const reader = readableStream.getReader();
  let writableClosed = false;
  let readableClosed = false;

  const duplex = new Duplex({
    allowHalfOpen,
    highWaterMark,
    objectMode,
    encoding,
    decodeStrings,
    signal,

    writev(chunks, callback) {
      function done(error) {
        callbackSafely(callback, error, duplex);
      }
      PromisePrototypeThen(
        writer.ready,
        () => PromisePrototypeThen(
          SafePromiseAll(chunks, (data) => writer.write(data.chunk)),
          () => done(),
          done),
        done);
    },

    write(chunk, encoding, callback) {
      if (typeof chunk === 'string' && decodeStrings && !objectMode) {
        chunk = toBytes(chunk, encoding);
      }
      function done(error) {
        callbackSafely(callback, error, duplex);
      }
      PromisePrototypeThen(
        writer.ready,
        () => PromisePrototypeThen(writer.write(chunk), () => done(), done),
        done);
    },

    final(callback) {
      function done(error) {
        callbackSafely(callback, error, duplex);
      }
      if (!writableClosed) {
        PromisePrototypeThen(writer.close(), () => done(), done);
      }
    },

    read() {
      PromisePrototypeThen(
        reader.read(),
        (result) => {
          if (result.done) {
            duplex.push(null);
          } else {
            duplex.push(result.value);
          }
        },
        (error) => destroy(duplex, error));
    },

    destroy(error, callback) {
      function done() {
        try {
          callback(error);
        } catch (thrown) {
          process.nextTick(() => { throw thrown; });
        }
      }
      const closeWriter = () => {
        if (!writableClosed) return writer.abort(error);
      };
      const closeReader = () => {
        if (!readableClosed) return reader.cancel(error);
      };
      if (!writableClosed || !readableClosed) {
        PromisePrototypeThen(
          SafePromiseAll([closeWriter(), closeReader()]), done, done);
        return;
      }
      done();
    },
  });

  PromisePrototypeThen(
    writer.closed,
    () => {
      writableClosed = true;
      if (!isWritableEnded(duplex)) {
        destroy(duplex, new ERR_STREAM_PREMATURE_CLOSE());
      }
    },
    (error) => {
      writableClosed = true;
      readableClosed = true;
      destroy(duplex, error);
    });

  PromisePrototypeThen(
    reader.closed,
    () => { readableClosed = true; },
    (error) => {
      writableClosed = true;
      readableClosed = true;
      destroy(duplex, error);
    });

  return duplex;
}

module.exports = {
  newWritableStreamFromStreamWritable,
  newReadableStreamFromStreamReadable,
  newStreamWritableFromWritableStream,
  newStreamReadableFromReadableStream,
  newReadableWritablePairFromDuplex,
  newStreamDuplexFromReadableWritablePair,
};
