'use strict';
// The callback helpers round-trip every format on the threadpool, also
// through util.promisify; a timer keeps running while they work.
const common = require('../common');
const assert = require('assert');
const zlib = require('zlib');
const { promisify } = require('util');

const data = Buffer.alloc(3 * 1024 * 1024);
for (let i = 0; i < data.length; i++) data[i] = (i % 251) ^ (i >> 13);

const pairs = [
  ['deflate', 'inflate'],
  ['deflate', 'unzip'],
  ['gzip', 'gunzip'],
  ['gzip', 'unzip'],
  ['deflateRaw', 'inflateRaw'],
  ['brotliCompress', 'brotliDecompress'],
];

for (const [compress, decompress] of pairs) {
  const opts = compress === 'brotliCompress' ? { params: { 1: 4 } } : {};
  zlib[compress](data, opts, common.mustSucceed((packed) => {
    zlib[decompress](packed, common.mustSucceed((unpacked) => {
      assert(unpacked.equals(data), `${compress}/${decompress}`);
    }));
  }));
}

(async () => {
  for (const [compress, decompress] of pairs) {
    const packed = await promisify(zlib[compress])('a promise');
    const unpacked = await promisify(zlib[decompress])(packed);
    assert.strictEqual(unpacked.toString(), 'a promise');
  }
  const { buffer, engine } =
    await promisify(zlib.gzip)('info', { info: true });
  assert(engine instanceof zlib.Gzip);
  assert.strictEqual(zlib.gunzipSync(buffer).toString(), 'info');
})().then(common.mustCall());

// The loop is not blocked while the threadpool compresses.
let ticks = 0;
const timer = setInterval(() => ticks++, 1);
zlib.gzip(Buffer.alloc(20 * 1024 * 1024, 'abc'), { level: 9 },
          common.mustSucceed(() => {
            clearInterval(timer);
            assert(ticks > 0);
          }));

// The callback is validated before anything runs.
assert.throws(() => zlib.deflate('x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "callback" argument must be of type function. ' +
           'Received undefined',
});
