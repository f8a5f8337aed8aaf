'use strict';
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const empty = path.join(tmpdir.path, 'empty.js');
fs.writeFileSync(empty, '');
function run(...args) {
  return spawnSync(process.execPath, [...args, empty], { encoding: 'utf8' });
}

// The hooks thread's public worker_threads module hides its workerData and
// port, and its modules have no import.meta.resolve (it would wait for the
// hooks of that same thread).
{
  const loader = 'data:text/javascript,' + encodeURIComponent(`
    import { strictEqual } from 'node:assert';
    import { isMainThread, workerData, parentPort } from 'node:worker_threads';
    strictEqual(isMainThread, false);
    strictEqual(workerData, null);
    strictEqual(parentPort, null);
    strictEqual(typeof import.meta.resolve, 'undefined');
  `);
  const { status, stderr } = run('--no-warnings', '--experimental-loader',
                                 loader);
  assert.strictEqual(stderr, '');
  assert.strictEqual(status, 0);
}

// process.exit() in the hooks thread's top level is the process's exit code,
// every time (the port closing used to beat the worker's exit event).
for (let i = 0; i < 5; i++) {
  const { status } = run('--no-warnings', '--experimental-loader',
                         'data:text/javascript,process.exit(42)');
  assert.strictEqual(status, 42);
}

// A thrown primitive reaches the main thread as itself.
{
  const { status, stderr } = run('--no-warnings', '--experimental-loader',
                                 'data:text/javascript,throw "plain"');
  assert.strictEqual(status, 1);
  assert.match(stderr, /\nplain\n/);
}

// globalPreload is not run, and said so once; --experimental-loader's
// warning gives the --import equivalent of every loader, URI-encoded.
{
  const a = 'data:text/javascript,export function globalPreload(){}';
  const b = 'data:text/javascript,export function globalPreload(){return"\'"}';
  const { status, stderr } = run('--experimental-loader', a,
                                 '--experimental-loader', b);
  assert.strictEqual(status, 0);
  assert.strictEqual(stderr.match(/`globalPreload` has been removed; use `initialize` instead\./g).length, 1);
  assert.match(stderr, /UnsupportedWarning/);
  assert.ok(stderr.includes(
    'register("data%3Atext/javascript%2Cexport%20function%20globalPreload()' +
    '%7B%7D", pathToFileURL("./")); register("data%3Atext/javascript%2C' +
    'export%20function%20globalPreload()%7Breturn%5C"%27%5C"%7D", ' +
    'pathToFileURL("./"));\'\n'), stderr);
}

// With initialize, globalPreload is quietly ignored.
{
  const { stderr } = run(
    '--experimental-loader',
    'data:text/javascript,export function globalPreload(){}' +
    'export function initialize(){}');
  assert.doesNotMatch(stderr, /UnsupportedWarning/);
}
