'use strict';
// Compressed bytes for small inputs, as Node 24 produces them (zlib and
// brotli agree across versions on these).
require('../common');
const assert = require('assert');
const zlib = require('zlib');

const cases = [
  [zlib.deflateSync, 'hello', undefined, '789ccb48cdc9c90700062c0215'],
  [zlib.deflateSync, 'hello', { level: 1 }, '7801cb48cdc9c90700062c0215'],
  [zlib.deflateSync, 'hello', { level: 0 },
   '7801010500faff68656c6c6f062c0215'],
  [zlib.deflateSync, 'hello', { windowBits: 9 },
   '1895cb48cdc9c90700062c0215'],
  [zlib.deflateSync, 'hello',
   { strategy: zlib.constants.Z_HUFFMAN_ONLY },
   '7801cb48cdc9c90700062c0215'],
  [zlib.deflateSync, 'abcabc', { dictionary: Buffer.from('abc') },
   '78bb024d01274b042300080c024d'],
  [zlib.gzipSync, 'hello', undefined,
   '1f8b0800000000000003cb48cdc9c9070086a6103605000000'],
  [zlib.gzipSync, 'a'.repeat(36), undefined,
   '1f8b08000000000000034b4c240c00c27c76c424000000'],
  [zlib.deflateRawSync, 'hello', undefined, 'cb48cdc9c90700'],
  [zlib.deflateRawSync, 'abcabcabcabc', undefined, '4b4c4a4e842100'],
  [zlib.brotliCompressSync, 'hello', undefined, '0b028068656c6c6f03'],
  [zlib.brotliCompressSync, 'hello world hello world', { params: { 1: 1 } },
   '0b0b8068656c6c6f20776f726c642068656c6c6f20776f726c6403'],
];

for (const [fn, input, opts, hex] of cases) {
  assert.strictEqual(fn(input, opts).toString('hex'), hex,
                     `${fn.name} ${input} ${JSON.stringify(opts)}`);
}

// Gzip has no dictionary: the option is accepted and ignored, as in Node.
assert.strictEqual(
  zlib.gzipSync('abc', { dictionary: Buffer.from('abc') }).toString('hex'),
  '1f8b08000000000000034b4c4a0600c241243503000000');
