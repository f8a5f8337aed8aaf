'use strict';
// A zlib stream's asynchronous writes may fill several chunks in one trip
// to the threadpool; the stream still pushes Node's pieces: none longer
// than chunkSize, none crossing a multiple of chunkSize of the output.
const common = require('../common');
const assert = require('assert');
const zlib = require('zlib');

const lines = [];
for (let i = 0; i < 20000; i++) {
  lines.push(`line ${i}: ${(i * 7919 % 10007).toString(36)} quick brown fox`);
}
const data = Buffer.from(lines.join('\n'));

function check(stream, input, step, chunkSize, expected) {
  const pieces = [];
  let total = 0;
  stream.on('data', (piece) => {
    assert.ok(piece.length > 0);
    assert.ok(total % chunkSize + piece.length <= chunkSize,
              `piece of ${piece.length} at ${total}`);
    total += piece.length;
    pieces.push(piece);
  });
  stream.on('end', common.mustCall(() => {
    assert.deepStrictEqual(Buffer.concat(pieces), expected);
  }));
  // Uneven writes, some with a flush between them.
  let i = 0;
  (function next() {
    if (i >= input.length) return stream.end();
    const part = input.subarray(i, i += step);
    if (i % (step * 5) === 0) stream.flush();
    stream.write(part, next);
  })();
}

const gz = zlib.gzipSync(data);
check(zlib.createGunzip(), gz, 3001, 16384, data);
check(zlib.createGunzip({ chunkSize: 1000 }), gz, 7000, 1000, data);
check(zlib.createInflateRaw({ chunkSize: 100000 }), zlib.deflateRawSync(data),
      65536, 100000, data);
check(zlib.createUnzip(), zlib.deflateSync(data), 50000, 16384, data);

// Compression: the pieces keep the rule, the bytes decompress to the input.
const deflate = zlib.createDeflate({ chunkSize: 5000 });
const packed = [];
deflate.on('data', (piece) => {
  assert.ok(piece.length <= 5000);
  packed.push(piece);
});
deflate.on('end', common.mustCall(() => {
  assert.deepStrictEqual(zlib.inflateSync(Buffer.concat(packed)), data);
}));
for (let i = 0; i < data.length; i += 60000) {
  deflate.write(data.subarray(i, i + 60000));
}
deflate.end();
