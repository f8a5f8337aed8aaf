'use strict';

// CompressionStream and DecompressionStream: a zlib (or brotli) stream of
// node:zlib seen as a { readable, writable } pair of web streams.

const {
  ArrayPrototypeIncludes,
  ObjectDefineProperties,
  StringPrototypeReplace,
  SymbolToStringTag,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  customInspectSymbol: kInspect,
  kEnumerableProperty,
} = require('internal/util');
const { customInspect } = require('internal/webstreams/util');
const {
  newReadableWritablePairFromDuplex,
} = require('internal/webstreams/adapters');

let zlib;
function lazyZlib() {
  zlib ??= require('zlib');
  return zlib;
}

const kFormats = ['deflate', 'deflate-raw', 'gzip', 'brotli'];

// WebIDL's enum conversion, with its message.
function validateFormat(className, format) {
  format = `${format}`;
  if (!ArrayPrototypeIncludes(kFormats, format)) {
    const error = new ERR_INVALID_ARG_VALUE('format', format);
    const message = `Failed to construct '${className}': 1st argument ` +
      `value '${format}' is not a valid enum value of type ` +
      'CompressionFormat.';
    error.stack = StringPrototypeReplace(error.stack, error.message, message);
    error.message = message;
    throw error;
  }
  return format;
}

class CompressionStream {
  #pair;

  constructor(format) {
    format = validateFormat('CompressionStream', format);
    const z = lazyZlib();
    let engine;
    switch (format) {
      case 'deflate': engine = z.createDeflate(); break;
      case 'deflate-raw': engine = z.createDeflateRaw(); break;
      case 'gzip': engine = z.createGzip(); break;
      case 'brotli': engine = z.createBrotliCompress(); break;
    }
    this.#pair = newReadableWritablePairFromDuplex(engine);
  }

  get readable() {
    return this.#pair.readable;
  }

  get writable() {
    return this.#pair.writable;
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, 'CompressionStream', {
      readable: this.#pair.readable,
      writable: this.#pair.writable,
    });
  }
}

class DecompressionStream {
  #pair;

  constructor(format) {
    format = validateFormat('DecompressionStream', format);
    const z = lazyZlib();
    let engine;
    // Data after the end of a zlib or gzip stream is an error here (the
    // Compression Streams standard), not ignored as node:zlib does.
    switch (format) {
      case 'deflate':
        engine = z.createInflate({ rejectGarbageAfterEnd: true });
        break;
      case 'deflate-raw':
        engine = z.createInflateRaw();
        break;
      case 'gzip':
        engine = z.createGunzip({ rejectGarbageAfterEnd: true });
        break;
      case 'brotli':
        engine = z.createBrotliDecompress();
        break;
    }
    this.#pair = newReadableWritablePairFromDuplex(engine);
    // A decoding error also fails the writable side, so that a writer
    // waiting on it learns of it.
    engine.on('error', (err) => {
      const writable = this.#pair?.writable;
      if (writable && !writable.locked &&
          typeof writable.abort === 'function') {
        writable.abort(err);
      }
    });
  }

  get readable() {
    return this.#pair.readable;
  }

  get writable() {
    return this.#pair.writable;
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, 'DecompressionStream', {
      readable: this.#pair.readable,
      writable: this.#pair.writable,
    });
  }
}

for (const Class of [CompressionStream, DecompressionStream]) {
  ObjectDefineProperties(Class.prototype, {
    readable: kEnumerableProperty,
    writable: kEnumerableProperty,
    [SymbolToStringTag]: {
      __proto__: null, configurable: true, value: Class.name,
    },
  });
}

module.exports = {
  CompressionStream,
  DecompressionStream,
};
