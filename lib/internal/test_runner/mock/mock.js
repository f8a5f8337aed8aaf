'use strict';

// Mocks: mock.fn() wraps a function in a Proxy that records each call;
// mock.method()/getter()/setter() put such a function on an object and
// mock.property() a recording accessor; restoreAll()/reset() undo them.

const {
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  Error,
  FunctionPrototypeCall,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetPrototypeOf,
  Proxy,
  ReflectApply,
  ReflectConstruct,
  ReflectGet,
  SafeMap,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_NOT_IMPLEMENTED,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateInteger,
  validateObject,
} = require('internal/validators');
const { getOptionValue } = require('internal/options');

function noop() {}

function validateTarget(object, name) {
  if (object === null ||
      (typeof object !== 'object' && typeof object !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE(name, 'Object', object);
  }
}

function validateKey(key, name) {
  if (typeof key !== 'string' && typeof key !== 'symbol') {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'symbol'], key);
  }
}

function validateTimes(times) {
  if (times !== Infinity) validateInteger(times, 'options.times', 1);
}

// The descriptor of `key` on `object` or the first prototype that has it.
function findDescriptor(object, key) {
  let target = object;
  while (target !== null && target !== undefined) {
    const descriptor = ObjectGetOwnPropertyDescriptor(target, key);
    if (descriptor !== undefined) return descriptor;
    target = ObjectGetPrototypeOf(target);
  }
  return undefined;
}

class MockFunctionContext {
  #calls = [];
  #implementation;
  #original;
  #restore;
  #times;
  #once = new SafeMap();

  constructor(original, implementation, restore, times) {
    this.#original = original;
    this.#implementation = implementation;
    this.#restore = restore;
    this.#times = times;
  }

  get calls() {
    return ArrayPrototypeSlice(this.#calls, 0);
  }

  callCount() {
    return this.#calls.length;
  }

  mockImplementation(implementation) {
    validateFunction(implementation, 'implementation');
    this.#implementation = implementation;
  }

  mockImplementationOnce(implementation, onCall) {
    validateFunction(implementation, 'implementation');
    const next = this.#calls.length;
    const call = onCall ?? next;
    validateInteger(call, 'onCall', next);
    this.#once.set(call, implementation);
  }

  // Puts back what the mock replaced: a mocked method's descriptor, or for
  // mock.fn() the original function as the implementation.
  restore() {
    const restore = this.#restore;
    this.#restore = undefined;
    this.#implementation = this.#original;
    this.#once.clear();
    if (restore !== undefined) FunctionPrototypeCall(restore.fn, undefined);
  }

  resetCalls() {
    this.#calls = [];
  }

  // The implementation for the call about to happen.
  nextImplementation() {
    const number = this.#calls.length;
    const once = this.#once.get(number);
    if (once !== undefined) {
      this.#once.delete(number);
      return once;
    }
    if (number + 1 > this.#times) return this.#original;
    const implementation = this.#implementation;
    if (number + 1 === this.#times) {
      // This is the last call of the mock: after it, the original again.
      const original = this.#original;
      this.#implementation = original;
    }
    return implementation;
  }

  record(call) {
    ArrayPrototypePush(this.#calls, call);
  }
}

class MockPropertyContext {
  #accesses = [];
  #value;
  #once = new SafeMap();
  #restore;

  constructor(value, restore) {
    this.#value = value;
    this.#restore = restore;
  }

  get accesses() {
    return ArrayPrototypeSlice(this.#accesses, 0);
  }

  accessCount() {
    return this.#accesses.length;
  }

  // Counts as a write of the property.
  mockImplementation(value) {
    this.set(value, new Error());
  }

  mockImplementationOnce(value, onAccess) {
    const next = this.#accesses.length;
    const access = onAccess ?? next;
    validateInteger(access, 'onAccess', next);
    this.#once.set(access, value);
  }

  resetAccesses() {
    this.#accesses = [];
  }

  restore() {
    const restore = this.#restore;
    if (restore !== undefined) {
      this.#restore = undefined;
      FunctionPrototypeCall(restore.fn, undefined);
    }
  }

  get(stack) {
    const number = this.#accesses.length;
    let value = this.#value;
    if (this.#once.has(number)) {
      value = this.#once.get(number);
      this.#once.delete(number);
    }
    ArrayPrototypePush(this.#accesses,
                       { __proto__: null, type: 'get', value, stack });
    return value;
  }

  set(value, stack) {
    const number = this.#accesses.length;
    if (this.#once.has(number)) this.#once.delete(number);
    ArrayPrototypePush(this.#accesses,
                       { __proto__: null, type: 'set', value, stack });
    this.#value = value;
  }
}

let MockTimers;

class MockTracker {
  #mocks = [];
  #timers;

  constructor() {
    // mock.module() exists with --experimental-test-module-mocks only.
    if (getOptionValue('--experimental-test-module-mocks')) {
      this.module = function module() {
        throw new ERR_NOT_IMPLEMENTED('mock.module');
      };
    }
  }

  get timers() {
    if (this.#timers === undefined) {
      MockTimers ??= require('internal/test_runner/mock/mock_timers')
        .MockTimers;
      this.#timers = new MockTimers();
    }
    return this.#timers;
  }

  fn(original = function() {}, implementation = original, options = {}) {
    if (original !== null && typeof original === 'object') {
      options = original;
      original = function() {};
      implementation = original;
    } else if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = original;
    }
    validateFunction(original, 'original');
    validateFunction(implementation, 'implementation');
    validateObject(options, 'options');
    const { times = Infinity } = options;
    validateTimes(times);
    const context =
      new MockFunctionContext(original, implementation, undefined, times);
    return this.#wrap(original, context);
  }

  #wrap(original, context) {
    let proxy;
    const handler = {
      __proto__: null,
      get(target, key, receiver) {
        if (key === 'mock') return context;
        return ReflectGet(target, key, receiver);
      },
      apply(target, thisArg, args) {
        const implementation = context.nextImplementation();
        const call = {
          __proto__: null,
          arguments: args,
          error: undefined,
          result: undefined,
          stack: new Error(),
          target: undefined,
          this: thisArg,
        };
        try {
          call.result = ReflectApply(implementation, thisArg, args);
        } catch (err) {
          call.error = err;
          context.record(call);
          throw err;
        }
        context.record(call);
        return call.result;
      },
      construct(target, args, newTarget) {
        const implementation = context.nextImplementation();
        const realTarget = newTarget === proxy ? original : newTarget;
        const call = {
          __proto__: null,
          arguments: args,
          error: undefined,
          result: undefined,
          stack: new Error(),
          target: realTarget,
          this: undefined,
        };
        try {
          call.result = ReflectConstruct(implementation, args, realTarget);
          call.this = call.result;
        } catch (err) {
          call.error = err;
          context.record(call);
          throw err;
        }
        context.record(call);
        return call.result;
      },
    };
    proxy = new Proxy(original, handler);
    ArrayPrototypePush(this.#mocks, { __proto__: null, context });
    return proxy;
  }

  method(object, methodName, implementation = noop, options = {}) {
    validateTarget(object, 'object');
    validateKey(methodName, 'methodName');
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = noop;
    }
    validateFunction(implementation, 'implementation');
    validateObject(options, 'options');
    const { getter = false, setter = false, times = Infinity } = options;
    validateBoolean(getter, 'options.getter');
    validateBoolean(setter, 'options.setter');
    validateTimes(times);
    if (getter && setter) {
      throw new ERR_INVALID_ARG_VALUE(
        'options.setter', setter, "cannot be used with 'options.getter'");
    }
    const descriptor = findDescriptor(object, methodName);
    let original;
    if (getter) original = descriptor?.get;
    else if (setter) original = descriptor?.set;
    else original = descriptor?.value;
    if (typeof original !== 'function') {
      throw new ERR_INVALID_ARG_VALUE(
        'methodName', original, 'must be a method');
    }
    const impl = implementation === noop ? original : implementation;
    const restore = {
      __proto__: null,
      fn() {
        // Back on the object itself, with the original descriptor.
        ObjectDefineProperty(object, methodName, descriptor);
      },
    };
    const context = new MockFunctionContext(original, impl, restore, times);
    const mock = this.#wrap(original, context);
    const replacement = {
      __proto__: null,
      configurable: descriptor.configurable,
      enumerable: descriptor.enumerable,
    };
    if (getter) {
      replacement.get = mock;
      replacement.set = descriptor.set;
    } else if (setter) {
      replacement.get = descriptor.get;
      replacement.set = mock;
    } else {
      replacement.value = mock;
      replacement.writable = descriptor.writable;
    }
    ObjectDefineProperty(object, methodName, replacement);
    return mock;
  }

  getter(object, methodName, implementation = noop, options = {}) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = noop;
    } else if (options === null || typeof options !== 'object') {
      validateObject(options, 'options');
    }
    const { getter = true } = options;
    if (getter === false) {
      throw new ERR_INVALID_ARG_VALUE(
        'options.getter', getter, 'cannot be false');
    }
    return this.method(object, methodName, implementation,
                       { __proto__: null, ...options, getter });
  }

  setter(object, methodName, implementation = noop, options = {}) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = noop;
    } else if (options === null || typeof options !== 'object') {
      validateObject(options, 'options');
    }
    const { setter = true } = options;
    if (setter === false) {
      throw new ERR_INVALID_ARG_VALUE(
        'options.setter', setter, 'cannot be false');
    }
    return this.method(object, methodName, implementation,
                       { __proto__: null, ...options, setter });
  }

  property(object, propertyName, value) {
    validateTarget(object, 'object');
    validateKey(propertyName, 'propertyName');
    const descriptor = findDescriptor(object, propertyName);
    if (descriptor === undefined) {
      throw new ERR_INVALID_ARG_VALUE(
        'propertyName', propertyName, 'is not a property of the object');
    }
    const initial = arguments.length > 2 ? value :
      ReflectGet(object, propertyName);
    const restore = {
      __proto__: null,
      fn() {
        ObjectDefineProperty(object, propertyName, descriptor);
      },
    };
    const context = new MockPropertyContext(initial, restore);
    const writable = descriptor.writable !== false || descriptor.set;
    ObjectDefineProperty(object, propertyName, {
      __proto__: null,
      configurable: true,
      enumerable: descriptor.enumerable,
      get() {
        return context.get(new Error());
      },
      set(newValue) {
        if (!writable) {
          throw new ERR_INVALID_ARG_VALUE(
            'propertyName', propertyName, 'cannot be set: it is not writable');
        }
        context.set(newValue, new Error());
      },
    });
    ArrayPrototypePush(this.#mocks, { __proto__: null, context });
    return new Proxy(object, {
      __proto__: null,
      get(target, key, receiver) {
        if (key === 'mock') return context;
        return ReflectGet(target, key, receiver);
      },
    });
  }

  reset() {
    this.restoreAll();
    this.#timers?.reset();
    this.#mocks = [];
  }

  restoreAll() {
    for (let i = 0; i < this.#mocks.length; i++) {
      const entry = this.#mocks[i];
      entry.context.restore();
    }
  }
}

module.exports = {
  MockTracker,
  MockFunctionContext,
  MockPropertyContext,
};
