'use strict';
const common = require('../common');
const assert = require('assert');

common.expectWarning('DeprecationWarning', {
  DEP0094: 'assert.fail() with more than one argument is deprecated. ' +
           'Please use assert.strictEqual() instead or only pass a message.',
  DEP0173: 'assert.CallTracker is deprecated.',
});

assert.throws(() => assert.fail('first', 'second'), {
  message: "'first' != 'second'",
  operator: '!=',
  actual: 'first',
  expected: 'second',
  generatedMessage: true,
});
assert.throws(() => assert.fail(1, 2, undefined, '>'), {
  message: '1 > 2',
  operator: '>',
});
assert.throws(() => assert.fail(1, 2, 'custom'), {
  message: 'custom',
  generatedMessage: false,
});

const tracker = new assert.CallTracker();
const fn = tracker.calls(function foo() {}, 2);
fn(1);
assert.deepStrictEqual(tracker.getCalls(fn),
                       [{ thisArg: undefined, arguments: [1] }]);
assert.throws(() => tracker.verify(), {
  message: 'Expected the foo function to be executed 2 time(s) but was ' +
           'executed 1 time(s).',
});
fn();
tracker.verify();
