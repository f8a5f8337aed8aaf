'use strict';

// CompressionStream and DecompressionStream. They need zlib, which lode does
// not have yet: the format is checked as Node checks it, then construction
// throws ERR_NOT_IMPLEMENTED.

const {
  ArrayPrototypeIncludes,
  ObjectDefineProperties,
  StringPrototypeReplace,
  SymbolToStringTag,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_NOT_IMPLEMENTED,
  },
} = require('internal/errors');

const kFormats = ['deflate', 'deflate-raw', 'gzip', 'brotli'];

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
  constructor(format) {
    validateFormat('CompressionStream', format);
    throw new ERR_NOT_IMPLEMENTED('CompressionStream');
  }

  get readable() { return undefined; }

  get writable() { return undefined; }
}

class DecompressionStream {
  constructor(format) {
    validateFormat('DecompressionStream', format);
    throw new ERR_NOT_IMPLEMENTED('DecompressionStream');
  }

  get readable() { return undefined; }

  get writable() { return undefined; }
}

for (const Class of [CompressionStream, DecompressionStream]) {
  ObjectDefineProperties(Class.prototype, {
    [SymbolToStringTag]: {
      __proto__: null, configurable: true, value: Class.name,
    },
  });
}

module.exports = {
  CompressionStream,
  DecompressionStream,
};
