'use strict';

// node:test — test(), describe()/it() and their hooks, mocking, and the
// built-in reporters. Files using it run their tests when run directly.

const {
  ObjectAssign,
  ObjectDefineProperty,
} = primordials;

const {
  codes: { ERR_NOT_IMPLEMENTED },
} = require('internal/errors');
const {
  Suite,
  Test,
  hook,
  makeRunner,
} = require('internal/test_runner/harness');
const { registerAssertion } = require('internal/test_runner/test');

function withVariants(runner, Factory) {
  runner.skip = makeRunner(Factory, { __proto__: null, skip: true });
  runner.todo = makeRunner(Factory, { __proto__: null, todo: true });
  runner.only = makeRunner(Factory, { __proto__: null, only: true });
  return runner;
}

const test = withVariants(makeRunner(Test), Test);
const suite = withVariants(makeRunner(Suite), Suite);

function run(options) {
  return require('internal/test_runner/runner').run(options);
}

let mock;

module.exports = test;
ObjectAssign(module.exports, {
  after: hook('after'),
  afterEach: hook('afterEach'),
  before: hook('before'),
  beforeEach: hook('beforeEach'),
  describe: suite,
  it: test,
  run,
  suite,
  test,
});

ObjectDefineProperty(module.exports, 'mock', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    if (mock === undefined) {
      const { MockTracker } = require('internal/test_runner/mock/mock');
      mock = new MockTracker();
    }
    return mock;
  },
});

ObjectDefineProperty(module.exports, 'snapshot', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  value: {
    __proto__: null,
    setDefaultSnapshotSerializers() {
      throw new ERR_NOT_IMPLEMENTED('snapshot.setDefaultSnapshotSerializers');
    },
    setResolveSnapshotPath() {
      throw new ERR_NOT_IMPLEMENTED('snapshot.setResolveSnapshotPath');
    },
  },
});

ObjectDefineProperty(module.exports, 'assert', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  value: { __proto__: null, register: registerAssertion },
});
