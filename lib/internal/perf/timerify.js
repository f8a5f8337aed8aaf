'use strict';

// timerify(fn[, { histogram }]): a wrapper of `fn` that makes a 'function'
// entry for every call (when the call, or the promise it returns, ends)
// and records its duration in nanoseconds in the histogram, if any.

const {
  FunctionPrototypeBind,
  MathCeil,
  ObjectDefineProperties,
  ReflectApply,
  ReflectConstruct,
} = primordials;

const {
  createPerformanceNodeEntry,
} = require('internal/perf/performance_entry');
const { now } = require('internal/perf/utils');
const { enqueue } = require('internal/perf/observe');
const { isHistogram } = require('internal/histogram');
const { validateFunction, validateObject } = require('internal/validators');
const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { kEmptyObject } = require('internal/util');

function callEnded(name, start, args, histogram) {
  const duration = now() - start;
  if (histogram !== undefined) histogram.record(MathCeil(duration * 1e6));
  const entry = createPerformanceNodeEntry(name, 'function', start, duration,
                                           args);
  // The arguments are also readable by index on the entry.
  for (let i = 0; i < args.length; i++) entry[i] = args[i];
  enqueue(entry);
}

function timerify(fn, options = kEmptyObject) {
  validateFunction(fn, 'fn');
  validateObject(options, 'options');
  const { histogram } = options;
  if (histogram !== undefined &&
      (!isHistogram(histogram) || typeof histogram.record !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('options.histogram', 'RecordableHistogram',
                                   histogram);
  }

  function timerified(...args) {
    const construct = new.target !== undefined;
    const start = now();
    const result = construct ?
      ReflectConstruct(fn, args, fn) :
      ReflectApply(fn, this, args);
    if (!construct && typeof result?.finally === 'function') {
      return result.finally(
        FunctionPrototypeBind(callEnded, result, fn.name, start, args,
                              histogram));
    }
    callEnded(fn.name, start, args, histogram);
    return result;
  }

  ObjectDefineProperties(timerified, {
    length: {
      __proto__: null,
      configurable: false,
      enumerable: true,
      value: fn.length,
    },
    name: {
      __proto__: null,
      configurable: false,
      enumerable: true,
      value: `timerified ${fn.name}`,
    },
  });
  return timerified;
}

module.exports = timerify;
