'use strict';
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const path = require('path');
const fs = require('fs');
const os = require('os');

// The runner calls the user's functions through as many frames as Node's
// (one between the runner and the test's function), top-level tests start
// from the microtasks after the file has run, a failing global after hook
// is reported on a line of its own, and the TAP header comes before what
// the global hooks print after the first turn of the loop.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lode-test-frames-'));
function run(source) {
  const file = path.join(dir, `t${run.count = (run.count ?? 0) + 1}.js`);
  fs.writeFileSync(file, source);
  const r = spawnSync(process.execPath, ['--test-reporter=tap', file],
                      { encoding: 'utf8' });
  return { ...r, file };
}

// Frames under the test function: the runner's one, Test.run, then the
// chain that started it.
{
  const r = run(`
    const { test } = require('node:test');
    test('a', () => {});
    test('b', () => {
      console.log('STACK' + JSON.stringify(new Error().stack));
    });
  `);
  assert.strictEqual(r.status, 0, r.stderr);
  const line = r.stdout.split('\n').find((l) => l.startsWith('STACK'));
  const frames = JSON.parse(line.slice(5)).split('\n').slice(1);
  // b's function, the runner's frame, b's run, the pending-test loop, a's
  // postRun, a's run (resumed), then the async frame of the loop.
  assert.strictEqual(frames.length, 7, frames.join('\n'));
  assert.match(frames[2], /Test\.run/);
  assert.match(frames[6], /^\s+at async /);
}

// A failing global after hook: "not ok <n+1> - <file>", after the tests.
{
  const r = run(`
    const { it, after } = require('node:test');
    after(() => { throw new Error('global after failed'); });
    it('passes', () => {});
  `);
  // Reported, but no test failed: the exit code is 0, as Node's.
  assert.strictEqual(r.status, 0);
  const lines = r.stdout.split('\n');
  const ok = lines.indexOf('ok 1 - passes');
  const notOk = lines.indexOf(`not ok 2 - ${r.file}`);
  assert.ok(ok !== -1 && notOk > ok, r.stdout);
  assert.ok(lines.indexOf('1..1') > notOk, r.stdout);
  assert.match(r.stdout, /failureType: 'hookFailed'/);
  assert.match(r.stdout, /error: 'global after failed'/);
  assert.match(r.stdout, /# fail 0/);
}

// Global hooks and no tests: before, the TAP header, then after.
{
  const r = run(`
    const { before, after } = require('node:test');
    before(() => console.log('before'));
    after(() => console.log('after'));
  `);
  assert.strictEqual(r.status, 0, r.stderr);
  assert.match(r.stdout, /^before\nTAP version 13\nafter\n1\.\.0\n/);
}

// A thenable returned by a test: its `then` is read once.
{
  const r = run(`
    const { test } = require('node:test');
    function thenable(settle) {
      let reads = 0;
      return { get then() {
        if (reads++) throw new Error('then read twice');
        return settle;
      } };
    }
    test('ok', () => thenable((ok) => ok()));
    test('bad', () => thenable((_, bad) => bad(new Error('custom error'))));
  `);
  assert.match(r.stdout, /^ok 1 - ok$/m);
  assert.match(r.stdout, /^not ok 2 - bad\n[^]*error: 'custom error'/m);
  assert.doesNotMatch(r.stdout, /then read twice/);
}

fs.rmSync(dir, { recursive: true, force: true });
