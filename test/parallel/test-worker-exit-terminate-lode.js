'use strict';
// process.exit() in a worker ends only the worker, with its code (the
// 'exit' listeners inside run first); terminate() stops a busy worker and
// resolves with exit code 1, and resolves with undefined once it is gone.
const common = require('../common');
const assert = require('assert');
const { Worker } = require('worker_threads');

const exiting = new Worker(`
  process.on('exit', (code) => {
    require('worker_threads').parentPort.postMessage('exit ' + code);
  });
  process.exit(7);
  throw new Error('not reached');
`, { eval: true });
exiting.on('message', common.mustCall((m) => assert.strictEqual(m, 'exit 7')));
exiting.on('error', common.mustNotCall());
exiting.on('exit', common.mustCall((code) => assert.strictEqual(code, 7)));

const busy = new Worker(`
  require('worker_threads').parentPort.postMessage('spinning');
  for (;;);
`, { eval: true });
busy.on('message', common.mustCall(async () => {
  const code = await busy.terminate();
  assert.strictEqual(code, 1);
  assert.strictEqual(await busy.terminate(), undefined);
}));
busy.on('exit', common.mustCall((code) => assert.strictEqual(code, 1)));

// Terminated before it ran anything.
const early = new Worker('require("fs")', { eval: true });
early.terminate().then(common.mustCall((code) => {
  assert.strictEqual(typeof code, 'number');
}));

process.on('exit', () => {
  // The main thread is still here after all of that.
  assert.strictEqual(process.exitCode, undefined);
});
