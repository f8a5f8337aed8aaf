'use strict';
// Truncated and corrupt input fail with Node's messages, codes and errnos,
// synchronously and asynchronously.
const common = require('../common');
const assert = require('assert');
const zlib = require('zlib');
const { inspect } = require('util');

const text = 'some text that will be compressed and cut short '.repeat(20);
const truncated = [
  ['gzipSync', 'gunzipSync', 'gunzip'],
  ['gzipSync', 'unzipSync', 'unzip'],
  ['deflateSync', 'inflateSync', 'inflate'],
  ['deflateRawSync', 'inflateRawSync', 'inflateRaw'],
  ['brotliCompressSync', 'brotliDecompressSync', 'brotliDecompress'],
];
const eof = {
  name: 'Error',
  message: 'unexpected end of file',
  code: 'Z_BUF_ERROR',
  errno: -5,
};

for (const [pack, unpackSync, unpack] of truncated) {
  const whole = zlib[pack](text);
  const cut = whole.subarray(0, whole.length - 8);
  assert.throws(() => zlib[unpackSync](cut), eof, unpackSync);
  zlib[unpack](cut, common.mustCall((err, result) => {
    assert.strictEqual(result, undefined);
    assert.strictEqual(err.message, eof.message);
    assert.strictEqual(err.code, eof.code);
    assert.strictEqual(err.errno, eof.errno);
  }));
}

// Not compressed at all.
assert.throws(() => zlib.inflateSync(Buffer.from('hello world')), {
  message: 'incorrect header check', code: 'Z_DATA_ERROR', errno: -3,
});
assert.throws(() => zlib.gunzipSync(Buffer.from('hello world')), {
  message: 'incorrect header check', code: 'Z_DATA_ERROR', errno: -3,
});
assert.throws(() => zlib.inflateRawSync(Buffer.from([0xff, 0xff])), {
  message: 'invalid block type', code: 'Z_DATA_ERROR', errno: -3,
});
// Brotli decoder errors carry Node 24's codes.
assert.throws(() => zlib.brotliDecompressSync(Buffer.from('hello world')), {
  message: 'Decompression failed',
  code: 'ERR__ERROR_FORMAT_CL_SPACE',
  errno: -6,
});
// Empty input is an unexpected end too.
assert.throws(() => zlib.gunzipSync(Buffer.alloc(0)), eof);

// The error is a plain Error with errno and code, shown as Node shows it.
try {
  zlib.inflateSync(Buffer.from('garbage!'));
  assert.fail('should throw');
} catch (err) {
  assert.strictEqual(Object.getPrototypeOf(err), Error.prototype);
  assert.deepStrictEqual(Object.keys(err), ['errno', 'code']);
  const shown = inspect(err).split('\n');
  assert.strictEqual(shown[0], 'Error: incorrect header check');
  assert.deepStrictEqual(shown.slice(-3),
                         ['  errno: -3,', "  code: 'Z_DATA_ERROR'", '}']);
}

// A stream emits the error once and is destroyed.
const gunzip = zlib.createGunzip();
gunzip.on('error', common.mustCall((err) => {
  assert.strictEqual(err.code, 'Z_DATA_ERROR');
  assert.strictEqual(gunzip.destroyed, true);
  assert.strictEqual(gunzip._handle, null);
}));
gunzip.end('definitely not gzip');
