'use strict';

// highWaterMark bookkeeping shared by Readable and Writable: the process-wide
// defaults and the reading of the highWaterMark options.

const {
  MathFloor,
  NumberIsInteger,
} = primordials;

const { validateInteger } = require('internal/validators');
const { ERR_INVALID_ARG_VALUE } = require('internal/errors').codes;

// 64 KiB for byte streams, 16 items for object streams (Node 22 and later).
let defaultBytesHighWaterMark = 64 * 1024;
let defaultObjectHighWaterMark = 16;

function getDefaultHighWaterMark(objectMode) {
  return objectMode ? defaultObjectHighWaterMark : defaultBytesHighWaterMark;
}

function setDefaultHighWaterMark(objectMode, value) {
  validateInteger(value, 'value', 0);
  if (objectMode) {
    defaultObjectHighWaterMark = value;
  } else {
    defaultBytesHighWaterMark = value;
  }
}

// `duplexKey` is 'readableHighWaterMark' or 'writableHighWaterMark'; a
// Duplex reads it when the plain highWaterMark option is absent.
function highWaterMarkFrom(options, isDuplex, duplexKey) {
  if (options.highWaterMark != null) return options.highWaterMark;
  return isDuplex ? options[duplexKey] : null;
}

function getHighWaterMark(state, options, duplexKey, isDuplex) {
  const hwm = highWaterMarkFrom(options, isDuplex, duplexKey);
  if (hwm == null) return getDefaultHighWaterMark(state.objectMode);
  if (!NumberIsInteger(hwm) || hwm < 0) {
    const name = isDuplex ? `options.${duplexKey}` : 'options.highWaterMark';
    throw new ERR_INVALID_ARG_VALUE(name, hwm);
  }
  return MathFloor(hwm);
}

module.exports = {
  getDefaultHighWaterMark,
  getHighWaterMark,
  setDefaultHighWaterMark,
};
