'use strict';

// node:test/reporters — the built-in reporters, loaded on first use.

const {
  ObjectDefineProperties,
} = primordials;

const {
  codes: { ERR_NOT_IMPLEMENTED },
} = require('internal/errors');

let spec;

function notImplemented(name) {
  return function() {
    throw new ERR_NOT_IMPLEMENTED(`the ${name} test reporter`);
  };
}

function lazy(get) {
  return { __proto__: null, configurable: true, enumerable: true, get };
}

module.exports = {};
ObjectDefineProperties(module.exports, {
  dot: lazy(() => require('internal/test_runner/reporter/dot').dot),
  junit: lazy(() => notImplemented('junit')),
  spec: lazy(() => {
    spec ??= require('internal/test_runner/reporter/spec').createSpecClass();
    return spec;
  }),
  tap: lazy(() => require('internal/test_runner/reporter/tap').tap),
  lcov: lazy(() => notImplemented('lcov')),
});
