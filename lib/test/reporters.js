'use strict';

// node:test/reporters — the built-in reporters, loaded on first use.

const {
  ObjectDefineProperties,
  ReflectConstruct,
} = primordials;

const {
  codes: { ERR_NOT_IMPLEMENTED },
} = require('internal/errors');

let SpecReporter;

function notImplemented(name) {
  return function() {
    throw new ERR_NOT_IMPLEMENTED(`${name} test reporter`);
  };
}

function lazy(get) {
  return { __proto__: null, configurable: true, enumerable: true, get };
}

module.exports = {};
ObjectDefineProperties(module.exports, {
  dot: lazy(() => require('internal/test_runner/reporter/dot').dot),
  junit: lazy(() => require('internal/test_runner/reporter/junit').junit),
  // A function that makes a spec reporter, with or without `new`.
  spec: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    value: function spec(...args) {
      SpecReporter ??=
        require('internal/test_runner/reporter/spec').createSpecClass();
      return ReflectConstruct(SpecReporter, args);
    },
  },
  tap: lazy(() => require('internal/test_runner/reporter/tap').tap),
  lcov: lazy(() => notImplemented('lcov')),
});
