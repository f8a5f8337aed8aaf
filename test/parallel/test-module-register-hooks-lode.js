'use strict';
// module.registerHooks(): synchronous resolve and load hooks serve
// require() and import alike, chain newest first, and deregister() removes
// them.
require('../common');
const assert = require('assert');
const { registerHooks } = require('module');

const seen = [];
const first = registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'virtual:answer') {
      return { url: 'file:///virtual/answer.js', shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    if (url === 'file:///virtual/answer.js') {
      return { format: 'commonjs', source: 'module.exports = 42;',
               shortCircuit: true };
    }
    return nextLoad(url, context);
  },
});
const second = registerHooks({
  resolve(specifier, context, nextResolve) {
    seen.push(specifier);
    return nextResolve(specifier, context);
  },
});

assert.strictEqual(require('virtual:answer'), 42);
assert.deepStrictEqual(seen, ['virtual:answer']);

import('virtual:answer').then((ns) => {
  assert.strictEqual(ns.default, 42);
  first.deregister();
  second.deregister();
  assert.throws(() => require('virtual:other'), { code: 'MODULE_NOT_FOUND' });
  assert.throws(() => registerHooks({ resolve: 1 }),
                { code: 'ERR_INVALID_ARG_TYPE' });
});
