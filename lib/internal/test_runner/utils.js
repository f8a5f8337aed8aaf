'use strict';

// Helpers shared by the test runner: failure kinds, the caller's location,
// durations and the reporter picked on the command line.

const {
  Number,
  SafeSet,
  StringPrototypeStartsWith,
} = primordials;

const { getCallSites } = internalBinding('util');
const { getOptionValue } = require('internal/options');

// Values of ERR_TEST_FAILURE's failureType.
const kCallbackAndPromisePresent = 'callbackAndPromisePresent';
const kCancelledByParent = 'cancelledByParent';
const kAborted = 'testAborted';
const kHookFailure = 'hookFailed';
const kMultipleCallbackInvocations = 'multipleCallbackInvocations';
const kParentAlreadyFinished = 'parentAlreadyFinished';
const kSubtestsFailed = 'subtestsFailed';
const kTestCodeFailure = 'testCodeFailure';
const kTestTimeoutFailure = 'testTimeoutFailure';
const kUncaughtException = 'uncaughtException';
const kUnhandledRejection = 'unhandledRejection';

// The failure kinds whose cause is the user's own error: reporters show the
// cause's message, code, name and stack instead of the wrapper's.
const kUnwrapErrors = new SafeSet([
  kTestCodeFailure, kHookFailure, kUncaughtException, kUnhandledRejection,
]);

// The first frame of the stack that is user code: where test() or a hook
// was called. Returns undefined when there is none.
function getCallerLocation() {
  const sites = getCallSites(32);
  for (let i = 0; i < sites.length; i++) {
    const name = sites[i].scriptName;
    if (name && !StringPrototypeStartsWith(name, 'node:')) {
      return {
        __proto__: null,
        file: name,
        line: sites[i].lineNumber,
        column: sites[i].column,
      };
    }
  }
  return undefined;
}

// Milliseconds since `start` (a bigint from hrtime), as Node prints them.
function elapsedMs(start, end) {
  return Number(end - start) / 1e6;
}

// `--test-reporter`, when lode knows the option; 'spec' otherwise (Node 24's
// default whether or not stdout is a terminal).
function getReporterName() {
  let names;
  try {
    names = getOptionValue('--test-reporter');
  } catch {
    names = undefined;
  }
  if (typeof names === 'string' && names.length > 0) return names;
  if (names && names.length > 0) return names[names.length - 1];
  return 'spec';
}

function getBooleanOption(name) {
  try {
    return getOptionValue(name) === true;
  } catch {
    return false;
  }
}

module.exports = {
  kCallbackAndPromisePresent,
  kCancelledByParent,
  kAborted,
  kHookFailure,
  kMultipleCallbackInvocations,
  kParentAlreadyFinished,
  kSubtestsFailed,
  kTestCodeFailure,
  kTestTimeoutFailure,
  kUncaughtException,
  kUnhandledRejection,
  kUnwrapErrors,
  elapsedMs,
  getBooleanOption,
  getCallerLocation,
  getReporterName,
};
