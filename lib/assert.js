'use strict';

const {
  ArrayPrototypeIndexOf,
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  Error,
  NumberIsNaN,
  ObjectAssign,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectIs,
  ObjectKeys,
  ObjectPrototypeIsPrototypeOf,
  ReflectApply,
  ReflectOwnKeys,
  RegExpPrototypeExec,
  SafeWeakMap,
  String,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeSplit,
} = primordials;

const { isNativeError, isPromise, isRegExp } = internalBinding('types');
const {
  codes: {
    ERR_AMBIGUOUS_ARGUMENT,
    ERR_CONSTRUCT_CALL_REQUIRED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_RETURN_VALUE,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const AssertionError = require('internal/assert/assertion_error');
const { inspect } = require('internal/util/inspect');
const { innerOk } = require('internal/assert/utils');
const {
  isDeepEqual,
  isDeepStrictEqual,
  isPartialStrictEqual,
} = require('internal/util/comparisons');

// Returned by the helpers when the function under test did not throw.
const kNoException = {};

const kDefaultOptions = { diff: 'simple', strict: true, skipPrototype: false };
const instanceOptions = new SafeWeakMap();

function optionsOf(self) {
  if (self !== null && (typeof self === 'object' || typeof self === 'function')) {
    const options = instanceOptions.get(self);
    if (options !== undefined) return options;
  }
  return kDefaultOptions;
}

function isError(value) {
  return isNativeError(value) || value instanceof Error;
}

function innerFail(obj) {
  if (obj.message instanceof Error) throw obj.message;
  throw new AssertionError(obj);
}

function missingArgs(argLen) {
  if (argLen < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
}

let failWarned = false;

// A function rather than a class: calling it without `new` must throw
// ERR_CONSTRUCT_CALL_REQUIRED.
function Assert(options = {}) {
  if (new.target === undefined) {
    throw new ERR_CONSTRUCT_CALL_REQUIRED('Assert');
  }
  options ??= {};
  const {
    diff = 'simple',
    strict = true,
    skipPrototype = false,
  } = options;
  if (diff !== 'simple' && diff !== 'full') {
    throw new ERR_INVALID_ARG_VALUE('options.diff', diff,
                                    "must be one of: 'simple', 'full'");
  }
  instanceOptions.set(this, { diff, strict, skipPrototype });
  this.AssertionError = AssertionError;
  if (strict) {
    this.equal = this.strictEqual;
    this.deepEqual = this.deepStrictEqual;
    this.notEqual = this.notStrictEqual;
    this.notDeepEqual = this.notDeepStrictEqual;
  }
}

// The methods, written as a class body for brevity and moved onto
// Assert.prototype below.
class AssertMethods {

  fail(actual, expected, message, operator, stackStartFn) {
    const argLen = arguments.length;
    let internalMessage = false;
    if (actual == null && argLen <= 1) {
      internalMessage = true;
      message = 'Failed';
    } else if (argLen === 1) {
      message = actual;
      actual = undefined;
    } else {
      if (!failWarned) {
        failWarned = true;
        process.emitWarning(
          'assert.fail() with more than one argument is deprecated. ' +
            'Please use assert.strictEqual() instead or only pass a message.',
          'DeprecationWarning',
          'DEP0094',
        );
      }
      if (argLen === 2) operator = '!=';
    }
    if (message instanceof Error) throw message;
    const err = new AssertionError({
      actual,
      expected,
      operator: operator === undefined ? 'fail' : operator,
      stackStartFn: stackStartFn || Assert.prototype.fail,
      message,
      diff: optionsOf(this).diff,
    });
    if (internalMessage) err.generatedMessage = true;
    throw err;
  }

  ok(...args) {
    innerOk(Assert.prototype.ok, args.length, ...args);
  }

  equal(actual, expected, message) {
    missingArgs(arguments.length);
    // eslint-disable-next-line eqeqeq
    if (actual != expected && (!NumberIsNaN(actual) || !NumberIsNaN(expected))) {
      innerFail({
        actual, expected, message, operator: '==',
        stackStartFn: Assert.prototype.equal, diff: optionsOf(this).diff,
      });
    }
  }

  notEqual(actual, expected, message) {
    missingArgs(arguments.length);
    // eslint-disable-next-line eqeqeq
    if (actual == expected || (NumberIsNaN(actual) && NumberIsNaN(expected))) {
      innerFail({
        actual, expected, message, operator: '!=',
        stackStartFn: Assert.prototype.notEqual, diff: optionsOf(this).diff,
      });
    }
  }

  deepEqual(actual, expected, message) {
    missingArgs(arguments.length);
    if (!isDeepEqual(actual, expected)) {
      innerFail({
        actual, expected, message, operator: 'deepEqual',
        stackStartFn: Assert.prototype.deepEqual, diff: optionsOf(this).diff,
      });
    }
  }

  notDeepEqual(actual, expected, message) {
    missingArgs(arguments.length);
    if (isDeepEqual(actual, expected)) {
      innerFail({
        actual, expected, message, operator: 'notDeepEqual',
        stackStartFn: Assert.prototype.notDeepEqual,
        diff: optionsOf(this).diff,
      });
    }
  }

  deepStrictEqual(actual, expected, message) {
    missingArgs(arguments.length);
    const options = optionsOf(this);
    if (!isDeepStrictEqual(actual, expected, options.skipPrototype)) {
      innerFail({
        actual, expected, message, operator: 'deepStrictEqual',
        stackStartFn: Assert.prototype.deepStrictEqual, diff: options.diff,
      });
    }
  }

  notDeepStrictEqual(actual, expected, message) {
    missingArgs(arguments.length);
    const options = optionsOf(this);
    if (isDeepStrictEqual(actual, expected, options.skipPrototype)) {
      innerFail({
        actual, expected, message, operator: 'notDeepStrictEqual',
        stackStartFn: Assert.prototype.notDeepStrictEqual, diff: options.diff,
      });
    }
  }

  strictEqual(actual, expected, message) {
    missingArgs(arguments.length);
    if (!ObjectIs(actual, expected)) {
      innerFail({
        actual, expected, message, operator: 'strictEqual',
        stackStartFn: Assert.prototype.strictEqual, diff: optionsOf(this).diff,
      });
    }
  }

  notStrictEqual(actual, expected, message) {
    missingArgs(arguments.length);
    if (ObjectIs(actual, expected)) {
      innerFail({
        actual, expected, message, operator: 'notStrictEqual',
        stackStartFn: Assert.prototype.notStrictEqual,
        diff: optionsOf(this).diff,
      });
    }
  }

  partialDeepStrictEqual(actual, expected, message) {
    missingArgs(arguments.length);
    if (!isPartialStrictEqual(actual, expected)) {
      innerFail({
        actual, expected, message, operator: 'partialDeepStrictEqual',
        stackStartFn: Assert.prototype.partialDeepStrictEqual,
        diff: optionsOf(this).diff,
      });
    }
  }

  throws(promiseFn, ...args) {
    expectsError(Assert.prototype.throws, optionsOf(this),
                 getActual(promiseFn), ...args);
  }

  async rejects(promiseFn, ...args) {
    const options = optionsOf(this);
    expectsError(Assert.prototype.rejects, options,
                 await waitForActual(promiseFn), ...args);
  }

  doesNotThrow(fn, ...args) {
    expectsNoError(Assert.prototype.doesNotThrow, optionsOf(this),
                   getActual(fn), ...args);
  }

  async doesNotReject(fn, ...args) {
    const options = optionsOf(this);
    expectsNoError(Assert.prototype.doesNotReject, options,
                   await waitForActual(fn), ...args);
  }

  ifError(err) {
    if (err === null || err === undefined) return;
    let message = 'ifError got unwanted exception: ';
    if (typeof err === 'object' && typeof err.message === 'string') {
      if (err.message.length === 0 && err.constructor) {
        message += err.constructor.name;
      } else {
        message += err.message;
      }
    } else {
      message += inspect(err);
    }
    const newErr = new AssertionError({
      actual: err,
      expected: null,
      operator: 'ifError',
      message,
      stackStartFn: Assert.prototype.ifError,
      diff: optionsOf(this).diff,
    });
    // Show where `err` came from below the frames of this call.
    const origStack = err.stack;
    if (typeof origStack === 'string') {
      const origStart = StringPrototypeIndexOf(origStack, '\n    at');
      if (origStart !== -1) {
        const origFrames = StringPrototypeSplit(
          StringPrototypeSlice(origStack, origStart + 1), '\n');
        let newFrames = StringPrototypeSplit(newErr.stack, '\n');
        for (let i = 0; i < origFrames.length; i++) {
          const pos = ArrayPrototypeIndexOf(newFrames, origFrames[i]);
          if (pos !== -1) {
            newFrames = ArrayPrototypeSlice(newFrames, 0, pos);
            break;
          }
        }
        newErr.stack = `${ArrayPrototypeJoin(newFrames, '\n')}\n` +
          `${ArrayPrototypeJoin(origFrames, '\n')}`;
      }
    }
    throw newErr;
  }

  match(string, regexp, message) {
    internalMatch(string, regexp, message, Assert.prototype.match,
                  optionsOf(this));
  }

  doesNotMatch(string, regexp, message) {
    internalMatch(string, regexp, message, Assert.prototype.doesNotMatch,
                  optionsOf(this));
  }
}

{
  const methods = AssertMethods.prototype;
  const keys = ReflectOwnKeys(methods);
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] === 'constructor') continue;
    ObjectDefineProperty(Assert.prototype, keys[i],
                         ObjectGetOwnPropertyDescriptor(methods, keys[i]));
  }
}

function getActual(fn) {
  if (typeof fn !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('fn', 'Function', fn);
  }
  try {
    fn();
  } catch (e) {
    return e;
  }
  return kNoException;
}

function isPromiseLike(value) {
  return isPromise(value) ||
    (value !== null && typeof value === 'object' &&
     typeof value.then === 'function' && typeof value.catch === 'function');
}

async function waitForActual(promiseFn) {
  let promise;
  if (typeof promiseFn === 'function') {
    promise = promiseFn();
    if (!isPromiseLike(promise)) {
      throw new ERR_INVALID_RETURN_VALUE('instance of Promise', 'promiseFn',
                                         promise);
    }
  } else if (isPromiseLike(promiseFn)) {
    promise = promiseFn;
  } else {
    throw new ERR_INVALID_ARG_TYPE('promiseFn', ['Function', 'Promise'],
                                   promiseFn);
  }
  try {
    await promise;
  } catch (e) {
    return e;
  }
  return kNoException;
}

// Copies the `keys` of `obj` so that a failed validation object prints only
// the keys that were checked. Its class name shows in the diff.
class Comparison {
  constructor(obj, keys, actual) {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key in obj) {
        if (actual !== undefined && typeof actual[key] === 'string' &&
            isRegExp(obj[key]) &&
            RegExpPrototypeExec(obj[key], actual[key]) !== null) {
          this[key] = actual[key];
        } else {
          this[key] = obj[key];
        }
      }
    }
  }
}

function compareExceptionKey(actual, expected, key, message, keys, fn,
                             options) {
  if (!(key in actual) ||
      !isDeepStrictEqual(actual[key], expected[key], options.skipPrototype)) {
    if (!message) {
      const a = new Comparison(actual, keys);
      const b = new Comparison(expected, keys, actual);
      const err = new AssertionError({
        actual: a,
        expected: b,
        operator: 'deepStrictEqual',
        stackStartFn: fn,
      });
      err.actual = actual;
      err.expected = expected;
      err.operator = fn.name;
      throw err;
    }
    innerFail({
      actual, expected, message, operator: fn.name, stackStartFn: fn,
    });
  }
}

function expectedException(actual, expected, message, fn, options) {
  let generatedMessage = false;
  let failed = false;
  if (typeof expected !== 'function') {
    if (isRegExp(expected)) {
      const str = String(actual);
      if (RegExpPrototypeExec(expected, str) !== null) return;
      if (!message) {
        generatedMessage = true;
        message = 'The input did not match the regular expression ' +
          `${inspect(expected)}. Input:\n\n${inspect(str)}\n`;
      }
      failed = true;
    } else if (typeof actual !== 'object' || actual === null) {
      const err = new AssertionError({
        actual,
        expected,
        message,
        operator: 'deepStrictEqual',
        stackStartFn: fn,
      });
      err.operator = fn.name;
      throw err;
    } else {
      // A validation object: each of its keys must match.
      const keys = ObjectKeys(expected);
      if (expected instanceof Error) {
        ArrayPrototypePush(keys, 'name', 'message');
      } else if (keys.length === 0) {
        throw new ERR_INVALID_ARG_VALUE('error', expected,
                                        'may not be an empty object');
      }
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (typeof actual[key] === 'string' && isRegExp(expected[key]) &&
            RegExpPrototypeExec(expected[key], actual[key]) !== null) {
          continue;
        }
        compareExceptionKey(actual, expected, key, message, keys, fn, options);
      }
      return;
    }
  } else if (expected.prototype !== undefined && actual instanceof expected) {
    // Arrow functions have no prototype and cannot be error classes.
    return;
  } else if (ObjectPrototypeIsPrototypeOf(Error, expected)) {
    if (!message) {
      generatedMessage = true;
      message = 'The error is expected to be an instance of ' +
        `"${expected.name}". Received `;
      if (isError(actual)) {
        const name = actual.constructor?.name || actual.name;
        if (expected.name === name) {
          message += 'an error with identical name but a different prototype.';
        } else {
          message += `"${name}"`;
        }
        if (actual.message) {
          message += `\n\nError message:\n\n${actual.message}`;
        }
      } else {
        message += `"${inspect(actual, { depth: -1 })}"`;
      }
    }
    failed = true;
  } else {
    // A validation function must return exactly `true`.
    const res = ReflectApply(expected, {}, [actual]);
    if (res !== true) {
      if (!message) {
        generatedMessage = true;
        const name = expected.name ? `"${expected.name}" ` : '';
        message = `The ${name}validation function is expected to return` +
          ` "true". Received ${inspect(res)}`;
        if (isError(actual)) {
          message += `\n\nCaught error:\n\n${actual}`;
        }
      }
      failed = true;
    }
  }
  if (failed) {
    const err = new AssertionError({
      actual,
      expected,
      message,
      operator: fn.name,
      stackStartFn: fn,
    });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

function expectsError(fn, options, actual, error, message) {
  if (typeof error === 'string') {
    if (arguments.length === 5) {
      throw new ERR_INVALID_ARG_TYPE('error',
                                     ['Object', 'Error', 'Function', 'RegExp'],
                                     error);
    }
    if (typeof actual === 'object' && actual !== null) {
      if (actual.message === error) {
        throw new ERR_AMBIGUOUS_ARGUMENT(
          'error/message',
          `The error message "${actual.message}" is identical to the message.`,
        );
      }
    } else if (actual === error) {
      throw new ERR_AMBIGUOUS_ARGUMENT(
        'error/message',
        `The error "${actual}" is identical to the message.`,
      );
    }
    message = error;
    error = undefined;
  } else if (error != null && typeof error !== 'object' &&
             typeof error !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('error',
                                   ['Object', 'Error', 'Function', 'RegExp'],
                                   error);
  }

  if (actual === kNoException) {
    let details = '';
    if (error?.name) details += ` (${error.name})`;
    details += message ? `: ${message}` : '.';
    const kind = fn === Assert.prototype.rejects ? 'rejection' : 'exception';
    innerFail({
      actual: undefined,
      expected: error,
      operator: fn.name,
      message: `Missing expected ${kind}${details}`,
      stackStartFn: fn,
    });
  }
  if (!error) return;
  expectedException(actual, error, message, fn, options);
}

function hasMatchingError(actual, expected) {
  if (typeof expected !== 'function') {
    if (isRegExp(expected)) {
      return RegExpPrototypeExec(expected, String(actual)) !== null;
    }
    throw new ERR_INVALID_ARG_TYPE('expected', ['Function', 'RegExp'],
                                   expected);
  }
  if (expected.prototype !== undefined && actual instanceof expected) {
    return true;
  }
  if (ObjectPrototypeIsPrototypeOf(Error, expected)) return false;
  return ReflectApply(expected, {}, [actual]) === true;
}

function expectsNoError(fn, options, actual, error, message) {
  if (actual === kNoException) return;
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  if (!error || hasMatchingError(actual, error)) {
    const details = message ? `: ${message}` : '.';
    const kind = fn === Assert.prototype.doesNotReject ?
      'rejection' : 'exception';
    innerFail({
      actual,
      expected: error,
      operator: fn.name,
      message: `Got unwanted ${kind}${details}\n` +
        `Actual message: "${actual?.message}"`,
      stackStartFn: fn,
    });
  }
  throw actual;
}

function internalMatch(string, regexp, message, fn, options) {
  if (!isRegExp(regexp)) {
    throw new ERR_INVALID_ARG_TYPE('regexp', 'RegExp', regexp);
  }
  const wantMatch = fn === Assert.prototype.match;
  if (typeof string !== 'string' ||
      (RegExpPrototypeExec(regexp, string) !== null) !== wantMatch) {
    if (message instanceof Error) throw message;
    const generatedMessage = !message;
    if (!message) {
      if (typeof string !== 'string') {
        message = 'The "string" argument must be of type string. Received ' +
          `type ${typeof string} (${inspect(string)})`;
      } else {
        message = (wantMatch ?
          'The input did not match the regular expression ' :
          'The input was expected to not match the regular expression ') +
          `${inspect(regexp)}. Input:\n\n${inspect(string)}\n`;
      }
    }
    const err = new AssertionError({
      actual: string,
      expected: regexp,
      message,
      operator: fn.name,
      stackStartFn: fn,
    });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

// The module itself is assert.ok() under another name.
function ok(...args) {
  innerOk(ok, args.length, ...args);
}

const assert = module.exports = ok;

assert.AssertionError = AssertionError;

assert.CallTracker = require('internal/assert/calltracker');

assert.ok = function ok(...args) {
  innerOk(ok, args.length, ...args);
};

const proto = Assert.prototype;
assert.fail = proto.fail;
assert.equal = proto.equal;
assert.notEqual = proto.notEqual;
assert.deepEqual = proto.deepEqual;
assert.notDeepEqual = proto.notDeepEqual;
assert.deepStrictEqual = proto.deepStrictEqual;
assert.notDeepStrictEqual = proto.notDeepStrictEqual;
assert.strictEqual = proto.strictEqual;
assert.notStrictEqual = proto.notStrictEqual;
assert.partialDeepStrictEqual = proto.partialDeepStrictEqual;
assert.match = proto.match;
assert.doesNotMatch = proto.doesNotMatch;
assert.throws = proto.throws;
assert.rejects = proto.rejects;
assert.doesNotThrow = proto.doesNotThrow;
assert.doesNotReject = proto.doesNotReject;
assert.ifError = proto.ifError;

// assert.strict: the same API with the strict comparisons under the loose
// names.
function strict(...args) {
  innerOk(strict, args.length, ...args);
}

ObjectAssign(strict, assert, {
  equal: assert.strictEqual,
  deepEqual: assert.deepStrictEqual,
  notEqual: assert.notStrictEqual,
  notDeepEqual: assert.notDeepStrictEqual,
});
strict.Assert = Assert;
strict.strict = strict;

assert.strict = strict;
assert.Assert = Assert;
