'use strict';
// flush() pushes out what was written so far, with Node 24's bytes; a
// flush after end() waits for the end.
const common = require('../common');
const assert = require('assert');
const zlib = require('zlib');
const { once } = require('events');

(async () => {
  const deflate = zlib.createDeflate();
  const chunks = [];
  deflate.on('data', (chunk) => chunks.push(chunk.toString('hex')));
  deflate.write('abc');
  await new Promise((resolve) => deflate.flush(resolve));  // Z_FULL_FLUSH
  deflate.write('def');
  await new Promise((resolve) => {
    deflate.flush(zlib.constants.Z_SYNC_FLUSH, resolve);
  });
  deflate.end();
  await once(deflate, 'end');
  assert.deepStrictEqual(chunks, ['789c', '4a4c4a06000000ffff',
                                  '4a494d03000000ffff', '0300081e0256']);
  assert.strictEqual(deflate.bytesWritten, 6);

  const brotli = zlib.createBrotliCompress();
  const parts = [];
  brotli.on('data', (chunk) => parts.push(chunk.toString('hex')));
  brotli.write('abc');
  await new Promise((resolve) => brotli.flush(resolve));
  brotli.end('def');
  await once(brotli, 'end');
  assert.deepStrictEqual(parts, ['0b0180616263', '10000864656603']);

  // What was flushed can be decompressed before the stream ends.
  const gzip = zlib.createGzip();
  const gunzip = zlib.createGunzip();
  gzip.pipe(gunzip);
  gzip.write('partial ');
  gzip.flush();
  const [first] = await once(gunzip, 'data');
  assert.strictEqual(first.toString(), 'partial ');
  gzip.end();
  await once(gunzip, 'end');

  // After end(): the callback waits for 'end'; after finish, next tick.
  const late = zlib.createDeflate();
  late.resume();
  late.end('x');
  let ended = false;
  late.on('end', () => { ended = true; });
  await new Promise((resolve) => late.flush(() => {
    assert.strictEqual(ended, true);
    resolve();
  }));
  await new Promise((resolve) => late.flush(resolve));
})().then(common.mustCall());

// The flush options are checked against each format's range.
assert.throws(() => zlib.createDeflate({ flush: 6 }), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "options.flush" is out of range. It must be >= 0 ' +
           'and <= 5. Received 6',
});
assert.throws(() => zlib.createBrotliCompress({ finishFlush: 4 }), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "options.finishFlush" is out of range. It must be ' +
           '>= 0 and <= 3. Received 4',
});
// finishFlush: Z_SYNC_FLUSH lets truncated input through.
const cut = zlib.gzipSync('abcdefgh').subarray(0, 14);
assert.strictEqual(
  zlib.gunzipSync(cut, { finishFlush: zlib.constants.Z_SYNC_FLUSH })
    .toString(),
  'abc');
