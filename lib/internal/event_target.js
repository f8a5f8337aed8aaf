'use strict';

// EventTarget, Event and CustomEvent as Node exposes them (no DOM tree, so
// every dispatch is "at target"), and NodeEventTarget, an EventTarget with
// an EventEmitter-like surface. Listeners of one type form a linked list
// hanging from a root node in target[kEvents]; lib/events.js walks that list
// in getEventListeners().

const {
  ArrayFrom,
  Boolean,
  FunctionPrototypeCall,
  NumberIsInteger,
  ObjectAssign,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ReflectApply,
  SafeFinalizationRegistry,
  SafeMap,
  SafeWeakMap,
  SafeWeakRef,
  SafeWeakSet,
  String,
  Symbol,
  SymbolFor,
  SymbolToStringTag,
} = primordials;

const {
  codes: {
    ERR_EVENT_RECURSION,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
  },
  genericNodeError,
} = require('internal/errors');
const {
  kValidateObjectAllowObjectsAndNull,
  validateAbortSignal,
  validateObject,
  validateString,
} = require('internal/validators');
const {
  customInspectSymbol,
  kEmptyObject,
  kEnumerableProperty,
} = require('internal/util');
const EventEmitter = require('events');

const {
  kMaxEventTargetListeners,
  kMaxEventTargetListenersWarned,
} = EventEmitter;

const kEvents = Symbol('kEvents');
const kHandlers = Symbol('kHandlers');
const kType = Symbol('type');
const kDetail = Symbol('detail');
const kTarget = Symbol('kTarget');
const kIsBeingDispatched = Symbol('kIsBeingDispatched');
const kInPassiveListener = Symbol('kInPassiveListener');
const kStop = Symbol('kStop');
const kTrustEvent = Symbol('kTrustEvent');
const kWeakHandler = Symbol('kWeak');
const kResistStopPropagation = Symbol('kResistStopPropagation');
const kIsNodeStyleListener = Symbol('kIsNodeStyleListener');
const kNewListener = Symbol('kNewListener');
const kRemoveListener = Symbol('kRemoveListener');
const kCreateEvent = Symbol('kCreateEvent');
const kHybridDispatch = SymbolFor('nodejs.internal.kHybridDispatch');

let inspect;
function lazyInspect(value, options) {
  inspect ??= require('internal/util/inspect').inspect;
  return inspect(value, options);
}

// Event timestamps are performance.now() times (loaded on first use: the
// perf binding stays out of the startup snapshot).
let perfNow;
function now() {
  perfNow ??= require('internal/perf/utils').now;
  return perfNow();
}

// Events made by core for the platform (an AbortSignal's 'abort').
const trustedEvents = new SafeWeakSet();

function isEvent(value) {
  return typeof value?.[kType] === 'string';
}

function inspectOptions(options) {
  return ObjectAssign({}, options, {
    depth: NumberIsInteger(options.depth) ? options.depth - 1 : options.depth,
  });
}

class Event {
  #cancelable = false;
  #bubbles = false;
  #composed = false;
  #defaultPrevented = false;
  #timestamp = now();
  #propagationStopped = false;

  constructor(type, options = kEmptyObject) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);
    this.#bubbles = Boolean(options?.bubbles);
    this.#cancelable = Boolean(options?.cancelable);
    this.#composed = Boolean(options?.composed);
    this[kType] = `${type}`;
    if (options?.[kTrustEvent]) trustedEvents.add(this);
    this[kTarget] = null;
    this[kIsBeingDispatched] = false;
    this[kInPassiveListener] = false;
  }

  initEvent(type, bubbles = false, cancelable = false) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    if (this[kIsBeingDispatched]) return;
    this[kType] = `${type}`;
    this.#bubbles = Boolean(bubbles);
    this.#cancelable = Boolean(cancelable);
  }

  [customInspectSymbol](depth, options) {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    const name = this.constructor.name;
    if (depth < 0) return name;
    return `${name} ${lazyInspect({
      type: this[kType],
      defaultPrevented: this.#defaultPrevented,
      cancelable: this.#cancelable,
      timeStamp: this.#timestamp,
    }, inspectOptions(options))}`;
  }

  stopImmediatePropagation() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    this.#propagationStopped = true;
    this[kStop] = true;
  }

  preventDefault() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    if (this.#cancelable && !this[kInPassiveListener]) {
      this.#defaultPrevented = true;
    }
  }

  get target() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kTarget];
  }

  get currentTarget() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kIsBeingDispatched] ? this[kTarget] : null;
  }

  get srcElement() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kTarget];
  }

  get type() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kType];
  }

  get cancelable() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#cancelable;
  }

  get defaultPrevented() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#cancelable && this.#defaultPrevented;
  }

  get timeStamp() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#timestamp;
  }

  composedPath() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kIsBeingDispatched] ? [this[kTarget]] : [];
  }

  get returnValue() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return !(this.#cancelable && this.#defaultPrevented);
  }

  set returnValue(value) {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    if (!value) this.preventDefault();
  }

  get bubbles() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#bubbles;
  }

  get composed() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#composed;
  }

  get eventPhase() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kIsBeingDispatched] ? Event.AT_TARGET : Event.NONE;
  }

  get cancelBubble() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#propagationStopped;
  }

  set cancelBubble(value) {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    if (value) this.#propagationStopped = true;
  }

  stopPropagation() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    this.#propagationStopped = true;
  }

  static NONE = 0;
  static CAPTURING_PHASE = 1;
  static AT_TARGET = 2;
  static BUBBLING_PHASE = 3;
}

ObjectDefineProperties(Event.prototype, {
  [SymbolToStringTag]: {
    __proto__: null,
    writable: false,
    enumerable: false,
    configurable: true,
    value: 'Event',
  },
  initEvent: kEnumerableProperty,
  stopImmediatePropagation: kEnumerableProperty,
  preventDefault: kEnumerableProperty,
  target: kEnumerableProperty,
  currentTarget: kEnumerableProperty,
  srcElement: kEnumerableProperty,
  type: kEnumerableProperty,
  cancelable: kEnumerableProperty,
  defaultPrevented: kEnumerableProperty,
  timeStamp: kEnumerableProperty,
  composedPath: kEnumerableProperty,
  returnValue: kEnumerableProperty,
  bubbles: kEnumerableProperty,
  composed: kEnumerableProperty,
  eventPhase: kEnumerableProperty,
  cancelBubble: kEnumerableProperty,
  stopPropagation: kEnumerableProperty,
  // [LegacyUnforgeable]: one getter shared by every event.
  isTrusted: {
    __proto__: null,
    enumerable: true,
    configurable: false,
    get: ObjectGetOwnPropertyDescriptor({
      get isTrusted() { return trustedEvents.has(this); },
    }, 'isTrusted').get,
  },
});

for (const name of ['NONE', 'CAPTURING_PHASE', 'AT_TARGET', 'BUBBLING_PHASE']) {
  ObjectDefineProperty(Event, name, {
    __proto__: null, writable: false, enumerable: true, configurable: false,
  });
}

function isCustomEvent(value) {
  return isEvent(value) && value?.[kDetail] !== undefined;
}

class CustomEvent extends Event {
  constructor(type, options = kEmptyObject) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    super(type, options);
    this[kDetail] = options?.detail ?? null;
  }

  get detail() {
    if (!isCustomEvent(this)) throw new ERR_INVALID_THIS('CustomEvent');
    return this[kDetail];
  }
}

ObjectDefineProperties(CustomEvent.prototype, {
  [SymbolToStringTag]: {
    __proto__: null,
    writable: false,
    enumerable: false,
    configurable: true,
    value: 'CustomEvent',
  },
  detail: kEnumerableProperty,
});

// --- Weak listeners (kWeakHandler): the listener lives as long as the object
// given as the option's value does. ---------------------------------------------
let weakListenerState;
function weakListeners() {
  weakListenerState ??= {
    registry: new SafeFinalizationRegistry((entry) => entry.remove()),
    map: new SafeWeakMap(),
  };
  return weakListenerState;
}

// Errors in listeners do not stop the dispatch: they are thrown again from
// a tick, as an uncaught exception.
function emitUncaughtException(err) {
  process.nextTick(() => { throw err; });
}

function addCatch(promise) {
  const then = promise.then;
  if (typeof then === 'function') {
    FunctionPrototypeCall(then, promise, undefined, emitUncaughtException);
  }
}

// One registration: a node of the list of its type.
class Listener {
  constructor(previous, listener, once, capture, passive,
              isNodeStyleListener, weak, resistStopPropagation) {
    this.next = undefined;
    if (previous !== undefined) previous.next = this;
    this.previous = previous;
    this.once = once;
    this.capture = capture;
    this.passive = passive;
    this.isNodeStyleListener = isNodeStyleListener;
    this.removed = false;
    this.weak = Boolean(weak);
    this.resistStopPropagation = resistStopPropagation;

    let callback;
    if (typeof listener === 'function') {
      callback = listener;
    } else {
      // An object: its handleEvent is looked up at each call, and what it
      // throws surfaces as a rejection.
      callback = async function(...args) {
        if (listener.handleEvent) {
          await ReflectApply(listener.handleEvent, listener, args);
        }
      };
    }
    if (this.weak) {
      this.callback = new SafeWeakRef(callback);
      this.listener = new SafeWeakRef(listener);
      const state = weakListeners();
      state.registry.register(listener, this, this);
      state.map.set(weak, listener);
    } else {
      this.callback = callback;
      this.listener = listener;
    }
  }

  same(listener, capture) {
    const mine = this.weak ? this.listener.deref() : this.listener;
    return mine === listener && this.capture === capture;
  }

  remove() {
    if (this.removed) return;
    if (this.previous !== undefined) this.previous.next = this.next;
    if (this.next !== undefined) this.next.previous = this.previous;
    this.removed = true;
  }
}

function initEventTarget(self) {
  self[kEvents] = new SafeMap();
  self[kMaxEventTargetListeners] = EventEmitter.defaultMaxListeners;
  self[kMaxEventTargetListenersWarned] = false;
  self[kHandlers] = new SafeMap();
}

function isEventTarget(value) {
  return value?.constructor?.[kIsEventTarget] === true;
}
const kIsEventTarget = SymbolFor('nodejs.event_target');

function validateEventListener(listener) {
  if (typeof listener === 'function' ||
      typeof listener?.handleEvent === 'function') {
    return true;
  }
  if (listener == null) return false;
  if (typeof listener === 'object') {
    // handleEvent may be added later.
    return true;
  }
  throw new ERR_INVALID_ARG_TYPE('listener', 'EventListener', listener);
}

function validateEventListenerOptions(options) {
  if (typeof options === 'boolean') return { capture: options };
  if (options === null) return kEmptyObject;
  validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);
  return {
    once: Boolean(options.once),
    capture: Boolean(options.capture),
    passive: Boolean(options.passive),
    signal: options.signal,
    weak: options[kWeakHandler],
    resistStopPropagation: options[kResistStopPropagation] ?? false,
    isNodeStyleListener: Boolean(options[kIsNodeStyleListener]),
  };
}

class EventTarget {
  static [kIsEventTarget] = true;

  constructor() {
    initEventTarget(this);
  }

  [kNewListener](size, type, listener, once, capture, passive, weak) {
    const max = this[kMaxEventTargetListeners];
    if (max > 0 && size > max && !this[kMaxEventTargetListenersWarned]) {
      this[kMaxEventTargetListenersWarned] = true;
      const w = genericNodeError(
        'Possible EventTarget memory leak detected. ' +
        `${size} ${type} listeners added to ` +
        `${lazyInspect(this, { depth: -1 })}. MaxListeners is ${max}. Use ` +
        'events.setMaxListeners() to increase limit',
        { name: 'MaxListenersExceededWarning', target: this, type,
          count: size });
      process.emitWarning(w);
    }
  }

  [kRemoveListener](size, type, listener, capture) {}

  addEventListener(type, listener, options = kEmptyObject) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 2) {
      throw new ERR_MISSING_ARGS('type', 'listener');
    }
    const {
      once,
      capture,
      passive,
      signal,
      isNodeStyleListener,
      weak,
      resistStopPropagation,
    } = validateEventListenerOptions(options);

    validateAbortSignal(signal, 'options.signal');

    if (!validateEventListener(listener)) {
      const w = genericNodeError(
        `addEventListener called with ${listener} which has no effect.`,
        { name: 'AddEventListenerArgumentTypeWarning', target: this, type });
      process.emitWarning(w);
      return;
    }
    type = webidlString(type);

    if (signal) {
      if (signal.aborted) return;
      // Removing the listener when the signal aborts must not be skipped
      // by stopImmediatePropagation().
      signal.addEventListener('abort', () => {
        this.removeEventListener(type, listener, options);
      }, {
        __proto__: null,
        once: true,
        [kWeakHandler]: this,
        [kResistStopPropagation]: true,
      });
    }

    let root = this[kEvents].get(type);
    if (root === undefined) {
      root = { size: 1, next: undefined, resistStopPropagation: false };
      // The list's first node follows the root.
      new Listener(root, listener, once, capture, passive,
                   isNodeStyleListener, weak, resistStopPropagation);
      root.resistStopPropagation = Boolean(resistStopPropagation);
      this[kNewListener](root.size, type, listener, once, capture, passive,
                         weak);
      this[kEvents].set(type, root);
      return;
    }

    let handler = root.next;
    let previous = root;
    // Registered already (same listener, same capture): nothing to do. Weak
    // listeners that were collected are dropped on the way.
    while (handler !== undefined && !handler.same(listener, capture)) {
      if (handler.weak && handler.listener.deref() === undefined) {
        handler.remove();
        root.size--;
      } else {
        previous = handler;
      }
      handler = handler.next;
    }
    if (handler !== undefined) return;

    new Listener(previous, listener, once, capture, passive,
                 isNodeStyleListener, weak, resistStopPropagation);
    root.size++;
    root.resistStopPropagation ||= Boolean(resistStopPropagation);
    this[kNewListener](root.size, type, listener, once, capture, passive,
                       weak);
  }

  removeEventListener(type, listener, options = kEmptyObject) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 2) {
      throw new ERR_MISSING_ARGS('type', 'listener');
    }
    if (!validateEventListener(listener)) return;
    type = webidlString(type);
    const capture = options?.capture === true;

    const root = this[kEvents].get(type);
    if (root === undefined || root.next === undefined) return;

    let handler = root.next;
    while (handler !== undefined) {
      if (handler.same(listener, capture)) {
        handler.remove();
        root.size--;
        if (root.size === 0) this[kEvents].delete(type);
        this[kRemoveListener](root.size, type, listener, capture);
        break;
      }
      handler = handler.next;
    }
  }

  dispatchEvent(event) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('event');
    if (!(event instanceof Event)) {
      throw new ERR_INVALID_ARG_TYPE('event', 'Event', event);
    }
    if (event[kIsBeingDispatched]) {
      throw new ERR_EVENT_RECURSION(event.type);
    }
    this[kHybridDispatch](event, event.type, event);
    return event.defaultPrevented !== true;
  }

  // Shared by dispatchEvent(event) and NodeEventTarget's emit(type, value):
  // node-style listeners get `nodeValue`, the others an Event, created on
  // first need when emit() did not bring one.
  [kHybridDispatch](nodeValue, type, event) {
    if (event !== undefined) {
      event[kTarget] = this;
      event[kIsBeingDispatched] = true;
    }

    const root = this[kEvents].get(type);
    if (root === undefined || root.next === undefined) {
      if (event !== undefined) event[kIsBeingDispatched] = false;
      return true;
    }

    let handler = root.next;
    while (handler !== undefined) {
      const stopped = event?.[kStop] === true;
      if (stopped && !root.resistStopPropagation) break;
      // The next node is taken now: the listener may remove this one.
      const next = handler.next;
      if (handler.removed || (stopped && !handler.resistStopPropagation)) {
        handler = next;
        continue;
      }
      if (handler.once) {
        handler.remove();
        root.size--;
        const listener = handler.weak ?
          handler.listener.deref() : handler.listener;
        this[kRemoveListener](root.size, type, listener, handler.capture);
      }

      try {
        let arg = nodeValue;
        if (!handler.isNodeStyleListener) {
          if (event === undefined) {
            event = this[kCreateEvent](nodeValue, type);
            event[kTarget] = this;
            event[kIsBeingDispatched] = true;
          }
          arg = event;
        }
        const callback = handler.weak ?
          handler.callback.deref() : handler.callback;
        let result;
        if (callback !== undefined) {
          if (handler.passive && !handler.isNodeStyleListener) {
            arg[kInPassiveListener] = true;
          }
          try {
            result = FunctionPrototypeCall(callback, this, arg);
          } finally {
            if (handler.passive && !handler.isNodeStyleListener) {
              arg[kInPassiveListener] = false;
            }
          }
          // As in Node, the event no longer reports itself as being
          // dispatched once a listener has seen it.
          if (!handler.isNodeStyleListener) arg[kIsBeingDispatched] = false;
        }
        if (result !== undefined && result !== null) addCatch(result);
      } catch (err) {
        emitUncaughtException(err);
      }
      handler = next;
    }

    if (event !== undefined) event[kIsBeingDispatched] = false;
  }

  [kCreateEvent](nodeValue, type) {
    return new CustomEvent(type, { detail: nodeValue });
  }

  [customInspectSymbol](depth, options) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    const name = this.constructor.name;
    if (depth < 0) return name;
    return `${name} ${lazyInspect({}, inspectOptions(options))}`;
  }
}

ObjectDefineProperties(EventTarget.prototype, {
  addEventListener: kEnumerableProperty,
  removeEventListener: kEnumerableProperty,
  dispatchEvent: kEnumerableProperty,
});
ObjectDefineProperty(EventTarget.prototype, SymbolToStringTag, {
  __proto__: null,
  writable: false,
  enumerable: false,
  configurable: true,
  value: 'EventTarget',
});

// WebIDL DOMString: Symbols throw V8's own TypeError.
function webidlString(value) {
  return `${value}`;
}

// For objects that become NodeEventTargets without its constructor.
function initNodeEventTarget(self) {
  initEventTarget(self);
}

function isNodeEventTarget(value) {
  return value?.constructor?.[kIsNodeEventTarget] === true;
}
const kIsNodeEventTarget = SymbolFor('nodejs.event_target.node');

class NodeEventTarget extends EventTarget {
  static [kIsNodeEventTarget] = true;
  static defaultMaxListeners = 10;


  setMaxListeners(n) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    EventEmitter.setMaxListeners(n, this);
  }

  getMaxListeners() {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    return this[kMaxEventTargetListeners];
  }

  eventNames() {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    return ArrayFrom(this[kEvents].keys());
  }

  listenerCount(type) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    const root = this[kEvents].get(String(type));
    return root !== undefined ? root.size : 0;
  }

  off(type, listener, options) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.removeEventListener(type, listener, options);
    return this;
  }

  removeListener(type, listener, options) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.removeEventListener(type, listener, options);
    return this;
  }

  on(type, listener) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.addEventListener(type, listener,
                          { [kIsNodeStyleListener]: true });
    return this;
  }

  addListener(type, listener) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.addEventListener(type, listener,
                          { [kIsNodeStyleListener]: true });
    return this;
  }

  emit(type, arg) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    validateString(type, 'type');
    const hadListeners = this.listenerCount(type) > 0;
    this[kHybridDispatch](arg, type);
    return hadListeners;
  }

  once(type, listener) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.addEventListener(type, listener,
                          { once: true, [kIsNodeStyleListener]: true });
    return this;
  }

  removeAllListeners(type) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    if (type !== undefined) {
      this[kEvents].delete(String(type));
    } else {
      this[kEvents].clear();
    }
    return this;
  }
}

ObjectDefineProperties(NodeEventTarget.prototype, {
  setMaxListeners: kEnumerableProperty,
  getMaxListeners: kEnumerableProperty,
  eventNames: kEnumerableProperty,
  listenerCount: kEnumerableProperty,
  off: kEnumerableProperty,
  removeListener: kEnumerableProperty,
  on: kEnumerableProperty,
  addListener: kEnumerableProperty,
  emit: kEnumerableProperty,
  once: kEnumerableProperty,
  removeAllListeners: kEnumerableProperty,
});

// --- on<event> attributes (AbortSignal's onabort, MessagePort's onmessage). ---
// The handler is registered once, as a listener that calls whatever the
// attribute holds now: replacing the attribute keeps the listener's place.
function makeEventHandler(handler) {
  function eventHandler(...args) {
    if (typeof eventHandler.handler !== 'function') return;
    return ReflectApply(eventHandler.handler, this, args);
  }
  eventHandler.handler = handler;
  return eventHandler;
}

function defineEventHandler(emitter, name, event = name) {
  const propName = `on${name}`;
  function get() {
    validateInternalField(this, kHandlers, 'EventTarget');
    return this[kHandlers]?.get(event)?.handler ?? null;
  }
  ObjectDefineProperty(get, 'name', {
    __proto__: null, value: `get ${propName}`,
  });

  // Per HTML: a function (re)activates the handler, keeping its place
  // when it was active; anything else deactivates it.
  function set(value) {
    validateInternalField(this, kHandlers, 'EventTarget');
    let wrapped = this[kHandlers].get(event);
    if (wrapped === undefined) {
      wrapped = makeEventHandler(value);
      this[kHandlers].set(event, wrapped);
    } else {
      wrapped.handler = value;
    }
    const root = this[kEvents].get(event);
    const registered = root !== undefined && isWrapperRegistered(root, wrapped);
    if (typeof value === 'function') {
      if (!registered) this.addEventListener(event, wrapped);
    } else if (registered) {
      this.removeEventListener(event, wrapped);
    }
  }
  ObjectDefineProperty(set, 'name', {
    __proto__: null, value: `set ${propName}`,
  });

  ObjectDefineProperty(emitter, propName, {
    __proto__: null,
    get,
    set,
    configurable: true,
    enumerable: true,
  });
}

function isWrapperRegistered(root, wrapped) {
  let handler = root.next;
  while (handler !== undefined) {
    if (handler.listener === wrapped) return true;
    handler = handler.next;
  }
  return false;
}

function validateInternalField(object, fieldKey, className) {
  if (typeof object !== 'object' || object === null || !(fieldKey in object)) {
    throw new ERR_INVALID_ARG_TYPE('this', className, object);
  }
}

module.exports = {
  Event,
  CustomEvent,
  EventTarget,
  NodeEventTarget,
  defineEventHandler,
  initEventTarget,
  initNodeEventTarget,
  kCreateEvent,
  kNewListener,
  kTrustEvent,
  kRemoveListener,
  kEvents,
  kWeakHandler,
  kResistStopPropagation,
  isEventTarget,
};
