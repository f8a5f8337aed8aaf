'use strict';
require('../common');
const assert = require('assert');
const fs = require('fs');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');

// --test-timeout cancels the tests that run longer (their plan waits
// included); --test-force-exit ends a file's process once its tests are
// done, even with a timer still pending.

tmpdir.refresh();
const slow = tmpdir.resolve('slow.test.js');
fs.writeFileSync(slow, `const { test } = require('node:test');
test('quick', () => {});
test('slow', () => new Promise((resolve) => setTimeout(resolve, 5000)));
test('waits', (t) => { t.plan(1, { wait: true }); });`);
const lingering = tmpdir.resolve('lingering.test.js');
fs.writeFileSync(lingering, `const { test } = require('node:test');
test('done', () => { setInterval(() => {}, 1000); });`);

let child = spawnSync(process.execPath, [
  '--test', '--test-timeout=100', '--test-reporter=tap', slow,
], { cwd: tmpdir.path, encoding: 'utf8' });
assert.strictEqual(child.status, 1);
assert.match(child.stdout, /\nok 1 - quick\n/);
assert.match(child.stdout, /\nnot ok 2 - slow\n[^]*failureType: 'testTimeoutFailure'\n {2}error: 'test timed out after 100ms'\n/);
assert.match(child.stdout, /\nnot ok 3 - waits\n[^]*error: 'test timed out after 100ms'\n/);
assert.match(child.stdout, /\n# pass 1\n# fail 0\n# cancelled 2\n/);

const start = Date.now();
child = spawnSync(process.execPath, [
  '--test', '--test-force-exit', '--test-reporter=tap', lingering,
], { cwd: tmpdir.path, encoding: 'utf8', timeout: 30000 });
assert.strictEqual(child.status, 0);
assert.match(child.stdout, /\nok 1 - done\n/);
assert.ok(Date.now() - start < 20000);
