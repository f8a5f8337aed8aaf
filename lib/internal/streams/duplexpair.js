'use strict';

// duplexPair(): two Duplex streams wired back to back; what one side
// writes, the other reads.

const {
  Symbol,
} = primordials;

const { Duplex } = require('stream');
const { ERR_INVALID_STATE } = require('internal/errors').codes;

const kCallback = Symbol('Callback');
const kInitOtherSide = Symbol('InitOtherSide');

class DuplexSide extends Duplex {
  #otherSide = null;

  constructor(options) {
    super(options);
    this[kCallback] = null;
    this.#otherSide = null;
  }

  [kInitOtherSide](otherSide) {
    if (this.#otherSide === null) {
      this.#otherSide = otherSide;
    } else {
      throw new ERR_INVALID_STATE('Other side is already set');
    }
  }

  _read() {
    // The other side's pending write may go ahead now.
    const callback = this[kCallback];
    if (callback) {
      this[kCallback] = null;
      callback();
    }
  }

  _write(chunk, encoding, callback) {
    if (chunk.length === 0) {
      process.nextTick(callback);
    } else {
      this.#otherSide.push(chunk);
      this.#otherSide[kCallback] = callback;
    }
  }

  _final(callback) {
    this.#otherSide.on('end', callback);
    this.#otherSide.push(null);
  }

  // Destroying one side leaves the other as it is (as in Node 24): an error
  // on one side is that side's alone.
}

function duplexPair(options) {
  const side0 = new DuplexSide(options);
  const side1 = new DuplexSide(options);
  side0[kInitOtherSide](side1);
  side1[kInitOtherSide](side0);
  return [side0, side1];
}

module.exports = duplexPair;
