'use strict';

// The Performance class and the `performance` object (globalThis.performance
// and perf_hooks.performance): an EventTarget ('resourcetimingbufferfull')
// with the timeline's methods and Node's additions (nodeTiming, timerify,
// eventLoopUtilization, markResourceTiming).

const {
  MathTrunc,
  NumberIsFinite,
  ObjectDefineProperties,
  ReflectConstruct,
  Symbol,
  SymbolToStringTag,
} = primordials;

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_MISSING_ARGS },
} = require('internal/errors');
const {
  EventTarget,
  Event,
  kTrustEvent,
  initEventTarget,
  defineEventHandler,
} = require('internal/event_target');
const { now, getTimeOriginTimestamp } = require('internal/perf/utils');
const { markResourceTiming } = require('internal/perf/resource_timing');
const {
  mark,
  measure,
  clearMarkTimings,
} = require('internal/perf/usertiming');
const {
  clearEntriesFromBuffer,
  filterBufferMapByNameAndType,
  setResourceTimingBufferSize,
  setDispatchBufferFull,
} = require('internal/perf/observe');
const { eventLoopUtilization } =
  require('internal/perf/event_loop_utilization');
const nodeTiming = require('internal/perf/nodetiming');
const timerify = require('internal/perf/timerify');
const {
  customInspectSymbol,
  kEmptyObject,
  kEnumerableProperty,
} = require('internal/util');
const { validateThisInternalField } = require('internal/validators');

const kPerformanceBrand = Symbol('performance');

function checkThis(value) {
  validateThisInternalField(value, kPerformanceBrand, 'Performance');
}

// Web IDL's `unsigned long` conversion, as Node does it (the remainder
// keeps the sign of a negative number).
function toUnsignedLong(value) {
  const x = +value;
  if (!NumberIsFinite(x) || x === 0) return 0;
  return MathTrunc(x) % 2 ** 32;
}

class Performance extends EventTarget {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  [customInspectSymbol](depth, options) {
    if (depth < 0) return this;
    const opts = {
      ...options,
      depth: options.depth == null ? null : options.depth - 1,
    };
    const { inspect } = require('internal/util/inspect');
    return `Performance ${inspect({
      nodeTiming: this.nodeTiming,
      timeOrigin: this.timeOrigin,
    }, opts)}`;
  }

  clearMarks(name = undefined) {
    checkThis(this);
    if (name !== undefined) name = `${name}`;
    clearMarkTimings(name);
    clearEntriesFromBuffer('mark', name);
  }

  clearMeasures(name = undefined) {
    checkThis(this);
    if (name !== undefined) name = `${name}`;
    clearEntriesFromBuffer('measure', name);
  }

  clearResourceTimings(name = undefined) {
    checkThis(this);
    if (name !== undefined) name = `${name}`;
    clearEntriesFromBuffer('resource', name);
  }

  getEntries() {
    checkThis(this);
    return filterBufferMapByNameAndType();
  }

  getEntriesByName(name, type = undefined) {
    checkThis(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (type !== undefined) type = `${type}`;
    return filterBufferMapByNameAndType(name, type);
  }

  getEntriesByType(type) {
    checkThis(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    return filterBufferMapByNameAndType(undefined, `${type}`);
  }

  mark(name, options = kEmptyObject) {
    checkThis(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    return mark(name, options);
  }

  measure(name, startOrMeasureOptions = kEmptyObject, endMark = undefined) {
    checkThis(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    return measure(name, startOrMeasureOptions, endMark);
  }

  now() {
    checkThis(this);
    return now();
  }

  setResourceTimingBufferSize(maxSize) {
    checkThis(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('maxSize');
    setResourceTimingBufferSize(toUnsignedLong(maxSize));
  }

  get timeOrigin() {
    checkThis(this);
    return getTimeOriginTimestamp();
  }

  toJSON() {
    checkThis(this);
    return {
      nodeTiming: this.nodeTiming,
      timeOrigin: this.timeOrigin,
      eventLoopUtilization: this.eventLoopUtilization(),
    };
  }
}

function nodeExtension(value) {
  return {
    __proto__: null,
    configurable: true,
    enumerable: false,
    writable: true,
    value,
  };
}

ObjectDefineProperties(Performance.prototype, {
  clearMarks: kEnumerableProperty,
  clearMeasures: kEnumerableProperty,
  clearResourceTimings: kEnumerableProperty,
  getEntries: kEnumerableProperty,
  getEntriesByName: kEnumerableProperty,
  getEntriesByType: kEnumerableProperty,
  mark: kEnumerableProperty,
  measure: kEnumerableProperty,
  now: kEnumerableProperty,
  timeOrigin: kEnumerableProperty,
  toJSON: kEnumerableProperty,
  setResourceTimingBufferSize: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    writable: false,
    enumerable: false,
    configurable: true,
    value: 'Performance',
  },
  eventLoopUtilization: nodeExtension(eventLoopUtilization),
  nodeTiming: nodeExtension(nodeTiming),
  markResourceTiming: nodeExtension(markResourceTiming),
  timerify: nodeExtension(timerify),
});
defineEventHandler(Performance.prototype, 'resourcetimingbufferfull');

// The one instance: made without running the throwing constructor.
const performance = ReflectConstruct(function Performance() {
  initEventTarget(this);
  this[kPerformanceBrand] = true;
}, [], Performance);

setDispatchBufferFull((type) => {
  performance.dispatchEvent(new Event(type, { [kTrustEvent]: true }));
});

module.exports = {
  Performance,
  performance,
};
