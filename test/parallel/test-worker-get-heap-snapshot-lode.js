'use strict';
// worker.getHeapSnapshot() takes the snapshot on the worker's thread; the
// stream holds all of it once the promise resolves. Bad options throw at
// once; a worker that is gone rejects.
const common = require('../common');
const assert = require('assert');
const { Worker } = require('worker_threads');
const { once } = require('events');

(async () => {
  const worker = new Worker('setInterval(() => {}, 1000);', { eval: true });
  await once(worker, 'online');
  assert.throws(() => worker.getHeapSnapshot(1), {
    code: 'ERR_INVALID_ARG_TYPE',
  });
  const stream = await worker.getHeapSnapshot({});
  const text = stream.read().toString();
  const snapshot = JSON.parse(text);
  assert.ok(snapshot.snapshot.meta);
  assert.ok(snapshot.nodes.length > 0);
  assert.ok(snapshot.strings.length > 0);
  await worker.terminate();
  await assert.rejects(worker.getHeapSnapshot(), {
    code: 'ERR_WORKER_NOT_RUNNING',
  });
})().then(common.mustCall());
