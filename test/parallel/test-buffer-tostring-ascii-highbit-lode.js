'use strict';
// buf.toString('ascii') clears the high bit of every byte, whatever the
// length and the position of the first non-ASCII byte (the encoder works on
// 32-byte and 8-byte blocks and then byte by byte).
require('../common');
const assert = require('assert');

function expected(buf, start, end) {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(buf[i] & 0x7f);
  return s;
}

const bytes = Buffer.alloc(200);
for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37 + 11) & 0xff;

for (const len of [0, 1, 7, 8, 9, 31, 32, 33, 63, 64, 65, 100, 200]) {
  for (const start of [0, 1, 5, 16]) {
    if (start > len) continue;
    assert.strictEqual(bytes.toString('ascii', start, len),
                       expected(bytes, start, len), `${start}..${len}`);
  }
}

// ASCII first, then bytes with the high bit set.
const mixed = Buffer.alloc(100, 0x41);
mixed.fill(0xc1, 40);
assert.strictEqual(mixed.toString('ascii'), 'A'.repeat(100));
assert.strictEqual(mixed.toString('latin1'),
                   'A'.repeat(40) + '\u00c1'.repeat(60));
