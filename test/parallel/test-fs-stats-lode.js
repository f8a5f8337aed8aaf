'use strict';
// Stats and BigIntStats built from the binding's arrays; lazy Date getters.
const common = require('../common');
const assert = require('assert');
const tmpdir = require('../common/tmpdir');
const fs = require('fs');

tmpdir.refresh();
const file = tmpdir.resolve('s.txt');
fs.writeFileSync(file, 'hello');
fs.utimesSync(file, 1000.5, new Date(2000000));

const s = fs.statSync(file);
assert.ok(s instanceof fs.Stats);
assert.strictEqual(s.size, 5);
assert.strictEqual(s.isFile(), true);
assert.strictEqual(s.isDirectory(), false);
assert.strictEqual(s.isSymbolicLink(), false);
assert.strictEqual(s.atimeMs, 1000500);
assert.strictEqual(s.mtimeMs, 2000000);
assert.strictEqual(s.mtime.getTime(), 2000000);
assert.deepStrictEqual(Object.keys(s), [
  'dev', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'blksize', 'ino', 'size',
  'blocks', 'atimeMs', 'mtimeMs', 'ctimeMs', 'birthtimeMs',
]);
s.mtime = 5;
assert.strictEqual(s.mtime, 5);

const b = fs.statSync(file, { bigint: true });
assert.strictEqual(b.size, 5n);
assert.strictEqual(b.atimeNs, 1000500000000n);
assert.strictEqual(b.atimeMs, 1000500n);
assert.strictEqual(b.isFile(), true);
assert.strictEqual(b.constructor.name, 'BigIntStats');

fs.stat(tmpdir.path, common.mustSucceed((st) => {
  assert.strictEqual(st.isDirectory(), true);
}));
fs.lstat(file, { bigint: true }, common.mustSucceed((st) => {
  assert.strictEqual(typeof st.mode, 'bigint');
}));
const fd = fs.openSync(file, 'r');
fs.fstat(fd, common.mustSucceed((st) => {
  assert.strictEqual(st.size, 5);
  fs.closeSync(fd);
}));
const sf = fs.statfsSync(tmpdir.path);
assert.strictEqual(sf.constructor.name, 'StatFs');
assert.deepStrictEqual(Object.keys(sf),
                       ['type', 'bsize', 'blocks', 'bfree', 'bavail', 'files',
                        'ffree']);
