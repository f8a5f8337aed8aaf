'use strict';

// TextEncoderStream and TextDecoderStream: a TransformStream around a
// TextEncoder / TextDecoder.

const {
  ObjectDefineProperties,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
  Uint8Array,
} = primordials;

const {
  codes: { ERR_INVALID_THIS },
} = require('internal/errors');
const { TextDecoder, TextEncoder } = require('internal/encoding');
const {
  customInspectSymbol: kInspect,
  kEmptyObject,
  kEnumerableProperty,
} = require('internal/util');
const { customInspect } = require('internal/webstreams/util');
const { TransformStream } = require('internal/webstreams/transformstream');

let encoder;

class TextEncoderStream {
  #handle;
  #pending = null;
  #transform;

  constructor() {
    encoder ??= new TextEncoder();
    this.#handle = encoder;
    this.#transform = new TransformStream({
      transform: (chunk, controller) => {
        let input = `${chunk}`;
        if (this.#pending !== null) {
          input = this.#pending + input;
          this.#pending = null;
        }
        if (input.length === 0) return;
        // A high surrogate at the end may pair with the next chunk's start.
        const last = StringPrototypeCharCodeAt(input, input.length - 1);
        if (last >= 0xD800 && last <= 0xDBFF) {
          this.#pending = StringPrototypeSlice(input, -1);
          input = StringPrototypeSlice(input, 0, -1);
          if (input.length === 0) return;
        }
        controller.enqueue(encoder.encode(input));
      },
      flush: (controller) => {
        if (this.#pending !== null) {
          // A lone surrogate encodes as U+FFFD.
          controller.enqueue(new Uint8Array([0xEF, 0xBF, 0xBD]));
        }
      },
    });
  }

  get encoding() {
    return this.#handle.encoding;
  }

  get readable() {
    return this.#transform.readable;
  }

  get writable() {
    return this.#transform.writable;
  }

  [kInspect](depth, options) {
    if (this == null || !(#transform in this)) {
      throw new ERR_INVALID_THIS('TextEncoderStream');
    }
    return customInspect(depth, options, 'TextEncoderStream', {
      encoding: 'utf-8',
      readable: this.#transform.readable,
      writable: this.#transform.writable,
    });
  }
}

ObjectDefineProperties(TextEncoderStream.prototype, {
  encoding: kEnumerableProperty,
  readable: kEnumerableProperty,
  writable: kEnumerableProperty,
});

class TextDecoderStream {
  #handle;
  #transform;

  constructor(encoding = 'utf-8', options = kEmptyObject) {
    this.#handle = new TextDecoder(encoding, options);
    this.#transform = new TransformStream({
      transform: (chunk, controller) => {
        const value = this.#handle.decode(chunk, { stream: true });
        if (value) controller.enqueue(value);
      },
      flush: (controller) => {
        const value = this.#handle.decode();
        if (value) controller.enqueue(value);
      },
    });
  }

  get encoding() {
    return this.#handle.encoding;
  }

  get fatal() {
    return this.#handle.fatal;
  }

  get ignoreBOM() {
    return this.#handle.ignoreBOM;
  }

  get readable() {
    return this.#transform.readable;
  }

  get writable() {
    return this.#transform.writable;
  }

  [kInspect](depth, options) {
    if (this == null || !(#transform in this)) {
      throw new ERR_INVALID_THIS('TextDecoderStream');
    }
    return customInspect(depth, options, 'TextDecoderStream', {
      encoding: this.#handle.encoding,
      fatal: this.#handle.fatal,
      ignoreBOM: this.#handle.ignoreBOM,
      readable: this.#transform.readable,
      writable: this.#transform.writable,
    });
  }
}

ObjectDefineProperties(TextDecoderStream.prototype, {
  encoding: kEnumerableProperty,
  fatal: kEnumerableProperty,
  ignoreBOM: kEnumerableProperty,
  readable: kEnumerableProperty,
  writable: kEnumerableProperty,
});

module.exports = {
  TextEncoderStream,
  TextDecoderStream,
};
