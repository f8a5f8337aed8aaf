'use strict';

// node:test/reporters — the built-in reporters, loaded on first use.

const {
  ObjectDefineProperties,
  ReflectConstruct,
} = primordials;

let SpecReporter;
let LcovReporter;

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
    value: function(...args) {
      SpecReporter ??=
        require('internal/test_runner/reporter/spec').createSpecClass();
      return ReflectConstruct(SpecReporter, args);
    },
  },
  tap: lazy(() => require('internal/test_runner/reporter/tap').tap),
  // The same for lcov: one class, made on first use.
  lcov: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    value: function(...args) {
      LcovReporter ??=
        require('internal/test_runner/reporter/lcov').createLcovClass();
      return ReflectConstruct(LcovReporter, args);
    },
  },
});
