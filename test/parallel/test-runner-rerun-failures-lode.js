'use strict';
require('../common');
const assert = require('assert');
const fs = require('fs');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');

// --test-rerun-failures <file>: after each run the file gets the tests that
// passed ("path:line:column", and on which attempt); the next run skips
// those, runs the others with t.attempt one higher, and adds its own.

tmpdir.refresh();
const file = tmpdir.resolve('flaky.test.js');
fs.writeFileSync(file, `const { test } = require('node:test');
test('stable', (t) => { if (t.attempt > 0) throw new Error('ran again'); });
test('flaky', (t) => { if (t.attempt < 1) throw new Error('not yet'); });`);
const state = tmpdir.resolve('state.json');

function run(...args) {
  return spawnSync(process.execPath,
                   [...args, '--test-reporter=tap', `--test-rerun-failures=${state}`, file],
                   { cwd: tmpdir.path, encoding: 'utf8' });
}

for (const mode of [[], ['--test']]) {
  fs.rmSync(state, { force: true });
  let child = run(...mode);
  assert.strictEqual(child.status, 1);
  assert.match(child.stdout, /# pass 1\n# fail 1\n/);
  assert.deepStrictEqual(JSON.parse(fs.readFileSync(state, 'utf8')), [
    { 'flaky.test.js:2:1': { name: 'stable', passed_on_attempt: 0 } },
  ]);

  child = run(...mode);
  assert.strictEqual(child.status, 0);
  assert.match(child.stdout, /# pass 2\n# fail 0\n/);
  assert.deepStrictEqual(JSON.parse(fs.readFileSync(state, 'utf8'))[1], {
    'flaky.test.js:2:1': { name: 'stable', passed_on_attempt: 0 },
    'flaky.test.js:3:1': { name: 'flaky', passed_on_attempt: 1 },
  });
}
