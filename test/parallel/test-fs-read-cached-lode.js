'use strict';
// fs.read of a regular file whose bytes are in the page cache may be done
// by the loop thread itself (RWF_NOWAIT) instead of the threadpool. What a
// program sees must not change: the callback comes later than the call,
// reads at the file position advance it and positioned reads do not, a
// read across the end of the file is short, errors are those of read(),
// and what is not a cached regular file still reads.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const file = tmpdir.resolve('cached.bin');
const data = Buffer.alloc(300 * 1024);
for (let i = 0; i < data.length; i++) data[i] = (i * 7) & 0xff;
fs.writeFileSync(file, data);
fs.readFileSync(file);  // in the page cache now

const fd = fs.openSync(file, 'r');

// Never synchronous.
let sync = true;
fs.read(fd, Buffer.alloc(16), 0, 16, 0, common.mustSucceed((n, buf) => {
  assert.strictEqual(sync, false);
  assert.strictEqual(n, 16);
  assert.ok(buf.equals(data.subarray(0, 16)));
  sequential();
}));
sync = false;

// Reads at the file position follow each other and move it; a positioned
// read between them leaves it alone.
function sequential() {
  const a = Buffer.alloc(1000);
  fs.read(fd, a, 0, 1000, null, common.mustSucceed((n) => {
    assert.strictEqual(n, 1000);
    assert.ok(a.equals(data.subarray(0, 1000)));
    const p = Buffer.alloc(10);
    fs.read(fd, p, 0, 10, 5000, common.mustSucceed((n) => {
      assert.strictEqual(n, 10);
      assert.ok(p.equals(data.subarray(5000, 5010)));
      const b = Buffer.alloc(1000);
      fs.read(fd, b, 0, 1000, null, common.mustSucceed((n) => {
        assert.strictEqual(n, 1000);
        assert.ok(b.equals(data.subarray(1000, 2000)));
        tail();
      }));
    }));
  }));
}

// Across the end: short; at the end: 0.
function tail() {
  const b = Buffer.alloc(4096);
  fs.read(fd, b, 0, 4096, data.length - 100, common.mustSucceed((n) => {
    assert.strictEqual(n, 100);
    assert.ok(b.subarray(0, 100).equals(data.subarray(data.length - 100)));
    fs.read(fd, b, 0, 4096, data.length, common.mustSucceed((n) => {
      assert.strictEqual(n, 0);
      large();
    }));
  }));
}

// Larger than what the loop thread reads itself: the threadpool's.
function large() {
  const b = Buffer.alloc(data.length);
  fs.read(fd, b, 0, b.length, 0, common.mustSucceed((n) => {
    assert.strictEqual(n, data.length);
    assert.ok(b.equals(data));
    fs.closeSync(fd);
  }));
}

// A descriptor not open for reading: read()'s own error.
const wfd = fs.openSync(tmpdir.resolve('wo.bin'), 'w');
fs.read(wfd, Buffer.alloc(8), 0, 8, 0, common.mustCall((err) => {
  assert.strictEqual(err.code, 'EBADF');
  assert.strictEqual(err.syscall, 'read');
  fs.closeSync(wfd);
}));

// Not a regular file.
if (!common.isWindows) {
  const zfd = fs.openSync('/dev/zero', 'r');
  const z = Buffer.alloc(64, 1);
  fs.read(zfd, z, 0, 64, null, common.mustSucceed((n) => {
    assert.strictEqual(n, 64);
    assert.ok(z.equals(Buffer.alloc(64)));
    fs.closeSync(zfd);
  }));
}

// A stream of the file: the same bytes, in 64 KiB chunks but the last.
const sizes = [];
const parts = [];
fs.createReadStream(file)
  .on('data', (chunk) => { sizes.push(chunk.length); parts.push(chunk); })
  .on('end', common.mustCall(() => {
    assert.deepStrictEqual(sizes, [65536, 65536, 65536, 65536, 45056]);
    assert.ok(Buffer.concat(parts).equals(data));
  }));
