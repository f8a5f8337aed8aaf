'use strict';
// fs.Utf8Stream: buffered UTF-8 writes to a descriptor or a file, in sync
// and async mode, with its option checks and its errors once destroyed.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const { Utf8Stream } = fs;
let counter = 0;
const file = () => tmpdir.resolve(`u8-${counter++}.log`);

for (const sync of [false, true]) {
  // A path: 'ready', writes, 'finish' then 'close'.
  const dest = file();
  const stream = new Utf8Stream({ dest, sync });
  stream.on('ready', common.mustCall(() => {
    let bytes = 0;
    stream.on('write', (n) => { bytes += n; });
    assert.strictEqual(stream.write('héllo\n'), true);
    assert.strictEqual(stream.write('wörld 🌲\n'), true);
    stream.end();
    stream.on('finish', common.mustCall(() => {
      assert.strictEqual(fs.readFileSync(dest, 'utf8'), 'héllo\nwörld 🌲\n');
      assert.strictEqual(bytes, Buffer.byteLength('héllo\nwörld 🌲\n'));
    }));
    stream.on('close', common.mustCall());
  }));

  // minLength keeps data until flush(); flush(cb) calls back once written.
  const written = file();
  const fd = fs.openSync(written, 'w');
  const buffered = new Utf8Stream({ fd, sync, minLength: 4096 });
  assert.strictEqual(buffered.fd, fd);
  assert.strictEqual(buffered.minLength, 4096);
  assert.strictEqual(buffered.sync, sync);
  buffered.write('kept\n');
  setTimeout(common.mustCall(() => {
    assert.strictEqual(fs.readFileSync(written, 'utf8'), '');
    buffered.flush(common.mustSucceed(() => {
      assert.strictEqual(fs.readFileSync(written, 'utf8'), 'kept\n');
      buffered.destroy();
      assert.throws(() => buffered.write('x'), {
        code: 'ERR_INVALID_STATE',
        message: 'Invalid state: Utf8Stream is destroyed',
      });
      buffered.flush(common.mustCall((err) => {
        assert.strictEqual(err.code, 'ERR_INVALID_STATE');
      }));
    }));
  }), 20);
}

// mkdir, maxLength ('drop'), flushSync.
{
  const dest = path.join(tmpdir.path, 'sub', 'dir', 'out.log');
  const stream = new Utf8Stream({ dest, sync: true, mkdir: true,
                                  maxLength: 8, minLength: 4 });
  stream.on('drop', common.mustCall((data) => {
    assert.strictEqual(data, 'too long for it');
  }));
  assert.strictEqual(stream.write('abc'), true);
  stream.write('too long for it');
  stream.flushSync();
  assert.strictEqual(fs.readFileSync(dest, 'utf8'), 'abc');
  stream.end();
}

// reopen() moves to another file.
{
  const dest = file();
  const moved = `${dest}-next`;
  const stream = new Utf8Stream({ dest, sync: true });
  stream.write('first\n');
  stream.reopen(moved);
  assert.strictEqual(stream.file, moved);
  stream.write('second\n');
  stream.end();
  stream.on('close', common.mustCall(() => {
    assert.strictEqual(fs.readFileSync(dest, 'utf8'), 'first\n');
    assert.strictEqual(fs.readFileSync(moved, 'utf8'), 'second\n');
  }));
  const byFd = new Utf8Stream({ fd: fs.openSync(file(), 'w') });
  assert.throws(() => byFd.reopen(), { code: 'ERR_OPERATION_FAILED' });
  byFd.destroy();
}

// Option checks.
assert.throws(() => new Utf8Stream(), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "fd" argument must be one of type number or string. ' +
           'Received undefined',
});
assert.throws(() => new Utf8Stream({ fd: 1, minLength: 16384 }), {
  code: 'ERR_INVALID_ARG_VALUE',
  name: 'RangeError',
  message: "The argument 'minLength' should be smaller than maxWrite " +
           '(16384). Received 16384',
});
assert.throws(() => new Utf8Stream({ fd: 1, sync: 'yes' }),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new Utf8Stream({ fd: 1, contentMode: 'x' }),
              { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => new Utf8Stream({ fd: 1, maxLength: -1 }),
              { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => new Utf8Stream({ dest: tmpdir.resolve('no/such/dir/f'),
                                     sync: true }),
              { code: 'ENOENT' });
