'use strict';
// Flags: --experimental-vm-modules --no-warnings
// initializeImportMeta(meta, module) runs once, on the first import.meta of
// the module; without it import.meta is an empty null-prototype object.
const common = require('../common');
const assert = require('assert');
const { SourceTextModule, createContext } = require('vm');

(async () => {
  const context = createContext({});
  const m = new SourceTextModule(
    'export const a = import.meta; export const b = import.meta;', {
      context,
      initializeImportMeta: common.mustCall((meta, module) => {
        assert.strictEqual(module, m);
        assert.strictEqual(Object.getPrototypeOf(meta), null);
        meta.answer = 42;
      }),
    });
  await m.link(common.mustNotCall());
  await m.evaluate();
  assert.strictEqual(m.namespace.a, m.namespace.b);
  assert.deepStrictEqual(Reflect.ownKeys(m.namespace.a), ['answer']);
  assert.strictEqual(m.namespace.a.answer, 42);

  const plain = new SourceTextModule('export default import.meta;');
  await plain.link(common.mustNotCall());
  await plain.evaluate();
  assert.strictEqual(Object.getPrototypeOf(plain.namespace.default), null);
  assert.deepStrictEqual(Reflect.ownKeys(plain.namespace.default), []);

  for (const bad of [null, {}, 0, 'f', []]) {
    assert.throws(() => new SourceTextModule('', { initializeImportMeta: bad }), {
      code: 'ERR_INVALID_ARG_TYPE',
      message: /^The "options\.initializeImportMeta" property must be of type function/,
    });
  }
})().then(common.mustCall());
