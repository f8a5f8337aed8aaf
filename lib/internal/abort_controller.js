'use strict';

// AbortController and AbortSignal. A signal is an EventTarget that fires one
// trusted 'abort' event. AbortSignal.timeout() signals hold their timer
// weakly (an unref'd timer that a FinalizationRegistry clears), and
// AbortSignal.any() links the result to its sources through WeakRefs, so
// that neither keeps the other alive; a signal that can still fire and has
// 'abort' listeners is pinned in `gcPersistentSignals` meanwhile.

const {
  ArrayPrototypePush,
  ObjectAssign,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  Promise,
  SafeFinalizationRegistry,
  SafeSet,
  SafeWeakRef,
  Symbol,
  SymbolIterator,
  SymbolToStringTag,
  TypeError,
} = primordials;

const {
  defineEventHandler,
  EventTarget,
  Event,
  kTrustEvent,
  kNewListener,
  kRemoveListener,
  kResistStopPropagation,
  kWeakHandler,
} = require('internal/event_target');
const {
  customInspectSymbol,
  kEmptyObject,
  kEnumerableProperty,
  lazyDOMExceptionClass,
} = require('internal/util');
const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_NOT_IMPLEMENTED,
  },
} = require('internal/errors');
const {
  kValidateObjectAllowObjects,
  validateAbortSignal,
  validateObject,
  validateUint32,
} = require('internal/validators');
const { kMaxEventTargetListeners } = require('events');

const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kComposite = Symbol('kComposite');
const kTimeout = Symbol('kTimeout');
const kSourceSignals = Symbol('kSourceSignals');
const kDependantSignals = Symbol('kDependantSignals');
const kTimeoutSources = Symbol('kTimeoutSources');

let inspect;
function lazyInspect(value, options) {
  inspect ??= require('internal/util/inspect').inspect;
  return inspect(value, options);
}

let timers;
function lazyTimers() {
  timers ??= require('timers');
  return timers;
}

// Created on first use: nothing of this belongs in the startup snapshot.
let clearTimeoutRegistry;
const gcPersistentSignals = new SafeSet();

function customInspect(self, obj, depth, options) {
  if (depth < 0) return self;
  const opts = ObjectAssign({}, options, {
    depth: options.depth === null ? null : options.depth - 1,
  });
  return `${self.constructor.name} ${lazyInspect(obj, opts)}`;
}

function validateThisAbortSignal(obj) {
  if (obj?.[kAborted] === undefined) throw new ERR_INVALID_THIS('AbortSignal');
}

// The timer holds the signal weakly: a signal nobody references can be
// collected before it fires (and then its timer is cleared).
function setWeakAbortSignalTimeout(weakRef, delay) {
  const timeout = lazyTimers().setTimeout(() => {
    const signal = weakRef.deref();
    if (signal !== undefined) {
      gcPersistentSignals.delete(signal);
      abortSignal(
        signal,
        new (lazyDOMExceptionClass())(
          'The operation was aborted due to timeout', 'TimeoutError'));
    }
  }, delay);
  timeout.unref();
  return timeout;
}

// WebIDL sequence<AbortSignal>: any iterable object.
function toSignalSequence(value) {
  if ((typeof value !== 'object' && typeof value !== 'function') ||
      value === null || typeof value[SymbolIterator] !== 'function') {
    // eslint-disable-next-line no-restricted-syntax
    const err = new TypeError('signals can not be converted to sequence.');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const list = [];
  for (const signal of value) ArrayPrototypePush(list, signal);
  for (let i = 0; i < list.length; i++) {
    // A real AbortSignal, not a look-alike.
    if (list[i]?.[kAborted] === undefined) {
      throw new ERR_INVALID_ARG_TYPE(`signals[${i}]`, 'AbortSignal', list[i]);
    }
  }
  return list;
}

class AbortSignal extends EventTarget {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get aborted() {
    validateThisAbortSignal(this);
    return !!this[kAborted];
  }

  get reason() {
    validateThisAbortSignal(this);
    return this[kReason];
  }

  throwIfAborted() {
    validateThisAbortSignal(this);
    if (this[kAborted]) throw this[kReason];
  }

  static abort(
    reason = new (lazyDOMExceptionClass())('This operation was aborted',
                                           'AbortError')) {
    return createAbortSignal({ aborted: true, reason });
  }

  static timeout(delay) {
    validateUint32(delay, 'delay', false);
    const signal = createAbortSignal();
    signal[kTimeout] = true;
    clearTimeoutRegistry ??=
      new SafeFinalizationRegistry((timer) => lazyTimers().clearTimeout(timer));
    clearTimeoutRegistry.register(
      signal, setWeakAbortSignalTimeout(new SafeWeakRef(signal), delay));
    return signal;
  }

  static any(signals) {
    const list = toSignalSequence(signals);
    const result = createAbortSignal({ composite: true });
    if (list.length === 0) return result;
    const resultRef = new SafeWeakRef(result);
    result[kSourceSignals] = new SafeSet();
    for (let i = 0; i < list.length; i++) {
      const signal = list[i];
      if (signal.aborted) {
        result[kAborted] = true;
        result[kReason] = signal.reason;
        return result;
      }
    }
    for (let i = 0; i < list.length; i++) {
      const signal = list[i];
      if (signal[kComposite]) {
        // Follow a composite signal to its own sources.
        if (signal[kSourceSignals] === undefined) continue;
        for (const sourceRef of signal[kSourceSignals]) {
          const source = sourceRef.deref();
          if (source === undefined) continue;
          link(result, resultRef, source);
        }
      } else {
        link(result, resultRef, signal);
      }
    }
    return result;
  }

  [kNewListener](size, type, listener, once, capture, passive, weak) {
    super[kNewListener](size, type, listener, once, capture, passive, weak);
    const canFire = this[kTimeout] ||
      (this[kComposite] && this[kSourceSignals]?.size > 0);
    if (canFire && type === 'abort' && !this.aborted && !weak &&
        size === 1) {
      // Keep it alive while it can still fire and someone listens.
      gcPersistentSignals.add(this);
    }
  }

  [kRemoveListener](size, type, listener, capture) {
    super[kRemoveListener](size, type, listener, capture);
    if (type === 'abort' && size === 0) gcPersistentSignals.delete(this);
  }

  [customInspectSymbol](depth, options) {
    return customInspect(this, { aborted: this.aborted }, depth, options);
  }
}

// When a composite signal is collected, its sources forget it.
let dependantsCleanup;
// When a source is collected, its composite signals forget it; one left
// without sources can never abort, so its listeners no longer pin it.
let sourcesCleanup;

function link(result, resultRef, source) {
  for (const ref of result[kSourceSignals]) {
    if (ref.deref() === source) return;
  }
  const sourceRef = new SafeWeakRef(source);
  result[kSourceSignals].add(sourceRef);
  // Nothing else holds an AbortSignal.timeout() signal (its timer only has
  // a WeakRef): the composite does, or the timeout would go with the
  // signal while the composite waits for it.
  if (source[kTimeout]) {
    result[kTimeoutSources] ??= new SafeSet();
    result[kTimeoutSources].add(source);
  }
  source[kDependantSignals] ??= new SafeSet();
  source[kDependantSignals].add(resultRef);
  dependantsCleanup ??= new SafeFinalizationRegistry(({ sourceRef, ref }) => {
    sourceRef.deref()?.[kDependantSignals]?.delete(ref);
  });
  dependantsCleanup.register(result, { sourceRef, ref: resultRef });
  sourcesCleanup ??= new SafeFinalizationRegistry(({ sourceRef, ref }) => {
    const composite = ref.deref();
    if (composite === undefined) return;
    composite[kSourceSignals].delete(sourceRef);
    if (composite[kSourceSignals].size === 0) {
      gcPersistentSignals.delete(composite);
    }
  });
  sourcesCleanup.register(source, { sourceRef, ref: resultRef });
}

ObjectDefineProperties(AbortSignal.prototype, {
  aborted: kEnumerableProperty,
  reason: kEnumerableProperty,
  throwIfAborted: kEnumerableProperty,
});
ObjectDefineProperty(AbortSignal.prototype, SymbolToStringTag, {
  __proto__: null,
  writable: false,
  enumerable: false,
  configurable: true,
  value: 'AbortSignal',
});
defineEventHandler(AbortSignal.prototype, 'abort');

function createAbortSignal(init = kEmptyObject) {
  const {
    aborted = false,
    reason = undefined,
    transferable = false,
    composite = false,
  } = init;
  const signal = new EventTarget();
  ObjectSetPrototypeOf(signal, AbortSignal.prototype);
  // Signals do not warn about many listeners unless asked to.
  signal[kMaxEventTargetListeners] = 0;
  signal[kAborted] = aborted;
  signal[kReason] = reason;
  signal[kComposite] = composite;
  if (transferable) {
    throw new ERR_NOT_IMPLEMENTED('transferable AbortSignal');
  }
  return signal;
}

// Marks the signal and every signal that depends on it as aborted, then
// fires their events: a listener sees the whole group aborted already.
function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  const group = [];
  collectAborted(signal, reason, group);
  for (let i = 0; i < group.length; i++) {
    const target = group[i];
    gcPersistentSignals.delete(target);
    target.dispatchEvent(new Event('abort', { [kTrustEvent]: true }));
  }
}

function collectAborted(signal, reason, group) {
  signal[kAborted] = true;
  signal[kReason] = reason;
  ArrayPrototypePush(group, signal);
  const dependants = signal[kDependantSignals];
  if (dependants === undefined) return;
  for (const ref of dependants) {
    const dependant = ref.deref();
    if (dependant !== undefined && !dependant[kAborted]) {
      collectAborted(dependant, reason, group);
    }
  }
}

class AbortController {
  #signal;

  constructor() {
    this.#signal = createAbortSignal();
  }

  get signal() {
    return this.#signal;
  }

  // (The reason's stack starts at its constructor, as in Node.)
  abort(reason = new (lazyDOMExceptionClass())('This operation was aborted',
                                              'AbortError')) {
    abortSignal(this.#signal, reason);
  }

  [customInspectSymbol](depth, options) {
    return customInspect(this, { signal: this.signal }, depth, options);
  }
}

ObjectDefineProperties(AbortController.prototype, {
  signal: kEnumerableProperty,
  abort: kEnumerableProperty,
});
ObjectDefineProperty(AbortController.prototype, SymbolToStringTag, {
  __proto__: null,
  writable: false,
  enumerable: false,
  configurable: true,
  value: 'AbortController',
});

// util.aborted(signal, resource): resolves when `signal` aborts, unless
// `resource` is collected first.
async function aborted(signal, resource) {
  if (signal === undefined) {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  validateAbortSignal(signal, 'signal');
  validateObject(resource, 'resource', kValidateObjectAllowObjects);
  if (signal.aborted) return;
  let resolve;
  const promise = new Promise((r) => { resolve = r; });
  signal.addEventListener('abort', resolve, {
    __proto__: null,
    once: true,
    [kWeakHandler]: resource,
    [kResistStopPropagation]: true,
  });
  return promise;
}

function transferableAbortSignal() {
  throw new ERR_NOT_IMPLEMENTED('transferableAbortSignal');
}

function transferableAbortController() {
  throw new ERR_NOT_IMPLEMENTED('transferableAbortController');
}

module.exports = {
  AbortController,
  AbortSignal,
  aborted,
  kAborted,
  transferableAbortSignal,
  transferableAbortController,
};
