'use strict';

// The stream of a test run's events that run() returns (and that custom
// reporters read): an object-mode Readable of { type, data } that also
// emits each event under its type ('test:pass', 'test:summary', ...).

const {
  ArrayPrototypePush,
  ArrayPrototypeShift,
  NumberMAX_SAFE_INTEGER,
  Symbol,
} = primordials;

const Readable = require('internal/streams/readable');

const kEmitMessage = Symbol('kEmitMessage');

class TestsStream extends Readable {
  #queue = [];
  #flowing = true;

  constructor() {
    super({
      __proto__: null,
      objectMode: true,
      highWaterMark: NumberMAX_SAFE_INTEGER,
    });
  }

  _read() {
    this.#flowing = true;
    while (this.#queue.length > 0) {
      if (!this.#push(ArrayPrototypeShift(this.#queue))) return;
    }
  }

  #push(item) {
    if (!this.#flowing) {
      ArrayPrototypePush(this.#queue, item);
      return false;
    }
    this.#flowing = this.push(item);
    return this.#flowing;
  }

  [kEmitMessage](type, data) {
    this.emit(type, data);
    // eslint-disable-next-line node-core/set-proto-to-null-in-object
    this.#push({ type, data });
  }

  end() {
    this.#push(null);
  }
}

module.exports = { TestsStream, kEmitMessage };
