'use strict';
// import of a .wasm file: the namespace holds the instance's exports (any
// export name), the Wasm imports resolve through the ESM loader, and the
// first import emits the experimental warning.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const tmpdir = require('../common/tmpdir');
const { wasmModule } = require('../common/wasm');

common.expectWarning('ExperimentalWarning',
                     'Importing WebAssembly module instances is an ' +
                     'experimental feature and might change at any time');
tmpdir.refresh();
fs.writeFileSync(path.join(tmpdir.path, 'dep.mjs'),
                 'export let calls = 0;\n' +
                 'export function twice(x) { calls++; return 2 * x; }\n');
fs.writeFileSync(path.join(tmpdir.path, 'mod.wasm'), wasmModule({
  imports: [{ module: './dep.mjs', name: 'twice', kind: 'func', params: 1 }],
  functions: [
    { params: 2, body: [0x20, 0, 0x20, 1, 0x6a] },
    { params: 1, body: [0x20, 0, 0x10, 0] },
  ],
  globals: [{ value: 42 }],
  exports: [
    { name: 'add', kind: 'func', index: 1 },
    { name: 'callTwice', kind: 'func', index: 2 },
    { name: 'answer', kind: 'global', index: 0 },
    { name: 'not an identifier', kind: 'func', index: 1 },
  ],
}));

(async () => {
  const url = pathToFileURL(path.join(tmpdir.path, 'mod.wasm')).href;
  const ns = await import(url);
  assert.deepStrictEqual(Object.keys(ns),
                         ['add', 'answer', 'callTwice', 'not an identifier']);
  assert.strictEqual(ns.add(2, 3), 5);
  assert.strictEqual(ns['not an identifier'](1, 1), 2);
  assert.strictEqual(ns.callTwice(21), 42);
  assert.strictEqual(ns.answer, 42); // A global: its value.
  const dep = await import(pathToFileURL(path.join(tmpdir.path, 'dep.mjs')));
  assert.strictEqual(dep.calls, 1);
  assert.strictEqual(await import(url), ns);
})().then(common.mustCall());
