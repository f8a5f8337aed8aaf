'use strict';

// The body of a Request or Response (https://fetch.spec.whatwg.org/#bodies)
// and the Body mixin's readers. A body is { stream, source, length, used }:
// `source` is the bytes (a Uint8Array) or the Blob it was made from, or
// null for a stream body. The stream is only made when someone asks for it
// (`.body`, clone() of a streamed body, fetch's upload); until then the
// readers take the bytes straight from the source and `used` records it.

const {
  ArrayBuffer,
  ArrayBufferIsView,
  ArrayPrototypePush,
  JSONParse,
  ObjectDefineProperties,
  ObjectGetOwnPropertyDescriptors,
  Promise,
  PromisePrototypeThen,
  PromiseReject,
  PromiseResolve,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
  SymbolAsyncIterator,
  TypeError,
  TypedArrayPrototypeSet,
  Uint8Array,
} = primordials;

const { isArrayBuffer, isUint8Array } = require('internal/util/types');
const { createBlob, isBlob } = require('internal/blob');
const {
  ReadableStream,
  ReadableStreamDefaultReader,
  isReadableStream,
  isReadableStreamLocked,
  kChunk,
  kClose,
  kError,
  readableStreamCancel,
  readableStreamDefaultReaderRead,
  readableStreamTee,
} = require('internal/webstreams/readablestream');
const { kState } = require('internal/webstreams/util');
const { isURLSearchParams } = require('internal/url');
const {
  concatBytes,
  decodeUTF8,
  encodeUTF8,
  illegalInvocation,
  parseMimeType,
  serializeMimeType,
  toUSVString,
} = require('internal/fetch/util');
const { getHeadersList } = require('internal/fetch/headers');

let formdata;
function lazyFormData() {
  formdata ??= require('internal/fetch/formdata');
  return formdata;
}

function createBody(stream, source, length) {
  return { __proto__: null, stream, source, length, used: false };
}

function copyView(view) {
  const copy = new Uint8Array(view.byteLength);
  TypedArrayPrototypeSet(
    copy, new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  return copy;
}

// A byte stream over the chunks of an async iterable (strings are sent as
// UTF-8).
function streamFromAsyncIterable(iterable) {
  const iterator = iterable[SymbolAsyncIterator]();
  return new ReadableStream({
    type: 'bytes',
    async pull(controller) {
      for (;;) {
        const { value, done } = await iterator.next();
        if (done) {
          controller.close();
          controller.byobRequest?.respond(0);
          return;
        }
        let bytes;
        if (typeof value === 'string') {
          bytes = encodeUTF8(value);
        } else if (ArrayBufferIsView(value)) {
          bytes = copyView(value);
        } else if (isArrayBuffer(value)) {
          bytes = copyView(new Uint8Array(value));
        } else {
          throw new TypeError('Received non-Uint8Array chunk');
        }
        if (bytes.byteLength > 0) {
          controller.enqueue(bytes);
          return;
        }
      }
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}

// "Extract a body": { body, type } where type is the Content-Type the
// object implies, or null.
function extractBody(object, keepalive = false) {
  let source = null;
  let stream;
  let type = null;
  if (typeof object === 'string') {
    source = encodeUTF8(object);
    type = 'text/plain;charset=UTF-8';
  } else if (isURLSearchParams(object)) {
    source = encodeUTF8(`${object}`);
    type = 'application/x-www-form-urlencoded;charset=UTF-8';
  } else if (isArrayBuffer(object)) {
    source = copyView(new Uint8Array(object));
  } else if (ArrayBufferIsView(object)) {
    source = copyView(object);
  } else if (isBlob(object)) {
    source = object;
    if (object.type !== '') type = object.type;
  } else if (lazyFormData().isFormData(object)) {
    const { blob, boundary } = formdata.serializeFormData(object);
    source = blob;
    type = `multipart/form-data; boundary=${boundary}`;
  } else if (isReadableStream(object)) {
    if (keepalive) throw new TypeError('keepalive');
    if (object[kState].disturbed || isReadableStreamLocked(object)) {
      throw new TypeError(
        'Response body object should not be disturbed or locked');
    }
    stream = object;
  } else if (object != null &&
             typeof object[SymbolAsyncIterator] === 'function') {
    if (keepalive) throw new TypeError('keepalive');
    stream = streamFromAsyncIterable(object);
  } else {
    source = encodeUTF8(toUSVString(object));
    type = 'text/plain;charset=UTF-8';
  }
  let length = null;
  if (source !== null) {
    length = isBlob(source) ? source.size : source.byteLength;
  }
  return { __proto__: null, body: createBody(stream, source, length), type };
}

function streamFromBytes(bytes) {
  return new ReadableStream({
    type: 'bytes',
    start(controller) {
      // enqueue() takes the buffer over: hand it a copy.
      if (bytes.byteLength > 0) controller.enqueue(copyView(bytes));
      controller.close();
    },
  });
}

// What `.body` shows once the readers took the bytes from the source: a
// closed, locked and disturbed stream, as after reading it.
function consumedStream() {
  const stream = new ReadableStream({
    type: 'bytes',
    start(controller) { controller.close(); },
  });
  const reader = new ReadableStreamDefaultReader(stream);
  readableStreamDefaultReaderRead(reader, {
    __proto__: null, [kChunk]() {}, [kClose]() {}, [kError]() {},
  });
  return stream;
}

function bodyStream(body) {
  if (body === null) return null;
  if (body.stream === undefined) {
    if (body.used) {
      body.stream = consumedStream();
    } else if (isBlob(body.source)) {
      body.stream = body.source.stream();
    } else {
      body.stream = streamFromBytes(body.source);
    }
  }
  return body.stream;
}

function isBodyUsed(body) {
  if (body === null) return false;
  return body.used ||
    (body.stream !== undefined && body.stream[kState].disturbed);
}

function isBodyUnusable(body) {
  if (body === null) return false;
  return isBodyUsed(body) ||
    (body.stream !== undefined && isReadableStreamLocked(body.stream));
}

function cloneBody(body) {
  if (body.stream === undefined) {
    return createBody(undefined, body.source, body.length);
  }
  const { 0: first, 1: second } = readableStreamTee(body.stream, true);
  body.stream = first;
  return createBody(second, body.source, body.length);
}

// Cancels a body nobody will read.
function cancelBody(body, reason) {
  if (body === null || body.stream === undefined) return;
  if (!isReadableStreamLocked(body.stream)) {
    readableStreamCancel(body.stream, reason);
  }
}

// Reads `reader` chunk by chunk through an internal read request:
// onChunk(chunk, next) calls next() (at once or later) for the next chunk.
// A chunk that arrives synchronously does not nest the next read inside
// this one, so a long queue of small chunks cannot exhaust the stack.
function pumpReader(reader, onChunk, onClose, onError) {
  let inRead = false;
  let again = false;
  let done = false;
  const request = {
    __proto__: null,
    [kChunk](chunk) { onChunk(chunk, next); },
    [kClose]() {
      done = true;
      onClose();
    },
    [kError](error) {
      done = true;
      onError(error);
    },
  };
  function next() {
    if (inRead) {
      again = true;
      return;
    }
    inRead = true;
    do {
      again = false;
      readableStreamDefaultReaderRead(reader, request);
    } while (again && !done);
    inRead = false;
  }
  next();
}

// Reads a whole stream into one Uint8Array.
function readAllBytes(stream) {
  return new Promise((resolve, reject) => {
    const reader = new ReadableStreamDefaultReader(stream);
    const chunks = [];
    let total = 0;
    pumpReader(reader, (chunk, next) => {
      if (!isUint8Array(chunk)) {
        const error = new TypeError('Received non-Uint8Array chunk');
        readableStreamCancel(stream, error);
        reject(error);
        return;
      }
      ArrayPrototypePush(chunks, chunk);
      total += chunk.byteLength;
      next();
    }, () => resolve(concatBytes(chunks, total)), reject);
  });
}

function readSource(source) {
  if (isBlob(source)) {
    return PromisePrototypeThen(source.arrayBuffer(),
                                (buffer) => new Uint8Array(buffer));
  }
  return PromiseResolve(copyView(source));
}

// The bytes of a body, once: marks it used.
function readBody(body) {
  if (body === null) return PromiseResolve(new Uint8Array(0));
  if (body.stream === undefined) {
    body.used = true;
    return readSource(body.source);
  }
  return readAllBytes(body.stream);
}

// Splits a header value on commas outside quoted strings.
function splitHeaderValue(value) {
  const values = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const code = StringPrototypeCharCodeAt(value, i);
    if (code === 0x22) {
      quoted = !quoted;
    } else if (code === 0x5C && quoted) {
      i++;
    } else if (code === 0x2C && !quoted) {
      ArrayPrototypePush(values, StringPrototypeSlice(value, start, i));
      start = i + 1;
    }
  }
  ArrayPrototypePush(values, StringPrototypeSlice(value, start));
  return values;
}

// "Extract a MIME type" from a header list: the last parsable value.
function extractMimeType(headers) {
  const value = getHeadersList(headers).get('content-type');
  if (value === null) return null;
  const values = splitHeaderValue(value);
  let result = null;
  for (let i = 0; i < values.length; i++) {
    const mime = parseMimeType(values[i]);
    if (mime === null || (mime.type === '*' && mime.subtype === '*')) {
      continue;
    }
    if (result !== null && result.type === mime.type &&
        result.subtype === mime.subtype &&
        !mime.parameters.has('charset') && result.parameters.has('charset')) {
      mime.parameters.set('charset', result.parameters.get('charset'));
    }
    result = mime;
  }
  return result;
}

function ownBuffer(bytes) {
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength) {
    return bytes.buffer;
  }
  if (bytes.byteLength === 0) return new ArrayBuffer(0);
  return copyView(bytes).buffer;
}

function packageData(bytes, kind, headers) {
  switch (kind) {
    case 'text':
      return decodeUTF8(bytes);
    case 'json':
      return JSONParse(decodeUTF8(bytes));
    case 'arrayBuffer':
      return ownBuffer(bytes);
    case 'bytes':
      return new Uint8Array(ownBuffer(bytes));
    case 'blob': {
      const mime = extractMimeType(headers);
      return createBlob([{ __proto__: null, bytes }], bytes.byteLength,
                        mime === null ? '' : serializeMimeType(mime));
    }
    default: {  // 'formData'
      const mime = extractMimeType(headers);
      const essence = mime === null ? '' : `${mime.type}/${mime.subtype}`;
      const { parseFailure, parseMultipart, parseURLEncoded } = lazyFormData();
      if (essence === 'multipart/form-data') {
        const boundary = mime.parameters.get('boundary');
        if (boundary === undefined) throw parseFailure();
        return parseMultipart(bytes, boundary);
      }
      if (essence === 'application/x-www-form-urlencoded') {
        return parseURLEncoded(bytes);
      }
      throw new TypeError('Content-Type was not one of "multipart/form-data" ' +
                          'or "application/x-www-form-urlencoded".');
    }
  }
}

function consumeBody(object, getState, kind) {
  const state = getState(object);
  if (state === undefined) return PromiseReject(illegalInvocation());
  if (isBodyUnusable(state.body)) {
    return PromiseReject(
      new TypeError('Body is unusable: Body has already been read'));
  }
  return PromisePrototypeThen(readBody(state.body), (bytes) => {
    return packageData(bytes, kind, state.headers);
  });
}

// Adds the Body mixin's readers to `proto`; `getState(object)` returns the
// object's { body, headers } or undefined for an object of another kind.
function defineBodyReaders(proto, getState) {
  const readers = {
    blob() { return consumeBody(this, getState, 'blob'); },
    arrayBuffer() { return consumeBody(this, getState, 'arrayBuffer'); },
    text() { return consumeBody(this, getState, 'text'); },
    json() { return consumeBody(this, getState, 'json'); },
    formData() { return consumeBody(this, getState, 'formData'); },
    bytes() { return consumeBody(this, getState, 'bytes'); },
  };
  ObjectDefineProperties(proto, ObjectGetOwnPropertyDescriptors(readers));
}

module.exports = {
  bodyStream,
  cancelBody,
  cloneBody,
  createBody,
  defineBodyReaders,
  extractBody,
  extractMimeType,
  isBodyUnusable,
  isBodyUsed,
  pumpReader,
  readAllBytes,
};
