'use strict';

// node:string_decoder: turns a stream of byte chunks into strings without
// splitting a multi-byte character (UTF-8, UTF-16LE) or a base64 group
// across two writes.
//
// The state is kept in a 7-byte Buffer, laid out as Node lays it out (and
// as util.inspect shows it): bytes 0-3 hold the incomplete character, byte
// 4 the bytes still missing, byte 5 the bytes buffered, byte 6 the encoding.

const {
  ArrayBufferIsView,
  MathMin,
  ObjectDefineProperties,
  Symbol,
  TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteLength,
  TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeSubarray,
  Uint8Array,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_UNKNOWN_ENCODING,
  },
} = require('internal/errors');
const {
  encodingsMap,
  normalizeEncoding: normalizeEncodingInternal,
} = require('internal/util');

let BufferCtor;
function lazyBuffer() {
  BufferCtor ??= require('buffer').Buffer;
  return BufferCtor;
}

const kNativeDecoder = Symbol('kNativeDecoder');

const kIncompleteStart = 0;
const kIncompleteEnd = 4;
const kMissingBytes = 4;
const kBufferedBytes = 5;
const kEncodingField = 6;
const kSize = 7;

const kAscii = encodingsMap.ascii;
const kUtf8 = encodingsMap.utf8;
const kBase64 = encodingsMap.base64;
const kUtf16 = encodingsMap.utf16le;
const kLatin1 = encodingsMap.latin1;
const kHex = encodingsMap.hex;
const kBase64Url = encodingsMap.base64url;

const kNames = [];
kNames[kAscii] = 'ascii';
kNames[kUtf8] = 'utf8';
kNames[kBase64] = 'base64';
kNames[kUtf16] = 'utf16le';
kNames[kLatin1] = 'latin1';
kNames[kHex] = 'hex';
kNames[kBase64Url] = 'base64url';

function normalizeEncoding(enc) {
  const normalized = normalizeEncodingInternal(enc);
  if (normalized === undefined) {
    const { Buffer } = require('buffer');
    if (typeof Buffer.isEncoding !== 'function' || !Buffer.isEncoding(enc)) {
      throw new ERR_UNKNOWN_ENCODING(enc);
    }
    return enc;
  }
  return normalized;
}

function StringDecoder(encoding) {
  this.encoding = normalizeEncoding(encoding);
  const state = lazyBuffer().alloc(kSize);
  state[kEncodingField] = encodingsMap[this.encoding];
  this[kNativeDecoder] = state;
}

// Bytes of any ArrayBufferView, without copying.
function bytesOf(view) {
  if (view instanceof Uint8Array) return view;
  let buffer;
  let offset;
  let length;
  try {
    buffer = TypedArrayPrototypeGetBuffer(view);
    offset = TypedArrayPrototypeGetByteOffset(view);
    length = TypedArrayPrototypeGetByteLength(view);
  } catch {
    // A DataView.
    buffer = view.buffer;
    offset = view.byteOffset;
    length = view.byteLength;
  }
  return new Uint8Array(buffer, offset, length);
}

function makeString(bytes, start, end, encoding) {
  const Buffer = lazyBuffer();
  const buf = Buffer.from(TypedArrayPrototypeGetBuffer(bytes),
                          TypedArrayPrototypeGetByteOffset(bytes) + start,
                          end - start);
  return buf.toString(kNames[encoding]);
}

function decode(state, data) {
  const encoding = state[kEncodingField];
  let start = 0;
  const end = data.length;
  if (encoding !== kUtf8 && encoding !== kUtf16 && encoding !== kBase64 &&
      encoding !== kBase64Url) {
    return makeString(data, 0, end, encoding);
  }

  let prepend = '';
  let hasPrepend = false;
  if (state[kMissingBytes] > 0) {
    if (encoding === kUtf8) {
      // A byte that is not a continuation ends the incomplete character
      // early: what was buffered is decoded as it is (to U+FFFD).
      const limit = MathMin(end, state[kMissingBytes]);
      for (let i = 0; i < limit; i++) {
        if ((data[i] & 0xC0) !== 0x80) {
          state[kMissingBytes] = 0;
          for (let j = 0; j < i; j++) {
            state[state[kBufferedBytes] + j] = data[j];
          }
          state[kBufferedBytes] += i;
          start += i;
          break;
        }
      }
    }
    const found = MathMin(end - start, state[kMissingBytes]);
    for (let j = 0; j < found; j++) {
      state[state[kBufferedBytes] + j] = data[start + j];
    }
    start += found;
    state[kMissingBytes] -= found;
    state[kBufferedBytes] += found;
    if (state[kMissingBytes] === 0) {
      prepend = makeString(state, kIncompleteStart, state[kBufferedBytes],
                           encoding);
      hasPrepend = true;
      state[kBufferedBytes] = 0;
    }
  }

  if (start === end) return hasPrepend ? prepend : '';

  // Find a character cut off at the end of this chunk.
  let length = end - start;
  if (encoding === kUtf8) {
    if (data[end - 1] & 0x80) {
      for (let i = end - 1; ; i--) {
        state[kBufferedBytes]++;
        const b = data[i];
        if ((b & 0xC0) === 0x80) {
          // A continuation byte: keep looking back, at most 4 bytes and not
          // before this chunk.
          if (state[kBufferedBytes] >= 4 || i === start) {
            state[kBufferedBytes] = 0;
            break;
          }
          continue;
        }
        let total;
        if ((b & 0xE0) === 0xC0) total = 2;
        else if ((b & 0xF0) === 0xE0) total = 3;
        else if ((b & 0xF8) === 0xF0) total = 4;
        else {
          state[kBufferedBytes] = 0;
          break;
        }
        if (state[kBufferedBytes] >= total) {
          // Complete (or too long, and invalid anyway).
          state[kBufferedBytes] = 0;
          state[kMissingBytes] = 0;
        } else {
          state[kMissingBytes] = total - state[kBufferedBytes];
        }
        break;
      }
    }
  } else if (encoding === kUtf16) {
    if (length % 2 === 1) {
      state[kBufferedBytes] = 1;
      state[kMissingBytes] = 1;
    } else if ((data[end - 1] & 0xFC) === 0xD8) {
      // The high half of a surrogate pair.
      state[kBufferedBytes] = 2;
      state[kMissingBytes] = 2;
    }
  } else {
    state[kBufferedBytes] = length % 3;
    if (state[kBufferedBytes] > 0) {
      state[kMissingBytes] = 3 - state[kBufferedBytes];
    }
  }

  const buffered = state[kBufferedBytes];
  if (buffered > 0) {
    length -= buffered;
    for (let j = 0; j < buffered; j++) {
      state[kIncompleteStart + j] = data[start + length + j];
    }
  }
  const body = length > 0 ?
    makeString(data, start, start + length, encoding) : '';
  return hasPrepend ? prepend + body : body;
}

function flush(state) {
  const encoding = state[kEncodingField];
  if (encoding === kUtf16 && state[kBufferedBytes] % 2 === 1) {
    // A lone trailing byte is dropped.
    state[kMissingBytes]--;
    state[kBufferedBytes]--;
  }
  if (state[kBufferedBytes] === 0) return '';
  const out = makeString(state, kIncompleteStart, state[kBufferedBytes],
                         encoding);
  state[kMissingBytes] = 0;
  state[kBufferedBytes] = 0;
  return out;
}

StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') return buf;
  if (!ArrayBufferIsView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'],
                                   buf);
  }
  const state = this[kNativeDecoder];
  if (!state) throw new ERR_INVALID_THIS('StringDecoder');
  return decode(state, bytesOf(buf));
};

StringDecoder.prototype.end = function end(buf) {
  let ret = '';
  if (buf !== undefined) ret = this.write(buf);
  if (this[kNativeDecoder][kBufferedBytes] > 0) {
    ret += flush(this[kNativeDecoder]);
  }
  return ret;
};

// Decodes `buf` from `offset` on, forgetting any incomplete character.
StringDecoder.prototype.text = function text(buf, offset) {
  this[kNativeDecoder][kMissingBytes] = 0;
  this[kNativeDecoder][kBufferedBytes] = 0;
  return this.write(buf.slice(offset));
};

ObjectDefineProperties(StringDecoder.prototype, {
  lastChar: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return TypedArrayPrototypeSubarray(this[kNativeDecoder],
                                         kIncompleteStart, kIncompleteEnd);
    },
  },
  lastNeed: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder][kMissingBytes];
    },
  },
  lastTotal: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder][kBufferedBytes] +
        this[kNativeDecoder][kMissingBytes];
    },
  },
});

module.exports = { StringDecoder };
