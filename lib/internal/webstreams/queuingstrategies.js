'use strict';

// ByteLengthQueuingStrategy and CountQueuingStrategy.

const {
  ObjectDefineProperties,
  SymbolToStringTag,
} = primordials;

const {
  codes: { ERR_MISSING_OPTION },
} = require('internal/errors');
const {
  customInspectSymbol: kInspect,
  kEnumerableProperty,
} = require('internal/util');
const { validateObject } = require('internal/validators');
const { customInspect } = require('internal/webstreams/util');

// One size function per class, shared by every instance (the standard asks
// for the same function object each time).
const byteSizeFunction = {
  size(chunk) { return chunk.byteLength; },
}.size;
const countSizeFunction = {
  size() { return 1; },
}.size;

function readHighWaterMark(init) {
  validateObject(init, 'init');
  const highWaterMark = init.highWaterMark;
  if (highWaterMark === undefined) {
    throw new ERR_MISSING_OPTION('init.highWaterMark');
  }
  return +highWaterMark;
}

class ByteLengthQueuingStrategy {
  #state;

  constructor(init) {
    this.#state = readHighWaterMark(init);
  }

  get highWaterMark() {
    return this.#state;
  }

  get size() {
    // A brand check, as the standard's getter has.
    this.#state; // eslint-disable-line no-unused-expressions
    return byteSizeFunction;
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, 'ByteLengthQueuingStrategy', {
      highWaterMark: this.highWaterMark,
    });
  }
}

class CountQueuingStrategy {
  #state;

  constructor(init) {
    this.#state = readHighWaterMark(init);
  }

  get highWaterMark() {
    return this.#state;
  }

  get size() {
    this.#state; // eslint-disable-line no-unused-expressions
    return countSizeFunction;
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, 'CountQueuingStrategy', {
      highWaterMark: this.highWaterMark,
    });
  }
}

for (const Class of [ByteLengthQueuingStrategy, CountQueuingStrategy]) {
  ObjectDefineProperties(Class.prototype, {
    highWaterMark: kEnumerableProperty,
    size: kEnumerableProperty,
    [SymbolToStringTag]: {
      __proto__: null, configurable: true, value: Class.name,
    },
  });
}

module.exports = {
  ByteLengthQueuingStrategy,
  CountQueuingStrategy,
};
