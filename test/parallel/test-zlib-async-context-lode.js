'use strict';
// Callbacks and events of zlib streams run in the async context the stream
// was made in (AsyncLocalStorage), and async hooks see a ZLIB resource.
const common = require('../common');
const assert = require('assert');
const zlib = require('zlib');
const { AsyncLocalStorage, createHook } = require('async_hooks');

const types = new Set();
const hook = createHook({
  init(asyncId, type) { types.add(type); },
}).enable();

const als = new AsyncLocalStorage();
als.run('outer', () => {
  zlib.gzip('abc', common.mustSucceed((packed) => {
    assert.strictEqual(als.getStore(), 'outer');
    als.run('inner', () => {
      zlib.gunzip(Buffer.from('not gzip'), common.mustCall((err) => {
        assert.strictEqual(err.code, 'Z_DATA_ERROR');
        assert.strictEqual(als.getStore(), 'inner');
      }));
    });
  }));
  const deflate = zlib.createDeflate();
  deflate.on('data', common.mustCallAtLeast(() => {
    assert.strictEqual(als.getStore(), 'outer');
  }));
  deflate.end('x');
});

process.on('exit', () => {
  hook.disable();
  assert(types.has('ZLIB'));
});
