'use strict';

// navigator.locks: the Web Locks API (https://w3c.github.io/web-locks/).
// The lock manager itself is in C++ (src/lode_locks.cc), one per process,
// shared by the main thread and the workers; this file holds the requests
// of this thread, runs their callbacks and settles their promises.
//
// A request is numbered here. The binding answers each call with the
// events it caused for this thread as a flat array of (kind, id) pairs
// (a free lock is granted within request(), a waiter of this thread
// within the release that frees its lock); events caused by other threads
// come through dispatch() from the loop.

const {
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ObjectDefineProperties,
  ReflectApply,
  SafeMap,
  SafeSet,
  String,
  Symbol,
  SymbolToStringTag,
  PromisePrototypeThen,
  PromiseResolve,
} = primordials;

const binding = internalBinding('locks');
const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const {
  createDeferredPromise,
  kEnumerableProperty,
  lazyDOMException,
} = require('internal/util');
const { isPromise } = require('internal/util/types');
const {
  validateAbortSignal,
  validateFunction,
} = require('internal/validators');
const AsyncContextFrame = require('internal/async_context_frame');

// Event kinds, as src/lode_locks.cc numbers them.
const kGranted = 0;
const kUnavailable = 1;
const kStolen = 2;

const kName = Symbol('kName');
const kMode = Symbol('kMode');
const kConstruct = Symbol('kConstruct');

const kModes = new SafeSet(['shared', 'exclusive']);

// Web IDL conversion errors: TypeErrors with a code but a plain message.
function conversionError(message, code) {
  // eslint-disable-next-line no-restricted-syntax
  const err = new TypeError(message);
  err.code = code;
  return err;
}

function toDOMString(value) {
  if (typeof value === 'symbol') {
    throw new ERR_INVALID_ARG_VALUE('value', value);
  }
  return `${value}`;
}

// The LockOptions dictionary, members read in Web IDL's (alphabetical)
// order, each converted as soon as it is read.
function convertLockOptions(options) {
  if (options === undefined || options === null ||
      typeof options === 'function') {
    return { mode: 'exclusive', ifAvailable: false, steal: false,
             signal: undefined };
  }
  if (typeof options !== 'object') {
    throw conversionError('Value cannot be converted to a dictionary',
                          'ERR_INVALID_ARG_TYPE');
  }
  const ifAvailable = !!options.ifAvailable;
  let mode = options.mode;
  if (mode === undefined) {
    mode = 'exclusive';
  } else {
    const text = typeof mode === 'symbol' ? String(mode) : `${mode}`;
    if (typeof mode === 'symbol' || !kModes.has(text)) {
      throw conversionError(
        `mode value '${text}' is not a valid enum value of type LockMode.`,
        'ERR_INVALID_ARG_VALUE');
    }
    mode = text;
  }
  const signal = options.signal;
  if (signal !== undefined &&
      (signal === null ||
       (typeof signal !== 'object' && typeof signal !== 'function'))) {
    throw conversionError('Value is not an object', 'ERR_INVALID_ARG_TYPE');
  }
  const steal = !!options.steal;
  return { mode, ifAvailable, steal, signal };
}

// https://w3c.github.io/web-locks/#api-lock
class Lock {
  constructor(key = undefined, name, mode) {
    if (key !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kName] = name;
    this[kMode] = mode;
  }

  get name() {
    if (!(this instanceof Lock)) throw new ERR_INVALID_THIS('Lock');
    return this[kName];
  }

  get mode() {
    if (!(this instanceof Lock)) throw new ERR_INVALID_THIS('Lock');
    return this[kMode];
  }
}

ObjectDefineProperties(Lock.prototype, {
  name: kEnumerableProperty,
  mode: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    value: 'Lock',
    writable: false,
    enumerable: false,
    configurable: true,
  },
});

// This thread's requests by number, from request() until their promise
// settles (a stolen lock's entry stays until its callback's result does).
const requests = new SafeMap();
let lastId = 0;
let clientReady = false;

function ensureClient() {
  if (clientReady) return;
  const { threadId } = require('internal/worker');
  binding.setup(dispatch, `node-${process.pid}-${threadId}`);
  clientReady = true;
  // A snapshot keeps none of the native state: a process started from it
  // is a new client, holding nothing.
  const {
    addDeserializeCallback,
    isBuildingSnapshot,
  } = require('internal/v8/startup_snapshot').namespace;
  if (isBuildingSnapshot()) {
    addDeserializeCallback(() => {
      clientReady = false;
      requests.clear();
    });
  }
}

// Events still to handle, in order. A grant handled here may run a
// callback whose plain result releases the lock at once, granting the next
// waiter: the events that release gives join this list rather than nest
// another dispatch (thousands of such waiters would exhaust the stack).
let pendingEvents;

function dispatch(events) {
  if (events === undefined || events.length === 0) return;
  if (pendingEvents !== undefined) {
    for (let i = 0; i < events.length; i++) {
      ArrayPrototypePush(pendingEvents, events[i]);
    }
    return;
  }
  pendingEvents = events;
  try {
    for (let i = 0; i < pendingEvents.length; i += 2) {
      handleEvent(pendingEvents[i], pendingEvents[i + 1]);
    }
  } finally {
    pendingEvents = undefined;
  }
}

function handleEvent(kind, id) {
  const record = requests.get(id);
  if (record === undefined) return;
  switch (kind) {
    case kGranted:
      record.held = true;
      granted(record);
      break;
    case kUnavailable:
      runCallback(record, null);
      break;
    case kStolen:
      record.held = false;
      if (!record.done) {
        record.done = true;
        record.reject(lazyDOMException('The operation was aborted',
                                       'AbortError'));
      }
      break;
  }
}

function granted(record) {
  const lock = new Lock(kConstruct, record.name, record.mode);
  if (record.signal === undefined) {
    runCallback(record, lock);
    return;
  }
  // With a signal the callback starts a microtask later (as in Node); an
  // abort in between has rejected the request, and the lock just goes.
  PromisePrototypeThen(PromiseResolve(), () => {
    if (record.signal.aborted) {
      settle(record, true, undefined);
      return;
    }
    record.started = true;
    record.signal.removeEventListener('abort', record.onAbort);
    runCallback(record, lock);
  });
}

// Calls back in the context the request was made in; the lock is released
// when the callback's result settles (at once for a value that is not a
// promise, as in Node).
function runCallback(record, lock) {
  let result;
  const prior = AsyncContextFrame.exchange(record.frame);
  try {
    result = ReflectApply(record.callback, undefined, [lock]);
  } catch (err) {
    AsyncContextFrame.set(prior);
    settle(record, false, err);
    return;
  }
  AsyncContextFrame.set(prior);
  if (isPromise(result)) {
    PromisePrototypeThen(result,
                         (value) => settle(record, true, value),
                         (err) => settle(record, false, err));
  } else {
    settle(record, true, result);
  }
}

// The request's promise settles before the lock goes (and the waiters it
// lets in run), as in Node.
function settle(record, ok, value) {
  requests.delete(record.id);
  if (record.signal !== undefined && !record.started) {
    record.signal.removeEventListener('abort', record.onAbort);
  }
  if (!record.done) {
    record.done = true;
    if (ok) record.resolve(value); else record.reject(value);
  }
  if (record.held) {
    record.held = false;
    dispatch(binding.release(record.id, record.name));
  }
}

function onAbort(record) {
  if (record.started || record.done) return;
  if (!record.held) {
    const result = binding.abort(record.id, record.name);
    if (result[0] === 1) requests.delete(record.id);
    // The waiters this lets in.
    dispatch(ArrayPrototypeSlice(result, 1));
  }
  record.done = true;
  record.reject(record.signal.reason);
}

// https://w3c.github.io/web-locks/#api-lock-manager
class LockManager {
  constructor(key = undefined) {
    if (key !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  // https://w3c.github.io/web-locks/#api-lock-manager-request
  async request(name, options, callback = undefined) {
    if (callback === undefined) {
      callback = options;
      options = undefined;
    }
    name = toDOMString(name);
    validateFunction(callback, 'callback');
    const { mode, ifAvailable, steal, signal } = convertLockOptions(options);
    validateAbortSignal(signal, 'options.signal');
    signal?.throwIfAborted();
    if (name[0] === '-') {
      throw lazyDOMException('Lock name may not start with hyphen',
                             'NotSupportedError');
    }
    if (ifAvailable && steal) {
      throw lazyDOMException('ifAvailable and steal are mutually exclusive',
                             'NotSupportedError');
    }
    if (mode === 'shared' && steal) {
      throw lazyDOMException('mode: "shared" and steal are mutually exclusive',
                             'NotSupportedError');
    }
    if (signal !== undefined && (steal || ifAvailable)) {
      throw lazyDOMException('signal cannot be used with steal or ifAvailable',
                             'NotSupportedError');
    }
    ensureClient();
    const { promise, resolve, reject } = createDeferredPromise();
    const record = {
      id: ++lastId,
      name,
      mode,
      callback,
      signal,
      onAbort: undefined,
      frame: AsyncContextFrame.current(),
      resolve,
      reject,
      held: false,
      started: false,
      done: false,
    };
    requests.set(record.id, record);
    if (signal !== undefined) {
      record.onAbort = () => onAbort(record);
      signal.addEventListener('abort', record.onAbort, { once: true });
    }
    dispatch(binding.request(record.id, name, mode === 'shared',
                             ifAvailable, steal));
    // Awaited, not returned: the request settles as many microtask turns
    // after its callback's result as in Node.
    return await promise;
  }

  // https://w3c.github.io/web-locks/#api-lock-manager-query
  async query() {
    if (!(this instanceof LockManager)) {
      throw new ERR_INVALID_THIS('LockManager');
    }
    const { 0: held, 1: pending } = binding.query();
    // A promise, not the snapshot itself: the answer comes as many
    // microtask turns later as in Node.
    return PromiseResolve({ held: toInfo(held), pending: toInfo(pending) });
  }
}

function toInfo(flat) {
  const list = [];
  for (let i = 0; i < flat.length; i += 3) {
    list[list.length] = {
      name: flat[i],
      mode: flat[i + 1] ? 'shared' : 'exclusive',
      clientId: flat[i + 2],
    };
  }
  return list;
}

ObjectDefineProperties(LockManager.prototype, {
  request: kEnumerableProperty,
  query: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    value: 'LockManager',
    writable: false,
    enumerable: false,
    configurable: true,
  },
});

let locks;

module.exports = {
  Lock,
  LockManager,
  get locks() {
    locks ??= new LockManager(kConstruct);
    return locks;
  },
};
