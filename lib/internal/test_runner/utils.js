'use strict';

// Helpers shared by the test runner: failure kinds, the caller's location,
// durations and the reporter picked on the command line.

const {
  Number,
  RegExp,
  RegExpPrototypeExec,
  SafeSet,
  StringPrototypeStartsWith,
} = primordials;

const { getCallSites } = internalBinding('util');
const { getOptionValue } = require('internal/options');
const {
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');

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
    // The first frame of user code; eval'd code has no file, hence no
    // location (as Node).
    if (!name) return undefined;
    if (!StringPrototypeStartsWith(name, 'node:')) {
      const loc = {
        __proto__: null,
        file: name,
        line: sites[i].lineNumber,
        column: sites[i].column,
      };
      // With --enable-source-maps, the place in the original source.
      if (getOptionValue('--enable-source-maps')) {
        const { findSourceMap } =
          require('internal/source_map/source_map_cache');
        const entry = findSourceMap(name)?.findEntry(loc.line - 1,
                                                     loc.column - 1);
        if (entry?.originalSource !== undefined) {
          loc.file = entry.originalSource;
          loc.line = entry.originalLine + 1;
          loc.column = entry.originalColumn + 1;
        }
      }
      if (StringPrototypeStartsWith(loc.file, 'file://')) {
        const { fileURLToPath } = require('internal/url');
        loc.file = fileURLToPath(loc.file);
      }
      return loc;
    }
  }
  return undefined;
}

// The files `lode --test` runs when given no pattern: test.js, test-x.js,
// x.test.js, x-test.js, x_test.js and everything in test/ folders, with
// the extensions js, mjs and cjs (and ts, mts and cts when TypeScript is
// asked for: lode cannot run those, so that they fail as in a Node built
// without TypeScript).
function getDefaultPattern() {
  let extensions = 'js,mjs,cjs';
  if (getBooleanOption('--strip-types') ||
      getBooleanOption('--experimental-transform-types')) {
    extensions += ',ts,mts,cts';
  }
  return `**/{test,test/**/*,test-*,*[._-]test}.{${extensions}}`;
}

const kRegExpPattern = /^\/(.*)\/([a-z]*)$/;

// A --test-name-pattern value: "/re/flags" or a plain regular expression.
function convertStringToRegExp(text, name) {
  const match = RegExpPrototypeExec(kRegExpPattern, text);
  const pattern = match?.[1] ?? text;
  const flags = match?.[2] || '';
  try {
    return new RegExp(pattern, flags);
  } catch (err) {
    const detail = err?.message;
    throw new ERR_INVALID_ARG_VALUE(
      name, text,
      `is an invalid regular expression.${detail ? ` ${detail}` : ''}`);
  }
}

// Milliseconds since `start` (a bigint from hrtime), as Node prints them.
function elapsedMs(start, end) {
  return Number(end - start) / 1e6;
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
  convertStringToRegExp,
  elapsedMs,
  getBooleanOption,
  getCallerLocation,
  getDefaultPattern,
};
