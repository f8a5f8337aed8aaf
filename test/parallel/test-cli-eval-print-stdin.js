'use strict';
// `lode -e`, `lode -p`, a script on stdin and `-`, with Node's output and
// exit codes.
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

function run(args, input) {
  const r = spawnSync(process.execPath, args, { input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

assert.deepStrictEqual(run(['-e', 'console.log(1 + 1)']),
                       { code: 0, out: '2\n', err: '' });
assert.deepStrictEqual(run(['-p', '6 * 7']), { code: 0, out: '42\n', err: '' });
assert.deepStrictEqual(run(['-pe', '"x".repeat(3)']),
                       { code: 0, out: 'xxx\n', err: '' });
assert.deepStrictEqual(run(['-p', '({ a: [1, 2] })']),
                       { code: 0, out: '{ a: [ 1, 2 ] }\n', err: '' });
assert.strictEqual(run(['-e', 'process.exitCode = 5']).code, 5);
assert.strictEqual(run(['-e', 'process.exit(3); console.log("no")']).code, 3);

// argv after -e belongs to the program.
assert.strictEqual(
  run(['-p', 'JSON.stringify(process.argv.slice(1))', 'a', '--b']).out,
  '["a","--b"]\n');

// execArgv lists the runtime options exactly as given.
assert.strictEqual(
  run(['--no-warnings', '-p', 'JSON.stringify(process.execArgv)']).out,
  '["--no-warnings","-p","JSON.stringify(process.execArgv)"]\n');

// A script on stdin, with and without "-".
assert.deepStrictEqual(
  run([], 'console.log(__filename, require("path").sep)'),
  { code: 0, out: '[stdin] /\n', err: '' });
assert.strictEqual(
  run(['-', 'x', 'y'], 'console.log(process.argv.slice(2).join())').out,
  'x,y\n');

// An uncaught exception: the source line, a caret, the stack, exit 1.
const thrown = run(['-e', 'throw new RangeError("bad")']);
assert.strictEqual(thrown.code, 1);
assert.match(thrown.err, /^\[eval\]:1\nthrow new RangeError\("bad"\)\n\^\n\n/);
assert.match(thrown.err, /RangeError: bad\n {4}at \[eval\]:1:7/);
assert.match(thrown.err, /\n\nNode\.js v24\.\d+\.\d+\n$/);

// Bad options exit 9.
const bad = run(['--definitely-not-an-option']);
assert.strictEqual(bad.code, 9);
assert.match(bad.err, /: bad option: --definitely-not-an-option\n$/);
assert.strictEqual(run(['--require']).code, 9);

// --version prints the Node version lode matches.
assert.strictEqual(run(['--version']).out, `${process.version}\n`);
assert.strictEqual(run(['-v']).out, `${process.version}\n`);
