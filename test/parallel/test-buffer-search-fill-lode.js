'use strict';
require('../common');
const assert = require('assert');

// indexOf / lastIndexOf / includes and fill.

const b = Buffer.from('abcabcab');
assert.strictEqual(b.indexOf('bc'), 1);
assert.strictEqual(b.indexOf('bc', 2), 4);
assert.strictEqual(b.indexOf('bc', -3), -1);
assert.strictEqual(b.indexOf('bc', -30), 1);
assert.strictEqual(b.indexOf('bc', 30), -1);
assert.strictEqual(b.lastIndexOf('bc'), 4);
assert.strictEqual(b.lastIndexOf('bc', 3), 1);
assert.strictEqual(b.lastIndexOf('bc', -4), 4);
assert.strictEqual(b.lastIndexOf('bc', -30), -1);
assert.strictEqual(b.lastIndexOf('bc', 30), 4);
assert.strictEqual(b.lastIndexOf('bc', null), -1);
assert.strictEqual(b.lastIndexOf('bc', {}), 4);
assert.strictEqual(b.indexOf('bc', 1.9), 1);
// An empty needle matches where String#indexOf would.
assert.strictEqual(b.indexOf(''), 0);
assert.strictEqual(b.indexOf('', 30), 8);
assert.strictEqual(b.lastIndexOf(''), 8);
assert.strictEqual(b.lastIndexOf('', -30), 0);
// Numbers are taken modulo 256.
assert.strictEqual(b.indexOf(98), 1);
assert.strictEqual(b.indexOf(98 + 256), 1);
assert.strictEqual(b.indexOf(-158), 1);
assert.strictEqual(b.lastIndexOf(98), 7);
assert.strictEqual(b.lastIndexOf(98, 3), 1);
// Buffers, and strings in other encodings.
assert.strictEqual(b.indexOf(Buffer.from('ca')), 2);
assert.strictEqual(b.lastIndexOf(Buffer.from('ca')), 5);
assert.strictEqual(b.indexOf(Buffer.alloc(0), 30), 8);
assert.strictEqual(b.indexOf('YmM=', 0, 'base64'), 1);
assert.strictEqual(b.indexOf('6263', 0, 'hex'), 1);
assert.strictEqual(b.indexOf('bc', 'latin1'), 1);
assert.strictEqual(b.indexOf(Buffer.from('a'), 0, 'bogus'), 0);
assert.strictEqual(b.includes('cab'), true);
assert.strictEqual(b.includes('cab', 6), false);
assert.throws(() => b.indexOf('bc', '2'), {
  code: 'ERR_UNKNOWN_ENCODING',
  message: 'Unknown encoding: 2',
});
assert.throws(() => b.indexOf({}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "value" argument must be one of type number or string or ' +
           'an instance of Buffer or Uint8Array. Received an instance of ' +
           'Object',
});
assert.throws(() => Buffer.prototype.indexOf.call('x', 'a'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "buffer" argument must be an instance of Buffer, ' +
           "TypedArray, or DataView. Received type string ('x')",
});

// UTF-16 searches step over whole code units.
const u = Buffer.from('abcdabcd', 'ucs2');
assert.strictEqual(u.indexOf('cd', 0, 'ucs2'), 4);
assert.strictEqual(u.indexOf('cd', 5, 'ucs2'), 4);
assert.strictEqual(u.lastIndexOf('cd', undefined, 'ucs2'), 12);
assert.strictEqual(u.indexOf('\0c'), 3);
assert.strictEqual(Buffer.from('aé€', 'latin1').indexOf('€', 'latin1'), 2);

// fill
const hex = (buf) => buf.toString('hex');
assert.strictEqual(hex(Buffer.alloc(1).fill('€')), 'e2');
assert.strictEqual(hex(Buffer.alloc(5).fill('€')), 'e282ace282');
assert.strictEqual(hex(Buffer.alloc(5).fill('abc', 'hex')), 'abababab' + 'ab');
assert.strictEqual(hex(Buffer.alloc(5).fill('a', 'ucs2')), '6100610061');
assert.strictEqual(hex(Buffer.alloc(5).fill(true)), '0101010101');
assert.strictEqual(hex(Buffer.alloc(5).fill({})), '0000000000');
assert.strictEqual(hex(Buffer.alloc(3).fill(-1)), 'ffffff');
assert.strictEqual(hex(Buffer.alloc(5).fill(Buffer.from([1, 2]), 1)),
                   '0001020102');
assert.strictEqual(hex(Buffer.alloc(5).fill(new Uint16Array([0x102]))),
                   '0201020102');
assert.strictEqual(hex(Buffer.alloc(5).fill('ab', 1, 4, null)), '0061626100');
assert.strictEqual(hex(Buffer.alloc(5).fill('a', 5)), '0000000000');
assert.throws(() => Buffer.alloc(5).fill('zz', 'hex'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'value' is invalid. Received 'zz'",
});
assert.throws(() => Buffer.alloc(5).fill(Buffer.alloc(0)), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'value' is invalid. Received <Buffer >",
});
assert.throws(() => Buffer.alloc(5).fill('a', 'bogus'),
              { code: 'ERR_UNKNOWN_ENCODING' });
assert.throws(() => Buffer.alloc(5).fill('ab', 1, 4, 1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "encoding" argument must be of type string. Received type ' +
           'number (1)',
});
assert.throws(() => Buffer.alloc(5).fill(1, 'hex'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "offset" argument must be of type number. Received type ' +
           "string ('hex')",
});
assert.throws(() => Buffer.alloc(3).fill(1, 0, 4), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "end" is out of range. It must be >= 0 && <= 3. ' +
           'Received 4',
});
