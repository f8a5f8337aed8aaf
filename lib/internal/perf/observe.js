'use strict';

// The performance timeline: the global buffers of marks, measures and
// resource timings, PerformanceObserver (entries reach observers in a batch
// on the next turn of the loop, through setImmediate), and the helpers core
// modules use to emit their own entries ('function', 'gc', 'net', 'dns').

const {
  ArrayFrom,
  ArrayIsArray,
  ArrayPrototypeFilter,
  ArrayPrototypeIncludes,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSort,
  ArrayPrototypeSplice,
  Error,
  MathMax,
  MathMin,
  ObjectDefineProperties,
  ObjectFreeze,
  ObjectKeys,
  SafeMap,
  SafeSet,
  Symbol,
  SymbolToStringTag,
} = primordials;

const {
  constants: {
    NODE_PERFORMANCE_ENTRY_TYPE_GC,
    NODE_PERFORMANCE_ENTRY_TYPE_HTTP,
    NODE_PERFORMANCE_ENTRY_TYPE_HTTP2,
    NODE_PERFORMANCE_ENTRY_TYPE_NET,
    NODE_PERFORMANCE_ENTRY_TYPE_DNS,
  },
  installGarbageCollectionTracking,
  observerCounts,
  removeGarbageCollectionTracking,
  setupObservers,
} = internalBinding('performance');

const {
  createPerformanceNodeEntry,
  isPerformanceEntry,
} = require('internal/perf/performance_entry');
const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const {
  validateFunction,
  validateObject,
  validateThisInternalField,
} = require('internal/validators');
const {
  customInspectSymbol,
  deprecate,
  kEmptyObject,
  kEnumerableProperty,
  lazyDOMException,
} = require('internal/util');
const { now } = require('internal/perf/utils');
const { counts } = require('internal/perf/observer_counts');

let inspect;
function lazyInspect(value, options) {
  inspect ??= require('internal/util/inspect').inspect;
  return inspect(value, options);
}

const kSupportedEntryTypes = ObjectFreeze([
  'dns',
  'function',
  'gc',
  'http',
  'http2',
  'mark',
  'measure',
  'net',
  'resource',
]);

// The entry types C++ or other modules only produce while observed, and
// their index in the shared observerCounts.
function observedTypeIndex(type) {
  switch (type) {
    case 'gc': return NODE_PERFORMANCE_ENTRY_TYPE_GC;
    case 'http': return NODE_PERFORMANCE_ENTRY_TYPE_HTTP;
    case 'http2': return NODE_PERFORMANCE_ENTRY_TYPE_HTTP2;
    case 'net': return NODE_PERFORMANCE_ENTRY_TYPE_NET;
    case 'dns': return NODE_PERFORMANCE_ENTRY_TYPE_DNS;
  }
}

function countObserver(type, delta) {
  const index = observedTypeIndex(type);
  if (index === undefined) return;
  const before = observerCounts[index];
  observerCounts[index] = before + delta;
  counts[type] = before + delta;
  if (index === NODE_PERFORMANCE_ENTRY_TYPE_GC) {
    if (before === 0 && delta > 0) installGarbageCollectionTracking();
    else if (before + delta === 0) removeGarbageCollectionTracking();
  }
}

function hasObserver(type) {
  const index = observedTypeIndex(type);
  return index !== undefined && observerCounts[index] > 0;
}

// --- The global buffers. -----------------------------------------------------

let markBuffer = [];
let measureBuffer = [];
let resourceBuffer = [];
// Resource entries that arrived while the buffer was full, waiting for the
// 'resourcetimingbufferfull' listeners to make room.
let resourceOverflow = [];
let resourceBufferLimit = 250;
let bufferFullPending = false;
let dispatchBufferFull;

const kBufferWarnSize = 1e6;
const kClearMethods = { __proto__: null,
                        mark: 'performance.clearMarks',
                        measure: 'performance.clearMeasures' };
const warnedTypes = new SafeSet();

const byStartTime = (a, b) => a.startTime - b.startTime;

// Appends `source` to `target` one by one: a buffer may hold more entries
// than a call can take as arguments.
function pushAll(target, source) {
  for (let i = 0; i < source.length; i++) ArrayPrototypePush(target, source[i]);
}

function bufferUserTiming(entry) {
  const type = entry.entryType;
  let buffer;
  if (type === 'mark') buffer = markBuffer;
  else if (type === 'measure') buffer = measureBuffer;
  else return;
  ArrayPrototypePush(buffer, entry);
  const count = buffer.length;
  if (count > kBufferWarnSize && !warnedTypes.has(type)) {
    warnedTypes.add(type);
    // A warning, not an error: it has no code.
    // eslint-disable-next-line no-restricted-syntax
    const warning = new Error(
      'Possible perf_hooks memory leak detected. ' +
      `${count} ${type} entries added to the global performance entry ` +
      `buffer. Use ${kClearMethods[type]} to clear the buffer.`);
    warning.name = 'MaxPerformanceEntryBufferExceededWarning';
    warning.entryType = type;
    warning.count = count;
    process.emitWarning(warning);
  }
}

// Resource Timing's "add a PerformanceResourceTiming entry".
function bufferResourceTiming(entry) {
  if (!bufferFullPending && resourceBuffer.length < resourceBufferLimit) {
    ArrayPrototypePush(resourceBuffer, entry);
    return;
  }
  ArrayPrototypePush(resourceOverflow, entry);
  if (bufferFullPending) return;
  bufferFullPending = true;
  const { setImmediate } = require('timers');
  setImmediate(() => {
    // Each 'resourcetimingbufferfull' event may make room (clear the
    // buffer, raise the limit); what still does not fit is dropped.
    while (resourceOverflow.length > 0) {
      dispatchBufferFull('resourcetimingbufferfull');
      const room = MathMax(MathMin(resourceBufferLimit - resourceBuffer.length,
                                   resourceOverflow.length), 0);
      if (room === 0) {
        resourceOverflow = [];
        break;
      }
      pushAll(resourceBuffer, ArrayPrototypeSplice(resourceOverflow, 0, room));
    }
    bufferFullPending = false;
  });
}

function setResourceTimingBufferSize(maxSize) {
  // A smaller limit removes nothing already buffered.
  resourceBufferLimit = maxSize;
}

function setDispatchBufferFull(fn) {
  dispatchBufferFull = fn;
}

function clearEntriesFromBuffer(type, name) {
  const keep = (entry) => entry.name !== name;
  if (type === 'mark') {
    markBuffer = name === undefined ? [] :
      ArrayPrototypeFilter(markBuffer, keep);
  } else if (type === 'measure') {
    measureBuffer = name === undefined ? [] :
      ArrayPrototypeFilter(measureBuffer, keep);
  } else if (type === 'resource') {
    resourceBuffer = name === undefined ? [] :
      ArrayPrototypeFilter(resourceBuffer, keep);
  }
}

// The buffered entries of `type` (all when undefined; none for a type that
// is never buffered) named `name` (any when undefined), by start time.
function filterBufferMapByNameAndType(name, type) {
  let list;
  if (type === undefined) {
    list = [];
    pushAll(list, markBuffer);
    pushAll(list, measureBuffer);
    pushAll(list, resourceBuffer);
  } else if (type === 'mark') {
    list = markBuffer;
  } else if (type === 'measure') {
    list = measureBuffer;
  } else if (type === 'resource') {
    list = resourceBuffer;
  } else {
    return [];
  }
  if (name !== undefined) {
    list = ArrayPrototypeFilter(list, (entry) => entry.name === name);
  } else if (type !== undefined) {
    list = ArrayPrototypeSlice(list);
  }
  return ArrayPrototypeSort(list, byStartTime);
}

// --- Observers. --------------------------------------------------------------

const kBuffer = Symbol('kBuffer');
const kDispatch = Symbol('kDispatch');
const kMaybeBuffer = Symbol('kMaybeBuffer');
const kSkipThrow = Symbol('kSkipThrow');

// Connected observers, and those with entries to hand over.
const observers = new SafeSet();
const pending = new SafeSet();
let dispatchQueued = false;

function queueDispatch(observer) {
  pending.add(observer);
  if (dispatchQueued) return;
  dispatchQueued = true;
  const { setImmediate } = require('timers');
  setImmediate(() => {
    dispatchQueued = false;
    const list = ArrayFrom(pending);
    pending.clear();
    for (let i = 0; i < list.length; i++) list[i][kDispatch]();
  });
}

function inspectOptions(options) {
  return {
    ...options,
    depth: options.depth == null ? null : options.depth - 1,
  };
}

class PerformanceObserverEntryList {
  constructor(skipThrow = undefined, entries = []) {
    if (skipThrow !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kBuffer] = ArrayPrototypeSort(entries, byStartTime);
  }

  getEntries() {
    validateThisInternalField(this, kBuffer, 'PerformanceObserverEntryList');
    return ArrayPrototypeSlice(this[kBuffer]);
  }

  getEntriesByType(type) {
    validateThisInternalField(this, kBuffer, 'PerformanceObserverEntryList');
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    type = `${type}`;
    return ArrayPrototypeFilter(this[kBuffer],
                                (entry) => entry.entryType === type);
  }

  getEntriesByName(name, type = undefined) {
    validateThisInternalField(this, kBuffer, 'PerformanceObserverEntryList');
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    return ArrayPrototypeFilter(this[kBuffer], (entry) =>
      entry.name === name && (type == null || entry.entryType === type));
  }

  [customInspectSymbol](depth, options) {
    if (depth < 0) return this;
    return `PerformanceObserverEntryList ${
      lazyInspect(this[kBuffer], inspectOptions(options))}`;
  }
}
ObjectDefineProperties(PerformanceObserverEntryList.prototype, {
  getEntries: kEnumerableProperty,
  getEntriesByType: kEnumerableProperty,
  getEntriesByName: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    writable: false,
    enumerable: false,
    configurable: true,
    value: 'PerformanceObserverEntryList',
  },
});

const kSingleType = 1;
const kMultipleTypes = 2;

class PerformanceObserver {
  #callback;
  #buffer = [];
  #entryTypes = new SafeSet();
  #mode = 0;

  constructor(callback) {
    validateFunction(callback, 'callback');
    this.#callback = callback;
  }

  observe(options = kEmptyObject) {
    validateObject(options, 'options');
    const { entryTypes, type, buffered } = { ...options };
    if (entryTypes === undefined && type === undefined) {
      throw new ERR_MISSING_ARGS('options.entryTypes', 'options.type');
    }
    if (entryTypes != null && type != null) {
      throw new ERR_INVALID_ARG_VALUE(
        'options.entryTypes', entryTypes,
        'options.entryTypes can not set with options.type together');
    }
    if (this.#mode === 0) {
      this.#mode = entryTypes !== undefined ? kMultipleTypes : kSingleType;
    } else if (this.#mode === kSingleType && entryTypes !== undefined) {
      throw lazyDOMException(
        'PerformanceObserver can not change to multiple observations',
        'InvalidModificationError');
    } else if (this.#mode === kMultipleTypes && type !== undefined) {
      throw lazyDOMException(
        'PerformanceObserver can not change to single observation',
        'InvalidModificationError');
    }

    if (this.#mode === kMultipleTypes) {
      if (!ArrayIsArray(entryTypes)) {
        throw new ERR_INVALID_ARG_TYPE('options.entryTypes', 'string[]',
                                       entryTypes);
      }
      // The new list replaces the old one.
      for (const old of this.#entryTypes) countObserver(old, -1);
      this.#entryTypes.clear();
      for (let i = 0; i < entryTypes.length; i++) {
        const t = entryTypes[i];
        if (ArrayPrototypeIncludes(kSupportedEntryTypes, t) &&
            !this.#entryTypes.has(t)) {
          this.#entryTypes.add(t);
          countObserver(t, 1);
        }
      }
    } else {
      // An unknown type is ignored, as browsers do.
      if (!ArrayPrototypeIncludes(kSupportedEntryTypes, type)) return;
      if (!this.#entryTypes.has(type)) {
        this.#entryTypes.add(type);
        countObserver(type, 1);
      }
      if (buffered) {
        pushAll(this.#buffer, filterBufferMapByNameAndType(undefined, type));
        queueDispatch(this);
      }
    }

    if (this.#entryTypes.size > 0) {
      observers.add(this);
    } else {
      this.disconnect();
    }
  }

  disconnect() {
    for (const type of this.#entryTypes) countObserver(type, -1);
    observers.delete(this);
    pending.delete(this);
    this.#buffer = [];
    this.#entryTypes.clear();
    this.#mode = 0;
  }

  takeRecords() {
    const records = this.#buffer;
    this.#buffer = [];
    return records;
  }

  static get supportedEntryTypes() {
    return kSupportedEntryTypes;
  }

  [kMaybeBuffer](entry) {
    if (!this.#entryTypes.has(entry.entryType)) return;
    ArrayPrototypePush(this.#buffer, entry);
    queueDispatch(this);
  }

  [kDispatch]() {
    const list = new PerformanceObserverEntryList(kSkipThrow,
                                                  this.takeRecords());
    this.#callback(list, this);
  }

  [customInspectSymbol](depth, options) {
    if (depth < 0) return this;
    return `PerformanceObserver ${lazyInspect({
      connected: observers.has(this),
      pending: pending.has(this),
      entryTypes: ArrayFrom(this.#entryTypes),
      buffer: this.#buffer,
    }, inspectOptions(options))}`;
  }
}
ObjectDefineProperties(PerformanceObserver.prototype, {
  observe: kEnumerableProperty,
  disconnect: kEnumerableProperty,
  takeRecords: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    writable: false,
    enumerable: false,
    configurable: true,
    value: 'PerformanceObserver',
  },
});

// https://w3c.github.io/performance-timeline/#dfn-queue-a-performanceentry
function enqueue(entry) {
  if (!isPerformanceEntry(entry)) {
    throw new ERR_INVALID_ARG_TYPE('entry', 'PerformanceEntry', entry);
  }
  for (const observer of observers) observer[kMaybeBuffer](entry);
}

// The fields older Node versions put on 'gc' (and 'http') entries are
// still readable on the entry, deprecated in favour of `detail`.
const kDeprecatedFields = Symbol('kDeprecatedFields');
const kDeprecationMessage =
  'Custom PerformanceEntry accessors are deprecated. ' +
  'Please use the detail property.';

function defineDeprecatedFields(entry, detail) {
  const fields = new SafeMap();
  entry[kDeprecatedFields] = fields;
  const keys = ObjectKeys(detail);
  const descriptors = {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    fields.set(key, detail[key]);
    descriptors[key] = {
      __proto__: null,
      configurable: true,
      enumerable: true,
      get: deprecate(() => fields.get(key), kDeprecationMessage, 'DEP0152'),
      set: deprecate((value) => fields.set(key, value), kDeprecationMessage,
                     'DEP0152'),
    };
  }
  ObjectDefineProperties(entry, descriptors);
}

// What C++ calls for the entries it makes ('gc').
function observerCallback(name, type, startTime, duration, detail) {
  const entry =
    createPerformanceNodeEntry(name, type, startTime, duration, detail);
  if (detail !== undefined) defineDeprecatedFields(entry, detail);
  enqueue(entry);
}
setupObservers(observerCallback);

// For modules timing an operation while `type` is observed: startPerf when
// it begins, stopPerf when it ends (with more detail, if any).
function startPerf(target, key, context = {}) {
  target[key] = { ...context, startTime: now() };
}

function stopPerf(target, key, context = {}) {
  const ctx = target[key];
  if (!ctx) return;
  const startTime = ctx.startTime;
  enqueue(createPerformanceNodeEntry(ctx.name, ctx.type, startTime,
                                     now() - startTime,
                                     { ...ctx.detail, ...context.detail }));
}

module.exports = {
  PerformanceObserver,
  PerformanceObserverEntryList,
  bufferResourceTiming,
  bufferUserTiming,
  clearEntriesFromBuffer,
  enqueue,
  filterBufferMapByNameAndType,
  hasObserver,
  setDispatchBufferFull,
  setResourceTimingBufferSize,
  startPerf,
  stopPerf,
};
