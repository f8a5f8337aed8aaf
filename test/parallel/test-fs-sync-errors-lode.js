'use strict';
// Synchronous calls throw Node's UVException: message, errno, code, syscall,
// path and dest exactly as Node 24 reports them.
const common = require('../common');
const assert = require('assert');
const tmpdir = require('../common/tmpdir');
const fs = require('fs');

tmpdir.refresh();
const file = tmpdir.resolve('f.txt');
const missing = tmpdir.resolve('missing');
fs.writeFileSync(file, 'x');

function uv(code, errno, syscall, path, dest) {
  const msgs = {
    ENOENT: 'no such file or directory',
    EEXIST: 'file already exists',
    EISDIR: 'illegal operation on a directory',
    ENOTDIR: 'not a directory',
    EBADF: 'bad file descriptor',
    EINVAL: 'invalid argument',
    ENOTEMPTY: 'directory not empty',
  };
  let message = `${code}: ${msgs[code]}, ${syscall}`;
  if (path !== undefined) message += ` '${path}'`;
  if (dest !== undefined) message += ` -> '${dest}'`;
  const expected = { name: 'Error', code, errno, syscall, message };
  if (path !== undefined) expected.path = path;
  if (dest !== undefined) expected.dest = dest;
  return expected;
}

assert.throws(() => fs.openSync(missing), uv('ENOENT', -2, 'open', missing));
assert.throws(() => fs.statSync(missing), uv('ENOENT', -2, 'stat', missing));
assert.throws(() => fs.lstatSync(missing), uv('ENOENT', -2, 'lstat', missing));
assert.throws(() => fs.accessSync(missing),
              uv('ENOENT', -2, 'access', missing));
assert.throws(() => fs.readdirSync(missing),
              uv('ENOENT', -2, 'scandir', missing));
assert.throws(() => fs.renameSync(missing, file),
              uv('ENOENT', -2, 'rename', missing, file));
assert.throws(() => fs.linkSync(file, file),
              uv('EEXIST', -17, 'link', file, file));
assert.throws(() => fs.copyFileSync(missing, file),
              uv('ENOENT', -2, 'copyfile', missing, file));
assert.throws(() => fs.mkdirSync(tmpdir.path),
              uv('EEXIST', -17, 'mkdir', tmpdir.path));
assert.throws(() => fs.unlinkSync(tmpdir.path),
              uv('EISDIR', -21, 'unlink', tmpdir.path));
assert.throws(() => fs.readlinkSync(file),
              uv('EINVAL', -22, 'readlink', file));
assert.throws(() => fs.readFileSync(tmpdir.path), uv('EISDIR', -21, 'read'));
assert.throws(() => fs.closeSync(99999), uv('EBADF', -9, 'close'));
assert.throws(() => fs.fstatSync(99999), uv('EBADF', -9, 'fstat'));
assert.throws(() => fs.fsyncSync(99999), uv('EBADF', -9, 'fsync'));
assert.throws(() => fs.opendirSync(file), uv('ENOTDIR', -20, 'opendir'));
assert.throws(() => fs.realpathSync(`${missing}/x`),
              uv('ENOENT', -2, 'lstat', missing));
assert.throws(() => fs.realpathSync.native(missing),
              uv('ENOENT', -2, 'realpath', missing));
assert.throws(() => fs.mkdtempSync(`${missing}/x-`),
              uv('ENOENT', -2, 'mkdtemp', `${missing}/x-XXXXXX`));
assert.throws(() => fs.utimesSync(missing, 1, 1),
              uv('ENOENT', -2, 'utime', missing));
assert.throws(() => fs.rmSync(missing), uv('ENOENT', -2, 'lstat', missing));
assert.throws(() => fs.rmSync(tmpdir.path), {
  name: 'SystemError',
  code: 'ERR_FS_EISDIR',
  message: `Path is a directory: rm returned EISDIR (is a directory) ${
    tmpdir.path}`,
});
assert.strictEqual(fs.statSync(missing, { throwIfNoEntry: false }), undefined);
common.mustCall()();
