'use strict';

// PerformanceEntry, the base of every timeline entry, and the Node-specific
// entry kind with a `detail` ('function', 'gc', 'net', 'dns', 'http').

const {
  ObjectDefineProperties,
  Symbol,
} = primordials;

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR },
} = require('internal/errors');
const {
  customInspectSymbol,
  kEnumerableProperty,
} = require('internal/util');
const { validateThisInternalField } = require('internal/validators');

const kName = Symbol('PerformanceEntry.Name');
const kEntryType = Symbol('PerformanceEntry.EntryType');
const kStartTime = Symbol('PerformanceEntry.StartTime');
const kDuration = Symbol('PerformanceEntry.Duration');
const kDetail = Symbol('NodePerformanceEntry.Detail');
// Only core may construct entries: it passes this first.
const kSkipThrow = Symbol('kSkipThrow');

let inspect;
function lazyInspect(value, options) {
  inspect ??= require('internal/util/inspect').inspect;
  return inspect(value, options);
}

function isPerformanceEntry(value) {
  return value?.[kName] !== undefined;
}

// Shared by every entry class: "<ClassName> { ...toJSON() }".
function inspectEntry(entry, depth, options) {
  if (depth < 0) return entry;
  const opts = {
    ...options,
    depth: options.depth == null ? null : options.depth - 1,
  };
  return `${entry.constructor.name} ${lazyInspect(entry.toJSON(), opts)}`;
}

class PerformanceEntry {
  constructor(skipThrow = undefined, name = undefined, type = undefined,
              start = undefined, duration = undefined) {
    if (skipThrow !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kName] = name;
    this[kEntryType] = type;
    this[kStartTime] = start;
    this[kDuration] = duration;
  }

  get name() {
    validateThisInternalField(this, kName, 'PerformanceEntry');
    return this[kName];
  }

  get entryType() {
    validateThisInternalField(this, kEntryType, 'PerformanceEntry');
    return this[kEntryType];
  }

  get startTime() {
    validateThisInternalField(this, kStartTime, 'PerformanceEntry');
    return this[kStartTime];
  }

  get duration() {
    validateThisInternalField(this, kDuration, 'PerformanceEntry');
    return this[kDuration];
  }

  [customInspectSymbol](depth, options) {
    return inspectEntry(this, depth, options);
  }

  toJSON() {
    validateThisInternalField(this, kName, 'PerformanceEntry');
    return {
      name: this[kName],
      entryType: this[kEntryType],
      startTime: this[kStartTime],
      duration: this[kDuration],
    };
  }
}
ObjectDefineProperties(PerformanceEntry.prototype, {
  name: kEnumerableProperty,
  entryType: kEnumerableProperty,
  startTime: kEnumerableProperty,
  duration: kEnumerableProperty,
  toJSON: kEnumerableProperty,
});

// Entries core makes with a detail of its own (not exported by Node either).
class PerformanceNodeEntry extends PerformanceEntry {
  get detail() {
    validateThisInternalField(this, kDetail, 'NodePerformanceEntry');
    return this[kDetail];
  }

  toJSON() {
    validateThisInternalField(this, kName, 'PerformanceEntry');
    return {
      name: this[kName],
      entryType: this[kEntryType],
      startTime: this[kStartTime],
      duration: this[kDuration],
      detail: this[kDetail],
    };
  }
}

function createPerformanceEntry(name, type, start, duration) {
  return new PerformanceEntry(kSkipThrow, name, type, start, duration);
}

function createPerformanceNodeEntry(name, type, start, duration, detail) {
  const entry =
    new PerformanceNodeEntry(kSkipThrow, name, type, start, duration);
  entry[kDetail] = detail;
  return entry;
}

module.exports = {
  PerformanceEntry,
  PerformanceNodeEntry,
  createPerformanceEntry,
  createPerformanceNodeEntry,
  inspectEntry,
  isPerformanceEntry,
  kSkipThrow,
};
