'use strict';

// monitorEventLoopDelay({ resolution }): a Histogram of the nanoseconds
// between the ticks of a `resolution` ms timer, while enabled. A loop busy
// past a tick makes the next sample longer.

const {
  ReflectConstruct,
  SafeMap,
  Symbol,
  SymbolDispose,
} = primordials;

const { ELDHistogram: IntervalHandle } = internalBinding('performance');
const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS },
} = require('internal/errors');
const { validateInteger, validateObject } = require('internal/validators');
const { Histogram, kHandle, kMap } = require('internal/histogram');
const { kEmptyObject } = require('internal/util');
const {
  markUncloneable,
  noteUncloneableCreated,
} = require('internal/structured_clone');

const kEnabled = Symbol('kEnabled');

class ELDHistogram extends Histogram {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  // Returns false when it was already enabled.
  enable() {
    if (this[kEnabled] === undefined) {
      throw new ERR_INVALID_THIS('ELDHistogram');
    }
    if (this[kEnabled]) return false;
    this[kEnabled] = true;
    this[kHandle].start();
    return true;
  }

  // Returns false when it was not enabled.
  disable() {
    if (this[kEnabled] === undefined) {
      throw new ERR_INVALID_THIS('ELDHistogram');
    }
    if (!this[kEnabled]) return false;
    this[kEnabled] = false;
    this[kHandle].stop();
    return true;
  }

  [SymbolDispose]() {
    this.disable();
  }
}

markUncloneable(ELDHistogram.prototype);

function monitorEventLoopDelay(options = kEmptyObject) {
  validateObject(options, 'options');
  const { resolution = 10 } = options;
  validateInteger(resolution, 'options.resolution', 1);
  // Made without running Histogram's constructor: structuredClone must
  // still learn that a histogram exists.
  noteUncloneableCreated();
  return ReflectConstruct(function() {
    this[kEnabled] = false;
    this[kHandle] = new IntervalHandle(resolution);
    this[kMap] = new SafeMap();
  }, [], ELDHistogram);
}

module.exports = monitorEventLoopDelay;
