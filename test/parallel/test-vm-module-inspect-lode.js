'use strict';
// Flags: --experimental-vm-modules --no-warnings
// util.inspect() of vm modules: the class name with status, identifier and
// context; [ClassName] below depth 0; and the getters' default identifiers
// (vm:module(N), counted per context).
require('../common');
const assert = require('assert');
const util = require('util');
const { SourceTextModule, SyntheticModule, createContext } = require('vm');

const context = createContext({ foo: 'bar' });
const m = new SourceTextModule('1', { context });
assert.strictEqual(m.identifier, 'vm:module(0)');
assert.strictEqual(new SourceTextModule('2', { context }).identifier,
                   'vm:module(1)');
assert.strictEqual(
  util.inspect(m),
  "SourceTextModule {\n  status: 'unlinked',\n  identifier: 'vm:module(0)',\n" +
  "  context: { foo: 'bar' }\n}");
assert.strictEqual(util.inspect(m, { depth: -1 }), '[SourceTextModule]');

const s = new SyntheticModule([], () => {}, { identifier: 'syn' });
assert.strictEqual(
  util.inspect(s),
  "SyntheticModule {\n  status: 'linked',\n  identifier: 'syn',\n" +
  '  context: undefined\n}');
assert.strictEqual(util.inspect({ s }, { depth: 0 }),
                   '{ s: [SyntheticModule] }');

for (const value of [null, {}, SourceTextModule.prototype]) {
  assert.throws(() => m[util.inspect.custom].call(value),
                { code: 'ERR_INVALID_THIS' });
}
for (const getter of ['identifier', 'context', 'namespace', 'status', 'error']) {
  assert.throws(
    () => Object.getOwnPropertyDescriptor(
      Object.getPrototypeOf(SourceTextModule.prototype), getter).get.call({}),
    { name: 'TypeError' });
}
