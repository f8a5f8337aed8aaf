'use strict';
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const tmpdir = require('../common/tmpdir');

// module.isPreloading is true only while --require modules load, and a
// preload can name the package of the working directory by its own name.
tmpdir.refresh();
const pkg = tmpdir.resolve('pkg');
fs.mkdirSync(pkg);
fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({
  name: 'self_named', exports: './index.js',
}));
fs.writeFileSync(path.join(pkg, 'index.js'),
                 'console.log("preload", module.isPreloading);');
fs.writeFileSync(path.join(pkg, 'main.js'),
                 'console.log("main", module.isPreloading);');

const { status, stdout, stderr } = spawnSync(
  process.execPath, ['-r', 'self_named', 'main.js'],
  { cwd: pkg, encoding: 'utf8' });
assert.strictEqual(stderr, '');
assert.strictEqual(status, 0);
assert.strictEqual(stdout, 'preload true\nmain false\n');
assert.strictEqual(module.isPreloading, false);
