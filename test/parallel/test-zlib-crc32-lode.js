'use strict';
// zlib.crc32 on strings (as UTF-8) and views, chained through `value`.
require('../common');
const assert = require('assert');
const zlib = require('zlib');

assert.strictEqual(zlib.crc32(''), 0);
assert.strictEqual(zlib.crc32('hello'), 907060870);
assert.strictEqual(zlib.crc32('123456789'), 3421780262);  // CRC-32 check
assert.strictEqual(
  zlib.crc32('The quick brown fox jumps over the lazy dog'), 1095738169);
assert.strictEqual(zlib.crc32('héllo'), 2654700086);
assert.strictEqual(zlib.crc32(Buffer.from('héllo')), 2654700086);
assert.strictEqual(zlib.crc32(new Uint16Array([1, 2, 3])), 4223330638);
assert.strictEqual(zlib.crc32(Buffer.alloc(1000, 0xff)), 3763548720);
const hello = new Uint8Array([0x78, 0x68, 0x65, 0x6c, 0x6c, 0x6f]);
assert.strictEqual(zlib.crc32(new DataView(hello.buffer, 1, 5)), 907060870);
assert.strictEqual(zlib.crc32(hello.subarray(1)), 907060870);
// Chaining equals one pass.
assert.strictEqual(zlib.crc32('world', zlib.crc32('hello ')), 222957957);
assert.strictEqual(zlib.crc32('hello world'), 222957957);

for (const bad of [1, undefined, null, {}, [1, 2]]) {
  assert.throws(() => zlib.crc32(bad), {
    code: 'ERR_INVALID_ARG_TYPE',
    name: 'TypeError',
  });
}
assert.throws(() => zlib.crc32('a', -1), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "value" is out of range. It must be >= 0 && ' +
           '<= 4294967295. Received -1',
});
assert.throws(() => zlib.crc32('a', 'b'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => zlib.crc32('a', 2 ** 32), { code: 'ERR_OUT_OF_RANGE' });
