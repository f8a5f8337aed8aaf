'use strict';
// setEnvironmentData(): values a worker inherits from its parent at its
// start (and passes on to its own workers); later changes stay local.
const common = require('../common');
const assert = require('assert');
const {
  Worker, getEnvironmentData, setEnvironmentData, isMainThread, parentPort,
} = require('worker_threads');

if (!isMainThread) {
  const seen = getEnvironmentData('config');
  setEnvironmentData('config', 'changed by worker');
  parentPort.postMessage({ seen, level: getEnvironmentData('level') });
  return;
}

setEnvironmentData('config', { a: [1, 2] });
setEnvironmentData('level', 1);
assert.deepStrictEqual(getEnvironmentData('config'), { a: [1, 2] });
const worker = new Worker(__filename);
setEnvironmentData('level', 2);  // after the start: not seen
worker.on('message', common.mustCall((m) => {
  assert.deepStrictEqual(m, { seen: { a: [1, 2] }, level: 1 });
}));
worker.on('exit', common.mustCall(() => {
  assert.deepStrictEqual(getEnvironmentData('config'), { a: [1, 2] });
  setEnvironmentData('level', undefined);
  assert.strictEqual(getEnvironmentData('level'), undefined);
}));
