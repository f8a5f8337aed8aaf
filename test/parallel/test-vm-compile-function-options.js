'use strict';
// vm.compileFunction with parameters, extensions, a parsing context and the
// code cache.
require('../common');
const assert = require('assert');
const vm = require('vm');

assert.strictEqual(
  vm.compileFunction('return a + b + c', ['a', 'b'],
                     { contextExtensions: [{ c: 10 }] })(1, 2),
  13);
const context = vm.createContext({ x: 42 });
assert.strictEqual(
  vm.compileFunction('return x', [], { parsingContext: context })(), 42);

const fn = vm.compileFunction('return 5', [], { produceCachedData: true });
assert.strictEqual(fn.cachedDataProduced, true);
assert.ok(Buffer.isBuffer(fn.cachedData));
const fn2 = vm.compileFunction('return 5', [], { cachedData: fn.cachedData });
assert.strictEqual(typeof fn2.cachedDataRejected, 'boolean');
assert.strictEqual(fn2(), 5);

assert.throws(
  () => vm.compileFunction('return 1 +', [], { filename: 'c.js' }),
  (err) => err.name === 'SyntaxError' && /^c\.js:1\n/.test(err.stack));
// Parameter lists V8 refuses are a SyntaxError (Node 24 aborts here).
assert.throws(() => vm.compileFunction('', ['a b']), SyntaxError);
assert.throws(() => vm.compileFunction('', 1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "params" argument must be an instance of Array. ' +
           'Received type number (1)',
});
assert.throws(() => vm.compileFunction('', ['a', 1]), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "params[1]" argument must be of type string. ' +
           'Received type number (1)',
});
assert.throws(() => vm.compileFunction('', [], { contextExtensions: [1] }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.contextExtensions[0]" property must be of type ' +
           'object. Received type number (1)',
});
assert.throws(() => vm.compileFunction('', [], { parsingContext: {} }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.parsingContext" property must be an instance of ' +
           'Context. Received an instance of Object',
});
