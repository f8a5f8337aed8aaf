'use strict';
// A .wasm file runs as the entry point (its start function first), and so
// does an extensionless Wasm file in a "type": "module" scope; an import of
// a global from another Wasm module gets that module's WebAssembly.Global.
require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');
const { wasmModule } = require('../common/wasm');

tmpdir.refresh();
const dir = tmpdir.path;
fs.writeFileSync(path.join(dir, 'log.mjs'),
                 'export function log(x) { console.log("start", x); return 0; }\n');
fs.writeFileSync(path.join(dir, 'counter.wasm'), wasmModule({
  globals: [{ value: 7, mutable: true }],
  functions: [{ params: 0, body: [0x23, 0, 0x41, 1, 0x6a, 0x24, 0, 0x23, 0] }],
  exports: [{ name: 'count', kind: 'global', index: 0 },
            { name: 'bump', kind: 'func', index: 0 }],
}));
const main = wasmModule({
  imports: [{ module: './log.mjs', name: 'log', kind: 'func', params: 1 },
            { module: './counter.wasm', name: 'count', kind: 'global',
              mutable: true }],
  // start: log(count) through the imported global.
  functions: [{ void: true, body: [0x23, 0, 0x10, 0, 0x1a] }],
  start: 1,
});
fs.writeFileSync(path.join(dir, 'main.wasm'), main);
fs.mkdirSync(path.join(dir, 'pkg'));
fs.writeFileSync(path.join(dir, 'pkg', 'package.json'), '{"type":"module"}');
fs.writeFileSync(path.join(dir, 'pkg', 'log.mjs'),
                 fs.readFileSync(path.join(dir, 'log.mjs')));
fs.copyFileSync(path.join(dir, 'counter.wasm'),
                path.join(dir, 'pkg', 'counter.wasm'));
fs.writeFileSync(path.join(dir, 'pkg', 'noext'), main);

for (const entry of ['main.wasm', path.join('pkg', 'noext')]) {
  const r = spawnSync(process.execPath, ['--no-warnings', entry],
                      { cwd: dir, encoding: 'utf8' });
  assert.strictEqual(r.stderr, '');
  assert.strictEqual(r.stdout, 'start 7\n');
  assert.strictEqual(r.status, 0);
}
