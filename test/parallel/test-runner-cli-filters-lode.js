'use strict';
require('../common');
const assert = require('assert');
const fs = require('fs');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');

// --test-name-pattern, --test-skip-pattern and --test-only reach the
// files' processes: tests left out by name neither run nor report (a suite
// runs when it holds a test that matches); `only` keeps the tests marked
// so, and without --test-only they run with a diagnostic.

tmpdir.refresh();
const file = tmpdir.resolve('filters.test.js');
fs.writeFileSync(file, `const { describe, it, test } = require('node:test');
test('alpha', () => {});
test('beta', () => {});
describe('group', () => {
  it('alpha inner', () => {});
  it('gamma', () => {});
});
test.only('delta', () => {});`);

function run(...args) {
  const child = spawnSync(process.execPath,
                          ['--test', '--test-reporter=tap', ...args, file],
                          { cwd: tmpdir.path, encoding: 'utf8' });
  assert.strictEqual(child.status, 0, child.stderr);
  return child.stdout.split('\n').filter((line) => /^ *(ok|# [a-z]+ \d+$|# '|1\.\.)/.test(line));
}

assert.deepStrictEqual(run('--test-name-pattern=alpha'), [
  'ok 1 - alpha',
  '    ok 1 - alpha inner',
  '    1..1',
  'ok 2 - group',
  '1..2',
  '# tests 2', '# suites 1', '# pass 2', '# fail 0', '# cancelled 0',
  '# skipped 0', '# todo 0',
]);

assert.deepStrictEqual(run('--test-skip-pattern=/ALPHA|group/i').slice(0, 3), [
  'ok 1 - beta',
  'ok 2 - delta',
  "# 'only' and 'runOnly' require the --test-only command-line option.",
]);

assert.deepStrictEqual(run('--test-only').slice(0, 3), [
  'ok 1 - delta',
  '1..1',
  '# tests 1',
]);
