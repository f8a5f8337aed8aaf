'use strict';
require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');

// NODE_V8_COVERAGE writes V8's coverage at exit, and node:test's
// --experimental-test-coverage reports lines, branches and functions (tap
// table, lcov, thresholds) as Node 24 does.

tmpdir.refresh();
const lib = path.join(tmpdir.path, 'lib.js');
fs.writeFileSync(lib, [
  "'use strict';",
  'function used(a) {',
  '  if (a) return 1;',
  '  return 2;',
  '}',
  '',
  'function unused() {',
  '  return 3;',
  '}',
  '/* node:coverage ignore next */',
  'function ignored() {}',
  'module.exports = { used, unused, ignored };',
  '',
].join('\n'));
const testFile = path.join(tmpdir.path, 'main.js');
fs.writeFileSync(testFile, [
  "'use strict';",
  "const { test } = require('node:test');",
  "const { used } = require('./lib.js');",
  "test('t', () => { used(1); });",
  '',
].join('\n'));

// NODE_V8_COVERAGE.
{
  const dir = path.join(tmpdir.path, 'cov');
  const r = spawnSync(process.execPath, [lib], {
    env: { ...process.env, NODE_V8_COVERAGE: dir },
  });
  assert.strictEqual(r.status, 0, r.stderr.toString());
  const files = fs.readdirSync(dir);
  assert.strictEqual(files.length, 1);
  assert.match(files[0], /^coverage-\d+-\d{13}-0\.json$/);
  const data = JSON.parse(fs.readFileSync(path.join(dir, files[0]), 'utf8'));
  const script = data.result.find((s) => s.url.endsWith('/lib.js'));
  assert.ok(script.url.startsWith('file:///'));
  assert.deepStrictEqual(script.functions.map((f) => f.functionName),
                         ['', 'used', 'unused', 'ignored']);
}

const env = { ...process.env };
delete env.NODE_V8_COVERAGE;

function run(reporter, ...flags) {
  return spawnSync(process.execPath, [
    '--experimental-test-coverage', `--test-reporter=${reporter}`, ...flags,
    testFile,
  ], { cwd: tmpdir.path, env });
}

{
  const r = run('tap', '--test-coverage-exclude=main.js');
  assert.strictEqual(r.status, 0, r.stderr.toString() + r.stdout);
  const out = r.stdout.toString();
  // lib.js: line 8 (unused's body) is not run; 7 and 9 are its braces.
  assert.ok(out.includes(
    '# start of coverage report\n' +
    '# ----------------------------------------------------------\n' +
    '# file      | line % | branch % | funcs % | uncovered lines\n' +
    '# ----------------------------------------------------------\n' +
    '# lib.js    |  66.67 |    66.67 |   66.67 | 4 7-9\n' +
    '# ----------------------------------------------------------\n' +
    '# all files |  66.67 |    66.67 |   66.67 | \n' +
    '# ----------------------------------------------------------\n' +
    '# end of coverage report\n'), out);
}

{
  const r = run('tap', '--test-coverage-exclude=main.js',
                '--test-coverage-lines=90');
  assert.strictEqual(r.status, 1);
  assert.match(r.stdout.toString(),
               /# Error: 66\.67% line coverage does not meet threshold of 90%/);
}

{
  const r = run('lcov', '--test-coverage-include=lib.js');
  assert.strictEqual(r.status, 0, r.stderr.toString());
  const out = r.stdout.toString();
  assert.ok(out.startsWith('TN:\nSF:lib.js\nFN:2,used\nFN:7,unused\n'), out);
  assert.match(out, /\nFNDA:1,used\nFNDA:0,unused\n/);
  assert.match(out, /\nFNF:3\nFNH:2\n[^]*\nLH:8\nLF:12\nend_of_record\n$/);
}
