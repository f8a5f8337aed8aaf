'use strict';

// node:zlib: deflate/inflate/gzip (zlib) and brotli streams and one-step
// helpers. The streams live in lib/internal/zlib/, the codecs in
// src/lode_zlib.cc.

const {
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectEntries,
  ObjectFreeze,
  ObjectKeys,
  StringPrototypeStartsWith,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
  },
} = require('internal/errors');
const { isArrayBufferView } = require('internal/util/types');
const { validateUint32 } = require('internal/validators');
const {
  Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip,
  BrotliCompress, BrotliDecompress, ZstdCompress, ZstdDecompress,
} = require('internal/zlib/codecs');
const { makeOneShot } = require('internal/zlib/oneshot');

const binding = internalBinding('zlib');
const constants = internalBinding('constants').zlib;

// The legacy table of zlib return codes, both ways (name -> number and
// number -> name).
const codes = {
  Z_OK: constants.Z_OK,
  Z_STREAM_END: constants.Z_STREAM_END,
  Z_NEED_DICT: constants.Z_NEED_DICT,
  Z_ERRNO: constants.Z_ERRNO,
  Z_STREAM_ERROR: constants.Z_STREAM_ERROR,
  Z_DATA_ERROR: constants.Z_DATA_ERROR,
  Z_MEM_ERROR: constants.Z_MEM_ERROR,
  Z_BUF_ERROR: constants.Z_BUF_ERROR,
  Z_VERSION_ERROR: constants.Z_VERSION_ERROR,
};
for (const name of ObjectKeys(codes)) codes[codes[name]] = name;

function crc32(data, value = 0) {
  if (typeof data !== 'string' && !isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE(
      'data', ['Buffer', 'TypedArray', 'DataView', 'string'], data);
  }
  validateUint32(value, 'value');
  return binding.crc32(data, value);
}

module.exports = {
  crc32,
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

  deflate: makeOneShot(Deflate, false),
  deflateSync: makeOneShot(Deflate, true),
  gzip: makeOneShot(Gzip, false),
  gzipSync: makeOneShot(Gzip, true),
  deflateRaw: makeOneShot(DeflateRaw, false),
  deflateRawSync: makeOneShot(DeflateRaw, true),
  unzip: makeOneShot(Unzip, false),
  unzipSync: makeOneShot(Unzip, true),
  inflate: makeOneShot(Inflate, false),
  inflateSync: makeOneShot(Inflate, true),
  gunzip: makeOneShot(Gunzip, false),
  gunzipSync: makeOneShot(Gunzip, true),
  inflateRaw: makeOneShot(InflateRaw, false),
  inflateRawSync: makeOneShot(InflateRaw, true),
  brotliCompress: makeOneShot(BrotliCompress, false),
  brotliCompressSync: makeOneShot(BrotliCompress, true),
  brotliDecompress: makeOneShot(BrotliDecompress, false),
  brotliDecompressSync: makeOneShot(BrotliDecompress, true),
  zstdCompress: makeOneShot(ZstdCompress, false),
  zstdCompressSync: makeOneShot(ZstdCompress, true),
  zstdDecompress: makeOneShot(ZstdDecompress, false),
  zstdDecompressSync: makeOneShot(ZstdDecompress, true),
};

function factory(Class) {
  return {
    __proto__: null,
    configurable: true,
    enumerable: true,
    value: function(options) {
      return new Class(options);
    },
  };
}

ObjectDefineProperties(module.exports, {
  createDeflate: factory(Deflate),
  createInflate: factory(Inflate),
  createDeflateRaw: factory(DeflateRaw),
  createInflateRaw: factory(InflateRaw),
  createGzip: factory(Gzip),
  createGunzip: factory(Gunzip),
  createUnzip: factory(Unzip),
  createBrotliCompress: factory(BrotliCompress),
  createBrotliDecompress: factory(BrotliDecompress),
  createZstdCompress: factory(ZstdCompress),
  createZstdDecompress: factory(ZstdDecompress),
  constants: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    value: constants,
  },
  codes: {
    __proto__: null,
    enumerable: true,
    writable: false,
    value: ObjectFreeze(codes),
  },
});

// Deprecated: the zlib (not brotli) constants on the module itself, hidden
// from enumeration.
for (const { 0: name, 1: value } of ObjectEntries(constants)) {
  if (StringPrototypeStartsWith(name, 'BROTLI')) continue;
  ObjectDefineProperty(module.exports, name, {
    __proto__: null,
    enumerable: false,
    value,
    writable: false,
  });
}
