'use strict';
require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');

// `--test` without patterns runs the files the default patterns match
// (test.js, test-*.js, *.test.js, *-test.js, *_test.js and everything in
// test/ folders, node_modules left out), each in a process of its own, and
// reports them in file order with the spec reporter: what a file prints
// goes with its tests, a file that fails without tests reports itself, and
// the exit code is 1 when something failed.

tmpdir.refresh();
const files = {
  'a.test.js': `const { test } = require('node:test');
console.log('from a');
test('a passes', () => {});`,
  'b_test.cjs': "throw new Error('b cannot load');",
  'test-c.mjs': "import test from 'node:test'; test('c passes', () => {});",
  'test/d.js': "require('node:test')('d fails', () => { throw new Error('no'); });",
  'other.js': "require('node:test')('not run', () => {});",
  'node_modules/e.test.js': "require('node:test')('not run', () => {});",
};
for (const [name, text] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(tmpdir.resolve(name)), { recursive: true });
  fs.writeFileSync(tmpdir.resolve(name), text);
}

const child = spawnSync(process.execPath, ['--test'],
                        { cwd: tmpdir.path, encoding: 'utf8' });
assert.strictEqual(child.status, 1);
assert.strictEqual(child.stderr, '');
const out = child.stdout.replace(/ \(\d+(\.\d+)?ms\)/g, '');
const head = out.slice(0, out.indexOf('ℹ tests'));
assert.match(head, new RegExp([
  '^from a',
  '✔ a passes',
  '[^]*Error: b cannot load[^]*✖ b_test\\.cjs',
  '✔ c passes',
  '✖ d fails',
  '$',
].join('\n')));
assert.doesNotMatch(out, /not run/);
assert.match(out, /ℹ tests 4\nℹ suites 0\nℹ pass 2\nℹ fail 2\nℹ cancelled 0\n/);
assert.match(out, /\n✖ failing tests:\n\ntest at b_test\.cjs:1:1\n✖ b_test\.cjs\n  'test failed'\n/);
assert.match(out, /test at test\/d\.js:1:21\n✖ d fails\n  Error: no\n/);

// A pattern without glob characters that matches nothing.
const missing = spawnSync(process.execPath, ['--test', 'missing.js'],
                          { cwd: tmpdir.path, encoding: 'utf8' });
assert.strictEqual(missing.status, 1);
assert.strictEqual(missing.stdout, '');
assert.strictEqual(missing.stderr, "Could not find 'missing.js'\n");
