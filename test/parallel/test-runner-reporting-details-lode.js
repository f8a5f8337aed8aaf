'use strict';
// Details of node:test that Node's own snapshot tests check: the TAP
// escapes, the names of test()/describe(), no location for tests declared
// in eval'd code, --test-timeout applied to tests and not to suites, suites
// with an async body under --test-name-pattern, and a run that waits for
// its tests when only unref'd handles are left.
require('../common');
const assert = require('assert');
const fs = require('fs');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();

function run(source, flags = []) {
  const file = tmpdir.resolve(`t${run.count = (run.count ?? 0) + 1}.js`);
  fs.writeFileSync(file, source);
  const child = spawnSync(process.execPath,
                          ['--test-reporter=tap', ...flags, file],
                          { encoding: 'utf8' });
  return child;
}

const t = require('node:test');
assert.strictEqual(t.name, 'test');
assert.strictEqual(t.describe.name, 'test');
assert.strictEqual(t.it.name, 'test');
assert.strictEqual(t.skip.name, '');

{
  const { stdout } = run(
    "require('node:test').test('a \\\\ # \\n \\t b');");
  assert.match(stdout, /^ok 1 - a \\\\ \\# \\\\n \\\\t b$/m);
}

{
  const { stdout } = run(
    "eval(\"require('node:test').test('in eval', () => { throw 1; });\");");
  assert.match(stdout, /not ok 1 - in eval/);
  assert.doesNotMatch(stdout, /location:/);
}

{
  const { stdout, status } = run(`
    const { describe, it } = require('node:test');
    describe('suite', () => {
      it('slow', () => new Promise((r) => setTimeout(r, 5000).unref()));
      it('fast', () => {});
    });
    describe('short suite', { timeout: 1 }, () => {
      it('child', () => new Promise((r) => setTimeout(r, 5000).unref()));
    });`, ['--test-timeout=100']);
  assert.strictEqual(status, 1);
  assert.match(stdout, /not ok 1 - slow\n[^]*failureType: 'testTimeoutFailure'\n *error: 'test timed out after 100ms'/);
  assert.match(stdout, /ok 2 - fast/);
  assert.match(stdout, /error: '1 subtest failed'/);
  assert.match(stdout, /not ok 1 - child\n[^]*failureType: 'cancelledByParent'/);
  assert.match(stdout, /error: 'test timed out after 1ms'/);
}

{
  const { stdout, status } = run(`
    const { suite, test } = require('node:test');
    suite('async suite', async () => {
      await 1;
      test('enabled 1', () => {});
      test('not run', () => { throw new Error('ran'); });
    });
    suite('sync suite', () => { test('enabled 2', () => {}); });
    suite('async, left out', async () => { await 1; test('other'); });`,
                               ['--test-name-pattern=enabled']);
  assert.strictEqual(status, 0, stdout);
  assert.match(stdout, /ok 1 - enabled 1\n[^]*ok 1 - async suite\n/);
  assert.match(stdout, /ok 2 - sync suite\n/);
  assert.match(stdout, /^1\.\.2$/m);
  assert.match(stdout, /# suites 2\n/);
}

{
  const { stdout, status } = run(`
    require('node:test').test('outer', async (t) => {
      await t.test('inner', () => new Promise((resolve) => {
        setTimeout(resolve, 200).unref();
      }));
    });`);
  assert.strictEqual(status, 0, stdout);
  assert.match(stdout, /# pass 2\n/);
}

{
  // The subtests of an `only` test all run under --test-only, unless one of
  // them is `only` itself; a suite whose body throws is reported even when
  // the name patterns select none of its tests.
  const { stdout } = run(`
    const { suite, test } = require('node:test');
    test('enabled and only', { only: true }, async (t) => {
      await t.test('enabled');
      await t.test('disabled but parent not');
    });
    test('enabled but not only', () => { throw new Error('ran'); });
    test('enabled, nested only', { only: true }, async (t) => {
      await t.test('enabled a', { only: true });
      await t.test('enabled b', () => { throw new Error('ran'); });
    });
    suite('throws', () => { throw new Error('boom'); });`,
                               ['--test-only', '--test-name-pattern=enabled']);
  assert.match(stdout, /ok 2 - disabled but parent not\n/);
  assert.match(stdout, /ok 1 - enabled a\n/);
  assert.doesNotMatch(stdout, /enabled b|enabled but not only/);
  assert.match(stdout, /not ok 3 - throws\n[^]*error: 'boom'/);
}
