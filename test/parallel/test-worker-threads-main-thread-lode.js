'use strict';
// worker_threads as seen from the main thread: isMainThread, threadId 0,
// no parentPort or workerData, and the marks on objects.
require('../common');
const assert = require('assert');
const wt = require('worker_threads');

assert.strictEqual(wt.isMainThread, true);
assert.strictEqual(wt.isInternalThread, false);
assert.strictEqual(wt.threadId, 0);
assert.strictEqual(wt.parentPort, null);
assert.strictEqual(wt.workerData, null);
assert.deepStrictEqual(wt.resourceLimits, {});
assert.strictEqual(wt.SHARE_ENV, Symbol.for('nodejs.worker_threads.SHARE_ENV'));
assert.strictEqual(wt.MessageChannel, globalThis.MessageChannel);
assert.strictEqual(wt.MessagePort, globalThis.MessagePort);
assert.strictEqual(wt.BroadcastChannel, globalThis.BroadcastChannel);

const obj = {};
assert.strictEqual(wt.isMarkedAsUntransferable(obj), false);
wt.markAsUntransferable(obj);
assert.strictEqual(wt.isMarkedAsUntransferable(obj), true);
assert.strictEqual(wt.isMarkedAsUntransferable(1), false);

for (const name of ['MessageChannel', 'MessagePort', 'BroadcastChannel',
  'MessageEvent']) {
  const desc = Object.getOwnPropertyDescriptor(globalThis, name);
  assert.strictEqual(desc.enumerable, false);
  assert.strictEqual(desc.writable, true);
}
