'use strict';
// AsyncLocalStorage across awaits of promises made in vm contexts: the
// promise hooks reach every context, those made before the first
// AsyncLocalStorage (the hooks come with it) and those made after.
const common = require('../common');
const assert = require('assert');
const vm = require('vm');

const before = vm.createContext({ assert, common });
const { AsyncLocalStorage } = require('async_hooks');
const storage = new AsyncLocalStorage();
const after = vm.createContext({ assert, common });

for (const [context, name] of [[before, 'before'], [after, 'after']]) {
  context.storage = storage;
  context.name = name;
  vm.runInContext(`
    storage.run({ name }, common.mustCall(async () => {
      assert.strictEqual(storage.getStore().name, name);
      await 1;
      assert.strictEqual(storage.getStore().name, name);
      await new Promise((resolve) => resolve());
      assert.strictEqual(storage.getStore().name, name);
    }));
    // Outside run(), nothing.
    Promise.resolve().then(common.mustCall(() => {
      assert.strictEqual(storage.getStore(), undefined);
    }));
  `, context);
}

// One made with its own microtask queue too.
const own = vm.createContext({ assert, common, storage },
                             { microtaskMode: 'afterEvaluate' });
vm.runInContext(`
  storage.run('own', common.mustCall(async () => {
    await null;
    assert.strictEqual(storage.getStore(), 'own');
  }));
`, own);
