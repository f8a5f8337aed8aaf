'use strict';
// zstd over the system libzstd: one-shot, streaming with small chunks,
// parameters, pledged sizes, dictionaries, reset, and Node's errors.
const common = require('../common');
const assert = require('assert');
const zlib = require('zlib');
const { randomBytes } = require('crypto');

const { constants } = zlib;
const text = Buffer.from('zstd in lode, a line that repeats. '.repeat(500));

// One-shot, both ways; a frame always starts with zstd's magic number.
const packed = zlib.zstdCompressSync(text);
assert.deepStrictEqual(packed.subarray(0, 4),
                       Buffer.from([0x28, 0xb5, 0x2f, 0xfd]));
assert(packed.length < text.length / 10);
assert.deepStrictEqual(zlib.zstdDecompressSync(packed), text);
zlib.zstdCompress(text, common.mustSucceed((out) => {
  zlib.zstdDecompress(out, common.mustSucceed((back) => {
    assert.deepStrictEqual(back, text);
  }));
}));

// An empty input is a 9-byte frame. As in Node, the one-shot decoder
// stops after the first frame.
assert.strictEqual(zlib.zstdCompressSync(Buffer.alloc(0)).length, 9);
assert(zlib.zstdDecompressSync(Buffer.concat([packed, packed])).equals(text));

// Streams with a small chunk size, random (incompressible) data.
const noise = randomBytes(100 * 1024);
const chunks = [];
const compress = zlib.createZstdCompress({ chunkSize: 64 });
const decompress = zlib.createZstdDecompress({ chunkSize: 64 });
compress.pipe(decompress);
decompress.on('data', (c) => chunks.push(c));
decompress.on('end', common.mustCall(() => {
  assert.deepStrictEqual(Buffer.concat(chunks), noise);
}));
compress.end(noise);

// Parameters: a higher level compresses better; the checksum adds 4 bytes.
const fast = zlib.zstdCompressSync(text, {
  params: { [constants.ZSTD_c_compressionLevel]: 1 },
});
const slow = zlib.zstdCompressSync(text, {
  params: { [constants.ZSTD_c_compressionLevel]: 19 },
});
assert(slow.length <= fast.length);
assert.strictEqual(
  zlib.zstdCompressSync('abc', {
    params: { [constants.ZSTD_c_checksumFlag]: true },
  }).length,
  zlib.zstdCompressSync('abc').length + 4);

// A value libzstd refuses, a key it does not know, a key out of range.
assert.throws(() => zlib.createZstdCompress({
  params: { [constants.ZSTD_c_strategy]: 130 },
}), {
  name: 'Error',
  code: 'ERR_ZLIB_INITIALIZATION_FAILED',
  message: 'Setting parameter failed',
});
assert.throws(() => zlib.zstdCompressSync('x', { params: { 150: 1 } }), {
  code: 'ERR_ZLIB_INITIALIZATION_FAILED',
});
assert.throws(() => zlib.createZstdDecompress({ params: { 101: 1 } }), {
  name: 'RangeError',
  code: 'ERR_ZSTD_INVALID_PARAM',
  message: '101 is not a valid zstd parameter',
});

// pledgedSrcSize: negative is refused; a streamed size that differs fails.
assert.throws(() => zlib.createZstdCompress({ pledgedSrcSize: -1 }), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_VALUE',
  message: 'pledgedSrcSize may not be negative',
});
const pledged = zlib.createZstdCompress({ pledgedSrcSize: 10 });
pledged.on('error', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ZSTD_error_srcSize_wrong');
  assert.strictEqual(err.errno, 72);
  assert.strictEqual(err.message, 'Src size is incorrect');
}));
pledged.write('12345', common.mustCall(() => pledged.end()));
pledged.resume();

// A dictionary must be given to both sides; a non-view one is ignored.
const dictionary = Buffer.from('zstd in lode, a line that repeats. ');
const withDict = zlib.zstdCompressSync(text, { dictionary });
assert.deepStrictEqual(zlib.zstdDecompressSync(withDict, { dictionary }),
                       text);
assert.deepStrictEqual(
  zlib.zstdCompressSync('abc', { dictionary: 'not a view' }),
  zlib.zstdCompressSync('abc'));

// Corrupt input: the zstd error's name, number and text.
const corrupt = {
  name: 'Error',
  code: 'ZSTD_error_prefix_unknown',
  errno: 10,
  message: 'Unknown frame descriptor',
};
assert.throws(() => zlib.zstdDecompressSync(Buffer.from('not zstd data')),
              corrupt);
zlib.zstdDecompress(Buffer.from('not zstd data'), common.mustCall((err) => {
  assert.strictEqual(err.code, corrupt.code);
  assert.strictEqual(err.errno, corrupt.errno);
}));

// maxOutputLength bounds the decompressed size.
assert.throws(() => zlib.zstdDecompressSync(packed, { maxOutputLength: 100 }),
              { name: 'RangeError', code: 'ERR_BUFFER_TOO_LARGE' });

// flush() emits a complete block; reset() starts a new frame.
const flusher = new zlib.ZstdCompress();
flusher.write('hello', common.mustCall(() => {
  flusher.flush(common.mustCall(() => {
    const first = flusher.read();
    assert.deepStrictEqual(zlib.zstdDecompressSync(first), Buffer.from('hello'));
    flusher.reset();
    flusher.end('again');
    flusher.on('data', common.mustCall((frame) => {
      assert.deepStrictEqual(zlib.zstdDecompressSync(frame),
                             Buffer.from('again'));
    }));
  }));
}));

// The zstd classes are ES classes; flush kinds are zstd's.
assert.throws(() => zlib.ZstdCompress(), {
  name: 'TypeError',
  message: "Class constructor ZstdCompress cannot be invoked without 'new'",
});
assert.throws(() => zlib.zstdCompressSync('', { flush: constants.Z_FINISH }), {
  code: 'ERR_OUT_OF_RANGE',
});
assert.strictEqual(typeof process.versions.zstd, 'string');
