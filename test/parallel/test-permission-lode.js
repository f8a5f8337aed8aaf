'use strict';
// The permission model: grants by path (exact, folder, prefix*), the
// ERR_ACCESS_DENIED errors of the fs, child_process and worker bindings
// (thrown, or given to the callback), process.permission.has() and the
// grants a child process inherits.
require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const readable = tmpdir.resolve('readable');
const writable = tmpdir.resolve('writable');
fs.mkdirSync(readable);
fs.mkdirSync(writable);
fs.writeFileSync(path.join(readable, 'a.txt'), 'a');
const secret = tmpdir.resolve('secret.txt');
fs.writeFileSync(secret, 's');

function run(flags, code) {
  const r = spawnSync(process.execPath, [...flags, '-e', code], {
    encoding: 'utf8',
    env: { ...process.env, READABLE: readable, WRITABLE: writable,
           SECRET: secret, NODE_OPTIONS: '' },
  });
  assert.strictEqual(r.status, 0, r.stderr);
  return r;
}

// Paths: a folder covers what is in it, a plain path only itself, "x*"
// every path that starts with x; ".." cannot leave a granted folder.
run(['--permission', `--allow-fs-read=${readable}`,
     '--allow-fs-read=/opt/ex*', '--allow-fs-read=/srv/file',
     `--allow-fs-write=${writable}`], `
  const assert = require('assert');
  const { has } = process.permission;
  const r = process.env.READABLE;
  assert.ok(has('fs.read', r));
  assert.ok(has('fs.read', r + '/a.txt'));
  assert.ok(!has('fs.read', r + '/../secret.txt'));
  assert.ok(!has('fs.read', r + 'x'));
  assert.ok(has('fs.read', '/opt/example/deep'));
  assert.ok(!has('fs.read', '/opt/e'));
  assert.ok(has('fs.read', '/srv/file'));
  assert.ok(!has('fs.read', '/srv/file2'));
  assert.ok(!has('fs.read'));
  assert.ok(!has('fs.write', r));
  assert.ok(has('fs.write', process.env.WRITABLE + '/new'));
  assert.ok(!has('child'));
  assert.ok(!has('worker'));
  assert.ok(!has('no-such-scope'));
  assert.throws(() => has(1), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => has('fs', {}), { code: 'ERR_INVALID_ARG_TYPE' });
`);

// The errors: thrown by the synchronous calls, given to the callbacks and
// promises of the asynchronous ones.
run(['--permission', `--allow-fs-read=${readable}`], `
  const assert = require('assert');
  const fs = require('fs');
  const secret = process.env.SECRET;
  const denied = (permission, resource) => ({
    code: 'ERR_ACCESS_DENIED', permission, resource,
    message: 'Access to this API has been restricted. Use --allow-fs-' +
      (permission === 'FileSystemRead' ? 'read' : 'write') +
      ' to manage permissions.',
  });
  assert.throws(() => fs.readFileSync(secret), denied('FileSystemRead', secret));
  assert.throws(() => fs.readFileSync(Buffer.from(secret)),
                denied('FileSystemRead', secret));
  assert.throws(() => fs.statSync(secret), denied('FileSystemRead', secret));
  assert.throws(() => fs.existsSync(secret), denied('FileSystemRead', secret));
  const target = process.env.READABLE + '/b.txt';
  assert.throws(() => fs.writeFileSync(target, 'x'),
                denied('FileSystemWrite', target));
  assert.throws(() => fs.mkdirSync(target), denied('FileSystemWrite', target));
  assert.strictEqual(fs.readFileSync(process.env.READABLE + '/a.txt', 'utf8'),
                     'a');
  fs.readFile(secret, (err) => {
    assert.deepStrictEqual({ ...err, message: err.message },
                           denied('FileSystemRead', secret));
  });
  fs.promises.readFile(secret).then(assert.fail, (err) => {
    assert.strictEqual(err.code, 'ERR_ACCESS_DENIED');
  });
  fs.exists(secret, (exists) => assert.strictEqual(exists, false));
  assert.throws(() => fs.symlinkSync('relative', target),
                { code: 'ERR_ACCESS_DENIED',
                  message: 'relative symbolic link target' });
  assert.throws(() => process.binding('fs'), { code: 'ERR_ACCESS_DENIED' });
  assert.throws(() => require('child_process').spawnSync('ls'),
                { code: 'ERR_ACCESS_DENIED', permission: 'ChildProcess',
                  resource: 'ls' });
  assert.throws(() => new (require('worker_threads').Worker)('', { eval: true }),
                { code: 'ERR_ACCESS_DENIED', permission: 'WorkerThreads' });
`);

// A child process gets this process's grants, unless given its own.
{
  const r = run(['--permission', '--allow-fs-read=*', '--allow-child-process',
                 '--allow-worker'], `
    const { spawnSync } = require('child_process');
    const code = 'console.log(process.permission.has("fs.read"), ' +
      'process.permission.has("worker"), process.permission.has("fs.write"))';
    process.stdout.write(spawnSync(process.execPath, ['-e', code]).stdout);
    process.stdout.write(spawnSync(process.execPath,
      ['--permission', '--allow-fs-write=*', '-e', code]).stdout);
  `);
  assert.strictEqual(r.stdout, 'true true false\nfalse false true\n');
  assert.match(r.stderr, /SecurityWarning: The flag --allow-child-process must be used with extreme caution/);
}

// Without --permission nothing is checked and process.permission is absent.
assert.strictEqual(process.permission, undefined);
fs.readFileSync(secret);

// The file-system grants need --permission; the others are ignored
// without it.
{
  const r = spawnSync(process.execPath, ['--allow-fs-write=/', '-e', '0'],
                      { encoding: 'utf8' });
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /ERR_MISSING_OPTION/);
  const r2 = spawnSync(process.execPath, ['--allow-worker', '-e', '0']);
  assert.strictEqual(r2.status, 0);
}


// process.chdir checks the folder the system would enter: the path up to a
// NUL byte (here the unreadable parent), not the granted folder the rest
// of the string names.
run(['--permission', `--allow-fs-read=${readable}`], `
  const assert = require('assert');
  const path = require('path');
  const parent = path.dirname(process.env.READABLE);
  const sneaky = parent + '\\0/../' + path.basename(parent) + '/' +
                 path.basename(process.env.READABLE);
  assert.throws(() => process.chdir(sneaky),
                { code: 'ERR_ACCESS_DENIED', permission: 'FileSystemRead' });
  process.chdir(process.env.READABLE);
`);
