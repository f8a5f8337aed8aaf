'use strict';
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

// NODE_PRESERVE_SYMLINKS and NODE_PENDING_DEPRECATION stand for their
// options only when they are exactly "1", as in Node. A worker given its
// own env takes them from that env (one that clears the variable does not
// keep the parent's option), and its execArgv, or else the parent's
// command line, still comes after.

const child = `
  const { Worker } = require('worker_threads');
  const get = (name) => require('internal/options').getOptionValue(name);
  const code = "const { getOptionValue } = require('internal/options');" +
    "require('worker_threads').parentPort.postMessage([" +
    "getOptionValue('--preserve-symlinks')," +
    "getOptionValue('--pending-deprecation')])";
  const run = (value, execArgv) => new Promise((resolve) => {
    const env = { ...process.env, NODE_PRESERVE_SYMLINKS: value,
                  NODE_PENDING_DEPRECATION: value };
    new Worker(code, { eval: true, env, execArgv }).on('message', resolve);
  });
  (async () => {
    const out = { main: [get('--preserve-symlinks'),
                         get('--pending-deprecation')] };
    out.cleared = await run('', ['--expose-internals']);
    out.ten = await run('10', ['--expose-internals']);
    out.one = await run('1', ['--expose-internals']);
    out.flag = await run('', ['--expose-internals', '--preserve-symlinks']);
    out.inherited = await run('');
    console.log(JSON.stringify(out));
  })();
`;

function run(value, flags) {
  const { status, stdout, stderr } = spawnSync(
    process.execPath, ['--expose-internals', ...flags, '-e', child],
    { encoding: 'utf8',
      env: { ...process.env, NODE_PRESERVE_SYMLINKS: value,
             NODE_PENDING_DEPRECATION: value } });
  assert.strictEqual(stderr, '');
  assert.strictEqual(status, 0);
  return JSON.parse(stdout);
}

assert.deepStrictEqual(run('1', []), {
  main: [true, true],
  cleared: [false, false],
  ten: [false, false],
  one: [true, true],
  flag: [true, false],
  inherited: [false, false],
});
assert.deepStrictEqual(run('10', []).main, [false, false]);
assert.deepStrictEqual(run('', ['--preserve-symlinks']).inherited,
                       [true, false]);
