'use strict';
require('../common');
const assert = require('assert');
const fs = require('fs');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');

// An error thrown by a callback a test (or hook) started belongs to it:
// while the test runs, the test fails with it; after the test ended, the
// run reports which test or hook it came from and fails.

tmpdir.refresh();
const file = tmpdir.resolve('activity.js');
fs.writeFileSync(file, `const { test, before } = require('node:test');
before(() => { setTimeout(() => { throw new Error('from hook'); }, 5); });
test('fails while running', async () => {
  setTimeout(() => { throw new Error('in time'); }, 1);
  await new Promise((resolve) => setTimeout(resolve, 50));
});
test('ends first', () => {
  setTimeout(() => { throw new Error('too late'); }, 10);
});
test('waits', () => new Promise((resolve) => setTimeout(resolve, 100)));`);

const child = spawnSync(process.execPath, ['--test-reporter=tap', file],
                        { cwd: tmpdir.path, encoding: 'utf8' });
assert.strictEqual(child.status, 1);
const out = child.stdout;
assert.match(out, /\nnot ok 1 - fails while running\n[^]*failureType: 'uncaughtException'\n {2}error: 'in time'\n/);
assert.match(out, /\nok 2 - ends first\n/);
assert.match(out, /\nok 3 - waits\n/);
assert.match(out, /\n# Error: Test hook "before" at activity\.js:2:1 generated asynchronous activity after the test ended\. This activity created the error "Error: from hook" and would have caused the test to fail, but instead triggered an uncaughtException event\.\n/);
assert.match(out, /\n# Error: Test "ends first" at activity\.js:7:1 generated asynchronous activity after the test ended\. This activity created the error "Error: too late" and would have caused the test to fail, but instead triggered an uncaughtException event\.\n/);
assert.match(out, /\n# pass 2\n# fail 1\n/);
