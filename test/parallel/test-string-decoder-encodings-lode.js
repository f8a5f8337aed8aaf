'use strict';
require('../common');
const assert = require('assert');
const util = require('util');
const { StringDecoder } = require('string_decoder');

for (const [input, name] of [
  [undefined, 'utf8'], [null, 'utf8'], ['', 'utf8'], ['UTF-8', 'utf8'],
  ['ucs2', 'utf16le'], ['UCS-2', 'utf16le'], ['utf-16le', 'utf16le'],
  ['binary', 'latin1'], ['BASE64', 'base64'], ['base64url', 'base64url'],
  ['Hex', 'hex'], ['ascii', 'ascii'],
]) {
  assert.strictEqual(new StringDecoder(input).encoding, name);
}
for (const bad of ['foo', 'raw', 1]) {
  assert.throws(() => new StringDecoder(bad), {
    code: 'ERR_UNKNOWN_ENCODING', message: `Unknown encoding: ${bad}`,
  });
}

// UTF-16LE: odd bytes and surrogate pairs wait for the rest.
const u = new StringDecoder('utf16le');
assert.strictEqual(u.write(Buffer.from([0x61])), '');
assert.strictEqual(u.write(Buffer.from([0x00, 0x3D, 0xD8])), 'a');
assert.strictEqual(u.lastNeed, 2);
assert.strictEqual(u.write(Buffer.from([0xA9, 0xDC])), '💩');
assert.strictEqual(u.end(Buffer.from([0x62])), '');

// base64 keeps whole 3-byte groups; end() flushes the rest.
const b = new StringDecoder('base64');
assert.strictEqual(b.write(Buffer.from('ab')), '');
assert.strictEqual(b.write(Buffer.from('cd')), 'YWJj');
assert.strictEqual(b.end(), 'ZA==');
const bu = new StringDecoder('base64url');
assert.strictEqual(bu.end(Buffer.from([0xFB, 0xFF])), '-_8');

// Single-byte encodings never buffer.
assert.strictEqual(new StringDecoder('hex').write(Buffer.from([1, 255])), '01ff');
assert.strictEqual(new StringDecoder('latin1').write(Buffer.from([0xE9])), 'é');
assert.strictEqual(new StringDecoder('ascii').write(Buffer.from([0xE9])), 'i');

// The state is a 7-byte buffer, as Node lays it out.
const d = new StringDecoder();
assert.deepStrictEqual(Object.keys(d), ['encoding']);
d.write(Buffer.from([0xE2]));
assert.match(util.inspect(d), /<Buffer e2 00 00 00 02 01 01>/);
assert.deepStrictEqual(Object.getOwnPropertyNames(StringDecoder.prototype),
                       ['constructor', 'write', 'end', 'text', 'lastChar', 'lastNeed', 'lastTotal']);
