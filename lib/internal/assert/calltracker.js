'use strict';

const {
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  Error,
  NumberIsInteger,
  ObjectFreeze,
  Proxy,
  ReflectApply,
  SafeSet,
  SafeWeakMap,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
    ERR_UNAVAILABLE_DURING_EXIT,
  },
} = require('internal/errors');
const AssertionError = require('internal/assert/assertion_error');

function noop() {}
let deprecationWarned = false;

function validateExact(value) {
  if (typeof value !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('exact', 'number', value);
  }
  if (!NumberIsInteger(value)) {
    throw new ERR_OUT_OF_RANGE('exact', 'an integer', value);
  }
  if (value < 1 || value > 4294967295) {
    throw new ERR_OUT_OF_RANGE('exact', '>= 1 && <= 4294967295', value);
  }
}

// The calls seen by one tracked function.
class CallRecord {
  #expected;
  #name;
  #calls = [];
  #stack;

  constructor(expected, name, stack) {
    this.#expected = expected;
    this.#name = name;
    this.#stack = stack;
  }

  record(thisArg, args) {
    ArrayPrototypePush(this.#calls, ObjectFreeze({
      thisArg,
      arguments: ObjectFreeze(args),
    }));
  }

  reset() {
    this.#calls = [];
  }

  get calls() {
    return ObjectFreeze(ArrayPrototypeSlice(this.#calls));
  }

  // Undefined when the function was called the expected number of times.
  report() {
    const actual = this.#calls.length;
    if (actual === this.#expected) return undefined;
    return {
      message: `Expected the ${this.#name} function to be executed ` +
        `${this.#expected} time(s) but was executed ${actual} time(s).`,
      actual,
      expected: this.#expected,
      operator: this.#name,
      stack: this.#stack,
    };
  }
}

class CallTracker {
  #records = new SafeSet();
  #byFunction = new SafeWeakMap();

  constructor() {
    if (!deprecationWarned) {
      deprecationWarned = true;
      process.emitWarning('assert.CallTracker is deprecated.',
                          'DeprecationWarning', 'DEP0173');
    }
  }

  #lookup(fn) {
    const record = (typeof fn === 'function' ||
                    (typeof fn === 'object' && fn !== null)) ?
      this.#byFunction.get(fn) : undefined;
    if (record === undefined) {
      throw new ERR_INVALID_ARG_VALUE('fn', fn, 'is not a tracked function');
    }
    return record;
  }

  getCalls(fn) {
    return this.#lookup(fn).calls;
  }

  reset(fn) {
    if (fn === undefined) {
      for (const record of this.#records) record.reset();
      return;
    }
    this.#lookup(fn).reset();
  }

  calls(fn, expected = 1) {
    if (process._exiting) {
      throw new ERR_UNAVAILABLE_DURING_EXIT();
    }
    if (typeof fn === 'number') {
      expected = fn;
      fn = noop;
    } else if (fn === undefined) {
      fn = noop;
    }
    validateExact(expected);
    const record = new CallRecord(expected, fn.name || 'calls', new Error());
    this.#records.add(record);
    const tracked = new Proxy(fn, {
      __proto__: null,
      apply(target, thisArg, args) {
        record.record(thisArg, args);
        return ReflectApply(target, thisArg, args);
      },
    });
    this.#byFunction.set(tracked, record);
    return tracked;
  }

  report() {
    const errors = [];
    for (const record of this.#records) {
      const entry = record.report();
      if (entry !== undefined) ArrayPrototypePush(errors, entry);
    }
    return errors;
  }

  verify() {
    const errors = this.report();
    if (errors.length === 0) return;
    const message = errors.length === 1 ?
      errors[0].message :
      'Functions were not called the expected number of times';
    throw new AssertionError({ message, details: errors });
  }
}

module.exports = CallTracker;
