'use strict';
require('../common');
const assert = require('assert');
const fs = require('fs');
const { spawnSync } = require('child_process');
const { AsyncLocalStorage } = require('async_hooks');
const tmpdir = require('../common/tmpdir');

// An 'unhandledRejection' listener runs in the async context of the code
// that rejected the promise.
{
  const als = new AsyncLocalStorage();
  let seen;
  process.once('unhandledRejection', () => { seen = als.getStore(); });
  als.run('rejecter', () => {
    Promise.reject(new Error('x'));
  });
  setTimeout(() => assert.strictEqual(seen, 'rejecter'), 10);
}

// node:test: a rejection belongs to the test whose code rejected it; one
// that comes after that test ended, or from no test, is a diagnostic of the
// run. A done callback called twice throws; late subtests are reported
// after the tests the root had. ERR_TEST_FAILURE stacks leave out the
// runner's frames.
tmpdir.refresh();
const file = tmpdir.resolve('attribution.js');
fs.writeFileSync(file, `const { test } = require('node:test');
test('sync rejection', () => { Promise.reject(new Error('late rejection')); });
test('rejects while running', async () => {
  Promise.reject(new Error('in time'));
  await new Promise((resolve) => setTimeout(resolve, 20));
});
test('', () => {});
test('twice', (t, done) => { done(); done(); });
test('late subtest', (t) => {
  setImmediate(() => t.test('too late', () => {}));
});
test('waits', () => new Promise((resolve) => setTimeout(resolve, 50)));
test('times out', { timeout: 1 }, () => new Promise(() => {}));
`);

const child = spawnSync(process.execPath, ['--test-reporter=tap', file],
                        { cwd: tmpdir.path, encoding: 'utf8' });
assert.strictEqual(child.status, 1);
const out = child.stdout;
assert.match(out, /\nok 1 - sync rejection\n/);
assert.match(out, /\nnot ok 2 - rejects while running\n[^]*failureType: 'unhandledRejection'\n {2}error: 'in time'\n/);
assert.match(out, /\nok 3 - <anonymous>\n/);
assert.match(out, /\nnot ok 4 - twice\n[^]*failureType: 'multipleCallbackInvocations'\n[^]*stack: \|-\n {4}TestContext\.<anonymous> \([^)]*attribution\.js:8:\d+\)\n {4}\w+\.runInAsyncScope \(node:async_hooks:\d+:\d+\)\n {2}\.\.\.\n/);
assert.match(out, /\nok 5 - late subtest\n/);
assert.match(out, /\nnot ok 8 - too late\n[^]*failureType: 'parentAlreadyFinished'\n/);
assert.match(out, /\nnot ok 7 - times out\n[^]*error: 'test timed out after 1ms'\n {2}code: 'ERR_TEST_FAILURE'\n {2}\.\.\.\n/);
assert.match(out, /\n# Error: Test "sync rejection" at attribution\.js:2:1 generated asynchronous activity after the test ended\. This activity created the error "Error: late rejection" and would have caused the test to fail, but instead triggered an unhandledRejection event\.\n/);
