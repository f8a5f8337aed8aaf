'use strict';

// The histograms of perf_hooks: createHistogram() makes a
// RecordableHistogram; monitorEventLoopDelay() (internal/perf/
// event_loop_delay) a Histogram fed by a timer. The numbers live in C++
// (src/lode_histogram.cc), in a handle kept under kHandle.

const {
  Map,
  MapPrototypeClear,
  MapPrototypeEntries,
  NumberIsNaN,
  NumberMAX_SAFE_INTEGER,
  ObjectFromEntries,
  Symbol,
} = primordials;

const { Histogram: HistogramHandle } = internalBinding('performance');
const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  validateInteger,
  validateNumber,
  validateObject,
} = require('internal/validators');
const { customInspectSymbol, kEmptyObject } = require('internal/util');
const {
  markUncloneable,
  noteUncloneableCreated,
} = require('internal/structured_clone');

const kHandle = Symbol('kHandle');
const kMap = Symbol('kMap');
const kRecordable = Symbol('kRecordable');
const kSkipThrow = Symbol('kSkipThrow');

const kInt64Max = 2n ** 63n - 1n;

function isHistogram(value) {
  return value?.[kHandle] !== undefined;
}

function checkThis(histogram) {
  if (!isHistogram(histogram)) throw new ERR_INVALID_THIS('Histogram');
}

function checkPercentile(percentile) {
  validateNumber(percentile, 'percentile');
  if (NumberIsNaN(percentile) || percentile <= 0 || percentile > 100) {
    throw new ERR_OUT_OF_RANGE('percentile', '> 0 && <= 100', percentile);
  }
}

class Histogram {
  constructor(skipThrow = undefined) {
    if (skipThrow !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    noteUncloneableCreated();
  }

  [customInspectSymbol](depth, options) {
    if (depth < 0) return this;
    const opts = {
      ...options,
      depth: options.depth == null ? null : options.depth - 1,
    };
    const { inspect } = require('internal/util/inspect');
    return `Histogram ${inspect({
      min: this.min,
      max: this.max,
      mean: this.mean,
      exceeds: this.exceeds,
      stddev: this.stddev,
      count: this.count,
      percentiles: this.percentiles,
    }, opts)}`;
  }

  get count() {
    checkThis(this);
    return this[kHandle].count();
  }

  get countBigInt() {
    checkThis(this);
    return this[kHandle].countBigInt();
  }

  get min() {
    checkThis(this);
    return this[kHandle].min();
  }

  get minBigInt() {
    checkThis(this);
    return this[kHandle].minBigInt();
  }

  get max() {
    checkThis(this);
    return this[kHandle].max();
  }

  get maxBigInt() {
    checkThis(this);
    return this[kHandle].maxBigInt();
  }

  get mean() {
    checkThis(this);
    return this[kHandle].mean();
  }

  get exceeds() {
    checkThis(this);
    return this[kHandle].exceeds();
  }

  get exceedsBigInt() {
    checkThis(this);
    return this[kHandle].exceedsBigInt();
  }

  get stddev() {
    checkThis(this);
    return this[kHandle].stddev();
  }

  percentile(percentile) {
    checkThis(this);
    checkPercentile(percentile);
    return this[kHandle].percentile(percentile);
  }

  percentileBigInt(percentile) {
    checkThis(this);
    checkPercentile(percentile);
    return this[kHandle].percentileBigInt(percentile);
  }

  // The same Map each time, refilled.
  get percentiles() {
    checkThis(this);
    MapPrototypeClear(this[kMap]);
    this[kHandle].percentiles(this[kMap]);
    return this[kMap];
  }

  get percentilesBigInt() {
    checkThis(this);
    MapPrototypeClear(this[kMap]);
    this[kHandle].percentilesBigInt(this[kMap]);
    return this[kMap];
  }

  reset() {
    checkThis(this);
    this[kHandle].reset();
  }

  toJSON() {
    return {
      count: this.count,
      min: this.min,
      max: this.max,
      mean: this.mean,
      exceeds: this.exceeds,
      stddev: this.stddev,
      percentiles: ObjectFromEntries(MapPrototypeEntries(this.percentiles)),
    };
  }
}

class RecordableHistogram extends Histogram {
  constructor(skipThrow = undefined) {
    if (skipThrow !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(skipThrow);
  }

  record(val) {
    if (this[kRecordable] === undefined) {
      throw new ERR_INVALID_THIS('RecordableHistogram');
    }
    if (typeof val !== 'bigint') validateInteger(val, 'val', 1);
    this[kHandle].record(val);
  }

  recordDelta() {
    if (this[kRecordable] === undefined) {
      throw new ERR_INVALID_THIS('RecordableHistogram');
    }
    this[kHandle].recordDelta();
  }

  add(other) {
    if (this[kRecordable] === undefined) {
      throw new ERR_INVALID_THIS('RecordableHistogram');
    }
    if (other?.[kRecordable] === undefined) {
      throw new ERR_INVALID_ARG_TYPE('other', 'RecordableHistogram', other);
    }
    this[kHandle].add(other[kHandle]);
  }
}

// Node clones a histogram sharing its numbers (also with workers); lode
// cannot share them yet, and refuses instead of copying an empty object.
markUncloneable(Histogram.prototype);
markUncloneable(RecordableHistogram.prototype);

function createRecordableHistogram(handle) {
  const histogram = new RecordableHistogram(kSkipThrow);
  histogram[kRecordable] = true;
  histogram[kMap] = new Map();
  histogram[kHandle] = handle;
  return histogram;
}

// A BigInt bound must also fit the histogram's int64 values.
function checkBigIntRange(name, value, min) {
  if (value < min || value > kInt64Max) {
    throw new ERR_INVALID_ARG_VALUE.RangeError(name, value);
  }
}

function createHistogram(options = kEmptyObject) {
  validateObject(options, 'options');
  const {
    lowest = 1,
    highest = NumberMAX_SAFE_INTEGER,
    figures = 3,
  } = options;
  if (typeof lowest !== 'bigint') {
    validateInteger(lowest, 'options.lowest', 1, NumberMAX_SAFE_INTEGER);
  } else {
    checkBigIntRange('options.lowest', lowest, 1n);
  }
  if (typeof highest !== 'bigint') {
    validateInteger(highest, 'options.highest', 2 * lowest,
                    NumberMAX_SAFE_INTEGER);
  } else {
    checkBigIntRange('options.highest', highest, 2n * lowest);
  }
  validateInteger(figures, 'options.figures', 1, 5);
  return createRecordableHistogram(
    new HistogramHandle(lowest, highest, figures));
}

module.exports = {
  Histogram,
  RecordableHistogram,
  createHistogram,
  isHistogram,
  kHandle,
  kMap,
};
