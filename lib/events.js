'use strict';

// EventEmitter and the static helpers of the 'events' module.
//
// Listeners live in `this._events`, a null-prototype object mapping each
// event name to either a single function or an array of functions (so the
// common one-listener case allocates nothing). A once() listener is stored
// as a wrapper whose `.listener` is the user's function.

const {
  ArrayPrototypeIndexOf,
  ArrayPrototypeJoin,
  ArrayPrototypePop,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeSlice,
  ArrayPrototypeSplice,
  ArrayPrototypeUnshift,
  AsyncIteratorPrototype,
  Boolean,
  Error,
  ErrorCaptureStackTrace,
  FunctionPrototypeBind,
  FunctionPrototypeCall,
  NumberMAX_SAFE_INTEGER,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectGetPrototypeOf,
  ObjectSetPrototypeOf,
  Promise,
  PromiseReject,
  PromiseResolve,
  ReflectApply,
  ReflectOwnKeys,
  String,
  StringPrototypeSplit,
  Symbol,
  SymbolAsyncIterator,
  SymbolFor,
} = primordials;
const SymbolDispose = primordials.SymbolDispose ?? SymbolFor('nodejs.dispose');

const kRejection = SymbolFor('nodejs.rejection');

const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_NOT_IMPLEMENTED,
    ERR_UNHANDLED_ERROR,
  },
  genericNodeError,
  kEnhanceStackBeforeInspector,
} = require('internal/errors');
const { kEmptyObject, spliceOne } = require('internal/util');
const {
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateInteger,
  validateNumber,
  validateObject,
  validateString,
} = require('internal/validators');
const { addAbortListener } = require('internal/events/abort_listener');

const kCapture = Symbol('kCapture');
const kErrorMonitor = Symbol('events.errorMonitor');
const kShapeMode = Symbol('shapeMode');
const kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
const kMaxEventTargetListenersWarned =
  Symbol('events.maxEventTargetListenersWarned');
const kWatermarkData = SymbolFor('nodejs.watermarkData');

let inspect;
function lazyInspect(value, options) {
  inspect ??= require('internal/util/inspect').inspect;
  return inspect(value, options);
}

// Pieces of internal/event_target and internal/events/symbols, which may be
// absent; each is looked up once.
let eventTargetModule;
function lazyEventTarget() {
  if (eventTargetModule === undefined) {
    try {
      eventTargetModule = require('internal/event_target');
    } catch {
      eventTargetModule = null;
    }
  }
  return eventTargetModule;
}

function isEventTarget(obj) {
  const mod = lazyEventTarget();
  return mod !== null && typeof mod.isEventTarget === 'function' &&
    mod.isEventTarget(obj);
}

function onceListenerFlags() {
  const flags = { __proto__: null, once: true };
  const kResist = lazyEventTarget()?.kResistStopPropagation;
  if (kResist !== undefined) flags[kResist] = true;
  return flags;
}

let kFirstEventParam;
function getFirstEventParamSymbol() {
  if (kFirstEventParam === undefined) {
    try {
      ({ kFirstEventParam } = require('internal/events/symbols'));
    } catch {
      // Not available: nobody can pass it either.
    }
    kFirstEventParam ??= null;
  }
  return kFirstEventParam;
}

function EventEmitter(opts) {
  FunctionPrototypeCall(EventEmitter.init, this, opts);
}
module.exports = EventEmitter;
module.exports.addAbortListener = addAbortListener;
module.exports.once = once;
module.exports.on = on;
module.exports.getEventListeners = getEventListeners;
module.exports.getMaxListeners = getMaxListeners;
// Old code does `require('events').EventEmitter`.
EventEmitter.EventEmitter = EventEmitter;

EventEmitter.usingDomains = false;

EventEmitter.captureRejectionSymbol = kRejection;
ObjectDefineProperty(EventEmitter, 'captureRejections', {
  __proto__: null,
  get() {
    return EventEmitter.prototype[kCapture];
  },
  set(value) {
    validateBoolean(value, 'EventEmitter.captureRejections');
    EventEmitter.prototype[kCapture] = value;
  },
  enumerable: true,
});

// EventEmitterAsyncResource needs async_hooks, which loads much later than
// this module, so the class is built on first access.
let EventEmitterAsyncResource;
function lazyEventEmitterAsyncResource() {
  if (EventEmitterAsyncResource !== undefined) return EventEmitterAsyncResource;
  let AsyncResource;
  try {
    ({ AsyncResource } = require('async_hooks'));
  } catch {
    // Not there yet.
  }
  if (typeof AsyncResource !== 'function') {
    EventEmitterAsyncResource = class EventEmitterAsyncResource
      extends EventEmitter {
      constructor(options = undefined) { // eslint-disable-line no-unused-vars
        throw new ERR_NOT_IMPLEMENTED('EventEmitterAsyncResource');
      }
    };
    return EventEmitterAsyncResource;
  }

  class EventEmitterReferencingAsyncResource extends AsyncResource {
    #eventEmitter;

    constructor(ee, type, options) {
      super(type, options);
      this.#eventEmitter = ee;
    }

    get eventEmitter() {
      return this.#eventEmitter;
    }
  }

  EventEmitterAsyncResource =
    class EventEmitterAsyncResource extends EventEmitter {
      #asyncResource;

      constructor(options = undefined) {
        let name;
        if (typeof options === 'string') {
          name = options;
          options = undefined;
        } else {
          if (new.target === EventEmitterAsyncResource) {
            validateString(options?.name, 'options.name');
          }
          name = options?.name || new.target.name;
        }
        super(options);
        this.#asyncResource =
          new EventEmitterReferencingAsyncResource(this, name, options);
      }

      emit(event, ...args) {
        const resource = this.#asyncResource;
        ArrayPrototypeUnshift(args, super.emit, this, event);
        return ReflectApply(resource.runInAsyncScope, resource, args);
      }

      emitDestroy() {
        this.#asyncResource.emitDestroy();
      }

      get asyncId() {
        return this.#asyncResource.asyncId();
      }

      get triggerAsyncId() {
        return this.#asyncResource.triggerAsyncId();
      }

      get asyncResource() {
        return this.#asyncResource;
      }
    };
  return EventEmitterAsyncResource;
}

ObjectDefineProperty(EventEmitter, 'EventEmitterAsyncResource', {
  __proto__: null,
  enumerable: true,
  get: lazyEventEmitterAsyncResource,
  set: undefined,
  configurable: true,
});

EventEmitter.errorMonitor = kErrorMonitor;

// captureRejections is off unless turned on globally or per instance.
ObjectDefineProperty(EventEmitter.prototype, kCapture, {
  __proto__: null,
  value: false,
  writable: true,
  enumerable: false,
});

EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;

// More listeners than this for one event print a leak warning.
let defaultMaxListeners = 10;

function checkListener(listener) {
  validateFunction(listener, 'listener');
}

ObjectDefineProperty(EventEmitter, 'defaultMaxListeners', {
  __proto__: null,
  enumerable: true,
  get: function() {
    return defaultMaxListeners;
  },
  set: function(arg) {
    validateNumber(arg, 'defaultMaxListeners', 0);
    defaultMaxListeners = arg;
  },
});

ObjectDefineProperties(EventEmitter, {
  kMaxEventTargetListeners: {
    __proto__: null,
    value: kMaxEventTargetListeners,
    enumerable: false,
    configurable: false,
    writable: false,
  },
  kMaxEventTargetListenersWarned: {
    __proto__: null,
    value: kMaxEventTargetListenersWarned,
    enumerable: false,
    configurable: false,
    writable: false,
  },
});

// setMaxListeners(n) changes the default; setMaxListeners(n, ...targets)
// changes it on each EventEmitter or EventTarget given.
EventEmitter.setMaxListeners =
  function(n = defaultMaxListeners, ...eventTargets) {
    validateNumber(n, 'setMaxListeners', 0);
    if (eventTargets.length === 0) {
      defaultMaxListeners = n;
      return;
    }
    for (let i = 0; i < eventTargets.length; i++) {
      const target = eventTargets[i];
      if (isEventTarget(target)) {
        target[kMaxEventTargetListeners] = n;
        target[kMaxEventTargetListenersWarned] = false;
      } else if (typeof target.setMaxListeners === 'function') {
        target.setMaxListeners(n);
      } else {
        throw new ERR_INVALID_ARG_TYPE('eventTargets',
                                       ['EventEmitter', 'EventTarget'],
                                       target);
      }
    }
  };

// Also called by subclasses that do not call the constructor (and by
// domains). An `_events` object inherited from the prototype is treated as
// a fixed "shape": removed listeners are set to undefined, not deleted.
EventEmitter.init = function(opts) {
  if (this._events === undefined ||
      this._events === ObjectGetPrototypeOf(this)._events) {
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
  } else {
    this[kShapeMode] = true;
  }

  this._maxListeners ||= undefined;

  if (opts?.captureRejections) {
    validateBoolean(opts.captureRejections, 'options.captureRejections');
    this[kCapture] = Boolean(opts.captureRejections);
  } else {
    // An own property is cheaper to read in emit() than the prototype's.
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
};

// With captureRejections, a listener's rejected promise becomes an 'error'
// event (or a call to the Symbol.for('nodejs.rejection') method).
function addCatch(that, promise, type, args) {
  if (!that[kCapture]) return;
  try {
    // `then` may be a getter that throws.
    const then = promise.then;
    if (typeof then === 'function') {
      FunctionPrototypeCall(then, promise, undefined, function(err) {
        // On the next tick so that a throwing 'error' handler does not
        // turn into yet another rejection of this promise.
        process.nextTick(emitUnhandledRejectionOrErr, that, err, type, args);
      });
    }
  } catch (err) {
    that.emit('error', err);
  }
}

function emitUnhandledRejectionOrErr(ee, err, type, args) {
  if (typeof ee[kRejection] === 'function') {
    ee[kRejection](err, type, ...args);
    return;
  }
  // Capturing stays off while emitting, or a rejecting 'error' listener
  // would loop forever.
  const prev = ee[kCapture];
  try {
    ee[kCapture] = false;
    ee.emit('error', err);
  } finally {
    ee[kCapture] = prev;
  }
}

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
  validateNumber(n, 'setMaxListeners', 0);
  this._maxListeners = n;
  return this;
};

function _getMaxListeners(that) {
  if (that._maxListeners === undefined) return EventEmitter.defaultMaxListeners;
  return that._maxListeners;
}

EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
  return _getMaxListeners(this);
};

// Finds the longest run of lines shared by two stack traces: returns its
// length and its start in `a`.
function identicalSequenceRange(a, b) {
  for (let i = 0; i < a.length - 3; i++) {
    const pos = ArrayPrototypeIndexOf(b, a[i]);
    if (pos !== -1) {
      const rest = b.length - pos;
      if (rest > 3) {
        let len = 1;
        const maxLen = a.length - i < rest ? a.length - i : rest;
        while (maxLen > len && a[i + len] === b[pos + len]) len++;
        if (len > 3) return { len, offset: i };
      }
    }
  }
  return { len: 0, offset: 0 };
}

// For an unhandled 'error' event: appends where emit() was called to the
// stack of the error being thrown.
function enhanceStackTrace(err, own) {
  let ctorInfo = '';
  try {
    const { name } = this.constructor;
    if (name !== 'EventEmitter') ctorInfo = ` on ${name} instance`;
  } catch {
    // The constructor is not essential.
  }
  const sep = `\nEmitted 'error' event${ctorInfo} at:\n`;
  const errStack = ArrayPrototypeSlice(StringPrototypeSplit(err.stack, '\n'),
                                       1);
  const ownStack = ArrayPrototypeSlice(StringPrototypeSplit(own.stack, '\n'),
                                       1);
  const { len, offset } = identicalSequenceRange(ownStack, errStack);
  if (len > 0) {
    ArrayPrototypeSplice(ownStack, offset + 1, len - 2,
                         '    [... lines matching original stack trace ...]');
  }
  return err.stack + sep + ArrayPrototypeJoin(ownStack, '\n');
}

EventEmitter.prototype.emit = function emit(type, ...args) {
  let doError = (type === 'error');

  const events = this._events;
  if (events !== undefined) {
    if (doError && events[kErrorMonitor] !== undefined) {
      this.emit(kErrorMonitor, ...args);
    }
    doError &&= events.error === undefined;
  } else if (!doError) {
    return false;
  }

  // An 'error' event nobody listens to is thrown.
  if (doError) {
    const er = args.length > 0 ? args[0] : undefined;
    if (er instanceof Error) {
      try {
        const capture = {};
        ErrorCaptureStackTrace(capture, EventEmitter.prototype.emit);
        ObjectDefineProperty(er, kEnhanceStackBeforeInspector, {
          __proto__: null,
          value: FunctionPrototypeBind(enhanceStackTrace, this, er, capture),
          configurable: true,
        });
      } catch {
        // Best effort only.
      }
      throw er; // Unhandled 'error' event
    }

    let stringifiedEr;
    try {
      stringifiedEr = lazyInspect(er);
    } catch {
      stringifiedEr = er;
    }
    const err = new ERR_UNHANDLED_ERROR(stringifiedEr);
    err.context = er;
    throw err; // Unhandled 'error' event
  }

  const handler = events[type];
  if (handler === undefined) return false;

  if (typeof handler === 'function') {
    const result = ReflectApply(handler, this, args);
    if (result !== undefined && result !== null) {
      addCatch(this, result, type, args);
    }
  } else {
    // A listener may add or remove listeners: iterate over a copy.
    const listeners = arrayClone(handler);
    const len = listeners.length;
    for (let i = 0; i < len; ++i) {
      const result = ReflectApply(listeners[i], this, args);
      if (result !== undefined && result !== null) {
        addCatch(this, result, type, args);
      }
    }
  }
  return true;
};

function _addListener(target, type, listener, prepend) {
  checkListener(listener);

  let events = target._events;
  let existing;
  if (events === undefined) {
    events = target._events = { __proto__: null };
    target._eventsCount = 0;
  } else {
    // 'newListener' goes out before the listener is added, so a
    // 'newListener' listener never sees itself.
    if (events.newListener !== undefined) {
      target.emit('newListener', type, listener.listener ?? listener);
      // The handler may have replaced `_events`.
      events = target._events;
    }
    existing = events[type];
  }

  if (existing === undefined) {
    events[type] = listener;
    ++target._eventsCount;
    return target;
  }

  if (typeof existing === 'function') {
    existing = events[type] =
      prepend ? [listener, existing] : [existing, listener];
  } else if (prepend) {
    ArrayPrototypeUnshift(existing, listener);
  } else {
    ArrayPrototypePush(existing, listener);
  }

  const m = _getMaxListeners(target);
  if (m > 0 && existing.length > m && !existing.warned) {
    existing.warned = true;
    // A warning, not an error: no code.
    const w = genericNodeError(
      'Possible EventEmitter memory leak detected. ' +
      `${existing.length} ${String(type)} listeners added to ` +
      `${lazyInspect(target, { depth: -1 })}. MaxListeners is ${m}. ` +
      'Use emitter.setMaxListeners() to increase limit',
      {
        name: 'MaxListenersExceededWarning',
        emitter: target,
        type,
        count: existing.length,
      });
    process.emitWarning(w);
  }
  return target;
}

EventEmitter.prototype.addListener = function addListener(type, listener) {
  return _addListener(this, type, listener, false);
};

EventEmitter.prototype.on = EventEmitter.prototype.addListener;

EventEmitter.prototype.prependListener =
  function prependListener(type, listener) {
    return _addListener(this, type, listener, true);
  };

function onceWrapper() {
  if (this.fired) return;
  this.target.removeListener(this.type, this.wrapFn);
  this.fired = true;
  if (arguments.length === 0) {
    return FunctionPrototypeCall(this.listener, this.target);
  }
  return ReflectApply(this.listener, this.target, arguments);
}

function _onceWrap(target, type, listener) {
  const state = { fired: false, wrapFn: undefined, target, type, listener };
  const wrapped = FunctionPrototypeBind(onceWrapper, state);
  wrapped.listener = listener;
  state.wrapFn = wrapped;
  return wrapped;
}

EventEmitter.prototype.once = function once(type, listener) {
  checkListener(listener);
  this.on(type, _onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.prependOnceListener =
  function prependOnceListener(type, listener) {
    checkListener(listener);
    this.prependListener(type, _onceWrap(this, type, listener));
    return this;
  };

// Removes the most recently added instance of `listener`.
EventEmitter.prototype.removeListener =
  function removeListener(type, listener) {
    checkListener(listener);

    const events = this._events;
    if (events === undefined) return this;

    const list = events[type];
    if (list === undefined) return this;

    if (list === listener || list.listener === listener) {
      this._eventsCount -= 1;
      if (this[kShapeMode]) {
        events[type] = undefined;
      } else if (this._eventsCount === 0) {
        this._events = { __proto__: null };
      } else {
        delete events[type];
        if (events.removeListener) {
          this.emit('removeListener', type, list.listener || listener);
        }
      }
    } else if (typeof list !== 'function') {
      let position = -1;
      for (let i = list.length - 1; i >= 0; i--) {
        if (list[i] === listener || list[i].listener === listener) {
          position = i;
          break;
        }
      }
      if (position < 0) return this;

      if (position === 0) {
        ArrayPrototypeShift(list);
      } else {
        spliceOne(list, position);
      }
      if (list.length === 1) events[type] = list[0];

      if (events.removeListener !== undefined) {
        this.emit('removeListener', type, listener);
      }
    }
    return this;
  };

EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners =
  function removeAllListeners(type) {
    const events = this._events;
    if (events === undefined) return this;

    // Nobody listens for 'removeListener': just drop the lists.
    if (events.removeListener === undefined) {
      if (arguments.length === 0) {
        this._events = { __proto__: null };
        this._eventsCount = 0;
      } else if (events[type] !== undefined) {
        if (--this._eventsCount === 0) {
          this._events = { __proto__: null };
        } else {
          delete events[type];
        }
      }
      this[kShapeMode] = false;
      return this;
    }

    // Otherwise remove one by one so each removal is reported, the
    // 'removeListener' listeners last.
    if (arguments.length === 0) {
      const keys = ReflectOwnKeys(events);
      for (let i = 0; i < keys.length; i++) {
        if (keys[i] === 'removeListener') continue;
        this.removeAllListeners(keys[i]);
      }
      this.removeAllListeners('removeListener');
      this._events = { __proto__: null };
      this._eventsCount = 0;
      this[kShapeMode] = false;
      return this;
    }

    const listeners = events[type];
    if (typeof listeners === 'function') {
      this.removeListener(type, listeners);
    } else if (listeners !== undefined) {
      // Last added first.
      for (let i = listeners.length - 1; i >= 0; i--) {
        this.removeListener(type, listeners[i]);
      }
    }
    return this;
  };

function _listeners(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];
  const evlistener = events[type];
  if (evlistener === undefined) return [];
  if (typeof evlistener === 'function') {
    return unwrap ? [evlistener.listener || evlistener] : [evlistener];
  }
  return unwrap ? unwrapListeners(evlistener) : arrayClone(evlistener);
}

// The listeners of `type`, with once() wrappers replaced by the functions
// they wrap.
EventEmitter.prototype.listeners = function listeners(type) {
  return _listeners(this, type, true);
};

// The listeners of `type` as stored, once() wrappers included.
EventEmitter.prototype.rawListeners = function rawListeners(type) {
  return _listeners(this, type, false);
};

// Deprecated (doc-only) static form of emitter.listenerCount(type).
EventEmitter.listenerCount = function(emitter, type) {
  if (typeof emitter.listenerCount === 'function') {
    return emitter.listenerCount(type);
  }
  return FunctionPrototypeCall(listenerCount, emitter, type);
};

EventEmitter.prototype.listenerCount = listenerCount;

// How many listeners `type` has; with `listener`, how many of them are that
// function (directly or through a once() wrapper).
function listenerCount(type, listener) {
  const events = this._events;
  if (events === undefined) return 0;
  const evlistener = events[type];
  if (typeof evlistener === 'function') {
    if (listener != null) {
      return listener === evlistener || listener === evlistener.listener ?
        1 : 0;
    }
    return 1;
  }
  if (evlistener === undefined) return 0;
  if (listener == null) return evlistener.length;
  let matching = 0;
  for (let i = 0; i < evlistener.length; i++) {
    if (evlistener[i] === listener || evlistener[i].listener === listener) {
      matching++;
    }
  }
  return matching;
}

EventEmitter.prototype.eventNames = function eventNames() {
  return this._eventsCount > 0 ? ReflectOwnKeys(this._events) : [];
};

function arrayClone(arr) {
  switch (arr.length) {
    case 2: return [arr[0], arr[1]];
    case 3: return [arr[0], arr[1], arr[2]];
    case 4: return [arr[0], arr[1], arr[2], arr[3]];
  }
  return ArrayPrototypeSlice(arr);
}

function unwrapListeners(arr) {
  const ret = arrayClone(arr);
  for (let i = 0; i < ret.length; ++i) {
    const orig = ret[i].listener;
    if (typeof orig === 'function') ret[i] = orig;
  }
  return ret;
}

// Works on EventEmitters and EventTargets alike.
function getEventListeners(emitterOrTarget, type) {
  if (typeof emitterOrTarget.listeners === 'function') {
    return emitterOrTarget.listeners(type);
  }
  if (isEventTarget(emitterOrTarget)) {
    const { kEvents } = lazyEventTarget();
    const root = emitterOrTarget[kEvents].get(type);
    const listeners = [];
    let handler = root?.next;
    while (handler?.listener !== undefined) {
      const listener = handler.listener?.deref ?
        handler.listener.deref() : handler.listener;
      ArrayPrototypePush(listeners, listener);
      handler = handler.next;
    }
    return listeners;
  }
  throw new ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'],
                                 emitterOrTarget);
}

function getMaxListeners(emitterOrTarget) {
  if (typeof emitterOrTarget?.getMaxListeners === 'function') {
    return _getMaxListeners(emitterOrTarget);
  }
  if (typeof emitterOrTarget?.[kMaxEventTargetListeners] === 'number') {
    return emitterOrTarget[kMaxEventTargetListeners];
  }
  throw new ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'],
                                 emitterOrTarget);
}

// A promise for the arguments of the next `name` event. An 'error' event
// rejects it (on EventEmitters), as does aborting `options.signal`.
async function once(emitter, name, options = kEmptyObject) {
  validateObject(options, 'options');
  const { signal } = options;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) {
    throw new AbortError(undefined, { cause: signal.reason });
  }
  return new Promise((resolve, reject) => {
    const errorListener = (err) => {
      emitter.removeListener(name, resolver);
      if (signal != null) {
        eventTargetAgnosticRemoveListener(signal, 'abort', abortListener);
      }
      reject(err);
    };
    const resolver = (...args) => {
      if (typeof emitter.removeListener === 'function') {
        emitter.removeListener('error', errorListener);
      }
      if (signal != null) {
        eventTargetAgnosticRemoveListener(signal, 'abort', abortListener);
      }
      resolve(args);
    };

    eventTargetAgnosticAddListener(emitter, name, resolver,
                                   onceListenerFlags());
    // EventTargets have no 'error' semantics.
    if (name !== 'error' && typeof emitter.once === 'function') {
      emitter.once('error', errorListener);
    }
    function abortListener() {
      eventTargetAgnosticRemoveListener(emitter, name, resolver);
      eventTargetAgnosticRemoveListener(emitter, 'error', errorListener);
      reject(new AbortError(undefined, { cause: signal?.reason }));
    }
    if (signal != null) {
      eventTargetAgnosticAddListener(signal, 'abort', abortListener,
                                     onceListenerFlags());
    }
  });
}

function createIterResult(value, done) {
  return { value, done };
}

function eventTargetAgnosticRemoveListener(emitter, name, listener, flags) {
  if (typeof emitter.removeListener === 'function') {
    emitter.removeListener(name, listener);
  } else if (typeof emitter.removeEventListener === 'function') {
    emitter.removeEventListener(name, listener, flags);
  } else {
    throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
  }
}

function eventTargetAgnosticAddListener(emitter, name, listener, flags) {
  if (typeof emitter.on === 'function') {
    if (flags?.once) {
      emitter.once(name, listener);
    } else {
      emitter.on(name, listener);
    }
  } else if (typeof emitter.addEventListener === 'function') {
    emitter.addEventListener(name, listener, flags);
  } else {
    throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
  }
}

// A first-in first-out queue (head index instead of shift()).
class Queue {
  #items = [];
  #head = 0;

  isEmpty() {
    return this.#head === this.#items.length;
  }

  push(value) {
    ArrayPrototypePush(this.#items, value);
  }

  shift() {
    const value = this.#items[this.#head];
    this.#items[this.#head++] = undefined;
    if (this.#head === this.#items.length) {
      this.#items = [];
      this.#head = 0;
    } else if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = ArrayPrototypeSlice(this.#items, this.#head);
      this.#head = 0;
    }
    return value;
  }
}

// An async iterator over the arguments of each `event`. 'error' ends it
// with a rejection; `options.close` names events that end it normally.
// Above `highWaterMark` queued events the emitter is paused, and resumed
// below `lowWaterMark`.
function on(emitter, event, options = kEmptyObject) {
  validateObject(options, 'options');
  const signal = options.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) {
    throw new AbortError(undefined, { cause: signal.reason });
  }
  // The lowercase-m spellings are accepted as well.
  const highWatermark = options.highWaterMark ?? options.highWatermark ??
    NumberMAX_SAFE_INTEGER;
  validateInteger(highWatermark, 'options.highWaterMark', 1);
  const lowWatermark = options.lowWaterMark ?? options.lowWatermark ?? 1;
  validateInteger(lowWatermark, 'options.lowWaterMark', 1);

  const unconsumedEvents = new Queue();
  const unconsumedPromises = new Queue();
  let paused = false;
  let error = null;
  let finished = false;
  let size = 0;

  const iterator = ObjectSetPrototypeOf({
    next() {
      // Queued events first.
      if (size) {
        const value = unconsumedEvents.shift();
        size--;
        if (paused && size < lowWatermark) {
          emitter.resume();
          paused = false;
        }
        return PromiseResolve(createIterResult(value, false));
      }
      // Then a pending error, reported once.
      if (error) {
        const p = PromiseReject(error);
        error = null;
        return p;
      }
      if (finished) return closeHandler();
      return new Promise(function(resolve, reject) {
        unconsumedPromises.push({ resolve, reject });
      });
    },

    return() {
      return closeHandler();
    },

    throw(err) {
      if (!err || !(err instanceof Error)) {
        throw new ERR_INVALID_ARG_TYPE('EventEmitter.AsyncIterator',
                                       'Error', err);
      }
      errorHandler(err);
    },

    [SymbolAsyncIterator]() {
      return this;
    },

    [kWatermarkData]: {
      get size() {
        return size;
      },
      get low() {
        return lowWatermark;
      },
      get high() {
        return highWatermark;
      },
      get isPaused() {
        return paused;
      },
    },
  }, AsyncIteratorPrototype);

  const { addEventListener, removeAll } = listenersController();
  const kFirst = getFirstEventParamSymbol();
  addEventListener(emitter, event,
                   kFirst !== null && options[kFirst] ?
                     eventHandler :
                     function(...args) {
                       return eventHandler(args);
                     });
  if (event !== 'error' && typeof emitter.on === 'function') {
    addEventListener(emitter, 'error', errorHandler);
  }
  const closeEvents = options?.close;
  if (closeEvents?.length) {
    for (let i = 0; i < closeEvents.length; i++) {
      addEventListener(emitter, closeEvents[i], closeHandler);
    }
  }

  const abortListenerDisposable =
    signal ? addAbortListener(signal, abortListener) : null;

  return iterator;

  function abortListener() {
    errorHandler(new AbortError(undefined, { cause: signal?.reason }));
  }

  function eventHandler(value) {
    if (unconsumedPromises.isEmpty()) {
      size++;
      if (!paused && size > highWatermark) {
        paused = true;
        emitter.pause();
      }
      unconsumedEvents.push(value);
    } else {
      unconsumedPromises.shift().resolve(createIterResult(value, false));
    }
  }

  function errorHandler(err) {
    if (unconsumedPromises.isEmpty()) {
      error = err;
    } else {
      unconsumedPromises.shift().reject(err);
    }
    closeHandler();
  }

  function closeHandler() {
    abortListenerDisposable?.[SymbolDispose]();
    removeAll();
    finished = true;
    const doneResult = createIterResult(undefined, true);
    while (!unconsumedPromises.isEmpty()) {
      unconsumedPromises.shift().resolve(doneResult);
    }
    return PromiseResolve(doneResult);
  }
}

// Remembers the listeners on() added so that they can all be removed.
function listenersController() {
  const listeners = [];
  return {
    addEventListener(emitter, event, handler, flags) {
      eventTargetAgnosticAddListener(emitter, event, handler, flags);
      ArrayPrototypePush(listeners, [emitter, event, handler, flags]);
    },
    removeAll() {
      while (listeners.length > 0) {
        ReflectApply(eventTargetAgnosticRemoveListener, undefined,
                     ArrayPrototypePop(listeners));
      }
    },
  };
}
