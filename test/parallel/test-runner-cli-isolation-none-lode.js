'use strict';
require('../common');
const assert = require('assert');
const fs = require('fs');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');

// --test-isolation=none loads every test file into the runner's own
// process: the files share globals and global hooks, their tests run one
// at a time in file order, and a file that makes no test reports itself
// (failing when it threw).

tmpdir.refresh();
fs.writeFileSync(tmpdir.resolve('a.test.js'), `
const { test, beforeEach } = require('node:test');
globalThis.seen = ['a'];
beforeEach((t) => globalThis.seen.push('hook ' + t.name));
test('first', () => {});`);
fs.writeFileSync(tmpdir.resolve('b.test.js'), `
const { test } = require('node:test');
test('second', () => {
  globalThis.seen.push('b');
  console.log(globalThis.seen.join(','));
});`);
fs.writeFileSync(tmpdir.resolve('c.test.js'), 'throw new Error("c broke");');
fs.writeFileSync(tmpdir.resolve('d.test.js'), '');

const child = spawnSync(process.execPath, [
  '--test', '--test-isolation=none', '--test-reporter=tap',
], { cwd: tmpdir.path, encoding: 'utf8' });
assert.strictEqual(child.status, 1);
const out = child.stdout;
assert.match(out, /^a,hook first,hook second,b\n/m);
assert.match(out, /\nok 1 - first\n/);
assert.match(out, /\nok 2 - second\n/);
assert.match(out, /\nnot ok 3 - c\.test\.js\n/);
assert.match(out, /\n {2}error: 'c broke'\n/);
assert.match(out, /\nok 4 - d\.test\.js\n/);
assert.match(out, /\n1\.\.4\n# tests 4\n# suites 0\n# pass 3\n# fail 1\n/);

// Each file in its own process: a.test.js's global is not there.
const isolated = spawnSync(process.execPath, [
  '--test', '--test-reporter=tap', 'a.test.js', 'b.test.js',
], { cwd: tmpdir.path, encoding: 'utf8' });
assert.strictEqual(isolated.status, 1);
assert.match(isolated.stdout, /\nnot ok 2 - second\n/);
assert.match(isolated.stdout, /Cannot read properties of undefined/);
