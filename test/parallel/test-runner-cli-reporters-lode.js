'use strict';
require('../common');
const assert = require('assert');
const fs = require('fs');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');

// --test-reporter and --test-reporter-destination under --test: several
// reporters, each to its destination (stdout, stderr or a file), the
// built-in tap, dot and junit among them; mismatched counts are an error.

tmpdir.refresh();
const file = tmpdir.resolve('one.test.js');
fs.writeFileSync(file, `const { test } = require('node:test');
test('ok', () => {});
test('bad', () => { throw new Error('boom'); });`);

function run(...args) {
  return spawnSync(process.execPath, ['--test', ...args, file],
                   { cwd: tmpdir.path, encoding: 'utf8' });
}

const dotFile = tmpdir.resolve('dot.txt');
const junitFile = tmpdir.resolve('junit.xml');
let child = run('--test-reporter=tap', '--test-reporter-destination=stdout',
                '--test-reporter=dot', `--test-reporter-destination=${dotFile}`,
                '--test-reporter=junit', `--test-reporter-destination=${junitFile}`);
assert.strictEqual(child.status, 1);
assert.match(child.stdout, /^TAP version 13\n# Subtest: ok\nok 1 - ok\n/);
assert.match(child.stdout, /\nnot ok 2 - bad\n {2}---\n/);
assert.match(child.stdout, /\n1\.\.2\n# tests 2\n# suites 0\n# pass 1\n# fail 1\n/);
assert.match(fs.readFileSync(dotFile, 'utf8'), /^\.X\n\nFailed tests:\n\n✖ bad/);
const xml = fs.readFileSync(junitFile, 'utf8');
assert.match(xml, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<testsuites>\n/);
assert.match(xml, /\t<testcase name="ok" time="[\d.]+" classname="test" file="[^"]+one\.test\.js"\/>\n/);
assert.match(xml, /\t<testcase name="bad" [^>]*failure="boom">\n\t\t<failure type="testCodeFailure" message="boom">\n/);
assert.match(xml, /\t<!-- tests 2 -->\n[^]*<\/testsuites>\n$/);

child = run('--test-reporter=dot', '--test-reporter-destination=stderr');
assert.strictEqual(child.stdout, '');
assert.match(child.stderr, /^\.X\n/);

child = run('--test-reporter=dot', '--test-reporter=tap');
assert.strictEqual(child.status, 1);
assert.strictEqual(child.stdout, '');
assert.match(child.stderr, /The argument '--test-reporter' must match the number of specified '--test-reporter-destination'\. Received \[ 'dot', 'tap' \]/);
