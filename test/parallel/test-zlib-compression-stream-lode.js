'use strict';
// CompressionStream and DecompressionStream run on node:zlib: round trips
// for every format, interop with zlib, and decoding errors as TypeErrors.
const common = require('../common');
const assert = require('assert');
const zlib = require('zlib');
const { inspect } = require('util');

async function readAll(readable) {
  const parts = [];
  for await (const chunk of readable) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

function source(...chunks) {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

const text = new TextEncoder().encode('compress me '.repeat(500));

(async () => {
  for (const format of ['deflate', 'deflate-raw', 'gzip', 'brotli']) {
    const packed = await readAll(
      source(text.subarray(0, 100), text.subarray(100))
        .pipeThrough(new CompressionStream(format)));
    assert(packed.length < text.length);
    const back = await readAll(
      source(packed).pipeThrough(new DecompressionStream(format)));
    assert.deepStrictEqual(new Uint8Array(back), text, format);
  }

  // The formats are zlib's.
  const gz = await readAll(source(text).pipeThrough(
    new CompressionStream('gzip')));
  assert.deepStrictEqual(new Uint8Array(zlib.gunzipSync(gz)), text);
  const fromZlib = await readAll(source(zlib.deflateRawSync('raw'))
    .pipeThrough(new DecompressionStream('deflate-raw')));
  assert.strictEqual(fromZlib.toString(), 'raw');

  // Bad input and trailing data fail with a TypeError.
  await assert.rejects(
    readAll(source(new Uint8Array([1, 2, 3, 4]))
      .pipeThrough(new DecompressionStream('deflate'))),
    { name: 'TypeError', code: 'Z_DATA_ERROR' });
  const deflated = zlib.deflateSync('a');
  await assert.rejects(
    readAll(source(Buffer.concat([deflated, Buffer.from([0])]))
      .pipeThrough(new DecompressionStream('deflate'))),
    { name: 'TypeError', code: 'ERR_TRAILING_JUNK_AFTER_STREAM_END' });
  await assert.rejects(
    readAll(source(zlib.gzipSync('abc').subarray(0, 12))
      .pipeThrough(new DecompressionStream('gzip'))),
    { name: 'TypeError', code: 'Z_BUF_ERROR' });
})().then(common.mustCall());

assert.throws(() => new CompressionStream('zstd'), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_VALUE',
  message: "Failed to construct 'CompressionStream': 1st argument value " +
           "'zstd' is not a valid enum value of type CompressionFormat.",
});
assert.strictEqual(
  inspect(new DecompressionStream('gzip')),
  'DecompressionStream {\n' +
  "  readable: ReadableStream { locked: false, state: 'readable', " +
  'supportsBYOB: false },\n' +
  "  writable: WritableStream { locked: false, state: 'writable' }\n}");
assert.strictEqual(Object.prototype.toString.call(new CompressionStream('gzip')),
                   '[object CompressionStream]');
