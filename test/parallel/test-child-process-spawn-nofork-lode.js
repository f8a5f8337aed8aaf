'use strict';
const common = require('../common');
const assert = require('assert');
const cp = require('child_process');
const fs = require('fs');
const path = require('path');
const tmpdir = require('../common/tmpdir');

// Children are started without fork() (clone with CLONE_VM|CLONE_VFORK) and
// watched through a pidfd; what the child gets and what the parent sees must
// be what uv_spawn() gives: PATH searched in the child's environment, the
// errors of execvp(), stdio slots, cwd, signals, exit codes.

tmpdir.refresh();
const bin = path.join(tmpdir.path, 'bin');
const noexec = path.join(tmpdir.path, 'noexec');
fs.mkdirSync(bin);
fs.mkdirSync(noexec);
fs.writeFileSync(path.join(bin, 'mytool'), '#!/bin/sh\necho mytool "$@"\n',
                 { mode: 0o755 });
fs.writeFileSync(path.join(bin, 'noshebang'), 'echo script "$@"\n',
                 { mode: 0o755 });
fs.writeFileSync(path.join(noexec, 'mytool'), '#!/bin/sh\necho no\n',
                 { mode: 0o644 });

function run(file, args, options) {
  return cp.spawnSync(file, args, { encoding: 'utf8', ...options });
}

// PATH comes from the child's env, not the parent's.
assert.strictEqual(run('mytool', ['a'], { env: { PATH: bin } }).stdout,
                   'mytool a\n');
{
  const r = run('mytool', [], { env: { PATH: '/nonexistent' } });
  assert.strictEqual(r.error.code, 'ENOENT');
  assert.strictEqual(r.error.syscall, 'spawnSync mytool');
  assert.strictEqual(r.error.path, 'mytool');
}
// A file that is there but not executable: EACCES unless a later entry
// works.
assert.strictEqual(run('mytool', [], { env: { PATH: noexec } }).error.code,
                   'EACCES');
assert.strictEqual(
  run('mytool', ['b'], { env: { PATH: `${noexec}:${bin}` } }).stdout,
  'mytool b\n');
// No #! line: run by /bin/sh, as execvp() does.
assert.strictEqual(run('noshebang', ['c'], { env: { PATH: bin } }).stdout,
                   'script c\n');
assert.strictEqual(run(path.join(bin, 'noshebang'), ['d']).stdout,
                   'script d\n');
// A relative name with a slash is found from the new cwd; an empty PATH
// entry is the cwd.
assert.strictEqual(run('./bin/mytool', ['e'], { cwd: tmpdir.path }).stdout,
                   'mytool e\n');
assert.strictEqual(run('mytool', ['f'], { cwd: bin, env: { PATH: ':/x' } })
                     .stdout, 'mytool f\n');

// A bad cwd is reported as uv_spawn() reports it.
{
  const r = run('true', [], { cwd: '/nonexistent-dir' });
  assert.strictEqual(r.error.code, 'ENOENT');
  assert.strictEqual(r.error.syscall, 'spawnSync true');
  assert.strictEqual(r.error.path, 'true');
  assert.strictEqual(r.status, null);
  assert.strictEqual(r.pid, 0);
}

// argv0, env, exit status, signal.
assert.strictEqual(run('sh', ['-c', 'echo $0'], { argv0: 'myname' }).stdout,
                   'myname\n');
assert.strictEqual(run('sh', ['-c', 'exit 3']).status, 3);
{
  const r = run('sh', ['-c', 'kill -9 $$']);
  assert.strictEqual(r.status, null);
  assert.strictEqual(r.signal, 'SIGKILL');
}

// Swapped stdout and stderr; ignored stdio is /dev/null; an extra fd.
{
  const script = 'require("child_process").spawnSync("sh", ' +
    '["-c", "echo one; echo two >&2"], { stdio: ["pipe", 2, 1] })';
  const r = run(process.execPath, ['-e', script]);
  assert.strictEqual(r.stdout, 'two\n');
  assert.strictEqual(r.stderr, 'one\n');
  const s = run('sh', ['-c', 'readlink /proc/self/fd/0'],
                { stdio: ['ignore', 'pipe', 'pipe'] });
  assert.strictEqual(s.stdout, '/dev/null\n');
  const t = run('sh', ['-c', 'echo three >&3'],
                { stdio: ['pipe', 'pipe', 'pipe', 'pipe'] });
  assert.strictEqual(t.output[3], 'three\n');
}

// The child starts with no signal blocked, ignored or caught.
{
  const r = run('sh', ['-c', 'grep -E "^Sig(Blk|Ign)" /proc/self/status']);
  assert.match(r.stdout, /SigBlk:\s+0+\n/);
}

// detached: a session of its own.
{
  const r = run('sh', ['-c', 'ps -o sid= -p $$; echo $$'], { detached: true });
  const [sid, pid] = r.stdout.trim().split(/\s+/);
  assert.strictEqual(sid, pid);
}

// timeout with killSignal, maxBuffer.
{
  const r = run('sleep', ['5'], { timeout: 50, killSignal: 'SIGKILL' });
  assert.strictEqual(r.error.code, 'ETIMEDOUT');
  assert.strictEqual(r.signal, 'SIGKILL');
  const m = run('sh', ['-c', 'yes | head -c 100000'], { maxBuffer: 1000 });
  assert.strictEqual(m.error.code, 'ENOBUFS');
}

// Asynchronous spawn: exit, kill, errors, unref.
cp.spawn('sh', ['-c', 'exit 5']).on('exit', common.mustCall((code, sig) => {
  assert.strictEqual(code, 5);
  assert.strictEqual(sig, null);
}));
{
  const child = cp.spawn('sleep', ['5']);
  assert.strictEqual(typeof child.pid, 'number');
  child.on('exit', common.mustCall((code, sig) => {
    assert.strictEqual(code, null);
    assert.strictEqual(sig, 'SIGTERM');
  }));
  setTimeout(() => assert.strictEqual(child.kill(), true), 20);
}
cp.spawn('mytool', { env: { PATH: noexec } })
  .on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'EACCES');
    assert.strictEqual(err.syscall, 'spawn mytool');
  }));
cp.spawn('true', { cwd: '/nonexistent-dir' })
  .on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ENOENT');
  }));
{
  const child = cp.spawn('sleep', ['0.2']);
  assert.strictEqual(child._handle.hasRef(), true);
  child.unref();
  assert.strictEqual(child._handle.hasRef(), false);
  assert.ok(process.getActiveResourcesInfo().includes('ProcessWrap'));
}
cp.execFile('echo', ['hello'], common.mustSucceed((stdout) => {
  assert.strictEqual(stdout, 'hello\n');
}));

// An option put on Object.prototype is not an option of spawn().
{
  Object.prototype.uid = 1;
  const child = cp.spawn('id', ['-u']);
  delete Object.prototype.uid;
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.on('close', common.mustCall(() => {
    assert.strictEqual(out, `${process.getuid()}\n`);
  }));
}

// A file without #! run through /bin/sh, with an empty argument vector.
{
  const tmpdir = require('../common/tmpdir');
  tmpdir.refresh();
  const script = require('path').join(tmpdir.path, 'no-shebang.sh');
  require('fs').writeFileSync(script, 'echo script-ran\n', { mode: 0o755 });
  const { ChildProcess } = cp;
  const child = new ChildProcess();
  child.spawn({ file: script, args: [], stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.on('close', common.mustCall((code) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(out, 'script-ran\n');
  }));
}
