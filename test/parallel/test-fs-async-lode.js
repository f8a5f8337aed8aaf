'use strict';
// The callback API: results, argument counts and errors from the
// threadpool.
const common = require('../common');
const assert = require('assert');
const tmpdir = require('../common/tmpdir');
const fs = require('fs');

tmpdir.refresh();
const file = tmpdir.resolve('a.txt');

fs.writeFile(file, 'hello', common.mustCall(function(err) {
  assert.strictEqual(arguments.length, 1);
  assert.strictEqual(err, null);
  fs.appendFile(file, ' world', common.mustSucceed(() => {
    fs.readFile(file, 'utf8', common.mustSucceed((data) => {
      assert.strictEqual(data, 'hello world');
    }));
    fs.open(file, 'r', common.mustSucceed((fd) => {
      const buf = Buffer.alloc(5);
      fs.read(fd, buf, 0, 5, 6, common.mustSucceed((n, b) => {
        assert.strictEqual(n, 5);
        assert.strictEqual(b, buf);
        assert.strictEqual(buf.toString(), 'world');
        fs.close(fd, common.mustSucceed());
      }));
    }));
    fs.copyFile(file, tmpdir.resolve('b.txt'), common.mustSucceed(() => {
      fs.copyFile(file, tmpdir.resolve('b.txt'), fs.constants.COPYFILE_EXCL,
                  common.mustCall((err) => {
                    assert.strictEqual(err.code, 'EEXIST');
                    assert.strictEqual(err.syscall, 'copyfile');
                  }));
    }));
  }));
}));

fs.readFile(tmpdir.resolve('nope'), common.mustCall(function(err) {
  assert.strictEqual(arguments.length, 1);
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.syscall, 'open');
}));
fs.close(99999, common.mustCall((err) => {
  assert.strictEqual(err.message, 'EBADF: bad file descriptor, close');
}));
fs.exists(tmpdir.path, common.mustCall((ok) => assert.strictEqual(ok, true)));
fs.realpath(tmpdir.path, common.mustSucceed((p) => {
  assert.strictEqual(p, fs.realpathSync(tmpdir.path));
}));
fs.open(tmpdir.resolve('w.txt'), 'w+', common.mustSucceed((fd) => {
  fs.writev(fd, [Buffer.from('ab'), Buffer.from('c')], common.mustSucceed((n) => {
    assert.strictEqual(n, 3);
    fs.readv(fd, [Buffer.alloc(1), Buffer.alloc(2)], 0,
             common.mustSucceed((r, bufs) => {
               assert.strictEqual(r, 3);
               assert.strictEqual(Buffer.concat(bufs).toString(), 'abc');
               fs.closeSync(fd);
             }));
  }));
}));
