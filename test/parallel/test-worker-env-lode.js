'use strict';
// process.env in a worker: a copy by default (changes stay inside), the
// object given as `env`, or the parent's own with SHARE_ENV.
// process.chdir() is not for workers.
const common = require('../common');
const assert = require('assert');
const { Worker, SHARE_ENV } = require('worker_threads');

process.env.LODE_WORKER_ENV_TEST = 'parent';

const code = `
  const { parentPort } = require('worker_threads');
  let chdir;
  try { process.chdir('/'); } catch (err) { chdir = err.code; }
  parentPort.postMessage({ value: process.env.LODE_WORKER_ENV_TEST,
                           keys: Object.keys(process.env).length, chdir });
  process.env.LODE_WORKER_ENV_TEST = 'changed in worker';
`;

const copy = new Worker(code, { eval: true });
copy.on('message', common.mustCall((m) => {
  assert.strictEqual(m.value, 'parent');
  assert.strictEqual(m.chdir, 'ERR_WORKER_UNSUPPORTED_OPERATION');
}));
copy.on('exit', common.mustCall(() => {
  assert.strictEqual(process.env.LODE_WORKER_ENV_TEST, 'parent');

  const own = new Worker(code, { eval: true, env: { LODE_WORKER_ENV_TEST: 1 } });
  own.on('message', common.mustCall((m) => {
    assert.strictEqual(m.value, '1');
    assert.strictEqual(m.keys, 1);
  }));
  own.on('exit', common.mustCall(() => {
    assert.strictEqual(process.env.LODE_WORKER_ENV_TEST, 'parent');
    const shared = new Worker(code, { eval: true, env: SHARE_ENV });
    shared.on('exit', common.mustCall(() => {
      assert.strictEqual(process.env.LODE_WORKER_ENV_TEST,
                         'changed in worker');
    }));
  }));
}));

assert.throws(() => new Worker(code, { eval: true, env: 5 }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
