'use strict';
// Every format compresses and decompresses back with the *Sync helpers,
// from every kind of input Node accepts.
require('../common');
const assert = require('assert');
const zlib = require('zlib');

const text = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(40);
const bytes = Buffer.from(text);

const pairs = [
  ['deflateSync', 'inflateSync'],
  ['deflateSync', 'unzipSync'],
  ['gzipSync', 'gunzipSync'],
  ['gzipSync', 'unzipSync'],
  ['deflateRawSync', 'inflateRawSync'],
  ['brotliCompressSync', 'brotliDecompressSync'],
];

const inputs = [
  text,
  bytes,
  new Uint8Array(bytes),
  new Uint16Array(bytes.buffer.slice(bytes.byteOffset,
                                     bytes.byteOffset + (bytes.length & ~1))),
  new DataView(bytes.buffer, bytes.byteOffset, bytes.length),
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
];

for (const [compress, decompress] of pairs) {
  for (const input of inputs) {
    const packed = zlib[compress](input);
    assert(Buffer.isBuffer(packed));
    assert(packed.length < bytes.length, `${compress} should shrink text`);
    const unpacked = zlib[decompress](packed);
    assert(Buffer.isBuffer(unpacked));
    const expected = typeof input === 'string' ? bytes :
      Buffer.from(ArrayBuffer.isView(input) ? input.buffer : input,
                  ArrayBuffer.isView(input) ? input.byteOffset : 0,
                  input.byteLength);
    assert.deepStrictEqual(unpacked, expected, `${compress}/${decompress}`);
  }
}

// Empty input survives every format.
for (const [compress, decompress] of pairs) {
  assert.strictEqual(zlib[decompress](zlib[compress]('')).length, 0);
}

// Incompressible bytes too.
const noise = Buffer.alloc(100000);
for (let i = 0, x = 1; i < noise.length; i++) {
  x = (x * 1103515245 + 12345) >>> 0;
  noise[i] = x >>> 24;
}
for (const [compress, decompress] of pairs) {
  assert.deepStrictEqual(zlib[decompress](zlib[compress](noise)), noise);
}

// info: true gives the engine as well.
const info = zlib.deflateSync(bytes, { info: true });
assert.deepStrictEqual(Object.keys(info), ['buffer', 'engine']);
assert(info.engine instanceof zlib.Deflate);
assert.strictEqual(info.engine.bytesWritten, bytes.length);
assert.strictEqual(info.engine._closed, true);
