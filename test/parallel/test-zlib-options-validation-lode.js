'use strict';
// Options are checked as Node checks them: type, range, and which values
// fall back to the defaults.
require('../common');
const assert = require('assert');
const zlib = require('zlib');

function outOfRange(name, range, received) {
  return {
    code: 'ERR_OUT_OF_RANGE',
    name: 'RangeError',
    message: `The value of "${name}" is out of range. It must be ${range}. ` +
             `Received ${received}`,
  };
}

assert.throws(() => zlib.createGzip({ chunkSize: 0 }),
              outOfRange('options.chunkSize', '>= 64', 0));
assert.throws(() => zlib.createGzip({ windowBits: 8 }),
              outOfRange('options.windowBits', '>= 9 and <= 15', 8));
assert.throws(() => zlib.createDeflate({ windowBits: 16 }),
              outOfRange('options.windowBits', '>= 8 and <= 15', 16));
assert.throws(() => zlib.createDeflate({ level: 10 }),
              outOfRange('options.level', '>= -1 and <= 9', 10));
assert.throws(() => zlib.createDeflate({ memLevel: 0 }),
              outOfRange('options.memLevel', '>= 1 and <= 9', 0));
assert.throws(() => zlib.createDeflate({ strategy: 5 }),
              outOfRange('options.strategy', '>= 0 and <= 4', 5));
assert.throws(() => zlib.createDeflate({ level: Infinity }),
              outOfRange('options.level', 'a finite number', 'Infinity'));
assert.throws(() => zlib.createDeflate({ level: '1' }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.level" property must be of type number. ' +
           "Received type string ('1')",
});

// NaN and undefined mean "the default".
assert.strictEqual(zlib.createGzip({ level: NaN })._level, -1);
assert.strictEqual(zlib.createGzip({ strategy: NaN })._strategy, 0);
assert.strictEqual(zlib.createGzip({ chunkSize: NaN })._chunkSize, 16384);
// windowBits 0 means "from the header" for inflaters only.
zlib.createInflate({ windowBits: 0 });
zlib.createUnzip({ windowBits: 0 });
assert.throws(() => zlib.createInflateRaw({ windowBits: 0 }),
              outOfRange('options.windowBits', '>= 8 and <= 15', 0));
// DeflateRaw turns windowBits 8 into 9 (in the caller's object).
const opts = { windowBits: 8 };
zlib.createDeflateRaw(opts);
assert.strictEqual(opts.windowBits, 9);

// The stream always carries bytes.
const s = zlib.createGzip({ encoding: 'hex', objectMode: true });
assert.strictEqual(s.readableObjectMode, false);
assert.strictEqual(s.writableObjectMode, false);

// Input of the Sync helpers.
for (const bad of [undefined, null, true, 0, [1, 2], { a: 1 }]) {
  assert.throws(() => zlib.gzipSync(bad), {
    code: 'ERR_INVALID_ARG_TYPE',
    name: 'TypeError',
  });
}

// Brotli parameters.
const { BROTLI_PARAM_MODE, BROTLI_PARAM_QUALITY } = zlib.constants;
assert.throws(() => zlib.createBrotliCompress({ params: { foo: 1 } }), {
  code: 'ERR_BROTLI_INVALID_PARAM',
  name: 'RangeError',
  message: 'foo is not a valid Brotli parameter',
});
assert.throws(() => zlib.createBrotliCompress({ params: { 9: 1 } }), {
  code: 'ERR_BROTLI_INVALID_PARAM',
});
assert.throws(() => zlib.createBrotliCompress({
  params: { [BROTLI_PARAM_MODE]: 'text' },
}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.params[key]" property must be of type number. ' +
           "Received type string ('text')",
});
// Booleans are numbers here; brotli clamps out-of-range values.
zlib.brotliCompressSync('x', { params: { [BROTLI_PARAM_QUALITY]: 100 } });
zlib.brotliCompressSync('x', { params: { 4: true } });
// The decoder refuses an encoder parameter.
assert.throws(() => zlib.createBrotliDecompress({ params: { 2: 1 } }), {
  name: 'Error',
  code: 'ERR_ZLIB_INITIALIZATION_FAILED',
  message: 'Initialization failed',
});

// zstd: parameters are checked before the library sees them.
assert.throws(() => new zlib.ZstdDecompress({ params: { foo: 1 } }), {
  code: 'ERR_ZSTD_INVALID_PARAM',
  message: 'foo is not a valid zstd parameter',
});
