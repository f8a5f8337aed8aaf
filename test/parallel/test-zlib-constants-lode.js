'use strict';
// zlib.constants (Node 24's names and values, read-only), the legacy codes
// table and the hidden zlib constants on the module.
require('../common');
const assert = require('assert');
const zlib = require('zlib');

const { constants } = zlib;
const expected = {
  Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3,
  Z_FINISH: 4, Z_BLOCK: 5, Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2,
  Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4,
  Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6, Z_DEFAULT_COMPRESSION: -1,
  Z_FIXED: 4, DEFLATE: 1, UNZIP: 7, BROTLI_DECODE: 8, BROTLI_ENCODE: 9,
  ZSTD_COMPRESS: 10, ZSTD_DECOMPRESS: 11, Z_MIN_CHUNK: 64,
  Z_MAX_CHUNK: Infinity, Z_DEFAULT_CHUNK: 16384, Z_DEFAULT_LEVEL: -1,
  BROTLI_OPERATION_EMIT_METADATA: 3, BROTLI_PARAM_NDIRECT: 8,
  BROTLI_LARGE_MAX_WINDOW_BITS: 30, BROTLI_DEFAULT_WINDOW: 22,
  BROTLI_DECODER_ERROR_FORMAT_PADDING_2: -15,
  BROTLI_DECODER_ERROR_UNREACHABLE: -31, ZSTD_c_overlapLog: 402,
  ZSTD_error_noForwardProgress_inputEmpty: 82,
};
for (const [name, value] of Object.entries(expected)) {
  assert.strictEqual(constants[name], value, name);
}
assert.strictEqual(Object.keys(constants).length, 170);
const names = Object.keys(constants);
assert.strictEqual(names[0], 'Z_NO_FLUSH');
assert.strictEqual(names[names.length - 1],
                   'ZSTD_error_noForwardProgress_inputEmpty');
assert.strictEqual(Object.getPrototypeOf(constants), null);
assert.strictEqual(constants.ZLIB_VERNUM > 0x1200, true);

assert.throws(() => { constants.Z_OK = 1; }, TypeError);
assert.throws(() => { zlib.constants = {}; }, TypeError);
assert(Object.isFrozen(zlib.codes));
assert.strictEqual(zlib.codes.Z_DATA_ERROR, -3);
assert.strictEqual(zlib.codes['-3'], 'Z_DATA_ERROR');
assert.strictEqual(zlib.codes[2], 'Z_NEED_DICT');

// The zlib constants are also on the module, not enumerable; brotli's not.
assert.strictEqual(zlib.Z_BEST_COMPRESSION, 9);
assert.strictEqual(zlib.DEFLATERAW, 5);
assert.strictEqual('BROTLI_PARAM_MODE' in zlib, false);
assert.strictEqual(Object.keys(zlib).includes('Z_OK'), false);
assert.strictEqual(Object.keys(zlib).length, 47);
