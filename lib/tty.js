'use strict';

// node:tty. isatty is here; ReadStream and WriteStream are built on the
// streams of the file-system issue and report not implemented until then.

const { NumberIsInteger } = primordials;

const { isTTY } = internalBinding('tty_wrap');
const {
  codes: { ERR_NOT_IMPLEMENTED },
} = require('internal/errors');

function isatty(fd) {
  return NumberIsInteger(fd) && fd >= 0 && fd <= 2147483647 && isTTY(fd);
}

class ReadStream {
  constructor() {
    throw new ERR_NOT_IMPLEMENTED('tty.ReadStream');
  }
}

class WriteStream {
  constructor() {
    throw new ERR_NOT_IMPLEMENTED('tty.WriteStream');
  }
}

module.exports = { isatty, ReadStream, WriteStream };
