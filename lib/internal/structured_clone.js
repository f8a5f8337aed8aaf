'use strict';

// The global structuredClone(value, { transfer }).

const {
  ArrayIsArray,
} = primordials;

const { structuredClone: clone } = internalBinding('messaging');
const {
  codes: { ERR_MISSING_ARGS, ERR_INVALID_ARG_TYPE },
} = require('internal/errors');

function structuredClone(value, options) {
  if (arguments.length === 0) {
    throw new ERR_MISSING_ARGS('The value argument must be specified');
  }
  let transfer;
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    transfer = options.transfer;
    if (transfer !== undefined && !ArrayIsArray(transfer)) {
      // The Web IDL sequence conversion: any iterable would do; Node
      // accepts arrays.
      throw new ERR_INVALID_ARG_TYPE('options.transfer', 'Array', transfer);
    }
  }
  try {
    return clone(value, transfer);
  } catch (err) {
    if (err?.code === 'DataCloneError') {
      const { lazyDOMException } = require('internal/util');
      throw lazyDOMException(err.message, 'DataCloneError');
    }
    throw err;
  }
}

module.exports = { structuredClone };
