'use strict';
const common = require('../common');
const assert = require('assert');
const { Worker } = require('worker_threads');

// A worker given its own environment takes the options its variables stand
// for (NODE_PRESERVE_SYMLINKS=1, NODE_PENDING_DEPRECATION=1) from it, with
// or without its own execArgv, as in Node.
const code = `
  const { getOptionValue } = require('internal/options');
  require('worker_threads').parentPort.postMessage([
    getOptionValue('--preserve-symlinks'),
    getOptionValue('--pending-deprecation'),
    process.execArgv,
  ]);
`;
const env = { ...process.env, NODE_PRESERVE_SYMLINKS: '1',
              NODE_PENDING_DEPRECATION: '1' };
for (const options of [
  { env, execArgv: ['--expose-internals'] },
  { env: { ...env, NODE_PRESERVE_SYMLINKS: '0' },
    execArgv: ['--expose-internals', '--preserve-symlinks'] },
]) {
  const worker = new Worker(code, { eval: true, ...options });
  worker.on('message', common.mustCall((message) => {
    assert.deepStrictEqual(message, [true, true, options.execArgv]);
  }));
}

// Variables the worker does not have change nothing.
const plain = new Worker(code, {
  eval: true,
  env: { ...process.env, NODE_PRESERVE_SYMLINKS: '', NODE_PENDING_DEPRECATION: '' },
  execArgv: ['--expose-internals'],
});
plain.on('message', common.mustCall((message) => {
  assert.deepStrictEqual(message, [false, false, ['--expose-internals']]);
}));
