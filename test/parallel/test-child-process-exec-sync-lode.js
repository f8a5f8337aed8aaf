'use strict';
const common = require('../common');
const assert = require('assert');
const { execSync, execFileSync } = require('child_process');

assert.strictEqual(execSync('echo hello').toString(), 'hello\n');
assert.strictEqual(execSync('echo hello', { encoding: 'utf8' }), 'hello\n');
assert.strictEqual(execFileSync('echo', ['a b']).toString(), 'a b\n');

// A non-zero exit: "Command failed" with the command and the child's stderr.
assert.throws(() => execSync('echo oops >&2; exit 2', { stdio: 'pipe' }), (err) => {
  assert.strictEqual(err.message, 'Command failed: echo oops >&2; exit 2\noops\n');
  assert.strictEqual(err.status, 2);
  assert.strictEqual(err.signal, null);
  assert.strictEqual(err.stderr.toString(), 'oops\n');
  assert.deepStrictEqual(Object.keys(err),
                         ['status', 'signal', 'output', 'pid', 'stdout',
                          'stderr']);
  return true;
});

assert.throws(() => execFileSync('sh', ['-c', 'exit 1'], { stdio: 'pipe' }), {
  message: 'Command failed: sh -c exit 1',
  status: 1,
});

// Spawn failures and maxBuffer are the spawnSync errors, with the result.
assert.throws(() => execFileSync('lode-no-such-command', ['q']), (err) => {
  assert.strictEqual(err.message, 'spawnSync lode-no-such-command ENOENT');
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.error, err);
  assert.strictEqual(err.status, null);
  return true;
});

assert.throws(() => execSync('printf 0123456789; sleep 5', { maxBuffer: 2 }), {
  code: 'ENOBUFS',
  message: 'spawnSync /bin/sh ENOBUFS',
});

common.mustCall()();
