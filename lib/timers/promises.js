'use strict';

// node:timers/promises: setTimeout, setImmediate and setInterval as
// promises and async iterators, and the scheduler API.

const {
  FunctionPrototypeBind,
  Promise,
  PromiseReject,
  PromiseWithResolvers,
  SafePromisePrototypeFinally,
  Symbol,
  SymbolDispose,
} = primordials;

const {
  Timeout,
  Immediate,
  insert,
  clearTimeout,
  clearImmediate,
} = require('internal/timers');
const {
  AbortError,
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateNumber,
  validateObject,
} = require('internal/validators');
const { kEmptyObject } = require('internal/util');

const kScheduler = Symbol('kScheduler');

function cancelListenerHandler(clear, reject, signal) {
  if (!this._destroyed) {
    clear(this);
    reject(new AbortError(undefined, { cause: signal?.reason }));
  }
}

function withResolvers() {
  if (PromiseWithResolvers !== undefined) return PromiseWithResolvers();
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

// The delay (a number when given) and the options, as Node checks them.
function validateCommonOptions(options, after) {
  if (after !== undefined) validateNumber(after, 'delay');
  validateObject(options, 'options');
  const { signal, ref = true } = options;
  if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
  validateBoolean(ref, 'options.ref');
  return { signal, ref };
}

function addAbortListener(signal, listener) {
  const { addAbortListener: add } = require('internal/events/abort_listener');
  return add(signal, listener);
}

function setTimeout(after, value, options = kEmptyObject) {
  let signal;
  let ref;
  try {
    ({ signal, ref } = validateCommonOptions(options, after));
  } catch (err) {
    return PromiseReject(err);
  }
  if (signal?.aborted) {
    return PromiseReject(new AbortError(undefined, { cause: signal.reason }));
  }
  let disposable;
  const { promise, resolve, reject } = withResolvers();
  const timeout = new Timeout(resolve, after, [value], false, ref);
  insert(timeout, timeout._idleTimeout);
  if (signal) {
    disposable = addAbortListener(signal, FunctionPrototypeBind(
      cancelListenerHandler, timeout, clearTimeout, reject, signal));
  }
  return disposable !== undefined ?
    SafePromisePrototypeFinally(promise, () => disposable[SymbolDispose]()) :
    promise;
}

function setImmediate(value, options = kEmptyObject) {
  let signal;
  let ref;
  try {
    ({ signal, ref } = validateCommonOptions(options));
  } catch (err) {
    return PromiseReject(err);
  }
  if (signal?.aborted) {
    return PromiseReject(new AbortError(undefined, { cause: signal.reason }));
  }
  let disposable;
  const { promise, resolve, reject } = withResolvers();
  const immediate = new Immediate(resolve, [value]);
  if (!ref) immediate.unref();
  if (signal) {
    disposable = addAbortListener(signal, FunctionPrototypeBind(
      cancelListenerHandler, immediate, clearImmediate, reject, signal));
  }
  return disposable !== undefined ?
    SafePromisePrototypeFinally(promise, () => disposable[SymbolDispose]()) :
    promise;
}

async function* setInterval(after, value, options = kEmptyObject) {
  const { signal, ref } = validateCommonOptions(options, after);
  if (signal?.aborted) {
    throw new AbortError(undefined, { cause: signal.reason });
  }
  let onCancel;
  let interval;
  let disposable;
  try {
    let notYielded = 0;
    let callback;
    interval = new Timeout(() => {
      notYielded++;
      if (callback) {
        callback();
        callback = undefined;
      }
    }, after, undefined, true, ref);
    insert(interval, interval._idleTimeout);
    if (signal) {
      onCancel = () => {
        clearTimeout(interval);
        if (callback) {
          callback(PromiseReject(
            new AbortError(undefined, { cause: signal.reason })));
          callback = undefined;
        }
      };
      disposable = addAbortListener(signal, onCancel);
    }
    while (!signal?.aborted) {
      if (notYielded === 0) {
        await new Promise((resolve) => callback = resolve);
      }
      for (; notYielded > 0; notYielded--) {
        yield value;
      }
    }
    throw new AbortError(undefined, { cause: signal?.reason });
  } finally {
    clearTimeout(interval);
    disposable?.[SymbolDispose]();
  }
}

// The scheduler API (experimental in Node, present in 24).
class Scheduler {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  yield() {
    if (!this[kScheduler]) throw new ERR_INVALID_THIS('Scheduler');
    return setImmediate();
  }

  wait(delay, options) {
    if (!this[kScheduler]) throw new ERR_INVALID_THIS('Scheduler');
    return setTimeout(delay, undefined, options);
  }
}

const scheduler = { __proto__: Scheduler.prototype, [kScheduler]: true };

module.exports = {
  setTimeout,
  setImmediate,
  setInterval,
  scheduler,
};
