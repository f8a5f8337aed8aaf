'use strict';
// ArrayBuffers of several MiB get memory of their own (mapped for huge
// pages): zero-filled when asked, readable and writable to the last byte,
// freed on whichever thread ends up owning them, and the whole-file reads
// that fill such blocks return exactly the file's bytes.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const { Worker } = require('worker_threads');
const tmpdir = require('../common/tmpdir');

const MiB = 1024 * 1024;

// Zero-filled, whatever the size (a mapping must not be reused dirty).
for (const size of [4 * MiB - 1, 4 * MiB, 5 * MiB + 3, 9 * MiB]) {
  const b = Buffer.alloc(size);
  assert.strictEqual(b.length, size);
  assert.strictEqual(b[0], 0);
  assert.strictEqual(b[size - 1], 0);
  assert.strictEqual(b.indexOf(1), -1);
  b.fill(7);
  assert.strictEqual(b[size - 1], 7);
  const ab = new ArrayBuffer(size);
  assert.strictEqual(new Uint8Array(ab)[size - 1], 0);
  const u = Buffer.allocUnsafe(size);
  u[0] = 1;
  u[size - 1] = 2;
  assert.strictEqual(u[size - 1], 2);
  const s = Buffer.allocUnsafeSlow(size);
  s.fill(3);
  assert.strictEqual(s.readUInt8(size - 1), 3);
}

// A file of an odd size just above the threshold, read whole.
tmpdir.refresh();
const file = tmpdir.resolve('large.bin');
const size = 6 * MiB + 12345;
const data = Buffer.allocUnsafe(size);
for (let i = 0; i < size; i += 4096) data[i] = (i / 4096) & 0xff;
data[size - 1] = 0x5a;
fs.writeFileSync(file, data);
assert.ok(fs.readFileSync(file).equals(data));
fs.readFile(file, common.mustSucceed((got) => {
  assert.ok(got.equals(data));
}));
fs.promises.readFile(file).then(common.mustCall((got) => {
  assert.ok(got.equals(data));
  assert.strictEqual(got.buffer.byteLength, size);
}));

// A large block moved to a worker is freed there.
const moved = new ArrayBuffer(8 * MiB);
new Uint8Array(moved)[8 * MiB - 1] = 9;
const worker = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.once('message', (ab) => {
    const last = new Uint8Array(ab)[ab.byteLength - 1];
    parentPort.postMessage(last);
  });
`, { eval: true });
worker.postMessage(moved, [moved]);
assert.strictEqual(moved.byteLength, 0);
worker.once('message', common.mustCall((last) => {
  assert.strictEqual(last, 9);
  worker.terminate();
}));

// And one made in a worker comes back and is freed here.
const maker = new Worker(`
  const { parentPort } = require('worker_threads');
  const ab = new ArrayBuffer(5 * 1024 * 1024);
  new Uint8Array(ab)[0] = 4;
  parentPort.postMessage(ab, [ab]);
`, { eval: true });
maker.once('message', common.mustCall((ab) => {
  assert.strictEqual(ab.byteLength, 5 * MiB);
  assert.strictEqual(new Uint8Array(ab)[0], 4);
}));
