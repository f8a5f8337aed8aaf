'use strict';
// -e and -p run when the working directory was removed: the directory of
// the executable stands in for it.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');

if (!require('worker_threads').isMainThread) common.skip('no chdir here');
tmpdir.refresh();
const dir = tmpdir.resolve('gone');
fs.mkdirSync(dir);
const previous = process.cwd();
process.chdir(dir);
fs.rmdirSync(dir);
try {
  const child = spawnSync(process.execPath, ['-p', 'module.paths[0]'],
                          { encoding: 'utf8' });
  assert.strictEqual(child.status, 0, child.stderr);
  assert.strictEqual(child.stdout.trim(),
                     path.join(path.dirname(process.execPath), 'node_modules'));
} finally {
  process.chdir(previous);
}
