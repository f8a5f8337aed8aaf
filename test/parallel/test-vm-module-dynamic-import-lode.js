'use strict';
// Flags: --experimental-vm-modules --no-warnings
// importModuleDynamically of SourceTextModule, Script, compileFunction and
// createContext: called with (specifier, referrer, attributes, phase); a
// vm.Module or a namespace is what import() gives; without a callback,
// ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING.
const common = require('../common');
const assert = require('assert');
const {
  Script, SourceTextModule, compileFunction, createContext,
} = require('vm');

(async () => {
  const dep = new SourceTextModule('export const v = 1;');
  await dep.link(common.mustNotCall());
  await dep.evaluate();

  function callback(expectedReferrer) {
    return common.mustCall((specifier, referrer, attributes, phase) => {
      assert.strictEqual(specifier, 'dep');
      assert.strictEqual(referrer, expectedReferrer());
      assert.deepStrictEqual(attributes, { __proto__: null });
      assert.strictEqual(phase, 'evaluation');
      return dep;
    });
  }

  const m = new SourceTextModule('export const p = import("dep");', {
    importModuleDynamically: callback(() => m),
  });
  await m.link(common.mustNotCall());
  await m.evaluate();
  assert.strictEqual(await m.namespace.p, dep.namespace);

  const script = new Script('import("dep")', {
    importModuleDynamically: callback(() => script),
  });
  assert.strictEqual(await script.runInThisContext(), dep.namespace);

  const fn = compileFunction('return import("dep")', [], {
    importModuleDynamically: callback(() => fn),
  });
  assert.strictEqual(await fn(), dep.namespace);

  // Code with no script on the stack (an eval run as a promise job) goes
  // by the context's callback.
  const context = createContext({}, {
    importModuleDynamically: callback(() => context),
  });
  const viaEval = new Script('Promise.resolve("import(\'dep\')").then(eval)');
  assert.strictEqual(await viaEval.runInContext(context), dep.namespace);

  // Anything else than a module or a namespace is refused.
  const wrong = new Script('import("x")', { importModuleDynamically: () => 5 });
  await assert.rejects(wrong.runInThisContext(),
                       { code: 'ERR_VM_MODULE_NOT_MODULE' });
  for (const code of ['import("x")', 'Promise.resolve("import(\'x\')").then(eval)']) {
    await assert.rejects(new Script(code).runInContext(createContext()), {
      name: 'TypeError',
      code: 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING',
      message: 'A dynamic import callback was not specified.',
    });
  }
  const none = new SourceTextModule('export const p = import("x");');
  await none.link(common.mustNotCall());
  await none.evaluate();
  await assert.rejects(none.namespace.p,
                       { code: 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING' });
})().then(common.mustCall());
