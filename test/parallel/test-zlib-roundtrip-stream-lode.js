'use strict';
// The stream classes pipe into each other for every format, with small
// output chunks, one-byte writes and backpressure.
const common = require('../common');
const assert = require('assert');
const zlib = require('zlib');
const { pipeline, Readable, Writable } = require('stream');

const data = Buffer.from('0123456789abcdef'.repeat(20000));

function collect(done) {
  const parts = [];
  return new Writable({
    highWaterMark: 1,
    write(chunk, encoding, cb) {
      parts.push(chunk);
      setImmediate(cb);  // a slow reader
    },
    final(cb) {
      done(Buffer.concat(parts));
      cb();
    },
  });
}

const pairs = [
  [zlib.Deflate, zlib.Inflate],
  [zlib.Gzip, zlib.Gunzip],
  [zlib.DeflateRaw, zlib.InflateRaw],
  [zlib.Gzip, zlib.Unzip],
  [zlib.Deflate, zlib.Unzip],
  [zlib.BrotliCompress, zlib.BrotliDecompress],
];

for (const [Compress, Decompress] of pairs) {
  pipeline(
    Readable.from([data.subarray(0, 1000), data.subarray(1000)]),
    new Compress({ chunkSize: 64 }),
    new Decompress({ chunkSize: 128 }),
    collect(common.mustCall((out) => {
      assert(out.equals(data), `${Compress.name} -> ${Decompress.name}`);
    })),
    common.mustSucceed(),
  );
}

// One byte at a time, including the gzip magic split over two writes.
for (const [pack, Unpack] of [[zlib.gzipSync, zlib.Unzip],
                              [zlib.deflateSync, zlib.Unzip],
                              [zlib.brotliCompressSync,
                               zlib.BrotliDecompress]]) {
  const packed = pack('one byte at a time');
  const stream = new Unpack();
  const out = [];
  stream.on('data', (chunk) => out.push(chunk));
  stream.on('end', common.mustCall(() => {
    assert.strictEqual(Buffer.concat(out).toString(), 'one byte at a time');
  }));
  for (const byte of packed) stream.write(Buffer.from([byte]));
  stream.end();
}

// bytesWritten counts the input consumed.
const gzip = zlib.createGzip();
gzip.resume();
gzip.on('end', common.mustCall(() => {
  assert.strictEqual(gzip.bytesWritten, 12);
}));
gzip.write('hello ');
gzip.end('world!');

// The classes may be called without new (DEP0184).
common.expectWarning('DeprecationWarning',
                     "Instantiating Gzip without the 'new' keyword has " +
                     'been deprecated.', 'DEP0184');
assert(zlib.Gzip() instanceof zlib.Gzip);
