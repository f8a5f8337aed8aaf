'use strict';
const common = require('../common');
const assert = require('assert');
const { Writable } = require('stream');

// Corked writes reach _writev() in one batch; later single writes go to
// _write(). Synchronous write callbacks are deferred to the next tick.
const seen = [];
const w = new Writable({
  writev: common.mustCall((chunks, cb) => {
    seen.push(chunks.map((c) => `${c.chunk}`).join(','));
    assert.strictEqual(chunks.allBuffers, true);
    cb();
  }),
  write: common.mustCall((chunk, encoding, cb) => {
    seen.push(`${chunk}`);
    cb();
  }),
});

w.cork();
assert.strictEqual(w.writableCorked, 1);
let sync = true;
w.write('1', common.mustCall(() => assert.strictEqual(sync, false)));
w.write('2');
assert.strictEqual(w.writableBuffer.length, 2);
sync = false;
process.nextTick(() => {
  w.uncork();
  assert.strictEqual(w.writableCorked, 0);
  w.end('3');
});
w.on('finish', common.mustCall(() => {
  assert.deepStrictEqual(seen, ['1,2', '3']);
}));

// end() uncorks fully.
{
  const w2 = new Writable({
    writev: common.mustCall((chunks, cb) => {
      assert.strictEqual(chunks.length, 2);
      cb();
    }),
  });
  w2.cork();
  w2.cork();
  w2.write('a');
  w2.write('b');
  w2.end();
  w2.on('finish', common.mustCall());
}

// Object mode passes the encoding argument through untouched.
{
  const w3 = new Writable({
    objectMode: true,
    write: common.mustCall((chunk, encoding, cb) => {
      assert.deepStrictEqual(chunk, { a: 1 });
      assert.strictEqual(encoding, undefined);
      cb();
    }),
  });
  w3.end({ a: 1 });
}
