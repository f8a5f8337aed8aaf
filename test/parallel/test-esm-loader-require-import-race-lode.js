'use strict';
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const tmpdir = require('../common/tmpdir');

// require() of an ES module that an import() is still loading through
// async load hooks: both get the same module, evaluated once, as in Node.
// The hooks hold back the first load of x.mjs (the import() has not made
// the module yet) or of its dependency y.mjs (the import() has made x.mjs
// but not linked it); the require() used to build a second module (run
// twice) or take the unlinked one (ERR_VM_MODULE_LINK_FAILURE).

tmpdir.refresh();
const dir = tmpdir.path;
fs.writeFileSync(path.join(dir, 'x.mjs'),
                 'console.log("x evaluated"); export const v = 1;' +
                 'import "./y.mjs";');
fs.writeFileSync(path.join(dir, 'y.mjs'), 'export const w = 2;');
fs.writeFileSync(path.join(dir, 'main.cjs'), `
  const p = import('./x.mjs');
  setTimeout(() => {
    const r = require('./x.mjs');
    console.log('require', r.v);
    p.then((ns) => console.log('import', ns.v, ns === r));
  }, 20);
`);

function hooks(slow) {
  return `
    import { setTimeout as sleep } from 'node:timers/promises';
    let first = true;
    export async function load(url, context, next) {
      if (url.endsWith(${JSON.stringify(slow)}) && first) {
        first = false;
        await sleep(300);
      }
      return next(url, context);
    }`;
}

for (const slow of ['/x.mjs', '/y.mjs']) {
  const { status, stdout, stderr } = spawnSync(
    process.execPath,
    ['--no-warnings', '--experimental-loader',
     `data:text/javascript,${encodeURIComponent(hooks(slow))}`,
     path.join(dir, 'main.cjs')],
    { encoding: 'utf8' });
  assert.strictEqual(stderr, '', slow);
  assert.strictEqual(status, 0, slow);
  assert.deepStrictEqual(stdout.trim().split('\n'),
                         ['x evaluated', 'require 1', 'import 1 true'], slow);
}
