'use strict';
// --trace-exit: process.exit() prints where it was called from, in the
// main thread and in a worker; a natural end prints nothing.
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

function run(args) {
  return spawnSync(process.execPath, args, { encoding: 'utf8' });
}

{
  const { status, stderr, pid } = run([
    '--trace-exit', '-e', 'function leave() { process.exit(4); } leave();',
  ]);
  assert.strictEqual(status, 4);
  assert(stderr.startsWith(
    `(node:${pid}) WARNING: Exited the environment with code 4\n`), stderr);
  assert.match(stderr, /\n {4}at leave \(\[eval\]:1:/);
}
{
  const { status, stderr } = run(['--trace-exit', '-e', 'let x = 1;']);
  assert.strictEqual(status, 0);
  assert.strictEqual(stderr, '');
}
{
  const { status, stderr } = run(['-e', 'process.exit(0)']);
  assert.strictEqual(status, 0);
  assert.strictEqual(stderr, '');
}
{
  const { status, stderr, pid } = run([
    '--trace-exit', '-e',
    'const { Worker } = require("worker_threads");' +
    'new Worker("process.exit(0)", { eval: true });',
  ]);
  assert.strictEqual(status, 0);
  assert.match(stderr, new RegExp(`^\\(node:${pid}, thread:\\d+\\) ` +
                                  'WARNING: Exited the environment with code 0'));
}
{
  // The number of frames follows --stack-trace-limit.
  const { stderr } = run([
    '--trace-exit', '--stack-trace-limit=3', '-e',
    'function a(n) { if (n === 0) process.exit(0); a(n - 1); } a(10);',
  ]);
  assert.strictEqual(stderr.match(/\n {4}at /g).length, 3);
}
