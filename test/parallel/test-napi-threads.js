'use strict';
const common = require('../common');
const assert = require('assert');
const tmpdir = require('../common/tmpdir');
const { buildAddon } = require('../common/napi');

// Async work runs on the libuv thread pool and completes on the loop
// thread; a thread-safe function takes calls from 4 threads at once
// (blocking calls on a queue of 4, 100,000 in all) and finalizes after the
// last release.

tmpdir.refresh();
const addon = require(buildAddon('threads'));

addon.sum(100000, common.mustCall((status, sum, onOtherThread) => {
  assert.strictEqual(status, 0);
  assert.strictEqual(sum, 100000 * 100001 / 2);
  assert.strictEqual(onOtherThread, true);
}));

// Several at once: the pool runs them all.
for (let n = 1; n <= 8; n++) {
  addon.sum(n, common.mustCall((status, sum) => {
    assert.strictEqual(sum, n * (n + 1) / 2);
  }));
}

const threads = 4;
const perThread = 25000;  // 100,000 calls in all
let seen = 0;
addon.fanout(threads, perThread, (value) => {
  seen++;
  assert.ok(value % 1000000 < perThread);
}, common.mustCall((calls, sum, failures) => {
  assert.strictEqual(failures, 0);
  assert.strictEqual(calls, threads * perThread);
  assert.strictEqual(seen, threads * perThread);
  let expected = 0;
  for (let t = 0; t < threads; t++) {
    expected += t * 1000000 * perThread + perThread * (perThread - 1) / 2;
  }
  assert.strictEqual(sum, expected);
}));
