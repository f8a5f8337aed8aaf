'use strict';
require('../common');
const assert = require('assert');
const { registerHooks } = require('module');

// A module.registerHooks() resolve hook that hands builtins on to the
// default step (which gives their node: URL) leaves require() of them
// working, and require.resolve() names them as without hooks.
const seen = [];
const hook = registerHooks({
  resolve(specifier, context, nextResolve) {
    const result = nextResolve(specifier, context);
    seen.push(result.url);
    return result;
  },
});

assert.strictEqual(require('fs'), require('node:fs'));
assert.strictEqual(typeof require('path').join, 'function');
assert.strictEqual(require.resolve('fs'), 'fs');
assert.strictEqual(require.resolve('node:test'), 'node:test');
assert.ok(seen.includes('node:fs'));
assert.ok(seen.includes('node:path'));
hook.deregister();
