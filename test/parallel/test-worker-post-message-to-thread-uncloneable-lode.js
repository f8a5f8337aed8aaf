'use strict';
// postMessageToThread() with a value that cannot be cloned rejects with the
// clone error (DataCloneError) from the main thread and from a worker, and
// leaves nothing behind that keeps the thread alive.
const common = require('../common');
const assert = require('assert');
const { Worker, postMessageToThread, isMainThread, workerData } =
  require('worker_threads');

if (isMainThread) {
  const worker = new Worker(__filename, { workerData: 'child' });
  worker.on('message', common.mustCall((name) => {
    assert.strictEqual(name, 'DataCloneError');
    postMessageToThread(worker.threadId, () => {}).then(
      common.mustNotCall(),
      common.mustCall((err) => {
        assert.strictEqual(err.name, 'DataCloneError');
        worker.postMessage('done');
      }));
  }));
  worker.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
} else {
  assert.strictEqual(workerData, 'child');
  const { parentPort } = require('worker_threads');
  postMessageToThread(0, () => {}).then(
    common.mustNotCall(),
    common.mustCall((err) => parentPort.postMessage(err.name)));
  parentPort.once('message', () => parentPort.close());
}
