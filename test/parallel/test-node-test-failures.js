'use strict';
const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

// How tests fail: thrown errors, uncaught exceptions and unhandled
// rejections while a test runs, timeouts (cancelled), a done callback
// called twice, a callback test returning a promise, an unmet plan, a
// failing suite hook (its tests are cancelled). Failures set exit code 1;
// a failing todo test does not.

function run(body) {
  return spawnSync(process.execPath, [__filename, 'child', body]);
}

const cases = {
  pass() {
    const { test } = require('node:test');
    test('a', () => {});
    test('b', { todo: 'later' }, () => { throw new Error('x'); });
  },
  failures() {
    const { test, describe, it, before } = require('node:test');
    test('timeout', { timeout: 10 }, () => new Promise((r) => setTimeout(r, 500)));
    test('uncaught', (t, done) => { setTimeout(() => { throw new Error('ue'); }, 1); });
    test('rejection', async () => {
      Promise.reject(new Error('ur'));
      await new Promise((r) => setTimeout(r, 20));
    });
    test('done twice', (t, done) => { done(); done(); });
    test('done error', (t, done) => done(new Error('cb')));
    test('both', async (t, done) => {});
    test('plan', (t) => { t.plan(2); t.assert.ok(true); });
    describe('hook', () => {
      before(() => { throw new Error('hook'); });
      it('x', () => {});
    });
  },
};

if (process.argv[2] === 'child') {
  cases[process.argv[3]]();
  return;
}

{
  const child = run('pass');
  assert.strictEqual(child.status, 0);
  assert.match(child.stdout.toString(), /^ℹ todo 1$/m);
}

{
  const child = run('failures');
  assert.strictEqual(child.status, 1);
  const out = child.stdout.toString();
  for (const line of ['tests 8', 'suites 1', 'pass 0', 'fail 6',
                      'cancelled 2', 'skipped 0', 'todo 0']) {
    assert.match(out, new RegExp(`^ℹ ${line}$`, 'm'));
  }
  assert.match(out, /✖ timeout \(.*ms\)\n  'test timed out after 10ms'/);
  assert.match(out, /✖ uncaught \(.*ms\)\n  Error: ue\n/);
  assert.match(out, /✖ rejection \(.*ms\)\n  Error: ur\n/);
  assert.match(out, /✖ done twice \(.*ms\)\n  'callback invoked multiple times'/);
  assert.match(out, /✖ done error \(.*ms\)\n  Error: cb\n/);
  assert.match(out, /✖ both \(.*ms\)\n  'passed a callback but also returned a Promise'/);
  assert.match(out, /✖ plan \(.*ms\)\n  'plan expected 2 assertions but received 1'/);
  assert.match(out, /▶ hook\n  ✖ x\n✖ hook \(.*ms\)\n/);
  assert.match(out, /✖ x\n  'test did not finish before its parent and was cancelled'/);
  assert.match(out, /✖ hook \(.*ms\)\n  Error: hook\n/);
}
common.mustCall()();
