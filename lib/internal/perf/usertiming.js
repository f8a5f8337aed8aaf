'use strict';

// User Timing: performance.mark() and performance.measure(), and their
// entry classes. A mark's name can be used as a time in later measures;
// so can the nodeTiming milestones ('nodeStart', 'loopStart', ...).

const {
  ObjectDefineProperties,
  SafeMap,
  SafeSet,
  Symbol,
  SymbolToStringTag,
} = primordials;

const {
  PerformanceEntry,
  kSkipThrow,
} = require('internal/perf/performance_entry');
const { now } = require('internal/perf/utils');
const { enqueue, bufferUserTiming } = require('internal/perf/observe');
const nodeTiming = require('internal/perf/nodetiming');
const {
  validateNumber,
  validateObject,
  validateString,
  validateThisInternalField,
} = require('internal/validators');
const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_VALUE,
    ERR_MISSING_ARGS,
    ERR_PERFORMANCE_INVALID_TIMESTAMP,
    ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS,
  },
} = require('internal/errors');
const { kEnumerableProperty, lazyDOMException } = require('internal/util');

const kDetail = Symbol('kDetail');

// The latest time of each mark name.
const markTimes = new SafeMap();

const milestoneNames = new SafeSet([
  'nodeStart',
  'v8Start',
  'environment',
  'loopStart',
  'loopExit',
  'bootstrapComplete',
]);

let structuredClone;
function cloneDetail(detail) {
  if (detail == null) return null;
  structuredClone ??= require('internal/structured_clone').structuredClone;
  return structuredClone(detail);
}

// A time given to measure(): a timestamp, a milestone or a mark name.
function resolveTime(nameOrTime) {
  if (nameOrTime === undefined) return undefined;
  if (typeof nameOrTime === 'number') {
    if (nameOrTime < 0) {
      throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(nameOrTime);
    }
    return nameOrTime;
  }
  const name = `${nameOrTime}`;
  if (milestoneNames.has(name)) return nodeTiming[name];
  const time = markTimes.get(name);
  if (time === undefined) {
    throw lazyDOMException(`The "${name}" performance mark has not been set`,
                           'SyntaxError');
  }
  return time;
}

function userTimingJSON(entry) {
  return {
    name: entry.name,
    entryType: entry.entryType,
    startTime: entry.startTime,
    duration: entry.duration,
    detail: entry[kDetail],
  };
}

class PerformanceMark extends PerformanceEntry {
  constructor(name, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (milestoneNames.has(name)) throw new ERR_INVALID_ARG_VALUE('name', name);
    if (options != null) validateObject(options, 'options');
    const startTime = options?.startTime ?? now();
    validateNumber(startTime, 'startTime');
    if (startTime < 0) throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(startTime);
    markTimes.set(name, startTime);
    const detail = cloneDetail(options?.detail);
    super(kSkipThrow, name, 'mark', startTime, 0);
    this[kDetail] = detail;
  }

  get detail() {
    validateThisInternalField(this, kDetail, 'PerformanceMark');
    return this[kDetail];
  }

  toJSON() {
    return userTimingJSON(this);
  }
}
ObjectDefineProperties(PerformanceMark.prototype, {
  detail: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'PerformanceMark',
  },
});

class PerformanceMeasure extends PerformanceEntry {
  constructor(skipThrow = undefined, name = undefined, type = undefined,
              start = undefined, duration = undefined) {
    if (skipThrow !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(skipThrow, name, type, start, duration);
  }

  get detail() {
    validateThisInternalField(this, kDetail, 'PerformanceMeasure');
    return this[kDetail];
  }

  toJSON() {
    return userTimingJSON(this);
  }
}
ObjectDefineProperties(PerformanceMeasure.prototype, {
  detail: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'PerformanceMeasure',
  },
});

function mark(name, options) {
  const entry = new PerformanceMark(name, options);
  enqueue(entry);
  bufferUserTiming(entry);
  return entry;
}

// measure(name, startMark, endMark) or measure(name, { start, end,
// duration, detail }): the start and end of the measure.
function measureSpan(startOrOptions, endMark) {
  startOrOptions ??= 0;
  let start;
  let end;
  let duration;
  let useOptions = false;
  if (typeof startOrOptions === 'object') {
    ({ start, end, duration } = startOrOptions);
    useOptions = start !== undefined || end !== undefined;
  }
  if (useOptions) {
    if (endMark !== undefined) {
      throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS(
        'endMark must not be specified');
    }
    if (start !== undefined && end !== undefined && duration !== undefined) {
      throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS(
        'Must not have options.start, options.end, and ' +
        'options.duration specified');
    }
  }

  let endTime;
  if (endMark !== undefined) {
    endTime = resolveTime(endMark);
  } else if (useOptions && end !== undefined) {
    endTime = resolveTime(end);
  } else if (useOptions && start !== undefined && duration !== undefined) {
    endTime = resolveTime(start) + resolveTime(duration);
  } else {
    endTime = now();
  }

  let startTime;
  if (typeof startOrOptions === 'string') {
    startTime = resolveTime(startOrOptions);
  } else if (useOptions && start !== undefined) {
    startTime = resolveTime(start);
  } else if (useOptions && duration !== undefined) {
    startTime = endTime - resolveTime(duration);
  } else {
    startTime = 0;
  }
  return { startTime, duration: endTime - startTime };
}

function measure(name, startOrOptions, endMark) {
  validateString(name, 'name');
  const { startTime, duration } = measureSpan(startOrOptions, endMark);
  const detail = cloneDetail(startOrOptions?.detail);
  const entry =
    new PerformanceMeasure(kSkipThrow, name, 'measure', startTime, duration);
  entry[kDetail] = detail;
  enqueue(entry);
  bufferUserTiming(entry);
  return entry;
}

function clearMarkTimings(name) {
  if (name === undefined) {
    markTimes.clear();
    return;
  }
  name = `${name}`;
  if (milestoneNames.has(name)) throw new ERR_INVALID_ARG_VALUE('name', name);
  markTimes.delete(name);
}

module.exports = {
  PerformanceMark,
  PerformanceMeasure,
  clearMarkTimings,
  mark,
  measure,
};
