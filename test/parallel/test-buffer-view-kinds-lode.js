'use strict';
// The buffer binding reads a typed array's bytes straight from V8's object
// layout (src/lode_typed_array_span.cc) and leaves everything else to V8's
// API: each kind of view must give the same bytes either way.
require('../common');
const assert = require('assert');

// Bytes on V8's heap (a small array made by JS) and off it, as the
// arguments of binding calls.
const small = new Uint8Array([0x61, 0x62, 0x63]);
const abc = Buffer.from('abc');
assert.strictEqual(Buffer.compare(small, abc), 0);
assert.strictEqual(abc.equals(small), true);
assert.strictEqual(Buffer.concat([small, small]).toString(), 'abcabc');
assert.strictEqual(Buffer.from('xxabcx').indexOf(small), 2);
assert.strictEqual(Buffer.alloc(7).fill(small).toString(), 'abcabca');
const large = new Uint8Array(1000).fill(0x7a);
assert.strictEqual(Buffer.compare(large, Buffer.alloc(1000, 'z')), 0);
assert.strictEqual(Buffer.alloc(1001, 'z').indexOf(large, 1), 1);

// A DataView goes to V8's API.
const hexSlice = Buffer.prototype.hexSlice;
if (hexSlice !== undefined) {
  const view = new DataView(new ArrayBuffer(6), 1, 4);
  view.setUint8(0, 0xab);
  assert.strictEqual(hexSlice.call(view), 'ab000000');
}

// Buffers at an offset into their memory, and views of wider elements.
const backing = new ArrayBuffer(16);
new Uint8Array(backing).set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
const middle = Buffer.from(backing, 3, 4);
assert.strictEqual(middle.toString('hex'), '04050607');
assert.strictEqual(middle.toString('base64'), 'BAUGBw==');
assert.strictEqual(Buffer.compare(new Uint8Array(backing, 3, 4),
                                  Buffer.from([4, 5, 6, 7])), 0);
const words = new Uint16Array(backing, 2, 2);
assert.strictEqual(Buffer.compare(Buffer.from([3, 4, 5, 6]),
                                  new Uint8Array(words.buffer, 2, 4)), 0);
assert.strictEqual(Buffer.concat([new Uint8Array(backing, 8, 2)])
  .toString('hex'), '090a');

// Writing through a Buffer at an offset lands at that offset.
assert.strictEqual(middle.write('ffee', 'hex'), 2);
assert.deepStrictEqual([...new Uint8Array(backing, 0, 8)],
                       [1, 2, 3, 0xff, 0xee, 6, 7, 8]);
assert.strictEqual(middle.write('\u0101', 2, 'utf16le'), 2);
assert.deepStrictEqual([...new Uint8Array(backing, 5, 3)], [1, 1, 8]);

// A Buffer of shared memory.
const shared = Buffer.from(new SharedArrayBuffer(4));
shared.set([0x68, 0x69, 0x21, 0x3f]);
assert.strictEqual(shared.toString('utf8'), 'hi!?');
assert.strictEqual(shared.toString('base64'), 'aGkhPw==');
assert.strictEqual(shared.write('ok', 1, 'latin1'), 2);
assert.strictEqual(shared.toString('latin1'), 'hok?');

// A Buffer whose memory was detached (transferred away) has no bytes.
const moved = new ArrayBuffer(8);
const orphan = Buffer.from(moved, 2, 4);
const clone = structuredClone(moved, { transfer: [moved] });
assert.strictEqual(clone.byteLength, 8);
assert.strictEqual(orphan.length, 0);
assert.strictEqual(orphan.toString('hex'), '');
assert.strictEqual(Buffer.compare(orphan, Buffer.alloc(0)), 0);
assert.strictEqual(Buffer.concat([orphan, abc]).toString(), 'abc');
