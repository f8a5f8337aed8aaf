'use strict';
// fs.WriteStream keeps writing after a short write or an EAGAIN, and
// fails with ERR_SYSTEM_ERROR only when writes stop making progress.
const common = require('../common');
const assert = require('assert');
const tmpdir = require('../common/tmpdir');
const fs = require('fs');

tmpdir.refresh();

// Short writes: one byte per call, the file still ends up whole.
{
  const file = tmpdir.resolve('short.txt');
  let calls = 0;
  const oneByte = (fd, buf, off, len, pos, cb) => {
    calls++;
    fs.write(fd, buf, off, Math.min(len, 1), pos, cb);
  };
  const s = fs.createWriteStream(file, { fs: { open: fs.open, write: oneByte, close: fs.close } });
  s.on('error', common.mustNotCall());
  s.end('hello', common.mustCall(() => {
    assert.strictEqual(calls, 5);
    assert.strictEqual(s.bytesWritten, 5);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'hello');
  }));
}

// Two EAGAINs, then the real write.
{
  const file = tmpdir.resolve('eagain.txt');
  let calls = 0;
  const flaky = (fd, buf, off, len, pos, cb) => {
    if (++calls <= 2) return cb(Object.assign(new Error('busy'), { code: 'EAGAIN' }), 0, buf);
    fs.write(fd, buf, off, len, pos, cb);
  };
  const s = fs.createWriteStream(file, { fs: { open: fs.open, write: flaky, close: fs.close } });
  s.on('error', common.mustNotCall());
  s.end('abc', common.mustCall(() => {
    assert.strictEqual(calls, 3);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'abc');
  }));
}

// A write that never makes progress ends in an error, not a busy loop.
{
  const file = tmpdir.resolve('stuck.txt');
  let calls = 0;
  const stuck = (fd, buf, off, len, pos, cb) => { calls++; cb(null, 0, buf); };
  const s = fs.createWriteStream(file, { fs: { open: fs.open, write: stuck, close: fs.close } });
  s.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_SYSTEM_ERROR');
    assert.strictEqual(err.name, 'SystemError');
    assert.strictEqual(calls, 6);
  }));
  s.end('x');
}

// Any other error is passed on at once.
{
  const file = tmpdir.resolve('eio.txt');
  const broken = (fd, buf, off, len, pos, cb) => cb(Object.assign(new Error('io'), { code: 'EIO' }));
  const s = fs.createWriteStream(file, { fs: { open: fs.open, write: broken, close: fs.close } });
  s.on('error', common.mustCall((err) => assert.strictEqual(err.code, 'EIO')));
  s.end('x');
}
