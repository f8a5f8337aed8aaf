'use strict';
// A contextified object: reads fall back to the context's own built-ins,
// writes and declarations land on the sandbox, enumeration shows its keys.
require('../common');
const assert = require('assert');
const vm = require('vm');

const proto = { inherited: 'from proto' };
const sandbox = Object.create(proto);
sandbox.a = 1;
sandbox[0] = 'zero';
Object.defineProperty(sandbox, 'hidden', { value: 3, enumerable: false });
assert.strictEqual(vm.createContext(sandbox), sandbox);
assert.strictEqual(vm.createContext(sandbox), sandbox);
assert.ok(vm.isContext(sandbox));
assert.ok(!vm.isContext({}));

assert.deepStrictEqual([...vm.runInContext('Object.keys(globalThis)', sandbox)],
                       ['0', 'a']);
assert.strictEqual(vm.runInContext('typeof inherited', sandbox), 'string');
assert.strictEqual(vm.runInContext('"inherited" in globalThis', sandbox),
                   false);
assert.strictEqual(vm.runInContext('"a" in globalThis && 0 in globalThis',
                                   sandbox), true);
assert.strictEqual(vm.runInContext('typeof Array', sandbox), 'function');
assert.notStrictEqual(vm.runInContext('Array', sandbox), Array);

vm.runInContext('var v = 1; function f() {} let l = 2; globalThis.g = 3;' +
                'Object.defineProperty(globalThis, "d", ' +
                '{ get() { return 4; }, configurable: true });', sandbox);
assert.deepStrictEqual(Object.keys(sandbox), ['0', 'a', 'f', 'v', 'g']);
assert.strictEqual(sandbox.l, undefined);
assert.strictEqual(sandbox.d, 4);
assert.strictEqual(vm.runInContext('delete a; typeof a', sandbox),
                   'undefined');
assert.ok(!('a' in sandbox));

sandbox.later = 5;
assert.strictEqual(vm.runInContext('later + this.later', sandbox), 10);
assert.strictEqual(
  vm.runInContext('"use strict"; try { undeclared = 1 } catch (e) { e.name }',
                  sandbox),
  'ReferenceError');
assert.strictEqual(sandbox.undeclared, undefined);

// A non-configurable property of the sandbox cannot be deleted.
const locked = {};
Object.defineProperty(locked, 'b', { configurable: false });
vm.createContext(locked);
assert.strictEqual(vm.runInContext('delete b', locked), false);

// A Proxy works as a sandbox.
const ctx = vm.createContext(new Proxy({}, {}));
assert.strictEqual(vm.runInContext('typeof String', ctx), 'function');

// The global itself, with DONT_CONTEXTIFY.
const g = vm.createContext(vm.constants.DONT_CONTEXTIFY);
assert.ok(vm.isContext(g));
assert.strictEqual(vm.runInContext('globalThis.x = 1; globalThis', g), g);
assert.strictEqual(g.x, 1);
assert.strictEqual(typeof g.Array, 'function');

// The built-ins newer than V8 10.2 exist in new contexts too.
assert.strictEqual(vm.runInNewContext('[1, 3, 2].toSorted().join()'),
                   '1,2,3');

assert.throws(() => vm.createContext(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "object" argument must be of type object. ' +
           'Received type number (1)',
});
assert.throws(() => vm.runInContext('1', {}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "contextifiedObject" argument must be an vm.Context. ' +
           'Received an instance of Object',
});
assert.throws(() => vm.createContext({}, { microtaskMode: 'x' }),
              { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => vm.createContext({}, { name: 1 }),
              { code: 'ERR_INVALID_ARG_TYPE' });

// Code generation options.
assert.throws(
  () => vm.runInNewContext('eval("1")', {},
                           { contextCodeGeneration: { strings: false } }),
  { name: 'EvalError',
    message: 'Code generation from strings disallowed for this context' });
assert.strictEqual(vm.runInNewContext('eval("1 + 1")'), 2);
