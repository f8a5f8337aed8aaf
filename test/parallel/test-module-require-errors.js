'use strict';
// Errors of require() and require.resolve(): MODULE_NOT_FOUND with its
// require stack, argument validation and unknown builtins.
require('../common');
const assert = require('assert');
const path = require('path');
const fixtures = require('../common/fixtures');

const root = fixtures.path('packages');
const loaderFile = path.join(root, 'loader.js');
const { require: load } = require(loaderFile);
const requirerFile = path.join(root, 'nested', 'deep', 'requirer.js');
const requireFrom = load('./nested/deep/requirer.js');

// The stack lists the requiring module, then each parent up to the main one.
assert.throws(() => require('./does-not-exist'), {
  name: 'Error',
  code: 'MODULE_NOT_FOUND',
  message: "Cannot find module './does-not-exist'\nRequire stack:\n- " +
           __filename,
  requireStack: [__filename],
});
assert.throws(() => load('nonexistent-pkg'), {
  code: 'MODULE_NOT_FOUND',
  message: "Cannot find module 'nonexistent-pkg'\nRequire stack:\n" +
           `- ${loaderFile}\n- ${__filename}`,
  requireStack: [loaderFile, __filename],
});
assert.throws(() => requireFrom('./missing'), (err) => {
  assert.strictEqual(err.code, 'MODULE_NOT_FOUND');
  assert.strictEqual(err.message,
                     "Cannot find module './missing'\nRequire stack:\n" +
                     `- ${requirerFile}\n- ${loaderFile}\n- ${__filename}`);
  assert.deepStrictEqual(err.requireStack,
                         [requirerFile, loaderFile, __filename]);
  assert.deepStrictEqual(Object.keys(err), ['code', 'requireStack']);
  assert.strictEqual(String(err), `Error: ${err.message}`);
  return true;
});
assert.throws(() => load.resolve('./nope'), {
  code: 'MODULE_NOT_FOUND',
  message: "Cannot find module './nope'\nRequire stack:\n" +
           `- ${loaderFile}\n- ${__filename}`,
});
assert.throws(() => require.resolve(''), {
  code: 'MODULE_NOT_FOUND',
  message: `Cannot find module ''\nRequire stack:\n- ${__filename}`,
});

// Argument validation.
assert.throws(() => require(''), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'id' must be a non-empty string. Received ''",
});
assert.throws(() => require(5), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "id" argument must be of type string. Received type number (5)',
});
assert.throws(() => require(), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "id" argument must be of type string. Received undefined',
});
assert.throws(() => require.resolve(5), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "request" argument must be of type string. ' +
           'Received type number (5)',
});

// Builtins.
assert.strictEqual(require('node:path'), path);
assert.strictEqual(require.resolve('path'), 'path');
assert.strictEqual(require.resolve('node:path'), 'node:path');
assert.throws(() => require('node:nonexistent'), {
  name: 'Error',
  code: 'ERR_UNKNOWN_BUILTIN_MODULE',
  message: 'No such built-in module: node:nonexistent',
});
