'use strict';
// worker.startCpuProfile(): the profile runs on the worker's thread;
// stop() resolves to its .cpuprofile JSON (the same text when asked
// again); once the worker is gone, both reject with ERR_WORKER_NOT_RUNNING.
const common = require('../common');
const assert = require('assert');
const { Worker } = require('worker_threads');

const worker = new Worker(`
  const { parentPort } = require('worker_threads');
  function spin() { let s = 0; for (let i = 0; i < 1e5; i++) s += i; return s; }
  parentPort.on('message', () => parentPort.postMessage(spin()));
`, { eval: true });

worker.on('online', common.mustCall(async () => {
  const handle = await worker.startCpuProfile();
  assert.strictEqual(handle.constructor.name, 'CPUProfileHandle');
  worker.postMessage('go');
  await new Promise((resolve) => worker.once('message', resolve));
  const text = await handle.stop();
  const profile = JSON.parse(text);
  assert(Array.isArray(profile.nodes));
  assert.strictEqual(profile.nodes[0].callFrame.functionName, '(root)');
  assert.strictEqual(await handle.stop(), text);

  const [a, b] = await Promise.all([worker.startCpuProfile(),
                                    worker.startCpuProfile()]);
  JSON.parse(await a.stop());
  const pending = await worker.startCpuProfile();
  await worker.terminate();
  await assert.rejects(b.stop(), { code: 'ERR_WORKER_NOT_RUNNING' });
  await assert.rejects(pending.stop(), { code: 'ERR_WORKER_NOT_RUNNING' });
  await assert.rejects(worker.startCpuProfile(),
                       { code: 'ERR_WORKER_NOT_RUNNING' });
}));
