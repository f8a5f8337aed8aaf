'use strict';
// module.registerHooks() resolve hooks run for require(), not for
// require.resolve(); their default step goes through Module._resolveFilename,
// which a program may have replaced. As in Node 24.
require('../common');
const assert = require('assert');
const path = require('path');
const Module = require('module');
const os = require('os');

const seen = [];
let patched = 0;
const original = Module._resolveFilename;
Module._resolveFilename = function(...args) {
  patched++;
  return original.apply(this, args);
};
const hooks = Module.registerHooks({
  resolve(specifier, context, next) {
    seen.push(specifier);
    return next(specifier, context);
  },
});
try {
  assert.strictEqual(require.resolve('fs'), 'fs');
  assert.strictEqual(require.resolve('../common'),
                     path.join(__dirname, '..', 'common', 'index.js'));
  assert.deepStrictEqual(seen, []);
  assert.strictEqual(patched, 2);
  assert.strictEqual(require('os'), os);
  assert.deepStrictEqual(seen, ['os']);
  assert.strictEqual(patched, 3);
} finally {
  hooks.deregister();
  Module._resolveFilename = original;
}
