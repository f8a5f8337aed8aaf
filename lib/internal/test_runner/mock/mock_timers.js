'use strict';

// mock.timers: replaces setTimeout/setInterval/setImmediate (global, in
// node:timers and in node:timers/promises), scheduler.wait and Date with
// versions driven by a fake clock that only tick() and runAll() advance.

const {
  ArrayPrototypeIncludes,
  ArrayPrototypeIndexOf,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeSplice,
  DateNow,
  FunctionPrototypeApply,
  FunctionPrototypeCall,
  FunctionPrototypeToString,
  NumberIsNaN,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetOwnPropertyNames,
  Promise,
  PromiseReject,
  PromiseResolve,
  ReflectConstruct,
  SafeMap,
  SafeSet,
  Symbol,
  SymbolAsyncIterator,
  SymbolDispose,
  SymbolToPrimitive,
  globalThis,
} = primordials;

const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
  },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateArray,
  validateNumber,
  validateObject,
  validateStringArray,
} = require('internal/validators');

const TIMEOUT_MAX = 2 ** 31 - 1;
const kSupported = [
  'setInterval', 'setTimeout', 'setImmediate', 'Date', 'scheduler.wait',
];
const OriginalDate = globalThis.Date;

const kNow = Symbol('kNow');
let nextId = 1;

// A fake timer: the same surface as a Timeout or Immediate.
class MockTimer {
  constructor(clock, callback, delay, args, interval, immediate) {
    this.id = nextId++;
    this.callback = callback;
    this.args = args;
    this.delay = delay;
    this.interval = interval;
    this.immediate = immediate;
    this.runAt = clock[kNow] + delay;
    this.refed = true;
    this.clock = clock;
  }

  hasRef() {
    return this.refed;
  }

  ref() {
    this.refed = true;
    return this;
  }

  unref() {
    this.refed = false;
    return this;
  }

  refresh() {
    this.clock.remove(this);
    this.runAt = this.clock[kNow] + this.delay;
    this.clock.add(this);
    return this;
  }

  close() {
    this.clock.remove(this);
    return this;
  }

  [SymbolToPrimitive]() {
    return this.id;
  }

  [SymbolDispose]() {
    this.clock.remove(this);
  }
}

function normalizeDelay(delay) {
  delay = delay * 1;
  if (!(delay >= 1 && delay <= TIMEOUT_MAX)) delay = 1;
  return delay;
}

class MockTimers {
  #enabled = false;
  #apis = new SafeSet();
  #queue = [];              // timers in the order they fire
  #byId = new SafeMap();
  #saved = [];              // [object, key, descriptor] to put back
  [kNow] = 0;

  // ---- the fake clock ----

  add(timer) {
    // Earlier first; immediates before timers due at the same time; then in
    // the order they were made.
    let i = this.#queue.length;
    while (i > 0) {
      const other = this.#queue[i - 1];
      if (other.runAt < timer.runAt) break;
      if (other.runAt === timer.runAt &&
          (other.immediate || !timer.immediate) && other.id < timer.id) {
        break;
      }
      i--;
    }
    ArrayPrototypeSplice(this.#queue, i, 0, timer);
    this.#byId.set(timer.id, timer);
  }

  remove(timer) {
    const i = ArrayPrototypeIndexOf(this.#queue, timer);
    if (i !== -1) ArrayPrototypeSplice(this.#queue, i, 1);
    this.#byId.delete(timer.id);
  }

  #clear(timer) {
    if (timer === undefined || timer === null) return;
    const found = typeof timer === 'object' ? timer :
      this.#byId.get(timer * 1);
    if (found instanceof MockTimer) this.remove(found);
  }

  #schedule(callback, delay, args, interval, immediate) {
    const timer = new MockTimer(this, callback, delay, args, interval,
                                immediate);
    this.add(timer);
    return timer;
  }

  // ---- the mocked APIs ----

  #makeTimerApis() {
    const self = this;
    return {
      __proto__: null,
      setTimeout(callback, delay, ...args) {
        return self.#schedule(callback, normalizeDelay(delay), args, 0, false);
      },
      clearTimeout(timer) {
        self.#clear(timer);
      },
      setInterval(callback, delay, ...args) {
        const d = normalizeDelay(delay);
        return self.#schedule(callback, d, args, d, false);
      },
      clearInterval(timer) {
        self.#clear(timer);
      },
      setImmediate(callback, ...args) {
        return self.#schedule(callback, 0, args, 0, true);
      },
      clearImmediate(timer) {
        self.#clear(timer);
      },
      promiseTimeout(delay, value, options = { __proto__: null }) {
        return self.#promiseTimer(normalizeDelay(delay), value, options,
                                  false);
      },
      promiseImmediate(value, options = { __proto__: null }) {
        return self.#promiseTimer(0, value, options, true);
      },
      promiseInterval(delay, value, options = { __proto__: null }) {
        return self.#promiseInterval(normalizeDelay(delay), value, options);
      },
      wait(delay, options = { __proto__: null }) {
        return self.#promiseTimer(normalizeDelay(delay), undefined, options,
                                  false);
      },
    };
  }

  #promiseTimer(delay, value, options, immediate) {
    try {
      validateObject(options, 'options');
      if (options.signal !== undefined) {
        validateAbortSignal(options.signal, 'options.signal');
      }
    } catch (err) {
      return PromiseReject(err);
    }
    const { signal } = options;
    if (signal?.aborted) {
      return PromiseReject(new AbortError(undefined, { cause: signal.reason }));
    }
    return new Promise((resolve, reject) => {
      let onAbort;
      const timer = this.#schedule(() => {
        if (signal !== undefined) {
          signal.removeEventListener('abort', onAbort);
        }
        resolve(value);
      }, delay, [], 0, immediate);
      if (signal !== undefined) {
        onAbort = () => {
          this.remove(timer);
          reject(new AbortError(undefined, { cause: signal.reason }));
        };
        signal.addEventListener('abort', onAbort,
                                { __proto__: null, once: true });
      }
    });
  }

  #promiseInterval(delay, value, options) {
    validateObject(options, 'options');
    const { signal } = options;
    if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
    const clock = this;
    let pendingTicks = 0;
    const waiting = [];
    let done = false;
    let onAbort;
    const abortError = () =>
      new AbortError(undefined, { cause: signal.reason });
    const timer = this.#schedule(() => {
      if (waiting.length > 0) {
        ArrayPrototypeShift(waiting)
          .resolve({ value, done: false });
      } else {
        pendingTicks++;
      }
    }, delay, [], delay, false);
    const finish = () => {
      done = true;
      clock.remove(timer);
      if (signal !== undefined && onAbort !== undefined) {
        signal.removeEventListener('abort', onAbort);
      }
    };
    if (signal !== undefined) {
      onAbort = () => {
        finish();
        while (waiting.length > 0) {
          ArrayPrototypeShift(waiting).reject(abortError());
        }
      };
      if (signal.aborted) {
        finish();
      } else {
        signal.addEventListener('abort', onAbort,
                                { __proto__: null, once: true });
      }
    }
    return {
      __proto__: null,
      next() {
        if (pendingTicks > 0) {
          pendingTicks--;
          return PromiseResolve({ value, done: false });
        }
        if (signal?.aborted) {
          finish();
          return PromiseReject(abortError());
        }
        if (done) {
          return PromiseResolve({ value: undefined,
                                  done: true });
        }
        return new Promise((resolve, reject) => {
          ArrayPrototypePush(waiting, { __proto__: null, resolve, reject });
        });
      },
      return() {
        finish();
        while (waiting.length > 0) {
          ArrayPrototypeShift(waiting)
            .resolve({ value: undefined, done: true });
        }
        return PromiseResolve({ value: undefined,
                                done: true });
      },
      [SymbolAsyncIterator]() {
        return this;
      },
    };
  }

  #makeDate() {
    const clock = this;
    function Date(...args) {
      if (new.target === undefined) {
        return FunctionPrototypeCall(
          OriginalDate.prototype.toString, new OriginalDate(clock[kNow]));
      }
      if (args.length === 0) {
        return ReflectConstruct(OriginalDate, [clock[kNow]], new.target);
      }
      return ReflectConstruct(OriginalDate, args, new.target);
    }
    const names = ObjectGetOwnPropertyNames(OriginalDate);
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (name === 'prototype' || name === 'name' || name === 'length') {
        continue;
      }
      ObjectDefineProperty(Date, name,
                           ObjectGetOwnPropertyDescriptor(OriginalDate, name));
    }
    ObjectDefineProperty(Date, 'prototype', {
      __proto__: null, value: OriginalDate.prototype, writable: false,
    });
    ObjectDefineProperty(Date, 'now', {
      __proto__: null, configurable: true, writable: true,
      value: function now() { return clock[kNow]; },
    });
    ObjectDefineProperty(Date, 'isMock', {
      __proto__: null, configurable: true, value: true,
    });
    ObjectDefineProperty(Date, 'toString', {
      __proto__: null, configurable: true, writable: true,
      value: function toString() {
        return FunctionPrototypeToString(OriginalDate);
      },
    });
    return Date;
  }

  #replace(object, key, value) {
    const descriptor = ObjectGetOwnPropertyDescriptor(object, key);
    ArrayPrototypePush(this.#saved, [object, key, descriptor]);
    ObjectDefineProperty(object, key, {
      __proto__: null,
      configurable: true,
      enumerable: descriptor?.enumerable ?? false,
      writable: true,
      value,
    });
  }

  // ---- the public API ----

  enable(options = { __proto__: null }) {
    if (this.#enabled) {
      throw new ERR_INVALID_STATE('MockTimers is already enabled!');
    }
    validateObject(options, 'options');
    const { apis = kSupported } = options;
    let { now = 0 } = options;
    validateArray(apis, 'options.apis');
    validateStringArray(apis, 'options.apis');
    for (let i = 0; i < apis.length; i++) {
      if (!ArrayPrototypeIncludes(kSupported, apis[i])) {
        throw new ERR_INVALID_ARG_VALUE(
          'options.apis', apis[i],
          `option ${apis[i]} is not supported`);
      }
    }
    if (now instanceof OriginalDate) {
      now = FunctionPrototypeCall(OriginalDate.prototype.getTime, now);
    } else if (typeof now !== 'number') {
      throw new ERR_INVALID_ARG_TYPE('options.now', ['number', 'Date'], now);
    }
    if (now < 0 || NumberIsNaN(now)) {
      throw new ERR_INVALID_ARG_VALUE('options.now', now,
                                      'must be a positive number');
    }
    if (ArrayPrototypeIncludes(apis, 'Date') &&
        globalThis.Date?.isMock === true) {
      throw new ERR_INVALID_STATE('Date is already being mocked!');
    }
    this[kNow] = now;
    this.#apis = new SafeSet(apis);
    this.#enabled = true;

    const api = this.#makeTimerApis();
    const timers = require('timers');
    const promises = require('timers/promises');
    if (this.#apis.has('setTimeout')) {
      this.#replace(globalThis, 'setTimeout', api.setTimeout);
      this.#replace(globalThis, 'clearTimeout', api.clearTimeout);
      this.#replace(timers, 'setTimeout', api.setTimeout);
      this.#replace(timers, 'clearTimeout', api.clearTimeout);
      this.#replace(promises, 'setTimeout', api.promiseTimeout);
    }
    if (this.#apis.has('setInterval')) {
      this.#replace(globalThis, 'setInterval', api.setInterval);
      this.#replace(globalThis, 'clearInterval', api.clearInterval);
      this.#replace(timers, 'setInterval', api.setInterval);
      this.#replace(timers, 'clearInterval', api.clearInterval);
      this.#replace(promises, 'setInterval', api.promiseInterval);
    }
    if (this.#apis.has('setImmediate')) {
      this.#replace(globalThis, 'setImmediate', api.setImmediate);
      this.#replace(globalThis, 'clearImmediate', api.clearImmediate);
      this.#replace(timers, 'setImmediate', api.setImmediate);
      this.#replace(timers, 'clearImmediate', api.clearImmediate);
      this.#replace(promises, 'setImmediate', api.promiseImmediate);
    }
    if (this.#apis.has('scheduler.wait') && promises.scheduler) {
      this.#replace(promises.scheduler, 'wait', api.wait);
    }
    if (this.#apis.has('Date')) {
      this.#replace(globalThis, 'Date', this.#makeDate());
    }
  }

  setTime(milliseconds) {
    if (!this.#enabled) {
      throw new ERR_INVALID_STATE(
        'You should enable MockTimers first by calling the .enable function');
    }
    validateNumber(milliseconds, 'milliseconds');
    this[kNow] = milliseconds;
  }

  tick(time = 1) {
    if (!this.#enabled) {
      throw new ERR_INVALID_STATE(
        'You should enable MockTimers first by calling the .enable function');
    }
    validateNumber(time, 'time');
    if (time < 0) {
      throw new ERR_INVALID_ARG_VALUE('time', 'positive integer', time);
    }
    // The clock moves first: callbacks see the time the tick ends at.
    const target = this[kNow] + time;
    this[kNow] = target;
    while (this.#queue.length > 0 && this.#queue[0].runAt <= target) {
      const timer = this.#queue[0];
      this.remove(timer);
      if (timer.interval > 0) {
        timer.runAt += timer.interval;
        this.add(timer);
      }
      FunctionPrototypeApply(timer.callback, timer, timer.args);
    }
  }

  runAll() {
    if (!this.#enabled) {
      throw new ERR_INVALID_STATE(
        'You should enable MockTimers first by calling the .enable function');
    }
    let last = this[kNow];
    for (let i = 0; i < this.#queue.length; i++) {
      if (this.#queue[i].runAt > last) last = this.#queue[i].runAt;
    }
    this.tick(last - this[kNow]);
  }

  reset() {
    if (!this.#enabled) return;
    this.#enabled = false;
    for (let i = this.#saved.length - 1; i >= 0; i--) {
      const { 0: object, 1: key, 2: descriptor } = this.#saved[i];
      if (descriptor === undefined) {
        delete object[key];
      } else {
        ObjectDefineProperty(object, key, descriptor);
      }
    }
    this.#saved = [];
    this.#queue = [];
    this.#byId = new SafeMap();
    this[kNow] = DateNow();
  }

  [SymbolDispose]() {
    this.reset();
  }
}

module.exports = { MockTimers };
