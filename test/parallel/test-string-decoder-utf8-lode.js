'use strict';
require('../common');
const assert = require('assert');
const { StringDecoder } = require('string_decoder');

// A character split across writes comes out whole, once complete.
const d = new StringDecoder('utf8');
assert.strictEqual(d.write(Buffer.from([0xE2, 0x82])), '');
assert.strictEqual(d.lastNeed, 1);
assert.strictEqual(d.lastTotal, 3);
assert.deepStrictEqual([...d.lastChar], [0xE2, 0x82, 0, 0]);
assert.strictEqual(d.write(Buffer.from([0xAC, 0x41])), '€A');
assert.strictEqual(d.lastNeed, 0);
assert.strictEqual(d.write(Buffer.from([0xF0, 0x9F])), '');
assert.strictEqual(d.write(Buffer.from([0x92])), '');
assert.strictEqual(d.end(Buffer.from([0xA9])), '💩');

// An interrupted character becomes U+FFFD and the new byte starts over.
assert.strictEqual(d.write(Buffer.from([0xE2])), '');
assert.strictEqual(d.write(Buffer.from([0x41])), '\uFFFDA');
assert.strictEqual(d.write(Buffer.from([0xE2, 0x82])), '');
assert.strictEqual(d.end(), '\uFFFD');
assert.strictEqual(d.write(Buffer.from([0xC0, 0x80, 0xFF])), '\uFFFD\uFFFD\uFFFD');
assert.strictEqual(d.write(Buffer.from([0x80, 0x80, 0x80, 0x80])), '\uFFFD\uFFFD\uFFFD\uFFFD');
assert.strictEqual(d.end(), '');

// Any ArrayBufferView, and strings as they are.
assert.strictEqual(d.write(new Uint16Array([0x6261])), 'ab');
assert.strictEqual(d.write(new DataView(new Uint8Array([0x63]).buffer)), 'c');
assert.strictEqual(d.write('str'), 'str');
assert.throws(() => d.write(5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "buf" argument must be an instance of Buffer, TypedArray, or ' +
           'DataView. Received type number (5)',
});
assert.throws(() => StringDecoder.prototype.write.call({}, Buffer.from('a')), {
  code: 'ERR_INVALID_THIS',
  message: 'Value of "this" must be of type StringDecoder',
});

// text() forgets what was pending.
const t = new StringDecoder();
t.write(Buffer.from([0xE2]));
assert.strictEqual(t.text(Buffer.from('héllo'), 2), '\uFFFDllo');
