'use strict';
// A worker can start workers of its own, and hand a MessagePort of a
// channel made in the main thread down to its child; when the outer
// worker exits, its child is stopped with it.
const common = require('../common');
const assert = require('assert');
const { Worker, isMainThread, workerData, parentPort } = require('worker_threads');

if (!isMainThread) {
  if (workerData.depth === 1) {
    const child = new Worker(__filename, {
      workerData: { depth: 2, port: workerData.port },
      transferList: [workerData.port],
    });
    child.on('exit', (code) => parentPort.postMessage(`child exit ${code}`));
  } else {
    workerData.port.postMessage('hello from depth 2');
    workerData.port.close();
  }
  return;
}

const { port1, port2 } = new MessageChannel();
const outer = new Worker(__filename, {
  workerData: { depth: 1, port: port2 },
  transferList: [port2],
});
port1.on('message', common.mustCall((m) => {
  assert.strictEqual(m, 'hello from depth 2');
}));
port1.on('close', common.mustCall());
outer.on('message', common.mustCall((m) => {
  assert.strictEqual(m, 'child exit 0');
}));
outer.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
