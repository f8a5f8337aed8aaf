'use strict';
const common = require('../common');
const assert = require('assert');
const { spawn } = require('child_process');

// A child's stdin, stdout and stderr as pipes: what the parent writes comes
// back through a child that copies process.stdin to process.stdout.

const child = spawn(process.execPath, [
  '-e',
  'process.stdin.setEncoding("utf8");' +
  'let all = "";' +
  'process.stdin.on("data", (d) => { all += d; });' +
  'process.stdin.on("end", () => {' +
  '  process.stdout.write(all.toUpperCase());' +
  '  process.stderr.write(String(all.length));' +
  '});',
]);

assert.ok(child.stdin.writable);
assert.strictEqual(child.stdin.readable, false);
assert.ok(child.stdout.readable);

let out = '';
let err = '';
child.stdout.setEncoding('utf8');
child.stderr.setEncoding('utf8');
child.stdout.on('data', (d) => { out += d; });
child.stderr.on('data', (d) => { err += d; });
child.stdin.write('hello ');
child.stdin.end('pipes');

child.on('close', common.mustCall((code, signal) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(signal, null);
  assert.strictEqual(out, 'HELLO PIPES');
  assert.strictEqual(err, '11');
}));
