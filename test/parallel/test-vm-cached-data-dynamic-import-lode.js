'use strict';
// Flags: --experimental-vm-modules --no-warnings
// Code compiled from a vm code cache (cachedData) keeps its
// importModuleDynamically: vm.Script, vm.compileFunction and
// vm.SourceTextModule (V8 10.2 drops the host-defined options of code it
// restores from a cache; vitest's vmThreads pool relies on this).
const common = require('../common');
const assert = require('assert');
const vm = require('vm');

async function importFs(specifier) {
  assert.strictEqual(specifier, 'node:fs');
  return import(specifier);
}

(async () => {
  const code = 'import("node:fs").then((m) => typeof m.readFileSync)';

  const first = new vm.Script(code, { importModuleDynamically: importFs });
  const scriptCache = first.createCachedData();
  for (const importModuleDynamically of
    [importFs, vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER]) {
    const script = new vm.Script(code, { cachedData: scriptCache,
                                         importModuleDynamically });
    assert.strictEqual(script.cachedDataRejected, false);
    assert.strictEqual(await script.runInThisContext(), 'function');
  }

  const body = `return ${code};`;
  const fnCache = vm.compileFunction(body, [], {
    produceCachedData: true, importModuleDynamically: importFs,
  }).cachedData;
  const fn = vm.compileFunction(body, [], {
    cachedData: fnCache, importModuleDynamically: importFs,
  });
  assert.strictEqual(fn.cachedDataRejected, false);
  assert.strictEqual(await fn(), 'function');

  const source = `export const f = () => ${code};`;
  const importInModule = common.mustCall(async (specifier, referrer) => {
    const ns = await importFs(specifier);
    const m = new vm.SyntheticModule(['readFileSync'], function() {
      this.setExport('readFileSync', ns.readFileSync);
    });
    await m.link(common.mustNotCall());
    await m.evaluate();
    return m;
  }, 2);
  let moduleCache;
  for (let i = 0; i < 2; i++) {
    const m = new vm.SourceTextModule(source, {
      identifier: `file:///cached-${i}.mjs`,
      cachedData: moduleCache,
      importModuleDynamically: importInModule,
    });
    moduleCache ??= m.createCachedData();
    await m.link(common.mustNotCall());
    await m.evaluate();
    assert.strictEqual(await m.namespace.f(), 'function');
  }
})().then(common.mustCall());
