'use strict';
// --require with a working directory that no longer exists: a preload given
// by absolute path still loads, a bare name fails with MODULE_NOT_FOUND
// (never with uv_cwd's ENOENT), as in Node 24.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');

const { isMainThread } = require('worker_threads');
if (!isMainThread) common.skip('process.chdir is not available in Workers');

tmpdir.refresh();
const preload = tmpdir.resolve('preload.js');
fs.writeFileSync(preload, 'console.log("preloaded")');
const gone = tmpdir.resolve('gone');
fs.mkdirSync(gone);
process.chdir(gone);
fs.rmdirSync(gone);

{
  const child = spawnSync(process.execPath,
                          ['-r', preload, '-e', 'console.log("main")'],
                          { encoding: 'utf8' });
  assert.strictEqual(child.stderr, '');
  assert.strictEqual(child.stdout, 'preloaded\nmain\n');
  assert.strictEqual(child.status, 0);
}
{
  const child = spawnSync(process.execPath, ['-r', 'no-such-pkg', '-e', '0'],
                          { encoding: 'utf8' });
  assert.strictEqual(child.status, 1);
  assert.match(child.stderr, /Cannot find module 'no-such-pkg'/);
  assert.match(child.stderr, /code: 'MODULE_NOT_FOUND'/);
}

// A working directory again, for tmpdir's clean-up at exit.
process.chdir(tmpdir.path);
