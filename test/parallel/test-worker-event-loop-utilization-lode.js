'use strict';
// worker.performance.eventLoopUtilization(): the worker's own loop, busy
// while it spins, as { idle, active, utilization }; zero once it is gone.
const common = require('../common');
const assert = require('assert');
const { Worker } = require('worker_threads');

const worker = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.once('message', () => {
    const end = Date.now() + 150;
    while (Date.now() < end);
    parentPort.postMessage('spun');
    setTimeout(() => process.exit(0), 50);
  });
  parentPort.postMessage('ready');
`, { eval: true });

worker.on('message', common.mustCall((m) => {
  if (m === 'ready') {
    worker.postMessage('spin');
    return;
  }
  const elu = worker.performance.eventLoopUtilization();
  assert.strictEqual(typeof elu.idle, 'number');
  assert.ok(elu.active >= 100, `active ${elu.active}`);
  assert.ok(elu.utilization > 0 && elu.utilization <= 1);
  const later = worker.performance.eventLoopUtilization(elu);
  assert.ok(later.idle >= 0);
}, 2));
worker.on('exit', common.mustCall(() => {
  assert.deepStrictEqual(worker.performance.eventLoopUtilization(),
                         { idle: 0, active: 0, utilization: 0 });
}));
