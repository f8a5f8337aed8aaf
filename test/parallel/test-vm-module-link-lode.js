'use strict';
// Flags: --experimental-vm-modules --no-warnings
// link(linker): the linker gets each module request (specifier, referrer,
// attributes) once, a module shared by two importers is linked once, cycles
// link, and the module is instantiated ('linked') when the promise settles.
const common = require('../common');
const assert = require('assert');
const { SourceTextModule } = require('vm');

const sources = {
  root: 'import { a } from "a"; import { b } from "b"; export default a + b;',
  a: 'import { b } from "b"; export const a = "a" + b;',
  b: 'import "a"; export const b = "b";',
};
const modules = new Map();
function get(name) {
  if (!modules.has(name)) {
    modules.set(name, new SourceTextModule(sources[name], { identifier: name }));
  }
  return modules.get(name);
}

const root = get('root');
assert.strictEqual(root.status, 'unlinked');
assert.deepStrictEqual(root.dependencySpecifiers, ['a', 'b']);
assert.strictEqual(root.dependencySpecifiers, root.dependencySpecifiers);
assert(Object.isFrozen(root.dependencySpecifiers));
const [request] = root.moduleRequests;
assert.deepStrictEqual(request, {
  __proto__: null, specifier: 'a', attributes: { __proto__: null },
  phase: 'evaluation',
});
assert(Object.isFrozen(request) && Object.isFrozen(request.attributes));

const calls = [];
const linked = root.link(common.mustCall(async (specifier, referrer, extra) => {
  calls.push(`${referrer.identifier}->${specifier}`);
  assert.deepStrictEqual(extra.attributes, { __proto__: null });
  await null;
  return get(specifier);
}, 4));
assert.strictEqual(root.status, 'linking');

linked.then(common.mustCall(async (value) => {
  assert.strictEqual(value, undefined);
  assert.deepStrictEqual(calls.sort(),
                         ['a->b', 'b->a', 'root->a', 'root->b']);
  for (const m of modules.values()) assert.strictEqual(m.status, 'linked');
  assert.strictEqual(await root.evaluate(), undefined);
  assert.strictEqual(root.status, 'evaluated');
  assert.strictEqual(root.namespace.default, 'abb');
  assert.strictEqual(Object.prototype.toString.call(root.namespace),
                     '[object Module]');
}));
