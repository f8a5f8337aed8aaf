'use strict';
// Errors of Wasm imports: a bad binary (CompileError naming the file), the
// reserved "wasm:" and "wasm-js:" names (LinkError), an import that does
// not resolve, and an import of the wrong kind (LinkError).
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const tmpdir = require('../common/tmpdir');
const { wasmModule } = require('../common/wasm');

tmpdir.refresh();
function file(name, bytes) {
  const filename = path.join(tmpdir.path, name);
  fs.writeFileSync(filename, bytes);
  return { filename, url: pathToFileURL(filename).href };
}
const fn = { params: 0, body: [0x41, 1] };

(async () => {
  const bad = file('bad.wasm', Buffer.from('\0asm\x01\0\0\0\x01'));
  await assert.rejects(import(bad.url), (err) => {
    assert(err instanceof WebAssembly.CompileError);
    assert(err.message.startsWith(`${bad.filename}: WebAssembly.Module():`));
    return true;
  });

  const exp = file('exp.wasm', wasmModule({
    functions: [fn], exports: [{ name: 'wasm:x', kind: 'func', index: 0 }] }));
  await assert.rejects(import(exp.url), {
    name: 'LinkError', message: `Invalid Wasm export name "wasm:x" in ${exp.url}`,
  });
  const mod = file('mod.wasm', wasmModule({
    imports: [{ module: 'wasm-js:m', name: 'f', kind: 'func' }] }));
  await assert.rejects(import(mod.url), {
    name: 'LinkError', message: `Invalid Wasm import "wasm-js:m" in ${mod.url}`,
  });
  const imp = file('imp.wasm', wasmModule({
    imports: [{ module: './x.mjs', name: 'wasm:f', kind: 'func' }] }));
  await assert.rejects(import(imp.url), {
    name: 'LinkError', message: `Invalid Wasm import name "./x.mjs" in ${imp.url}`,
  });

  const missing = file('missing.wasm', wasmModule({
    imports: [{ module: './none.mjs', name: 'f', kind: 'func' }] }));
  await assert.rejects(import(missing.url), { code: 'ERR_MODULE_NOT_FOUND' });

  file('value.mjs', 'export const f = 5;');
  const kind = file('kind.wasm', wasmModule({
    imports: [{ module: './value.mjs', name: 'f', kind: 'func' }] }));
  await assert.rejects(import(kind.url), { name: 'LinkError' });
})().then(common.mustCall());
