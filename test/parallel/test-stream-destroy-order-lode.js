'use strict';
const common = require('../common');
const assert = require('assert');
const { Readable, Writable, Duplex } = require('stream');

// destroy(err): the state changes at once; 'error' then 'close' follow on
// the next tick.
{
  const order = [];
  const r = new Readable({ read() {} });
  r.on('error', common.mustCall((err) => order.push(`error ${err.message}`)));
  r.on('close', common.mustCall(() => {
    order.push('close');
    assert.deepStrictEqual(order, ['sync', 'error boom', 'close']);
  }));
  r.destroy(new Error('boom'));
  assert.strictEqual(r.destroyed, true);
  assert.strictEqual(r.readableAborted, true);
  assert.strictEqual(r.errored.message, 'boom');
  order.push('sync');
  // A second destroy() only runs its callback.
  r.destroy(new Error('again'), common.mustCall());
}

// _destroy() can replace the error; emitClose: false suppresses 'close'.
{
  const w = new Writable({
    emitClose: false,
    destroy: common.mustCall((err, cb) => {
      assert.strictEqual(err, null);
      cb(new Error('from _destroy'));
    }),
  });
  w.on('error', common.mustCall((err) => {
    assert.strictEqual(err.message, 'from _destroy');
  }));
  w.on('close', common.mustNotCall());
  w.destroy();
}

// Buffered writes fail with ERR_STREAM_DESTROYED once the write in flight
// completes.
{
  const w = new Writable({
    write(chunk, encoding, cb) { setImmediate(cb); },
  });
  w.write('a', common.mustCall((err) => assert.strictEqual(err, null)));
  w.write('b', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_STREAM_DESTROYED');
    assert.strictEqual(err.message,
                       'Cannot call write after a stream was destroyed');
  }));
  w.destroy();
}

// allowHalfOpen: false ends the writable side after 'end'.
{
  const d = new Duplex({
    allowHalfOpen: false,
    read() {},
    write(chunk, encoding, cb) { cb(); },
  });
  const order = [];
  for (const ev of ['end', 'prefinish', 'finish', 'close']) {
    d.on(ev, common.mustCall(() => order.push(ev)));
  }
  d.on('close', () => {
    assert.deepStrictEqual(order, ['end', 'prefinish', 'finish', 'close']);
  });
  d.push(null);
  d.resume();
}

// _construct() runs before any _write() or _read().
{
  const calls = [];
  const w = new Writable({
    construct(cb) {
      calls.push('construct');
      setImmediate(cb);
    },
    write(chunk, encoding, cb) {
      calls.push('write');
      cb();
    },
  });
  w.end('x', common.mustCall(() => {
    assert.deepStrictEqual(calls, ['construct', 'write']);
  }));
}
