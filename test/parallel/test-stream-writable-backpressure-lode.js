'use strict';
const common = require('../common');
const assert = require('assert');
const { Writable } = require('stream');

// write() returns false at highWaterMark; 'drain' follows once the buffer
// empties, then 'prefinish', the end() callback, 'finish' and 'close'.
const order = [];
const w = new Writable({
  highWaterMark: 3,
  write: common.mustCall((chunk, encoding, cb) => {
    order.push(`write ${chunk}`);
    assert.strictEqual(encoding, 'buffer');
    setImmediate(cb);
  }, 3),
});
w.on('drain', common.mustCall(() => order.push('drain')));
w.on('prefinish', common.mustCall(() => order.push('prefinish')));
w.on('finish', common.mustCall(() => order.push('finish')));
w.on('close', common.mustCall(() => {
  order.push('close');
  assert.deepStrictEqual(order, [
    'write ab', 'write cd', 'drain', 'write z', 'prefinish', 'end cb',
    'finish', 'close',
  ]);
}));

assert.strictEqual(w.write('ab'), true);
assert.strictEqual(w.write('cd'), false);
assert.strictEqual(w.writableLength, 4);
assert.strictEqual(w.writableNeedDrain, true);
w.once('drain', () => {
  w.end('z', common.mustCall(() => order.push('end cb')));
  assert.strictEqual(w.writableEnded, true);
  assert.strictEqual(w.writable, false);
});

// Writes after end() fail with ERR_STREAM_WRITE_AFTER_END, in the callback
// and as an 'error' event.
{
  const w2 = new Writable({ write(chunk, encoding, cb) { cb(); } });
  w2.end();
  w2.write('x', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_STREAM_WRITE_AFTER_END');
  }));
  w2.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_STREAM_WRITE_AFTER_END');
    assert.strictEqual(err.message, 'write after end');
  }));
}

assert.throws(() => new Writable().write(null), {
  code: 'ERR_STREAM_NULL_VALUES',
  name: 'TypeError',
  message: 'May not write null values to stream',
});
assert.throws(() => new Writable().write({}), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
});
assert.throws(() => new Writable().write('a', 'bogus'), {
  code: 'ERR_UNKNOWN_ENCODING',
  message: 'Unknown encoding: bogus',
});
