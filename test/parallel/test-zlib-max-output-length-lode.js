'use strict';
// maxOutputLength caps what the one-step helpers produce.
const common = require('../common');
const assert = require('assert');
const zlib = require('zlib');

const big = zlib.deflateSync(Buffer.alloc(100000));
const tooLarge = {
  name: 'RangeError',
  code: 'ERR_BUFFER_TOO_LARGE',
  message: 'Cannot create a Buffer larger than 1000 bytes',
};

assert.throws(() => zlib.inflateSync(big, { maxOutputLength: 1000 }),
              tooLarge);
assert.throws(() => zlib.deflateSync('hello', { maxOutputLength: 2 }), {
  code: 'ERR_BUFFER_TOO_LARGE',
  message: 'Cannot create a Buffer larger than 2 bytes',
});
zlib.inflate(big, { maxOutputLength: 1000 }, common.mustCall((err) => {
  assert.strictEqual(err.code, tooLarge.code);
  assert.strictEqual(err.message, tooLarge.message);
}));
zlib.brotliDecompress(zlib.brotliCompressSync(Buffer.alloc(50000)),
                      { maxOutputLength: 1000 }, common.mustCall((err) => {
                        assert.strictEqual(err.code, 'ERR_BUFFER_TOO_LARGE');
                      }));

// Exactly the limit is fine.
assert.strictEqual(
  zlib.inflateSync(big, { maxOutputLength: 100000 }).length, 100000);

for (const bad of [0, -1]) {
  assert.throws(() => zlib.inflateSync(big, { maxOutputLength: bad }), {
    code: 'ERR_OUT_OF_RANGE',
    name: 'RangeError',
  });
}
assert.throws(() => zlib.inflateSync(big, { maxOutputLength: '1' }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.maxOutputLength" property must be of type number.' +
           " Received type string ('1')",
});
