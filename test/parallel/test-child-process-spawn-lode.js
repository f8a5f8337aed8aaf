'use strict';
const common = require('../common');
const assert = require('assert');
const { spawn, ChildProcess } = require('child_process');

// 'spawn', 'exit' and 'close' in order, with the exit code.
{
  const child = spawn('sh', ['-c', 'exit 4'], { stdio: 'ignore' });
  assert.ok(child instanceof ChildProcess);
  assert.strictEqual(typeof child.pid, 'number');
  assert.strictEqual(child.stdout, null);
  assert.deepStrictEqual(child.stdio, [null, null, null]);
  assert.strictEqual(child.spawnfile, 'sh');
  assert.deepStrictEqual(child.spawnargs, ['sh', '-c', 'exit 4']);
  let spawned = false;
  child.on('spawn', common.mustCall(() => { spawned = true; }));
  child.on('exit', common.mustCall((code, signal) => {
    assert.ok(spawned);
    assert.strictEqual(code, 4);
    assert.strictEqual(signal, null);
    assert.strictEqual(child.exitCode, 4);
  }));
  child.on('close', common.mustCall((code, signal) => {
    assert.strictEqual(code, 4);
    assert.strictEqual(signal, null);
  }));
}

// A missing command: 'error' with Node's ENOENT shape, no 'spawn'.
{
  const child = spawn('lode-no-such-command', ['x'], { stdio: 'ignore' });
  assert.strictEqual(child.pid, undefined);
  child.on('spawn', common.mustNotCall());
  child.on('error', common.mustCall((err) => {
    assert.strictEqual(err.message, 'spawn lode-no-such-command ENOENT');
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(err.errno, -2);
    assert.strictEqual(err.path, 'lode-no-such-command');
    assert.deepStrictEqual(err.spawnargs, ['x']);
  }));
  child.on('close', common.mustCall());
}

// kill() and the timeout option.
{
  const child = spawn('sleep', ['10'], { stdio: 'ignore' });
  child.on('exit', common.mustCall((code, signal) => {
    assert.strictEqual(code, null);
    assert.strictEqual(signal, 'SIGTERM');
    assert.strictEqual(child.killed, true);
    assert.strictEqual(child.kill(), false);
  }));
  assert.strictEqual(child.kill(), true);
  assert.throws(() => child.kill('SIGLODE'), { code: 'ERR_UNKNOWN_SIGNAL' });

  const timed = spawn('sleep', ['10'], { stdio: 'ignore', timeout: 20,
                                         killSignal: 'SIGINT' });
  timed.on('exit', common.mustCall((code, signal) => {
    assert.strictEqual(signal, 'SIGINT');
  }));
}

// File descriptors and 'inherit' are passed on.
{
  const child = spawn('sh', ['-c', 'exit 0'], { stdio: [0, 1, 'inherit'] });
  child.on('close', common.mustCall((code) => assert.strictEqual(code, 0)));
}

// An invalid stdio value.
assert.throws(() => spawn('true', { stdio: 'lode' }), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'stdio' is invalid. Received 'lode'",
});
