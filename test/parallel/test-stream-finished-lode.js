'use strict';
const common = require('../common');
const assert = require('assert');
const { Readable, Writable, finished } = require('stream');
const { finished: finishedPromise } = require('stream/promises');

// A stream closed before it ended: ERR_STREAM_PREMATURE_CLOSE.
{
  const r = new Readable({ read() {} });
  finished(r, common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_STREAM_PREMATURE_CLOSE');
    assert.strictEqual(err.message, 'Premature close');
  }));
  r.destroy();
}

// A normal end calls back without arguments.
{
  const r = Readable.from(['a']);
  finished(r, common.mustCall(function(...args) {
    assert.strictEqual(args.length, 0);
    assert.strictEqual(this, r);
  }));
  r.resume();
}

// The error wins.
{
  const w = new Writable({ write(chunk, encoding, cb) { cb(new Error('no')); } });
  w.on('error', () => {});
  finished(w, common.mustCall((err) => assert.strictEqual(err.message, 'no')));
  w.write('x');
}

// The returned function removes the listeners.
{
  const r = new Readable({ read() {} });
  const cleanup = finished(r, common.mustNotCall());
  cleanup();
  r.destroy();
}

// The promise version.
{
  const w = new Writable({ write(chunk, encoding, cb) { cb(); } });
  finishedPromise(w).then(common.mustCall((value) => {
    assert.strictEqual(value, undefined);
  }));
  w.end('x');
}

assert.throws(() => finished({}, () => {}), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
});
assert.throws(() => finished(new Readable(), 'x'), {
  code: 'ERR_INVALID_ARG_TYPE',
});
