'use strict';
const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

// A file that uses node:test and is run directly reports with the 'spec'
// reporter: one line per test, "▶" headers for suites and tests with
// subtests, diagnostics, the summary, then the failing tests again.

if (process.argv[2] === 'child') {
  const { test, describe, it } = require('node:test');
  test('passes', () => {});
  test('fails', () => { throw new Error('boom'); });
  test('skipped', { skip: 'not now' }, () => {});
  test('todo', { todo: true }, () => { throw new Error('later'); });
  test('parent', async (t) => {
    await t.test('child 1', () => {});
    await t.test('child 2', () => {});
    t.diagnostic('a note');
  });
  describe('suite', () => {
    it('inner', () => {});
    it.skip('inner skipped');
  });
  return;
}

const child = spawnSync(process.execPath, [__filename, 'child']);
assert.strictEqual(child.status, 1);
assert.strictEqual(child.signal, null);
const out = child.stdout.toString()
  .replace(/\(\d+(\.\d+)?ms\)/g, '(Xms)')
  .replace(/duration_ms \d+(\.\d+)?/, 'duration_ms X');
const head = out.slice(0, out.indexOf('\n✖ failing tests:'));
assert.strictEqual(head, [
  '✔ passes (Xms)',
  '✖ fails (Xms)',
  '﹣ skipped (Xms) # not now',
  '✖ todo (Xms) # TODO',
  '▶ parent',
  '  ✔ child 1 (Xms)',
  '  ✔ child 2 (Xms)',
  '✔ parent (Xms)',
  'ℹ a note',
  '▶ suite',
  '  ✔ inner (Xms)',
  '  ﹣ inner skipped (Xms) # SKIP',
  '✔ suite (Xms)',
  'ℹ tests 9',
  'ℹ suites 1',
  'ℹ pass 5',
  'ℹ fail 1',
  'ℹ cancelled 0',
  'ℹ skipped 2',
  'ℹ todo 1',
  'ℹ duration_ms X',
  '',
].join('\n'));
const tail = out.slice(head.length);
assert.match(tail, /^\n✖ failing tests:\n\ntest at (.*\/)?test-node-test-spec-output\.js:\d+:3\n✖ fails \(Xms\)\n  Error: boom\n/);
assert.match(tail, /\n✖ todo \(Xms\) # TODO\n  Error: later\n/);
assert.strictEqual(child.stderr.toString(), '');
common.mustCall()();
