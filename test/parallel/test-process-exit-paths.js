'use strict';
// 'beforeExit' and 'exit' in Node's order and with Node's codes, for a
// normal end, process.exit(), an uncaught exception, an unhandled
// rejection, and an 'uncaughtException' listener.
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

function run(code, args = []) {
  const r = spawnSync(process.execPath, [...args, '-e', code],
                      { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const listeners = `
  let n = 0;
  process.on('beforeExit', (c) => {
    console.log('beforeExit', c);
    if (n++ === 0) setTimeout(() => console.log('more work'), 1);
  });
  process.on('exit', (c) => console.log('exit', c, process.exitCode));
`;

assert.deepStrictEqual(run(listeners), {
  code: 0,
  out: 'beforeExit 0\nmore work\nbeforeExit 0\nexit 0 undefined\n',
  err: '',
});

// process.exit() skips 'beforeExit'.
assert.strictEqual(run(`${listeners} process.exit(4)`).out, 'exit 4 4\n');

// An uncaught exception: 'exit' with 1, no 'beforeExit'.
const thrown = run(`${listeners} throw new Error('x')`);
assert.strictEqual(thrown.code, 1);
assert.strictEqual(thrown.out, 'exit 1 1\n');

// An unhandled rejection is fatal by default.
const rejected = run(`${listeners} Promise.reject(new Error('r'))`);
assert.strictEqual(rejected.code, 1);
assert.match(rejected.err, /Error: r/);

// ... but not with --unhandled-rejections=warn.
const warned = run('Promise.reject(new Error("w"))',
                   ['--unhandled-rejections=warn']);
assert.strictEqual(warned.code, 0);
assert.match(warned.err, /UnhandledPromiseRejectionWarning/);

// A listener handles the exception; the code given to 'exit' then is 0.
assert.deepStrictEqual(run(`
  process.on('uncaughtException', (e, origin) => console.log('caught', e.message, origin));
  process.on('exit', (c) => console.log('exit', c));
  setTimeout(() => console.log('still running'), 1);
  throw new Error('handled');
`), { code: 0, out: 'caught handled uncaughtException\nstill running\nexit 0\n', err: '' });

// An exception thrown by the handler itself exits 7.
assert.strictEqual(run(`
  process.on('uncaughtException', () => { throw new Error('again'); });
  throw new Error('first');
`).code, 7);

// process.exitCode must be an integer.
assert.match(run('process.exitCode = "abc"').err, /ERR_INVALID_ARG_TYPE/);
