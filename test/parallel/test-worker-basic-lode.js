'use strict';
// A worker runs this file in a thread of its own: it sees workerData,
// isMainThread false and its threadId, answers messages on parentPort,
// and ends with exit code 0 after 'online'.
const common = require('../common');
const assert = require('assert');
const {
  Worker, isMainThread, parentPort, workerData, threadId,
} = require('worker_threads');

if (!isMainThread) {
  assert.deepStrictEqual(workerData, { greeting: 'hi', list: [1, 2] });
  assert.ok(threadId > 0);
  parentPort.once('message', (value) => {
    parentPort.postMessage({ doubled: value * 2, threadId });
  });
  return;
}

const worker = new Worker(__filename, {
  workerData: { greeting: 'hi', list: [1, 2] },
});
assert.ok(worker.threadId > 0);
let online = false;
worker.on('online', common.mustCall(() => { online = true; }));
worker.on('message', common.mustCall((message) => {
  assert.ok(online);
  assert.deepStrictEqual(message,
                         { doubled: 42, threadId: worker.threadId });
}));
worker.on('exit', common.mustCall((code) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(worker.threadId, -1);
}));
worker.postMessage(21);
