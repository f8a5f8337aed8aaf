'use strict';
// A worker's process.stdout and stderr arrive on worker.stdout and
// worker.stderr (with stdout/stderr: true nothing goes to the parent's
// own), everything written before process.exit() included; stdin: true
// gives the worker a stdin fed from worker.stdin.
const common = require('../common');
const assert = require('assert');
const { Worker } = require('worker_threads');

const worker = new Worker(`
  console.log('line one');
  process.stdout.write('line two\\n');
  console.error('to stderr');
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => { input += chunk; });
  process.stdin.on('end', () => {
    console.log('got ' + input);
    process.exit(0);
  });
`, { eval: true, stdout: true, stderr: true, stdin: true });

let out = '';
let err = '';
worker.stdout.setEncoding('utf8');
worker.stderr.setEncoding('utf8');
worker.stdout.on('data', (chunk) => { out += chunk; });
worker.stderr.on('data', (chunk) => { err += chunk; });
worker.stdin.end('some input');
worker.on('exit', common.mustCall((code) => {
  assert.strictEqual(code, 0);
  setImmediate(common.mustCall(() => {
    assert.strictEqual(out, 'line one\nline two\ngot some input\n');
    assert.strictEqual(err, 'to stderr\n');
  }));
}));
