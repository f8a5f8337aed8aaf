'use strict';
// The synchronous stat calls share one result array per kind in the binding
// and writeFileSync of a string takes a one-call path: each Stats must still
// be its own object with its own values, and the string path must write,
// append, honour flags and modes, leave a caller's fd open and fail like
// the open/write calls it replaces.
require('../common');
const assert = require('assert');
const tmpdir = require('../common/tmpdir');
const fs = require('fs');

tmpdir.refresh();
const small = tmpdir.resolve('small.txt');
const large = tmpdir.resolve('large.txt');
fs.writeFileSync(small, 'x');
fs.writeFileSync(large, Buffer.alloc(5000, 'y'));

// Stats objects keep their values after later stat calls.
const a = fs.statSync(small);
const b = fs.statSync(large);
const c = fs.lstatSync(tmpdir.path);
assert.strictEqual(a.size, 1);
assert.strictEqual(b.size, 5000);
assert.ok(a.isFile());
assert.ok(c.isDirectory());
assert.notStrictEqual(a.ino, b.ino);
const fd = fs.openSync(large, 'r');
const d = fs.fstatSync(fd);
fs.closeSync(fd);
assert.strictEqual(d.size, 5000);
assert.strictEqual(a.size, 1);
const big = fs.statSync(small, { bigint: true });
const big2 = fs.statSync(large, { bigint: true });
assert.strictEqual(big.size, 1n);
assert.strictEqual(big2.size, 5000n);
assert.strictEqual(typeof big.mtimeNs, 'bigint');
assert.strictEqual(fs.statSync(tmpdir.resolve('nope'), { throwIfNoEntry: false }),
                   undefined);
assert.throws(() => fs.statSync(tmpdir.resolve('nope')),
              { code: 'ENOENT', syscall: 'stat' });
// readFileSync sizes its buffer from fstat.
assert.strictEqual(fs.readFileSync(large).length, 5000);

// Asynchronous stats are separate from the synchronous array.
fs.stat(small, (err, st) => {
  assert.ifError(err);
  assert.strictEqual(st.size, 1);
  assert.strictEqual(a.size, 1);
});

// writeFileSync of a string.
const out = tmpdir.resolve('out.txt');
fs.writeFileSync(out, 'héllo \ud83d\ude00');
assert.strictEqual(fs.readFileSync(out, 'utf8'), 'héllo \ud83d\ude00');
fs.writeFileSync(out, ' more', { flag: 'a' });
assert.strictEqual(fs.readFileSync(out, 'utf8'), 'héllo \ud83d\ude00 more');
fs.writeFileSync(out, 'x', 'utf-8');
assert.strictEqual(fs.readFileSync(out, 'utf8'), 'x');
// A lone surrogate becomes U+FFFD, as Buffer.from() makes it.
fs.writeFileSync(out, 'a\ud800b');
assert.deepStrictEqual(fs.readFileSync(out), Buffer.from('a\ud800b'));
// A string larger than any stack buffer.
const long = 'é'.repeat(300000);
fs.writeFileSync(out, long);
assert.strictEqual(fs.readFileSync(out, 'utf8'), long);
fs.writeFileSync(out, '');
assert.strictEqual(fs.statSync(out).size, 0);
// Other encodings still go through Buffer.from().
fs.writeFileSync(out, '6869', 'hex');
assert.strictEqual(fs.readFileSync(out, 'utf8'), 'hi');
// A mode for a new file.
if (process.platform !== 'win32') {
  const moded = tmpdir.resolve('moded.txt');
  const old = process.umask(0);
  fs.writeFileSync(moded, 'm', { mode: 0o640 });
  process.umask(old);
  assert.strictEqual(fs.statSync(moded).mode & 0o777, 0o640);
}
// 'wx' on an existing file fails in open, naming the path.
assert.throws(() => fs.writeFileSync(out, 'y', { flag: 'wx' }),
              { code: 'EEXIST', syscall: 'open', path: out });
assert.throws(() => fs.writeFileSync(tmpdir.resolve('no/such/dir'), 'y'),
              { code: 'ENOENT', syscall: 'open' });
assert.throws(() => fs.writeFileSync(tmpdir.path, 'y'),
              { code: 'EISDIR', syscall: 'open' });
// Arguments are validated as before.
assert.throws(() => fs.writeFileSync(out, 'y', { flag: 'bogus' }),
              { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => fs.writeFileSync(out, 'y', { mode: 'abc' }),
              { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => fs.writeFileSync(123.5, 'y'),
              { code: 'ERR_INVALID_ARG_TYPE' });
// A file: URL path.
fs.writeFileSync(new URL(`file://${out}`), 'url');
assert.strictEqual(fs.readFileSync(out, 'utf8'), 'url');
// A caller's fd is written at its position and stays open.
const wfd = fs.openSync(out, 'w');
fs.writeFileSync(wfd, 'one ');
fs.writeFileSync(wfd, 'two');
fs.closeSync(wfd);
assert.strictEqual(fs.readFileSync(out, 'utf8'), 'one two');
// A read-only fd: the write fails with EBADF and no path.
const rfd = fs.openSync(out, 'r');
assert.throws(() => fs.writeFileSync(rfd, 'z'),
              (err) => err.code === 'EBADF' && err.syscall === 'write' &&
                       err.path === undefined);
fs.closeSync(rfd);
// appendFileSync goes the same way.
fs.appendFileSync(out, '!');
assert.strictEqual(fs.readFileSync(out, 'utf8'), 'one two!');
