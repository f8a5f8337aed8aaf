'use strict';

// readline.cursorTo/moveCursor/clearLine/clearScreenDown: each writes one
// control sequence to `stream` and returns what stream.write() returned. With
// no stream (or nothing to do) the callback still runs, on the next tick.

const {
  NumberIsNaN,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_CURSOR_POS,
  },
} = require('internal/errors');
const { validateFunction } = require('internal/validators');
const { CSI } = require('internal/readline/utils');

const {
  kClearLine,
  kClearScreenDown,
  kClearToLineBeginning,
  kClearToLineEnd,
} = CSI;

function nothingToWrite(callback) {
  if (typeof callback === 'function') process.nextTick(callback, null);
  return true;
}

function cursorTo(stream, x, y, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  if (NumberIsNaN(x)) throw new ERR_INVALID_ARG_VALUE('x', x);
  if (NumberIsNaN(y)) throw new ERR_INVALID_ARG_VALUE('y', y);

  if (stream == null || (typeof x !== 'number' && typeof y !== 'number')) {
    return nothingToWrite(callback);
  }
  if (typeof x !== 'number') throw new ERR_INVALID_CURSOR_POS();

  const data = typeof y === 'number' ? CSI`${y + 1};${x + 1}H` :
    CSI`${x + 1}G`;
  return stream.write(data, callback);
}

function moveCursor(stream, dx, dy, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream == null || !(dx || dy)) return nothingToWrite(callback);

  let data = '';
  if (dx < 0) {
    data += CSI`${-dx}D`;
  } else if (dx > 0) {
    data += CSI`${dx}C`;
  }
  if (dy < 0) {
    data += CSI`${-dy}A`;
  } else if (dy > 0) {
    data += CSI`${dy}B`;
  }
  return stream.write(data, callback);
}

// dir < 0: to the left of the cursor; dir > 0: to the right; else the line.
function clearLine(stream, dir, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream == null) return nothingToWrite(callback);
  let data = kClearLine;
  if (dir < 0) {
    data = kClearToLineBeginning;
  } else if (dir > 0) {
    data = kClearToLineEnd;
  }
  return stream.write(data, callback);
}

function clearScreenDown(stream, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream == null) return nothingToWrite(callback);
  return stream.write(kClearScreenDown, callback);
}

module.exports = {
  clearLine,
  clearScreenDown,
  cursorTo,
  moveCursor,
};
