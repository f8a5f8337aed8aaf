'use strict';
// fs streams: the fs object is looked up at each call (a program may patch
// fs.close), a custom `fs` option must supply its functions, the autoClose
// accessor, FileHandle-backed streams and FileHandle 'close' timing.
const common = require('../common');
const assert = require('assert');
const tmpdir = require('../common/tmpdir');
const fs = require('fs');

tmpdir.refresh();
const file = tmpdir.resolve('data.txt');
fs.writeFileSync(file, 'hello world');

// A custom fs object is not completed from the fs module.
for (const name of ['open', 'close', 'read']) {
  const custom = { ...fs, [name]: null };
  assert.throws(() => fs.createReadStream(file, { fs: custom }),
                { code: 'ERR_INVALID_ARG_TYPE',
                  message: `The "options.fs.${name}" property must be of ` +
                           'type function. Received null' });
}
assert.throws(() => fs.createWriteStream(file, {
  fs: { ...fs, write: null, writev: null },
}), { code: 'ERR_INVALID_ARG_TYPE', message: /"options\.fs\.write"/ });

// A write-only custom fs: no _writev.
{
  const s = fs.createWriteStream(tmpdir.resolve('w1.txt'), {
    fs: { open: fs.open, write: fs.write, close: fs.close },
  });
  assert.strictEqual(s._writev, null);
  s.end('x', common.mustCall());
}

// autoClose is an accessor over autoDestroy, checked for its receiver.
assert.throws(() => fs.WriteStream.prototype.autoClose,
              { code: 'ERR_INVALID_THIS' });
assert.throws(() => fs.ReadStream.prototype.autoClose,
              { code: 'ERR_INVALID_THIS' });
{
  const s = fs.createReadStream(file, { autoClose: false });
  assert.strictEqual(s.autoClose, false);
  assert.strictEqual(Object.hasOwn(s, 'autoClose'), false);
  s.autoClose = true;
  assert.strictEqual(s._readableState.autoDestroy, true);
  s.destroy();
}

// Without autoClose a read error leaves the stream open.
{
  const s = fs.createReadStream(null, { fd: 13337, autoClose: false });
  s.on('data', common.mustNotCall());
  s.on('error', common.mustCall(() => {
    setImmediate(common.mustCall(() => {
      assert.strictEqual(s.destroyed, false);
    }));
  }));
}

// fs.close as patched when the stream closes is the one used.
{
  const s = fs.createReadStream(file);
  const realClose = fs.close;
  fs.close = common.mustCall((fd, cb) => {
    fs.close = realClose;
    realClose(fd, cb);
  });
  s.resume();
  s.on('close', common.mustCall());
}

// FileHandle: 'close' is emitted when close() is called; a stream over the
// handle closes with it, and keeps the descriptor until then.
(async () => {
  const handle = await fs.promises.open(file, 'r');
  const events = [];
  handle.on('close', () => events.push('close'));
  const p = handle.close();
  events.push('after close()');
  await p;
  assert.deepStrictEqual(events, ['close', 'after close()']);

  const h2 = await fs.promises.open(file, 'r');
  const s = fs.createReadStream(null, { fd: h2 });
  s.on('close', common.mustCall());
  await h2.close();
  assert.strictEqual(h2.fd, -1);

  const h3 = await fs.promises.open(file, 'r');
  assert.throws(() => fs.createReadStream(null, { fd: h3, fs }),
                { code: 'ERR_METHOD_NOT_IMPLEMENTED',
                  message: 'The FileHandle with fs method is not ' +
                           'implemented' });
  await h3.close();
})().then(common.mustCall());
