'use strict';
// postMessageToThread(): a worker and a nested worker reach each other and
// the main thread by threadId (through the main thread); the promise
// settles by what the destination's 'workerMessage' listeners did.
const common = require('../common');
const assert = require('assert');
const {
  Worker, isMainThread, parentPort, postMessageToThread, threadId, workerData,
} = require('worker_threads');

const level = workerData?.level ?? 0;

if (level === 2) {
  // The grandchild: sends to the main thread, then to its parent.
  process.on('workerMessage', common.mustCall((value, source) => {
    assert.deepStrictEqual(value, { from: 'main' });
    assert.strictEqual(source, 0);
    clearInterval(keepAlive);
  }));
  // The hub port does not keep the thread alive: this does, until main's
  // message came.
  const keepAlive = setInterval(() => {}, 1000);
  (async () => {
    await postMessageToThread(0, { from: 'grandchild', threadId });
    await postMessageToThread(workerData.parent, 'hello parent');
    parentPort.postMessage('done');
  })().then(common.mustCall());
  return;
}

if (level === 1) {
  let throwNext = false;
  process.on('workerMessage', common.mustCall((value, source) => {
    assert.strictEqual(source, throwNext ? 0 : workerData.grandchild[0]);
    if (throwNext) throw new Error('listener error');
    assert.strictEqual(value, 'hello parent');
    throwNext = true;
  }, 3));
  const child = new Worker(__filename, {
    workerData: { level: 2, parent: threadId },
  });
  workerData.grandchild = [child.threadId];
  // Alive until the main thread terminates it.
  setInterval(() => {}, 1000);
  child.on('message', common.mustCall(() => {
    parentPort.postMessage({ grandchild: child.threadId });
  }));
  return;
}

assert(isMainThread);
(async () => {
  await assert.rejects(postMessageToThread(threadId, 1), {
    code: 'ERR_WORKER_MESSAGING_SAME_THREAD',
  });
  await assert.rejects(postMessageToThread(9999, 1), {
    code: 'ERR_WORKER_MESSAGING_FAILED',
  });
  await assert.rejects(postMessageToThread(9999, 1, [], -1), {
    code: 'ERR_OUT_OF_RANGE',
  });

  let gotFromGrandchild;
  process.on('workerMessage', common.mustCall((value, source) => {
    gotFromGrandchild = { value, source };
  }));
  const child = new Worker(__filename, { workerData: { level: 1 } });
  child.on('message', common.mustCall(async ({ grandchild }) => {
    assert.deepStrictEqual(gotFromGrandchild, {
      value: { from: 'grandchild', threadId: grandchild },
      source: grandchild,
    });
    await postMessageToThread(grandchild, { from: 'main' });
    // The child's listener throws this time.
    await assert.rejects(postMessageToThread(child.threadId, 'again'), {
      code: 'ERR_WORKER_MESSAGING_ERRORED',
    });
    // A MessagePort travels in the transfer list.
    const { port1, port2 } = new MessageChannel();
    await assert.rejects(postMessageToThread(child.threadId, port2, [port2]), {
      code: 'ERR_WORKER_MESSAGING_ERRORED',
    });
    port1.close();
    child.terminate();
  }));
})().then(common.mustCall());
