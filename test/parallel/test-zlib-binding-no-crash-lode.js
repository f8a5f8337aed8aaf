'use strict';
// The native handles (reachable through process.binding('zlib')) refuse
// bad calls with errors, never with a crash.
const common = require('../common');
const assert = require('assert');

const binding = process.binding('zlib');
const { Zlib, BrotliEncoder, BrotliDecoder } = binding;

const threw = { name: /Error/ };
const out = Buffer.alloc(64);
const input = Buffer.from('abc');

assert.throws(() => Zlib(1), TypeError);
assert.throws(() => new Zlib(), threw);
assert.throws(() => new Zlib(99), threw);
assert.throws(() => new BrotliEncoder(1), threw);
assert.throws(() => new BrotliDecoder(9), threw);

const z = new Zlib(1);
assert.throws(() => z.writeSync(0, input, 0, 3, out, 0, 64), threw);
assert.throws(() => z.init(99, 0, 8, 0, new Uint32Array(2), () => {}), threw);
assert.throws(() => z.init(15, 0, 8, 0, new Uint8Array(2), () => {}), threw);
assert.throws(() => z.init(15, 0, 8, 0, new Uint32Array(2), null), threw);
const state = new Uint32Array(2);
z.init(15, 6, 8, 0, state, common.mustCall(), undefined);
assert.throws(() => z.init(15, 6, 8, 0, state, () => {}), threw);
assert.throws(() => z.writeSync(0, input, 0, 4, out, 0, 64), threw);
assert.throws(() => z.writeSync(0, input, -1, 1, out, 0, 64), threw);
assert.throws(() => z.writeSync(0, input, 0, 3, out, 60, 8), threw);
assert.throws(() => z.writeSync(77, input, 0, 3, out, 0, 64), threw);
assert.throws(() => z.writeSync(0, 'abc', 0, 3, out, 0, 64), threw);
assert.throws(() => z.writeSync(0, input, 0, 3, undefined, 0, 64), threw);
assert.throws(() => z.params(10, 0), threw);
z.writeSync(4, input, 0, 3, out, 0, 64);
assert.deepStrictEqual([...state], [64 - 11, 0]);

// One write at a time; params() and reset() wait for it, and so does
// close().
z.reset();
z.write(4, input, 0, 3, out, 0, 64);
assert.throws(() => z.write(4, input, 0, 3, out, 0, 64), threw);
z.params(1, 0);
z.reset();
z.close();
assert.throws(() => z.writeSync(0, input, 0, 3, out, 0, 64), threw);

// Methods on the wrong receiver.
assert.throws(() => Zlib.prototype.close.call({}), TypeError);
assert.throws(() => Zlib.prototype.close.call(new BrotliEncoder(9)),
              TypeError);

// A detached output buffer is only memory the handle keeps alive.
const encoder = new BrotliEncoder(9);
encoder.init(new Uint32Array(9).fill(-1), new Uint32Array(2), () => {});
const detached = new ArrayBuffer(64);
const view = new Uint8Array(detached);
structuredClone(detached, { transfer: [detached] });
encoder.writeSync(2, input, 0, 3, view, 0, 0);

// Buffers detached while a threadpool write uses them stay valid for it.
const gzip = new Zlib(3);
const gzipState = new Uint32Array(2);
const gzipIn = new Uint8Array(new ArrayBuffer(1024 * 1024)).fill(7);
const gzipOut = new Uint8Array(new ArrayBuffer(64 * 1024));
gzip.init(15, 9, 8, 0, gzipState, common.mustCall(() => {
  assert.strictEqual(gzipOut.byteLength, 0);
  assert(gzipState[0] < 64 * 1024);
}), undefined);
gzip.write(4, gzipIn, 0, gzipIn.length, gzipOut, 0, gzipOut.length);
structuredClone(gzipIn.buffer, { transfer: [gzipIn.buffer] });
structuredClone(gzipOut.buffer, { transfer: [gzipOut.buffer] });

// onerror throwing or missing.
const inflater = new Zlib(2);
inflater.init(15, 0, 8, 0, new Uint32Array(2), () => {}, undefined);
inflater.onerror = () => { throw new Error('from onerror'); };
assert.throws(() => inflater.writeSync(4, input, 0, 3, out, 0, 64),
              /from onerror/);
inflater.onerror = 5;
inflater.writeSync(4, input, 0, 3, out, 0, 64);

assert.throws(() => binding.crc32({}), threw);
assert.throws(() => binding.crc32('a', -1), threw);
