'use strict';

// module.register() hooks run on their own thread: they do not share the
// program's globals, register() returns what initialize() gives, the
// hooks see every import and import.meta.resolve, and a hook that never
// settles leaves the import unsettled (exit code 13).

const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const hooksFile = path.join(tmpdir.path, 'hooks.mjs');
fs.writeFileSync(hooksFile, `
import { isMainThread, isInternalThread } from 'node:worker_threads';
globalThis.seenByHooks = true;
export function initialize(data) {
  return { got: data, isMainThread, isInternalThread };
}
export async function resolve(specifier, context, next) {
  if (specifier === 'virtual:answer') {
    return { url: 'virtual:answer', shortCircuit: true };
  }
  if (specifier === 'virtual:never') return new Promise(() => {});
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (url === 'virtual:answer') {
    return { format: 'module', source: 'export default 42;',
             shortCircuit: true };
  }
  return next(url, context);
}
`);

const main = path.join(tmpdir.path, 'main.mjs');
fs.writeFileSync(main, `
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
const result = register(${JSON.stringify(hooksFile)},
                        pathToFileURL('./'), { data: 'hello' });
console.log(JSON.stringify(result));
console.log(globalThis.seenByHooks === undefined);
console.log((await import('virtual:answer')).default);
console.log(import.meta.resolve('virtual:answer'));
`);

{
  const child = spawnSync(process.execPath, [main], {
    cwd: tmpdir.path, encoding: 'utf8',
  });
  assert.strictEqual(child.stderr, '');
  assert.strictEqual(child.stdout,
                     '{"got":"hello","isMainThread":false,' +
                     '"isInternalThread":true}\ntrue\n42\nvirtual:answer\n');
  assert.strictEqual(child.status, 0);
}

const never = path.join(tmpdir.path, 'never.mjs');
fs.writeFileSync(never, `
import { register } from 'node:module';
register(${JSON.stringify(hooksFile)}, import.meta.url);
try {
  import.meta.resolve('virtual:never');
} catch (err) {
  console.log(err.code);
}
`);
{
  const child = spawnSync(process.execPath, [never], {
    cwd: tmpdir.path, encoding: 'utf8',
  });
  assert.strictEqual(child.stdout,
                     'ERR_ASYNC_LOADER_REQUEST_NEVER_SETTLED\n');
  assert.strictEqual(child.status, 0);
}

const awaitNever = path.join(tmpdir.path, 'await-never.mjs');
fs.writeFileSync(awaitNever, `
import { register } from 'node:module';
register(${JSON.stringify(hooksFile)}, import.meta.url);
console.log('before');
await import('virtual:never');
`);
{
  const child = spawnSync(process.execPath, [awaitNever], {
    cwd: tmpdir.path, encoding: 'utf8',
  });
  assert.strictEqual(child.stdout, 'before\n');
  assert.match(child.stderr, /Warning: Detected unsettled top-level await/);
  assert.strictEqual(child.status, 13);
}

common.mustCall()();
