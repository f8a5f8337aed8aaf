'use strict';

// readline/promises' Readline: cursor and clearing actions on a writable
// stream, queued until commit() (or written on the next tick with
// autoCommit).

const {
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  Promise,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
  },
} = require('internal/errors');
const { validateBoolean, validateInteger } = require('internal/validators');
const { isWritable } = require('internal/streams/utils');
const { CSI } = require('internal/readline/utils');

const {
  kClearLine,
  kClearScreenDown,
  kClearToLineBeginning,
  kClearToLineEnd,
} = CSI;

class Readline {
  #autoCommit = false;
  #stream;
  #todo = [];

  constructor(stream, options = undefined) {
    if (!isWritable(stream)) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'Writable', stream);
    }
    this.#stream = stream;
    if (options?.autoCommit != null) {
      validateBoolean(options.autoCommit, 'options.autoCommit');
      this.#autoCommit = options.autoCommit;
    }
  }

  #add(data) {
    if (this.#autoCommit) {
      process.nextTick(() => this.#stream.write(data));
    } else {
      ArrayPrototypePush(this.#todo, data);
    }
    return this;
  }

  cursorTo(x, y = undefined) {
    validateInteger(x, 'x');
    if (y != null) validateInteger(y, 'y');
    return this.#add(y == null ? CSI`${x + 1}G` : CSI`${y + 1};${x + 1}H`);
  }

  moveCursor(dx, dy) {
    if (!dx && !dy) return this;
    validateInteger(dx, 'dx');
    validateInteger(dy, 'dy');
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
    return this.#add(data);
  }

  // dir: -1 left of the cursor, 1 right of it, 0 the whole line.
  clearLine(dir) {
    validateInteger(dir, 'dir', -1, 1);
    let data = kClearLine;
    if (dir < 0) {
      data = kClearToLineBeginning;
    } else if (dir > 0) {
      data = kClearToLineEnd;
    }
    return this.#add(data);
  }

  clearScreenDown() {
    return this.#add(kClearScreenDown);
  }

  // Writes the queued actions at once; resolves when they are written.
  commit() {
    return new Promise((resolve) => {
      this.#stream.write(ArrayPrototypeJoin(this.#todo, ''), resolve);
      this.#todo = [];
    });
  }

  rollback() {
    this.#todo = [];
    return this;
  }
}

module.exports = {
  Readline,
};
