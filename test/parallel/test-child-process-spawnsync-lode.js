'use strict';
const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

// Exit status and both output streams, as Buffers by default.
{
  const r = spawnSync('sh', ['-c', 'printf out; printf err >&2; exit 3']);
  assert.strictEqual(r.status, 3);
  assert.strictEqual(r.signal, null);
  assert.strictEqual(typeof r.pid, 'number');
  assert.ok(r.pid > 0);
  assert.strictEqual(r.output[0], null);
  assert.ok(Buffer.isBuffer(r.stdout));
  assert.strictEqual(r.stdout.toString(), 'out');
  assert.strictEqual(r.stderr.toString(), 'err');
  assert.strictEqual(r.output[1], r.stdout);
  assert.strictEqual(r.error, undefined);
}

// `input` reaches the child's stdin; `encoding` decodes the output.
{
  const r = spawnSync('cat', [], { input: 'abc', encoding: 'utf8' });
  assert.deepStrictEqual(r.output, [null, 'abc', '']);
  const b = spawnSync('cat', [], { input: Buffer.from([1, 2, 3]) });
  assert.deepStrictEqual([...b.stdout], [1, 2, 3]);
}

// A command that does not exist: an ENOENT error and no output.
{
  const r = spawnSync('lode-no-such-command', ['a', 'b']);
  assert.strictEqual(r.status, null);
  assert.strictEqual(r.output, null);
  assert.strictEqual(r.pid, 0);
  assert.strictEqual(r.stdout, undefined);
  assert.strictEqual(r.error.message, 'spawnSync lode-no-such-command ENOENT');
  assert.strictEqual(r.error.code, 'ENOENT');
  assert.strictEqual(r.error.syscall, 'spawnSync lode-no-such-command');
  assert.strictEqual(r.error.path, 'lode-no-such-command');
  assert.deepStrictEqual(r.error.spawnargs, ['a', 'b']);
}

// timeout kills the child with killSignal and reports ETIMEDOUT.
{
  const r = spawnSync('sleep', ['5'], { timeout: 50, killSignal: 'SIGINT' });
  assert.strictEqual(r.error.code, 'ETIMEDOUT');
  assert.strictEqual(r.status, null);
  assert.strictEqual(r.signal, 'SIGINT');
}

// maxBuffer: ENOBUFS once the output grows past it.
{
  const r = spawnSync('sh', ['-c', 'printf 0123456789; sleep 5'],
                      { maxBuffer: 4 });
  assert.strictEqual(r.error.code, 'ENOBUFS');
  assert.strictEqual(r.signal, 'SIGTERM');
}

// A child killed by a signal.
{
  const r = spawnSync('sh', ['-c', 'kill -TERM $$']);
  assert.strictEqual(r.status, null);
  assert.strictEqual(r.signal, 'SIGTERM');
}

// stdio entries other than pipes have no output slot.
{
  const r = spawnSync('sh', ['-c', 'echo x'], { stdio: ['pipe', 'ignore', 'pipe'] });
  assert.strictEqual(r.stdout, null);
  assert.strictEqual(r.stderr.length, 0);
  const inherited = spawnSync('true', { stdio: 'inherit' });
  assert.deepStrictEqual(inherited.output, [null, null, null]);
}

// cwd, env, shell and argv0.
{
  const cwd = spawnSync('pwd', { cwd: '/', encoding: 'utf8' });
  assert.strictEqual(cwd.stdout, '/\n');
  const bad = spawnSync('pwd', { cwd: '/lode-no-such-dir' });
  assert.strictEqual(bad.error.code, 'ENOENT');
  const sh = spawnSync('echo "$0" "$FOO"', { shell: true, env: { FOO: 'bar' },
                                             encoding: 'utf8' });
  assert.strictEqual(sh.stdout, '/bin/sh bar\n');
  const argv0 = spawnSync('sh', ['-c', 'echo $0'], { argv0: 'named',
                                                     encoding: 'utf8' });
  assert.strictEqual(argv0.stdout, 'named\n');
}

common.mustCall()();
