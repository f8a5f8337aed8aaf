'use strict';
const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

// As in Node 24, a file run directly honours `only` without --test-only:
// when a top-level test or suite has it (or holds a test that has it), the
// others are left out; t.runOnly(true) filters a test's subtests.

if (process.argv[2] === 'child') {
  const { test, describe, it } = require('node:test');
  test('left out', () => { throw new Error('ran'); });
  describe('suite', () => {
    it('left out too', () => { throw new Error('ran'); });
    it.only('kept', () => {});
  });
  test.only('only', async (t) => {
    t.runOnly(true);
    await t.test('filtered', () => { throw new Error('ran'); });
    await t.test('kept sub', { only: true }, () => {});
  });
  return;
}

const child = spawnSync(process.execPath, [__filename, 'child']);
assert.strictEqual(child.status, 0);
const out = child.stdout.toString().replace(/\(\d+(\.\d+)?ms\)/g, '(Xms)');
assert.match(out, /^▶ suite\n {2}✔ kept \(Xms\)\n✔ suite \(Xms\)\n▶ only\n {2}✔ kept sub \(Xms\)\n✔ only \(Xms\)\nℹ tests 3\nℹ suites 1\nℹ pass 3\n/);
common.mustCall()();
