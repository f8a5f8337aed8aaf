'use strict';
// execArgv: per-thread options are taken (and show in process.execArgv);
// V8 flags and options of the whole process are refused with
// ERR_WORKER_INVALID_EXEC_ARGV, as in Node.
const common = require('../common');
const assert = require('assert');
const { Worker } = require('worker_threads');

for (const flag of ['--foo', '--title=x', '--expose-gc', '--v8-pool-size=2',
  '--max-old-space-size=10']) {
  assert.throws(() => new Worker('', { eval: true, execArgv: [flag] }), {
    code: 'ERR_WORKER_INVALID_EXEC_ARGV',
    message: `Initiated Worker with invalid execArgv flags: ${flag}`,
  });
}
assert.throws(() => new Worker('', { eval: true, execArgv: 'x' }), {
  code: 'ERR_INVALID_ARG_TYPE',
});

const worker = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.postMessage(process.execArgv);
`, { eval: true, execArgv: ['--no-warnings'] });
worker.on('message', common.mustCall((execArgv) => {
  assert.deepStrictEqual(execArgv, ['--no-warnings']);
}));
worker.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
