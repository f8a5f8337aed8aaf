'use strict';

// ReadableStream and its readers and controllers, after the WHATWG Streams
// standard (https://streams.spec.whatwg.org/#rs): the abstract operations
// keep the standard's names, and the internal slots live in obj[kState].

const {
  ArrayBuffer,
  ArrayBufferPrototypeGetByteLength,
  ArrayBufferPrototypeSlice,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  BigInt64Array,
  BigUint64Array,
  DataView,
  Float32Array,
  Float64Array,
  FunctionPrototypeBind,
  FunctionPrototypeCall,
  Int16Array,
  Int32Array,
  Int8Array,
  MathFloor,
  MathMin,
  NumberIsFinite,
  NumberIsInteger,
  NumberMAX_SAFE_INTEGER,
  ObjectDefineProperties,
  ObjectGetPrototypeOf,
  ObjectSetPrototypeOf,
  Promise,
  PromisePrototypeThen,
  PromiseReject,
  PromiseResolve,
  SafePromiseAll,
  Symbol,
  SymbolAsyncIterator,
  SymbolIterator,
  SymbolToStringTag,
  TypedArrayPrototypeGetLength,
  TypedArrayPrototypeGetSymbolToStringTag,
  Uint16Array,
  Uint32Array,
  Uint8Array,
  Uint8ClampedArray,
} = primordials;

const {
  AbortError,
  codes: {
    ERR_ARG_NOT_ITERABLE,
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
    ERR_INVALID_THIS,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const { kTransfer } = require('internal/worker/js_transferable');
const {
  isArrayBufferView,
  isDataView,
  isSharedArrayBuffer,
} = require('internal/util/types');
const {
  customInspectSymbol: kInspect,
  kEmptyObject,
  kEnumerableProperty,
  lazyDOMException,
} = require('internal/util');
const {
  validateAbortSignal,
  validateBuffer,
  validateObject,
  kValidateObjectAllowObjects,
  kValidateObjectAllowObjectsAndNull,
} = require('internal/validators');
const {
  kIsClosedPromise,
  kIsDisturbed,
  kIsErrored,
  kIsReadable,
  kControllerErrorFunction,
} = require('internal/streams/utils');
const { FastBuffer } = require('internal/buffer');
const {
  ArrayBufferViewGetBuffer,
  ArrayBufferViewGetByteLength,
  ArrayBufferViewGetByteOffset,
  AsyncIterator,
  cloneAsUint8Array,
  copyArrayBuffer,
  createDeferred,
  createPromiseCallback,
  customInspect,
  dequeueValue,
  enqueueValueWithSize,
  extractHighWaterMark,
  extractSizeAlgorithm,
  isBrandCheck,
  isDetached,
  resetQueue,
  setPromiseHandled,
  transferArrayBuffer,
  nonOpCancel,
  nonOpPull,
  nonOpStart,
  kType,
  kState,
  markStreamCreated,
} = require('internal/webstreams/util');
const {
  WritableStreamDefaultWriter,
  isWritableStream,
  isWritableStreamLocked,
  isWritableStreamDefaultController,
  isWritableStreamDefaultWriter,
  writableStreamAbort,
  writableStreamCloseQueuedOrInFlight,
  writableStreamDefaultWriterCloseWithErrorPropagation,
  writableStreamDefaultWriterRelease,
  writableStreamDefaultWriterWrite,
} = require('internal/webstreams/writablestream');

const { queueMicrotask } = require('internal/process/task_queues');

let addAbortListener;
let structuredClone;

// The steps of a read request (and of a read-into request).
const kChunk = Symbol('kChunk');
const kClose = Symbol('kClose');
const kError = Symbol('kError');
// The controllers' [[CancelSteps]], [[PullSteps]] and [[ReleaseSteps]].
const kCancel = Symbol('kCancel');
const kPull = Symbol('kPull');
const kRelease = Symbol('kRelease');
// Lets the internal code construct the classes whose constructors throw.
const kSkipThrow = Symbol('kSkipThrow');

const SymbolDispose = primordials.SymbolDispose ??
  primordials.SymbolFor('nodejs.dispose');

function toStringTagDescriptor(value) {
  return { __proto__: null, configurable: true, value };
}

function createReadableStreamState() {
  return {
    __proto__: null,
    controller: undefined,
    disturbed: false,
    reader: undefined,
    state: 'readable',
    storedError: undefined,
  };
}

// Fields every ReadableStream carries, however it was made.
function initializeReadableStream(stream) {
  stream[kState] = createReadableStreamState();
  stream[kIsClosedPromise] = createDeferred();
  stream[kControllerErrorFunction] = () => {};
}

class ReadableStream {
  [kType] = (markStreamCreated(), 'ReadableStream');

  constructor(source = kEmptyObject, strategy = kEmptyObject) {
    validateObject(source, 'source', kValidateObjectAllowObjects);
    validateObject(strategy, 'strategy', kValidateObjectAllowObjectsAndNull);
    initializeReadableStream(this);

    // The strategy is read before the source, as the standard orders it.
    const size = strategy?.size;
    const highWaterMark = strategy?.highWaterMark;
    const type = source.type;

    if (`${type}` === 'bytes') {
      if (size !== undefined) {
        throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.size', size);
      }
      setupReadableByteStreamControllerFromSource(
        this, source, extractHighWaterMark(highWaterMark, 0));
    } else {
      if (type !== undefined) {
        throw new ERR_INVALID_ARG_VALUE('source.type', type);
      }
      setupReadableStreamDefaultControllerFromSource(
        this, source,
        extractHighWaterMark(highWaterMark, 1),
        extractSizeAlgorithm(size));
    }
  }

  get [kIsDisturbed]() {
    return this[kState].disturbed;
  }

  get [kIsErrored]() {
    return this[kState].state === 'errored';
  }

  get [kIsReadable]() {
    return this[kState].state === 'readable';
  }

  get locked() {
    if (!isReadableStream(this)) {
      throw new ERR_INVALID_THIS('ReadableStream');
    }
    return isReadableStreamLocked(this);
  }

  static from(iterable) {
    return readableStreamFromIterable(iterable);
  }

  cancel(reason = undefined) {
    if (!isReadableStream(this)) {
      return PromiseReject(new ERR_INVALID_THIS('ReadableStream'));
    }
    if (isReadableStreamLocked(this)) {
      return PromiseReject(
        new ERR_INVALID_STATE.TypeError('ReadableStream is locked'));
    }
    return readableStreamCancel(this, reason);
  }

  getReader(options = kEmptyObject) {
    if (!isReadableStream(this)) {
      throw new ERR_INVALID_THIS('ReadableStream');
    }
    validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);
    const mode = options?.mode;
    if (mode === undefined) {
      return new ReadableStreamDefaultReader(this);
    }
    if (`${mode}` !== 'byob') {
      throw new ERR_INVALID_ARG_VALUE('options.mode', mode);
    }
    return new ReadableStreamBYOBReader(this);
  }

  pipeThrough(transform, options = kEmptyObject) {
    if (!isReadableStream(this)) {
      throw new ERR_INVALID_THIS('ReadableStream');
    }
    const readable = transform?.readable;
    if (!isReadableStream(readable)) {
      throw new ERR_INVALID_ARG_TYPE(
        'transform.readable', 'ReadableStream', readable);
    }
    const writable = transform?.writable;
    if (!isWritableStream(writable)) {
      throw new ERR_INVALID_ARG_TYPE(
        'transform.writable', 'WritableStream', writable);
    }
    // The options are read one by one, in this order (the WPT check it).
    validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);
    const preventAbort = options?.preventAbort;
    const preventCancel = options?.preventCancel;
    const preventClose = options?.preventClose;
    const signal = options?.signal;
    if (signal !== undefined) {
      validateAbortSignal(signal, 'options.signal');
    }
    if (isReadableStreamLocked(this)) {
      throw new ERR_INVALID_STATE.TypeError('The ReadableStream is locked');
    }
    if (isWritableStreamLocked(writable)) {
      throw new ERR_INVALID_STATE.TypeError('The WritableStream is locked');
    }
    const promise = readableStreamPipeTo(
      this, writable, !!preventClose, !!preventAbort, !!preventCancel, signal);
    setPromiseHandled(promise);
    return readable;
  }

  pipeTo(destination, options = kEmptyObject) {
    try {
      if (!isReadableStream(this)) {
        throw new ERR_INVALID_THIS('ReadableStream');
      }
      if (!isWritableStream(destination)) {
        throw new ERR_INVALID_ARG_TYPE(
          'transform.writable', 'WritableStream', destination);
      }
      validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);
      const preventAbort = options?.preventAbort;
      const preventCancel = options?.preventCancel;
      const preventClose = options?.preventClose;
      const signal = options?.signal;
      if (signal !== undefined) {
        validateAbortSignal(signal, 'options.signal');
      }
      if (isReadableStreamLocked(this)) {
        throw new ERR_INVALID_STATE.TypeError('The ReadableStream is locked');
      }
      if (isWritableStreamLocked(destination)) {
        throw new ERR_INVALID_STATE.TypeError('The WritableStream is locked');
      }
      return readableStreamPipeTo(
        this, destination,
        !!preventClose, !!preventAbort, !!preventCancel, signal);
    } catch (error) {
      return PromiseReject(error);
    }
  }

  [kTransfer]() {
    if (!isReadableStream(this)) throw new ERR_INVALID_THIS('ReadableStream');
    return require('internal/webstreams/transfer').transferToOtherThread(this);
  }

  tee() {
    if (!isReadableStream(this)) {
      throw new ERR_INVALID_THIS('ReadableStream');
    }
    return readableStreamTee(this, false);
  }

  values(options = kEmptyObject) {
    if (!isReadableStream(this)) {
      throw new ERR_INVALID_THIS('ReadableStream');
    }
    validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);
    const preventCancel = !!(options?.preventCancel);
    return createAsyncIterator(this, preventCancel);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, this[kType], {
      locked: this.locked,
      state: this[kState].state,
      supportsBYOB: isReadableByteStreamController(this[kState].controller),
    });
  }
}

ObjectDefineProperties(ReadableStream.prototype, {
  [SymbolAsyncIterator]: {
    __proto__: null,
    configurable: true,
    enumerable: false,
    writable: true,
    value: ReadableStream.prototype.values,
  },
  locked: kEnumerableProperty,
  cancel: kEnumerableProperty,
  getReader: kEnumerableProperty,
  pipeThrough: kEnumerableProperty,
  pipeTo: kEnumerableProperty,
  tee: kEnumerableProperty,
  values: kEnumerableProperty,
  [SymbolToStringTag]: toStringTagDescriptor('ReadableStream'),
});
ObjectDefineProperties(ReadableStream, {
  from: kEnumerableProperty,
});

// The iterator of ReadableStream.prototype.values(): each next() waits for
// the one before it (the Web IDL "ongoing promise").
function createAsyncIterator(stream, preventCancel) {
  const reader = new ReadableStreamDefaultReader(stream);
  const state = { __proto__: null, done: false, current: undefined };
  let started = false;

  function nextSteps() {
    if (state.done) {
      return PromiseResolve({ done: true, value: undefined });
    }
    if (reader[kState].stream === undefined) {
      return PromiseReject(new ERR_INVALID_STATE.TypeError(
        'The reader is not bound to a ReadableStream'));
    }
    const deferred = createDeferred();
    readableStreamDefaultReaderRead(reader, {
      __proto__: null,
      [kChunk](chunk) {
        state.current = undefined;
        deferred.resolve({ value: chunk, done: false });
      },
      [kClose]() {
        state.current = undefined;
        state.done = true;
        readableStreamReaderGenericRelease(reader);
        deferred.resolve({ done: true, value: undefined });
      },
      [kError](error) {
        state.current = undefined;
        state.done = true;
        readableStreamReaderGenericRelease(reader);
        deferred.reject(error);
      },
    });
    return deferred.promise;
  }

  function returnSteps(value) {
    if (state.done) {
      return PromiseResolve({ done: true, value });
    }
    state.done = true;
    if (reader[kState].stream === undefined) {
      return PromiseReject(new ERR_INVALID_STATE.TypeError(
        'The reader is not bound to a ReadableStream'));
    }
    if (!preventCancel) {
      const result = readableStreamReaderGenericCancel(reader, value);
      readableStreamReaderGenericRelease(reader);
      return PromisePrototypeThen(result, () => ({ done: true, value }));
    }
    readableStreamReaderGenericRelease(reader);
    return PromiseResolve({ done: true, value });
  }

  return ObjectSetPrototypeOf({
    next() {
      // The first read waits one microtask, so that a source's start() has
      // had its turn.
      if (!started) {
        state.current = PromiseResolve();
        started = true;
      }
      state.current = state.current !== undefined ?
        PromisePrototypeThen(state.current, nextSteps, nextSteps) :
        nextSteps();
      return state.current;
    },

    return(value) {
      started = true;
      const steps = () => returnSteps(value);
      state.current = state.current !== undefined ?
        PromisePrototypeThen(state.current, steps, steps) :
        returnSteps(value);
      return state.current;
    },

    [SymbolAsyncIterator]() { return this; },
  }, AsyncIterator);
}

class ReadableStreamBYOBRequest {
  [kType] = 'ReadableStreamBYOBRequest';

  constructor(skipThrowSymbol = undefined) {
    if (skipThrowSymbol !== kSkipThrow) {
      throw new ERR_ILLEGAL_CONSTRUCTOR();
    }
  }

  get view() {
    if (!isReadableStreamBYOBRequest(this)) {
      throw new ERR_INVALID_THIS('ReadableStreamBYOBRequest');
    }
    return this[kState].view;
  }

  respond(bytesWritten) {
    if (!isReadableStreamBYOBRequest(this)) {
      throw new ERR_INVALID_THIS('ReadableStreamBYOBRequest');
    }
    const { view, controller } = this[kState];
    if (controller === undefined) {
      throw new ERR_INVALID_STATE.TypeError(
        'This BYOB request has been invalidated');
    }
    // [EnforceRange] unsigned long long.
    bytesWritten = enforceRange(bytesWritten, 'bytesWritten');
    const viewBuffer = ArrayBufferViewGetBuffer(view);
    if (isDetached(viewBuffer)) {
      throw new ERR_INVALID_STATE.TypeError('Viewed ArrayBuffer is detached');
    }
    readableByteStreamControllerRespond(controller, bytesWritten);
  }

  respondWithNewView(view) {
    if (!isReadableStreamBYOBRequest(this)) {
      throw new ERR_INVALID_THIS('ReadableStreamBYOBRequest');
    }
    const { controller } = this[kState];
    if (controller === undefined) {
      throw new ERR_INVALID_STATE.TypeError(
        'This BYOB request has been invalidated');
    }
    validateBuffer(view, 'view');
    if (isDetached(ArrayBufferViewGetBuffer(view))) {
      throw new ERR_INVALID_STATE.TypeError('Viewed ArrayBuffer is detached');
    }
    readableByteStreamControllerRespondWithNewView(controller, view);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, this[kType], {
      view: this.view,
      controller: this[kState].controller,
    });
  }
}

ObjectDefineProperties(ReadableStreamBYOBRequest.prototype, {
  view: kEnumerableProperty,
  respond: kEnumerableProperty,
  respondWithNewView: kEnumerableProperty,
  [SymbolToStringTag]: toStringTagDescriptor('ReadableStreamBYOBRequest'),
});

function enforceRange(value, name) {
  const number = +value;
  if (!NumberIsFinite(number)) {
    throw new ERR_INVALID_ARG_VALUE(name, value);
  }
  const integer = number < 0 ? -MathFloor(-number) : MathFloor(number);
  if (integer < 0 || integer > NumberMAX_SAFE_INTEGER) {
    throw new ERR_INVALID_ARG_VALUE(name, value);
  }
  return integer;
}

function createReadableStreamBYOBRequest(controller, view) {
  const request = new ReadableStreamBYOBRequest(kSkipThrow);
  request[kState] = { __proto__: null, controller, view };
  return request;
}

// A read request whose result is a promise of { value, done }.
class DefaultReadRequest {
  constructor() {
    this[kState] = createDeferred();
  }

  [kChunk](value) {
    this[kState].resolve({ value, done: false });
  }

  [kClose]() {
    this[kState].resolve({ value: undefined, done: true });
  }

  [kError](error) {
    this[kState].reject(error);
  }

  get promise() { return this[kState].promise; }
}

class ReadIntoRequest {
  constructor() {
    this[kState] = createDeferred();
  }

  [kChunk](value) {
    this[kState].resolve({ value, done: false });
  }

  [kClose](value) {
    this[kState].resolve({ value, done: true });
  }

  [kError](error) {
    this[kState].reject(error);
  }

  get promise() { return this[kState].promise; }
}

function createReaderState() {
  return {
    __proto__: null,
    stream: undefined,
    close: { __proto__: null, promise: undefined, resolve: undefined,
             reject: undefined },
  };
}

class ReadableStreamDefaultReader {
  [kType] = 'ReadableStreamDefaultReader';

  constructor(stream) {
    if (!isReadableStream(stream)) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    }
    this[kState] = createReaderState();
    this[kState].readRequests = [];
    setupReadableStreamDefaultReader(this, stream);
  }

  read() {
    if (!isReadableStreamDefaultReader(this)) {
      return PromiseReject(new ERR_INVALID_THIS('ReadableStreamDefaultReader'));
    }
    if (this[kState].stream === undefined) {
      return PromiseReject(new ERR_INVALID_STATE.TypeError(
        'The reader is not attached to a stream'));
    }
    const readRequest = new DefaultReadRequest();
    readableStreamDefaultReaderRead(this, readRequest);
    return readRequest.promise;
  }

  releaseLock() {
    if (!isReadableStreamDefaultReader(this)) {
      throw new ERR_INVALID_THIS('ReadableStreamDefaultReader');
    }
    if (this[kState].stream === undefined) return;
    readableStreamDefaultReaderRelease(this);
  }

  get closed() {
    if (!isReadableStreamDefaultReader(this)) {
      return PromiseReject(new ERR_INVALID_THIS('ReadableStreamDefaultReader'));
    }
    return this[kState].close.promise;
  }

  cancel(reason = undefined) {
    if (!isReadableStreamDefaultReader(this)) {
      return PromiseReject(new ERR_INVALID_THIS('ReadableStreamDefaultReader'));
    }
    return readerCancel(this, reason);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, this[kType], {
      stream: this[kState].stream,
      readRequests: this[kState].readRequests.length,
      close: this[kState].close.promise,
    });
  }
}

ObjectDefineProperties(ReadableStreamDefaultReader.prototype, {
  closed: kEnumerableProperty,
  read: kEnumerableProperty,
  releaseLock: kEnumerableProperty,
  cancel: kEnumerableProperty,
  [SymbolToStringTag]: toStringTagDescriptor('ReadableStreamDefaultReader'),
});

class ReadableStreamBYOBReader {
  [kType] = 'ReadableStreamBYOBReader';

  constructor(stream) {
    if (!isReadableStream(stream)) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    }
    this[kState] = createReaderState();
    this[kState].readIntoRequests = [];
    setupReadableStreamBYOBReader(this, stream);
  }

  read(view, options = kEmptyObject) {
    try {
      if (!isReadableStreamBYOBReader(this)) {
        throw new ERR_INVALID_THIS('ReadableStreamBYOBReader');
      }
      if (!isArrayBufferView(view)) {
        throw new ERR_INVALID_ARG_TYPE(
          'view', ['Buffer', 'TypedArray', 'DataView'], view);
      }
      validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);

      const viewByteLength = ArrayBufferViewGetByteLength(view);
      const viewBuffer = ArrayBufferViewGetBuffer(view);
      if (isSharedArrayBuffer(viewBuffer)) {
        throw new ERR_INVALID_ARG_VALUE(
          'view', view, 'must not be backed by a SharedArrayBuffer');
      }
      const viewBufferByteLength =
        ArrayBufferPrototypeGetByteLength(viewBuffer);
      if (viewByteLength === 0 || viewBufferByteLength === 0) {
        throw new ERR_INVALID_STATE.TypeError(
          'View or Viewed ArrayBuffer is zero-length or detached');
      }

      const min = options?.min ?? 1;
      if (typeof min !== 'number') {
        throw new ERR_INVALID_ARG_TYPE('options.min', 'number', min);
      }
      if (!NumberIsInteger(min)) {
        throw new ERR_INVALID_ARG_VALUE('options.min', min,
                                        'must be an integer');
      }
      if (min <= 0) {
        throw new ERR_INVALID_ARG_VALUE('options.min', min,
                                        'must be greater than 0');
      }
      if (!isDataView(view)) {
        if (min > TypedArrayPrototypeGetLength(view)) {
          throw new ERR_OUT_OF_RANGE('options.min', '<= view.length', min);
        }
      } else if (min > viewByteLength) {
        throw new ERR_OUT_OF_RANGE('options.min', '<= view.byteLength', min);
      }

      if (this[kState].stream === undefined) {
        throw new ERR_INVALID_STATE.TypeError(
          'The reader is not attached to a stream');
      }
      const readIntoRequest = new ReadIntoRequest();
      readableStreamBYOBReaderRead(this, view, min, readIntoRequest);
      return readIntoRequest.promise;
    } catch (error) {
      return PromiseReject(error);
    }
  }

  releaseLock() {
    if (!isReadableStreamBYOBReader(this)) {
      throw new ERR_INVALID_THIS('ReadableStreamBYOBReader');
    }
    if (this[kState].stream === undefined) return;
    readableStreamBYOBReaderRelease(this);
  }

  get closed() {
    if (!isReadableStreamBYOBReader(this)) {
      return PromiseReject(new ERR_INVALID_THIS('ReadableStreamBYOBReader'));
    }
    return this[kState].close.promise;
  }

  cancel(reason = undefined) {
    if (!isReadableStreamBYOBReader(this)) {
      return PromiseReject(new ERR_INVALID_THIS('ReadableStreamBYOBReader'));
    }
    return readerCancel(this, reason);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, this[kType], {
      stream: this[kState].stream,
      readIntoRequests: this[kState].readIntoRequests.length,
      close: this[kState].close.promise,
    });
  }
}

ObjectDefineProperties(ReadableStreamBYOBReader.prototype, {
  closed: kEnumerableProperty,
  read: kEnumerableProperty,
  releaseLock: kEnumerableProperty,
  cancel: kEnumerableProperty,
  [SymbolToStringTag]: toStringTagDescriptor('ReadableStreamBYOBReader'),
});

class ReadableStreamDefaultController {
  [kType] = 'ReadableStreamDefaultController';
  [kState] = {};

  constructor(skipThrowSymbol = undefined) {
    if (skipThrowSymbol !== kSkipThrow) {
      throw new ERR_ILLEGAL_CONSTRUCTOR();
    }
  }

  get desiredSize() {
    if (!isReadableStreamDefaultController(this)) {
      throw new ERR_INVALID_THIS('ReadableStreamDefaultController');
    }
    return readableStreamDefaultControllerGetDesiredSize(this);
  }

  close() {
    if (!isReadableStreamDefaultController(this)) {
      throw new ERR_INVALID_THIS('ReadableStreamDefaultController');
    }
    if (!readableStreamDefaultControllerCanCloseOrEnqueue(this)) {
      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    }
    readableStreamDefaultControllerClose(this);
  }

  enqueue(chunk = undefined) {
    if (!isReadableStreamDefaultController(this)) {
      throw new ERR_INVALID_THIS('ReadableStreamDefaultController');
    }
    if (!readableStreamDefaultControllerCanCloseOrEnqueue(this)) {
      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    }
    readableStreamDefaultControllerEnqueue(this, chunk);
  }

  error(error = undefined) {
    if (!isReadableStreamDefaultController(this)) {
      throw new ERR_INVALID_THIS('ReadableStreamDefaultController');
    }
    readableStreamDefaultControllerError(this, error);
  }

  [kCancel](reason) {
    return readableStreamDefaultControllerCancelSteps(this, reason);
  }

  [kPull](readRequest) {
    readableStreamDefaultControllerPullSteps(this, readRequest);
  }

  [kRelease]() {}

  [kInspect](depth, options) {
    return customInspect(depth, options, this[kType], {});
  }
}

ObjectDefineProperties(ReadableStreamDefaultController.prototype, {
  desiredSize: kEnumerableProperty,
  close: kEnumerableProperty,
  enqueue: kEnumerableProperty,
  error: kEnumerableProperty,
  [SymbolToStringTag]: toStringTagDescriptor('ReadableStreamDefaultController'),
});

class ReadableByteStreamController {
  [kType] = 'ReadableByteStreamController';
  [kState] = {};

  constructor(skipThrowSymbol = undefined) {
    if (skipThrowSymbol !== kSkipThrow) {
      throw new ERR_ILLEGAL_CONSTRUCTOR();
    }
  }

  get byobRequest() {
    if (!isReadableByteStreamController(this)) {
      throw new ERR_INVALID_THIS('ReadableByteStreamController');
    }
    return readableByteStreamControllerGetBYOBRequest(this);
  }

  get desiredSize() {
    if (!isReadableByteStreamController(this)) {
      throw new ERR_INVALID_THIS('ReadableByteStreamController');
    }
    return readableByteStreamControllerGetDesiredSize(this);
  }

  close() {
    if (!isReadableByteStreamController(this)) {
      throw new ERR_INVALID_THIS('ReadableByteStreamController');
    }
    if (this[kState].closeRequested) {
      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    }
    if (this[kState].stream[kState].state !== 'readable') {
      throw new ERR_INVALID_STATE.TypeError('ReadableStream is already closed');
    }
    readableByteStreamControllerClose(this);
  }

  enqueue(chunk) {
    if (!isReadableByteStreamController(this)) {
      throw new ERR_INVALID_THIS('ReadableByteStreamController');
    }
    validateBuffer(chunk);
    const chunkByteLength = ArrayBufferViewGetByteLength(chunk);
    const chunkBuffer = ArrayBufferViewGetBuffer(chunk);
    if (isSharedArrayBuffer(chunkBuffer)) {
      throw new ERR_INVALID_ARG_VALUE(
        'chunk', chunk, 'must not be backed by a SharedArrayBuffer');
    }
    const chunkBufferByteLength =
      ArrayBufferPrototypeGetByteLength(chunkBuffer);
    if (chunkByteLength === 0 || chunkBufferByteLength === 0) {
      throw new ERR_INVALID_STATE.TypeError(
        'chunk ArrayBuffer is zero-length or detached');
    }
    if (this[kState].closeRequested) {
      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    }
    if (this[kState].stream[kState].state !== 'readable') {
      throw new ERR_INVALID_STATE.TypeError('ReadableStream is already closed');
    }
    readableByteStreamControllerEnqueue(this, chunk);
  }

  error(error = undefined) {
    if (!isReadableByteStreamController(this)) {
      throw new ERR_INVALID_THIS('ReadableByteStreamController');
    }
    readableByteStreamControllerError(this, error);
  }

  [kCancel](reason) {
    return readableByteStreamControllerCancelSteps(this, reason);
  }

  [kPull](readRequest) {
    readableByteStreamControllerPullSteps(this, readRequest);
  }

  [kRelease]() {
    const { pendingPullIntos } = this[kState];
    if (pendingPullIntos.length > 0) {
      const firstPendingPullInto = pendingPullIntos[0];
      firstPendingPullInto.type = 'none';
      this[kState].pendingPullIntos = [firstPendingPullInto];
    }
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, this[kType], {});
  }
}

ObjectDefineProperties(ReadableByteStreamController.prototype, {
  byobRequest: kEnumerableProperty,
  desiredSize: kEnumerableProperty,
  close: kEnumerableProperty,
  enqueue: kEnumerableProperty,
  error: kEnumerableProperty,
  [SymbolToStringTag]: toStringTagDescriptor('ReadableByteStreamController'),
});

// Streams the internal code makes from algorithms rather than from a
// source object: real ReadableStreams, without running the constructor.
function InternalReadableStream() {}
InternalReadableStream.prototype = ReadableStream.prototype;

function createReadableStream(start, pull, cancel, highWaterMark = 1,
                              size = () => 1) {
  const stream = new InternalReadableStream();
  stream[kType] = 'ReadableStream';
  markStreamCreated();
  initializeReadableStream(stream);
  const controller = new ReadableStreamDefaultController(kSkipThrow);
  setupReadableStreamDefaultController(
    stream, controller, start, pull, cancel, highWaterMark, size);
  return stream;
}

function createReadableByteStream(start, pull, cancel) {
  const stream = new InternalReadableStream();
  stream[kType] = 'ReadableStream';
  markStreamCreated();
  initializeReadableStream(stream);
  const controller = new ReadableByteStreamController(kSkipThrow);
  setupReadableByteStreamController(
    stream, controller, start, pull, cancel, 0, undefined);
  return stream;
}

const isReadableStream = isBrandCheck('ReadableStream');
const isReadableByteStreamController =
  isBrandCheck('ReadableByteStreamController');
const isReadableStreamDefaultController =
  isBrandCheck('ReadableStreamDefaultController');
const isReadableStreamBYOBRequest = isBrandCheck('ReadableStreamBYOBRequest');
const isReadableStreamDefaultReader =
  isBrandCheck('ReadableStreamDefaultReader');
const isReadableStreamBYOBReader = isBrandCheck('ReadableStreamBYOBReader');

// ---- ReadableStream abstract operations -----------------------------------

function readableStreamFromIterable(iterable) {
  let stream;
  const iteratorGetter = iterable?.[SymbolAsyncIterator] ??
    iterable?.[SymbolIterator];
  if (iteratorGetter == null || typeof iteratorGetter !== 'function') {
    throw new ERR_ARG_NOT_ITERABLE(iterable);
  }
  const iterator = FunctionPrototypeCall(iteratorGetter, iterable);
  if (iterator === null ||
      (typeof iterator !== 'object' && typeof iterator !== 'function')) {
    throw new ERR_INVALID_STATE.TypeError(
      'The iterator method must return an object');
  }
  const nextMethod = iterator.next;

  async function pullAlgorithm() {
    const iterResult = await FunctionPrototypeCall(nextMethod, iterator);
    if (typeof iterResult !== 'object' || iterResult === null) {
      throw new ERR_INVALID_STATE.TypeError(
        'The promise returned by the iterator.next() method must fulfill ' +
        'with an object');
    }
    if (iterResult.done) {
      readableStreamDefaultControllerClose(stream[kState].controller);
    } else {
      readableStreamDefaultControllerEnqueue(stream[kState].controller,
                                             await iterResult.value);
    }
  }

  async function cancelAlgorithm(reason) {
    const returnMethod = iterator.return;
    if (returnMethod == null) return;
    const iterResult =
      await FunctionPrototypeCall(returnMethod, iterator, reason);
    if (typeof iterResult !== 'object' || iterResult === null) {
      throw new ERR_INVALID_STATE.TypeError(
        'The promise returned by the iterator.return() method must fulfill ' +
        'with an object');
    }
  }

  stream = createReadableStream(nonOpStart, pullAlgorithm, cancelAlgorithm, 0);
  return stream;
}

function readableStreamPipeTo(source, dest, preventClose, preventAbort,
                              preventCancel, signal) {
  let reader;
  let writer;
  try {
    reader = new ReadableStreamDefaultReader(source);
    writer = new WritableStreamDefaultWriter(dest);
  } catch (error) {
    return PromiseReject(error);
  }
  source[kState].disturbed = true;

  if (signal !== undefined) {
    try {
      validateAbortSignal(signal, 'options.signal');
    } catch (error) {
      return PromiseReject(error);
    }
  }

  let shuttingDown = false;
  let disposable;
  const deferred = createDeferred();
  // The last write handed to the destination.
  let currentWrite = PromiseResolve();

  function finalize(rejected, error) {
    writableStreamDefaultWriterRelease(writer);
    readableStreamReaderGenericRelease(reader);
    disposable?.[SymbolDispose]();
    if (rejected) {
      deferred.reject(error);
    } else {
      deferred.resolve();
    }
  }

  // Resolves once every write made so far has settled.
  function waitForCurrentWrite() {
    const write = currentWrite;
    return PromisePrototypeThen(write, () => {
      if (write !== currentWrite) return waitForCurrentWrite();
    }, () => {
      if (write !== currentWrite) return waitForCurrentWrite();
    });
  }

  function destNeedsFlush() {
    return dest[kState].state === 'writable' &&
      !writableStreamCloseQueuedOrInFlight(dest);
  }

  function shutdownWithAnAction(action, rejected, originalError) {
    if (shuttingDown) return;
    shuttingDown = true;
    const complete = () => {
      let promise;
      try {
        promise = action();
      } catch (error) {
        promise = PromiseReject(error);
      }
      PromisePrototypeThen(promise,
                           () => finalize(rejected, originalError),
                           (error) => finalize(true, error));
    };
    if (destNeedsFlush()) {
      PromisePrototypeThen(waitForCurrentWrite(), complete);
      return;
    }
    complete();
  }

  function shutdown(rejected, error) {
    if (shuttingDown) return;
    shuttingDown = true;
    if (destNeedsFlush()) {
      PromisePrototypeThen(waitForCurrentWrite(),
                           () => finalize(rejected, error));
      return;
    }
    finalize(rejected, error);
  }

  function abortAlgorithm() {
    let error = signal.reason;
    if (error instanceof AbortError) {
      // What the standard hands on is a DOMException.
      error = lazyDOMException(error.message, 'AbortError');
    }
    const actions = [];
    if (!preventAbort) {
      ArrayPrototypePush(actions, () => {
        if (dest[kState].state === 'writable') {
          return writableStreamAbort(dest, error);
        }
        return PromiseResolve();
      });
    }
    if (!preventCancel) {
      ArrayPrototypePush(actions, () => {
        if (source[kState].state === 'readable') {
          return readableStreamCancel(source, error);
        }
        return PromiseResolve();
      });
    }
    shutdownWithAnAction(
      () => SafePromiseAll(actions, (action) => action()), true, error);
  }

  // One read-then-write; resolves to true when the pipe must stop.
  function step() {
    if (shuttingDown) return PromiseResolve(true);
    if (dest[kState].backpressure) {
      return PromisePrototypeThen(writer[kState].ready.promise, () => false);
    }
    const stepDeferred = createDeferred();
    readableStreamDefaultReaderRead(reader, {
      __proto__: null,
      [kChunk](chunk) {
        // The write happens in a microtask of its own, not inside the
        // source's enqueue().
        queueMicrotask(() => {
          currentWrite = writableStreamDefaultWriterWrite(writer, chunk);
          setPromiseHandled(currentWrite);
          stepDeferred.resolve(false);
        });
      },
      [kClose]() {
        stepDeferred.resolve(true);
      },
      [kError](error) {
        stepDeferred.reject(error);
      },
    });
    return stepDeferred.promise;
  }

  function run() {
    PromisePrototypeThen(step(), (done) => {
      if (!done) run();
    }, () => {});
  }

  if (signal !== undefined) {
    if (signal.aborted) {
      abortAlgorithm();
      return deferred.promise;
    }
    addAbortListener ??=
      require('internal/events/abort_listener').addAbortListener;
    disposable = addAbortListener(signal, abortAlgorithm);
  }

  // Errors must propagate forward: source -> destination.
  function onSourceErrored(error) {
    if (!preventAbort) {
      shutdownWithAnAction(() => writableStreamAbort(dest, error), true,
                           error);
    } else {
      shutdown(true, error);
    }
  }
  // ... and backward: destination -> source.
  function onDestErrored(error) {
    if (!preventCancel) {
      shutdownWithAnAction(() => readableStreamCancel(source, error), true,
                           error);
    } else {
      shutdown(true, error);
    }
  }
  // Closing must propagate forward.
  function onSourceClosed() {
    if (!preventClose) {
      shutdownWithAnAction(
        () => writableStreamDefaultWriterCloseWithErrorPropagation(writer));
    } else {
      shutdown();
    }
  }

  if (source[kState].state === 'errored') {
    onSourceErrored(source[kState].storedError);
  } else {
    PromisePrototypeThen(reader[kState].close.promise, undefined,
                         onSourceErrored);
  }
  if (dest[kState].state === 'errored') {
    onDestErrored(dest[kState].storedError);
  } else {
    PromisePrototypeThen(writer[kState].close.promise, undefined,
                         onDestErrored);
  }
  if (source[kState].state === 'closed') {
    onSourceClosed();
  } else {
    PromisePrototypeThen(reader[kState].close.promise, onSourceClosed,
                         () => {});
  }
  // Closing must propagate backward.
  if (writableStreamCloseQueuedOrInFlight(dest) ||
      dest[kState].state === 'closed') {
    const error = new ERR_INVALID_STATE.TypeError(
      'Destination WritableStream is closed');
    if (!preventCancel) {
      shutdownWithAnAction(() => readableStreamCancel(source, error), true,
                           error);
    } else {
      shutdown(true, error);
    }
  }

  run();
  return deferred.promise;
}

function readableStreamTee(stream, cloneForBranch2) {
  if (isReadableByteStreamController(stream[kState].controller)) {
    return readableByteStreamTee(stream);
  }
  return readableStreamDefaultTee(stream, cloneForBranch2);
}

function readableStreamDefaultTee(stream, cloneForBranch2) {
  const reader = new ReadableStreamDefaultReader(stream);
  let reading = false;
  let readAgain = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  let branch1;
  let branch2;
  const cancelPromise = createDeferred();

  function pullAlgorithm() {
    if (reading) {
      readAgain = true;
      return PromiseResolve();
    }
    reading = true;
    readableStreamDefaultReaderRead(reader, {
      __proto__: null,
      [kChunk](value) {
        queueMicrotask(() => {
          readAgain = false;
          const value1 = value;
          let value2 = value;
          if (!canceled2 && cloneForBranch2) {
            structuredClone ??=
              require('internal/structured_clone').structuredClone;
            try {
              value2 = structuredClone(value2);
            } catch (error) {
              readableStreamDefaultControllerError(
                branch1[kState].controller, error);
              readableStreamDefaultControllerError(
                branch2[kState].controller, error);
              cancelPromise.resolve(readableStreamCancel(stream, error));
              return;
            }
          }
          if (!canceled1) {
            readableStreamDefaultControllerEnqueue(
              branch1[kState].controller, value1);
          }
          if (!canceled2) {
            readableStreamDefaultControllerEnqueue(
              branch2[kState].controller, value2);
          }
          reading = false;
          if (readAgain) pullAlgorithm();
        });
      },
      [kClose]() {
        reading = false;
        if (!canceled1) {
          readableStreamDefaultControllerClose(branch1[kState].controller);
        }
        if (!canceled2) {
          readableStreamDefaultControllerClose(branch2[kState].controller);
        }
        if (!canceled1 || !canceled2) cancelPromise.resolve();
      },
      [kError]() {
        reading = false;
      },
    });
    return PromiseResolve();
  }

  function cancel1Algorithm(reason) {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) {
      cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
    }
    return cancelPromise.promise;
  }

  function cancel2Algorithm(reason) {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) {
      cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
    }
    return cancelPromise.promise;
  }

  branch1 = createReadableStream(nonOpStart, pullAlgorithm, cancel1Algorithm);
  branch2 = createReadableStream(nonOpStart, pullAlgorithm, cancel2Algorithm);

  PromisePrototypeThen(reader[kState].close.promise, undefined, (error) => {
    readableStreamDefaultControllerError(branch1[kState].controller, error);
    readableStreamDefaultControllerError(branch2[kState].controller, error);
    if (!canceled1 || !canceled2) cancelPromise.resolve();
  });

  return [branch1, branch2];
}

function readableByteStreamTee(stream) {
  let reader = new ReadableStreamDefaultReader(stream);
  let reading = false;
  let readAgainForBranch1 = false;
  let readAgainForBranch2 = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  let branch1;
  let branch2;
  const cancelDeferred = createDeferred();

  function forwardReaderError(thisReader) {
    PromisePrototypeThen(thisReader[kState].close.promise, undefined,
                         (error) => {
                           if (thisReader !== reader) return;
                           readableByteStreamControllerError(
                             branch1[kState].controller, error);
                           readableByteStreamControllerError(
                             branch2[kState].controller, error);
                           if (!canceled1 || !canceled2) {
                             cancelDeferred.resolve();
                           }
                         });
  }

  function errorBoth(error) {
    readableByteStreamControllerError(branch1[kState].controller, error);
    readableByteStreamControllerError(branch2[kState].controller, error);
    cancelDeferred.resolve(readableStreamCancel(stream, error));
  }

  function readAgainIfAsked() {
    if (readAgainForBranch1) {
      pull1Algorithm();
    } else if (readAgainForBranch2) {
      pull2Algorithm();
    }
  }

  function pullWithDefaultReader() {
    if (isReadableStreamBYOBReader(reader)) {
      readableStreamBYOBReaderRelease(reader);
      reader = new ReadableStreamDefaultReader(stream);
      forwardReaderError(reader);
    }
    readableStreamDefaultReaderRead(reader, {
      __proto__: null,
      [kChunk](chunk) {
        queueMicrotask(() => {
          readAgainForBranch1 = false;
          readAgainForBranch2 = false;
          const chunk1 = chunk;
          let chunk2 = chunk;
          if (!canceled1 && !canceled2) {
            try {
              chunk2 = cloneAsUint8Array(chunk);
            } catch (error) {
              errorBoth(error);
              return;
            }
          }
          if (!canceled1) {
            readableByteStreamControllerEnqueue(branch1[kState].controller,
                                                chunk1);
          }
          if (!canceled2) {
            readableByteStreamControllerEnqueue(branch2[kState].controller,
                                                chunk2);
          }
          reading = false;
          readAgainIfAsked();
        });
      },
      [kClose]() {
        reading = false;
        if (!canceled1) {
          readableByteStreamControllerClose(branch1[kState].controller);
        }
        if (!canceled2) {
          readableByteStreamControllerClose(branch2[kState].controller);
        }
        if (branch1[kState].controller[kState].pendingPullIntos.length > 0) {
          readableByteStreamControllerRespond(branch1[kState].controller, 0);
        }
        if (branch2[kState].controller[kState].pendingPullIntos.length > 0) {
          readableByteStreamControllerRespond(branch2[kState].controller, 0);
        }
        if (!canceled1 || !canceled2) cancelDeferred.resolve();
      },
      [kError]() {
        reading = false;
      },
    });
  }

  function pullWithBYOBReader(view, forBranch2) {
    if (isReadableStreamDefaultReader(reader)) {
      readableStreamDefaultReaderRelease(reader);
      reader = new ReadableStreamBYOBReader(stream);
      forwardReaderError(reader);
    }
    const byobBranch = forBranch2 ? branch2 : branch1;
    const otherBranch = forBranch2 ? branch1 : branch2;
    readableStreamBYOBReaderRead(reader, view, 1, {
      __proto__: null,
      [kChunk](chunk) {
        queueMicrotask(() => {
          readAgainForBranch1 = false;
          readAgainForBranch2 = false;
          const byobCanceled = forBranch2 ? canceled2 : canceled1;
          const otherCanceled = forBranch2 ? canceled1 : canceled2;
          if (!otherCanceled) {
            let clonedChunk;
            try {
              clonedChunk = cloneAsUint8Array(chunk);
            } catch (error) {
              errorBoth(error);
              return;
            }
            if (!byobCanceled) {
              readableByteStreamControllerRespondWithNewView(
                byobBranch[kState].controller, chunk);
            }
            readableByteStreamControllerEnqueue(
              otherBranch[kState].controller, clonedChunk);
          } else if (!byobCanceled) {
            readableByteStreamControllerRespondWithNewView(
              byobBranch[kState].controller, chunk);
          }
          reading = false;
          readAgainIfAsked();
        });
      },
      [kClose](chunk) {
        reading = false;
        const byobCanceled = forBranch2 ? canceled2 : canceled1;
        const otherCanceled = forBranch2 ? canceled1 : canceled2;
        if (!byobCanceled) {
          readableByteStreamControllerClose(byobBranch[kState].controller);
        }
        if (!otherCanceled) {
          readableByteStreamControllerClose(otherBranch[kState].controller);
        }
        if (chunk !== undefined) {
          if (!byobCanceled) {
            readableByteStreamControllerRespondWithNewView(
              byobBranch[kState].controller, chunk);
          }
          if (!otherCanceled &&
              otherBranch[kState].controller[kState]
                .pendingPullIntos.length > 0) {
            readableByteStreamControllerRespond(
              otherBranch[kState].controller, 0);
          }
        }
        if (!byobCanceled || !otherCanceled) cancelDeferred.resolve();
      },
      [kError]() {
        reading = false;
      },
    });
  }

  function pull1Algorithm() {
    if (reading) {
      readAgainForBranch1 = true;
      return PromiseResolve();
    }
    reading = true;
    const byobRequest =
      readableByteStreamControllerGetBYOBRequest(branch1[kState].controller);
    if (byobRequest === null) {
      pullWithDefaultReader();
    } else {
      pullWithBYOBReader(byobRequest[kState].view, false);
    }
    return PromiseResolve();
  }

  function pull2Algorithm() {
    if (reading) {
      readAgainForBranch2 = true;
      return PromiseResolve();
    }
    reading = true;
    const byobRequest =
      readableByteStreamControllerGetBYOBRequest(branch2[kState].controller);
    if (byobRequest === null) {
      pullWithDefaultReader();
    } else {
      pullWithBYOBReader(byobRequest[kState].view, true);
    }
    return PromiseResolve();
  }

  function cancel1Algorithm(reason) {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) {
      cancelDeferred.resolve(readableStreamCancel(stream, [reason1, reason2]));
    }
    return cancelDeferred.promise;
  }

  function cancel2Algorithm(reason) {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) {
      cancelDeferred.resolve(readableStreamCancel(stream, [reason1, reason2]));
    }
    return cancelDeferred.promise;
  }

  branch1 = createReadableByteStream(nonOpStart, pull1Algorithm,
                                     cancel1Algorithm);
  branch2 = createReadableByteStream(nonOpStart, pull2Algorithm,
                                     cancel2Algorithm);
  forwardReaderError(reader);
  return [branch1, branch2];
}

function isReadableStreamLocked(stream) {
  return stream[kState].reader !== undefined;
}

function readableStreamCancel(stream, reason) {
  stream[kState].disturbed = true;
  switch (stream[kState].state) {
    case 'closed':
      return PromiseResolve();
    case 'errored':
      return PromiseReject(stream[kState].storedError);
  }
  readableStreamClose(stream);
  const { reader } = stream[kState];
  if (reader !== undefined && isReadableStreamBYOBReader(reader)) {
    const readIntoRequests = reader[kState].readIntoRequests;
    reader[kState].readIntoRequests = [];
    for (let n = 0; n < readIntoRequests.length; n++) {
      readIntoRequests[n][kClose]();
    }
  }
  const sourceCancelPromise = stream[kState].controller[kCancel](reason);
  return PromisePrototypeThen(sourceCancelPromise, () => {});
}

function readableStreamClose(stream) {
  stream[kState].state = 'closed';
  stream[kIsClosedPromise].resolve();
  const { reader } = stream[kState];
  if (reader === undefined) return;
  reader[kState].close.resolve?.();
  if (isReadableStreamDefaultReader(reader)) {
    const readRequests = reader[kState].readRequests;
    reader[kState].readRequests = [];
    for (let n = 0; n < readRequests.length; n++) {
      readRequests[n][kClose]();
    }
  }
}

function readableStreamError(stream, error) {
  stream[kState].state = 'errored';
  stream[kState].storedError = error;
  setPromiseHandled(stream[kIsClosedPromise].promise);
  stream[kIsClosedPromise].reject(error);
  const { reader } = stream[kState];
  if (reader === undefined) return;
  reader[kState].close.reject?.(error);
  setPromiseHandled(reader[kState].close.promise);
  if (isReadableStreamDefaultReader(reader)) {
    readableStreamDefaultReaderErrorReadRequests(reader, error);
  } else {
    readableStreamBYOBReaderErrorReadIntoRequests(reader, error);
  }
}

function readableStreamHasDefaultReader(stream) {
  const { reader } = stream[kState];
  return reader !== undefined && isReadableStreamDefaultReader(reader);
}

function readableStreamHasBYOBReader(stream) {
  const { reader } = stream[kState];
  return reader !== undefined && isReadableStreamBYOBReader(reader);
}

function readableStreamGetNumReadRequests(stream) {
  return stream[kState].reader[kState].readRequests.length;
}

function readableStreamGetNumReadIntoRequests(stream) {
  return stream[kState].reader[kState].readIntoRequests.length;
}

function readableStreamFulfillReadRequest(stream, chunk, done) {
  const { reader } = stream[kState];
  const readRequest = ArrayPrototypeShift(reader[kState].readRequests);
  if (done) {
    readRequest[kClose]();
  } else {
    readRequest[kChunk](chunk);
  }
}

function readableStreamFulfillReadIntoRequest(stream, chunk, done) {
  const { reader } = stream[kState];
  const readIntoRequest = ArrayPrototypeShift(reader[kState].readIntoRequests);
  if (done) {
    readIntoRequest[kClose](chunk);
  } else {
    readIntoRequest[kChunk](chunk);
  }
}

function readableStreamAddReadRequest(stream, readRequest) {
  ArrayPrototypePush(stream[kState].reader[kState].readRequests, readRequest);
}

function readableStreamAddReadIntoRequest(stream, readIntoRequest) {
  ArrayPrototypePush(stream[kState].reader[kState].readIntoRequests,
                     readIntoRequest);
}

// The cancel() both reader classes expose, after their own brand check.
function readerCancel(reader, reason) {
  if (reader[kState].stream === undefined) {
    return PromiseReject(new ERR_INVALID_STATE.TypeError(
      'The reader is not attached to a stream'));
  }
  return readableStreamReaderGenericCancel(reader, reason);
}

function readableStreamReaderGenericCancel(reader, reason) {
  return readableStreamCancel(reader[kState].stream, reason);
}

function readableStreamReaderGenericInitialize(reader, stream) {
  reader[kState].stream = stream;
  stream[kState].reader = reader;
  switch (stream[kState].state) {
    case 'readable':
      reader[kState].close = createDeferred();
      break;
    case 'closed':
      reader[kState].close = {
        __proto__: null,
        promise: PromiseResolve(),
        resolve: undefined,
        reject: undefined,
      };
      break;
    case 'errored':
      reader[kState].close = {
        __proto__: null,
        promise: PromiseReject(stream[kState].storedError),
        resolve: undefined,
        reject: undefined,
      };
      setPromiseHandled(reader[kState].close.promise);
      break;
  }
}

function readableStreamReaderGenericRelease(reader) {
  const { stream } = reader[kState];
  const releasedError = new ERR_INVALID_STATE.TypeError('Reader released');
  if (stream[kState].state === 'readable') {
    reader[kState].close.reject?.(releasedError);
  } else {
    reader[kState].close = {
      __proto__: null,
      promise: PromiseReject(releasedError),
      resolve: undefined,
      reject: undefined,
    };
  }
  setPromiseHandled(reader[kState].close.promise);
  stream[kState].controller[kRelease]();
  stream[kState].reader = undefined;
  reader[kState].stream = undefined;
}

function readableStreamDefaultReaderRelease(reader) {
  readableStreamReaderGenericRelease(reader);
  readableStreamDefaultReaderErrorReadRequests(
    reader, new ERR_INVALID_STATE.TypeError('Releasing reader'));
}

function readableStreamDefaultReaderErrorReadRequests(reader, error) {
  const readRequests = reader[kState].readRequests;
  reader[kState].readRequests = [];
  for (let n = 0; n < readRequests.length; n++) {
    readRequests[n][kError](error);
  }
}

function readableStreamBYOBReaderRelease(reader) {
  readableStreamReaderGenericRelease(reader);
  readableStreamBYOBReaderErrorReadIntoRequests(
    reader, new ERR_INVALID_STATE.TypeError('Releasing reader'));
}

function readableStreamBYOBReaderErrorReadIntoRequests(reader, error) {
  const readIntoRequests = reader[kState].readIntoRequests;
  reader[kState].readIntoRequests = [];
  for (let n = 0; n < readIntoRequests.length; n++) {
    readIntoRequests[n][kError](error);
  }
}

function readableStreamBYOBReaderRead(reader, view, min, readIntoRequest) {
  const { stream } = reader[kState];
  stream[kState].disturbed = true;
  if (stream[kState].state === 'errored') {
    readIntoRequest[kError](stream[kState].storedError);
    return;
  }
  readableByteStreamControllerPullInto(stream[kState].controller, view, min,
                                       readIntoRequest);
}

function readableStreamDefaultReaderRead(reader, readRequest) {
  const { stream } = reader[kState];
  stream[kState].disturbed = true;
  switch (stream[kState].state) {
    case 'closed':
      readRequest[kClose]();
      break;
    case 'errored':
      readRequest[kError](stream[kState].storedError);
      break;
    default:
      stream[kState].controller[kPull](readRequest);
  }
}

function setupReadableStreamBYOBReader(reader, stream) {
  if (isReadableStreamLocked(stream)) {
    throw new ERR_INVALID_STATE.TypeError('ReadableStream is locked');
  }
  if (!isReadableByteStreamController(stream[kState].controller)) {
    throw new ERR_INVALID_ARG_VALUE('stream', stream, 'must be a byte stream');
  }
  readableStreamReaderGenericInitialize(reader, stream);
  reader[kState].readIntoRequests = [];
}

function setupReadableStreamDefaultReader(reader, stream) {
  if (isReadableStreamLocked(stream)) {
    throw new ERR_INVALID_STATE.TypeError('ReadableStream is locked');
  }
  readableStreamReaderGenericInitialize(reader, stream);
  reader[kState].readRequests = [];
}

// ---- ReadableStreamDefaultController abstract operations ------------------

function readableStreamDefaultControllerClose(controller) {
  if (!readableStreamDefaultControllerCanCloseOrEnqueue(controller)) return;
  controller[kState].closeRequested = true;
  if (controller[kState].queue.length === 0) {
    readableStreamDefaultControllerClearAlgorithms(controller);
    readableStreamClose(controller[kState].stream);
  }
}

function readableStreamDefaultControllerEnqueue(controller, chunk) {
  if (!readableStreamDefaultControllerCanCloseOrEnqueue(controller)) return;
  const { stream } = controller[kState];
  if (isReadableStreamLocked(stream) &&
      readableStreamGetNumReadRequests(stream) > 0) {
    readableStreamFulfillReadRequest(stream, chunk, false);
  } else {
    try {
      const chunkSize = FunctionPrototypeCall(
        controller[kState].sizeAlgorithm, undefined, chunk);
      enqueueValueWithSize(controller, chunk, chunkSize);
    } catch (error) {
      readableStreamDefaultControllerError(controller, error);
      throw error;
    }
  }
  readableStreamDefaultControllerCallPullIfNeeded(controller);
}

function readableStreamDefaultControllerHasBackpressure(controller) {
  return !readableStreamDefaultControllerShouldCallPull(controller);
}

function readableStreamDefaultControllerCanCloseOrEnqueue(controller) {
  return !controller[kState].closeRequested &&
    controller[kState].stream[kState].state === 'readable';
}

function readableStreamDefaultControllerGetDesiredSize(controller) {
  const { stream, highWaterMark, queueTotalSize } = controller[kState];
  switch (stream[kState].state) {
    case 'errored': return null;
    case 'closed': return 0;
    default: return highWaterMark - queueTotalSize;
  }
}

function readableStreamDefaultControllerShouldCallPull(controller) {
  const { stream } = controller[kState];
  if (!readableStreamDefaultControllerCanCloseOrEnqueue(controller) ||
      !controller[kState].started) {
    return false;
  }
  if (isReadableStreamLocked(stream) &&
      readableStreamGetNumReadRequests(stream) > 0) {
    return true;
  }
  return readableStreamDefaultControllerGetDesiredSize(controller) > 0;
}

function readableStreamDefaultControllerCallPullIfNeeded(controller) {
  if (!readableStreamDefaultControllerShouldCallPull(controller)) return;
  if (controller[kState].pulling) {
    controller[kState].pullAgain = true;
    return;
  }
  controller[kState].pulling = true;
  PromisePrototypeThen(
    controller[kState].pullAlgorithm(controller),
    () => {
      controller[kState].pulling = false;
      if (controller[kState].pullAgain) {
        controller[kState].pullAgain = false;
        readableStreamDefaultControllerCallPullIfNeeded(controller);
      }
    },
    (error) => readableStreamDefaultControllerError(controller, error));
}

function readableStreamDefaultControllerClearAlgorithms(controller) {
  controller[kState].pullAlgorithm = undefined;
  controller[kState].cancelAlgorithm = undefined;
  controller[kState].sizeAlgorithm = undefined;
}

function readableStreamDefaultControllerError(controller, error) {
  const { stream } = controller[kState];
  if (stream[kState].state !== 'readable') return;
  resetQueue(controller);
  readableStreamDefaultControllerClearAlgorithms(controller);
  readableStreamError(stream, error);
}

function readableStreamDefaultControllerCancelSteps(controller, reason) {
  resetQueue(controller);
  const result = controller[kState].cancelAlgorithm(reason);
  readableStreamDefaultControllerClearAlgorithms(controller);
  return result;
}

function readableStreamDefaultControllerPullSteps(controller, readRequest) {
  const { stream } = controller[kState];
  if (controller[kState].queue.length > 0) {
    const chunk = dequeueValue(controller);
    if (controller[kState].closeRequested &&
        controller[kState].queue.length === 0) {
      readableStreamDefaultControllerClearAlgorithms(controller);
      readableStreamClose(stream);
    } else {
      readableStreamDefaultControllerCallPullIfNeeded(controller);
    }
    readRequest[kChunk](chunk);
    return;
  }
  readableStreamAddReadRequest(stream, readRequest);
  readableStreamDefaultControllerCallPullIfNeeded(controller);
}

function setupReadableStreamDefaultController(
  stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
  highWaterMark, sizeAlgorithm) {
  controller[kState] = {
    __proto__: null,
    cancelAlgorithm,
    closeRequested: false,
    highWaterMark,
    pullAgain: false,
    pullAlgorithm,
    pulling: false,
    queue: [],
    queueTotalSize: 0,
    started: false,
    sizeAlgorithm,
    stream,
  };
  stream[kState].controller = controller;
  stream[kControllerErrorFunction] =
    FunctionPrototypeBind(controller.error, controller);

  const startResult = startAlgorithm();
  PromisePrototypeThen(
    new Promise((resolve) => resolve(startResult)),
    () => {
      controller[kState].started = true;
      readableStreamDefaultControllerCallPullIfNeeded(controller);
    },
    (error) => readableStreamDefaultControllerError(controller, error));
}

function setupReadableStreamDefaultControllerFromSource(
  stream, source, highWaterMark, sizeAlgorithm) {
  const controller = new ReadableStreamDefaultController(kSkipThrow);
  const start = source?.start;
  const pull = source?.pull;
  const cancel = source?.cancel;
  const startAlgorithm = start ?
    FunctionPrototypeBind(start, source, controller) :
    nonOpStart;
  const pullAlgorithm = pull ?
    createPromiseCallback('source.pull', pull, source) :
    nonOpPull;
  const cancelAlgorithm = cancel ?
    createPromiseCallback('source.cancel', cancel, source) :
    nonOpCancel;
  setupReadableStreamDefaultController(
    stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
    highWaterMark, sizeAlgorithm);
}

// ---- ReadableByteStreamController abstract operations ---------------------

// The constructor a filled view is made with: the view's own typed-array
// class (a Buffer stays a Buffer), or DataView.
const kViewConstructors = {
  __proto__: null,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
};

function viewConstructorOf(view) {
  const tag = TypedArrayPrototypeGetSymbolToStringTag(view);
  if (tag === undefined) return DataView;
  if (tag === 'Uint8Array' &&
      ObjectGetPrototypeOf(view) === FastBuffer.prototype) {
    return FastBuffer;
  }
  return kViewConstructors[tag] ?? view.constructor;
}

function readableByteStreamControllerGetBYOBRequest(controller) {
  const state = controller[kState];
  if (state.byobRequest === null && state.pendingPullIntos.length > 0) {
    const { buffer, byteOffset, bytesFilled, byteLength } =
      state.pendingPullIntos[0];
    const view = new Uint8Array(buffer, byteOffset + bytesFilled,
                                byteLength - bytesFilled);
    state.byobRequest = createReadableStreamBYOBRequest(controller, view);
  }
  return state.byobRequest;
}

function readableByteStreamControllerClose(controller) {
  const { closeRequested, pendingPullIntos, queueTotalSize, stream } =
    controller[kState];
  if (closeRequested || stream[kState].state !== 'readable') return;
  if (queueTotalSize > 0) {
    controller[kState].closeRequested = true;
    return;
  }
  if (pendingPullIntos.length > 0) {
    const first = pendingPullIntos[0];
    if (first.bytesFilled % first.elementSize !== 0) {
      const error = new ERR_INVALID_STATE.TypeError('Partial read');
      readableByteStreamControllerError(controller, error);
      throw error;
    }
  }
  readableByteStreamControllerClearAlgorithms(controller);
  readableStreamClose(stream);
}

function readableByteStreamControllerConvertPullIntoDescriptor(desc) {
  const { buffer, bytesFilled, byteLength, byteOffset, ctor, elementSize } =
    desc;
  if (bytesFilled > byteLength) {
    throw new ERR_INVALID_STATE.RangeError('The buffer size is invalid');
  }
  const transferredBuffer = transferArrayBuffer(buffer);
  return new ctor(transferredBuffer, byteOffset, bytesFilled / elementSize);
}

function readableByteStreamControllerCommitPullIntoDescriptor(stream, desc) {
  let done = false;
  if (stream[kState].state === 'closed') {
    done = true;
  }
  const filledView =
    readableByteStreamControllerConvertPullIntoDescriptor(desc);
  if (desc.type === 'default') {
    readableStreamFulfillReadRequest(stream, filledView, done);
  } else {
    readableStreamFulfillReadIntoRequest(stream, filledView, done);
  }
}

function readableByteStreamControllerCommitPullIntoDescriptors(stream,
                                                              descriptors) {
  for (let i = 0; i < descriptors.length; i++) {
    readableByteStreamControllerCommitPullIntoDescriptor(stream,
                                                         descriptors[i]);
  }
}

function readableByteStreamControllerInvalidateBYOBRequest(controller) {
  const { byobRequest } = controller[kState];
  if (byobRequest === null) return;
  byobRequest[kState].controller = undefined;
  byobRequest[kState].view = null;
  controller[kState].byobRequest = null;
}

function readableByteStreamControllerClearAlgorithms(controller) {
  controller[kState].pullAlgorithm = undefined;
  controller[kState].cancelAlgorithm = undefined;
}

function readableByteStreamControllerClearPendingPullIntos(controller) {
  readableByteStreamControllerInvalidateBYOBRequest(controller);
  controller[kState].pendingPullIntos = [];
}

function readableByteStreamControllerGetDesiredSize(controller) {
  const { stream, highWaterMark, queueTotalSize } = controller[kState];
  switch (stream[kState].state) {
    case 'errored': return null;
    case 'closed': return 0;
    default: return highWaterMark - queueTotalSize;
  }
}

function readableByteStreamControllerShouldCallPull(controller) {
  const { stream } = controller[kState];
  if (stream[kState].state !== 'readable' ||
      controller[kState].closeRequested ||
      !controller[kState].started) {
    return false;
  }
  if (readableStreamHasDefaultReader(stream) &&
      readableStreamGetNumReadRequests(stream) > 0) {
    return true;
  }
  if (readableStreamHasBYOBReader(stream) &&
      readableStreamGetNumReadIntoRequests(stream) > 0) {
    return true;
  }
  return readableByteStreamControllerGetDesiredSize(controller) > 0;
}

function readableByteStreamControllerHandleQueueDrain(controller) {
  const { closeRequested, queueTotalSize, stream } = controller[kState];
  if (queueTotalSize === 0 && closeRequested) {
    readableByteStreamControllerClearAlgorithms(controller);
    readableStreamClose(stream);
    return;
  }
  readableByteStreamControllerCallPullIfNeeded(controller);
}

function readableByteStreamControllerPullInto(controller, view, min,
                                              readIntoRequest) {
  const { stream } = controller[kState];
  const ctor = viewConstructorOf(view);
  const elementSize = ctor === DataView ? 1 : ctor.BYTES_PER_ELEMENT;
  const minimumFill = min * elementSize;
  const buffer = ArrayBufferViewGetBuffer(view);
  const byteOffset = ArrayBufferViewGetByteOffset(view);
  const byteLength = ArrayBufferViewGetByteLength(view);

  let transferredBuffer;
  try {
    transferredBuffer = transferArrayBuffer(buffer);
  } catch (error) {
    readIntoRequest[kError](error);
    return;
  }
  const desc = {
    __proto__: null,
    buffer: transferredBuffer,
    bufferByteLength: ArrayBufferPrototypeGetByteLength(transferredBuffer),
    byteOffset,
    byteLength,
    bytesFilled: 0,
    minimumFill,
    elementSize,
    ctor,
    type: 'byob',
  };

  if (controller[kState].pendingPullIntos.length > 0) {
    ArrayPrototypePush(controller[kState].pendingPullIntos, desc);
    readableStreamAddReadIntoRequest(stream, readIntoRequest);
    return;
  }
  if (stream[kState].state === 'closed') {
    const emptyView = new ctor(desc.buffer, byteOffset, 0);
    readIntoRequest[kClose](emptyView);
    return;
  }
  if (controller[kState].queueTotalSize > 0) {
    if (readableByteStreamControllerFillPullIntoDescriptorFromQueue(
      controller, desc)) {
      const filledView =
        readableByteStreamControllerConvertPullIntoDescriptor(desc);
      readableByteStreamControllerHandleQueueDrain(controller);
      readIntoRequest[kChunk](filledView);
      return;
    }
    if (controller[kState].closeRequested) {
      const error = new ERR_INVALID_STATE.TypeError('ReadableStream closed');
      readableByteStreamControllerError(controller, error);
      readIntoRequest[kError](error);
      return;
    }
  }
  ArrayPrototypePush(controller[kState].pendingPullIntos, desc);
  readableStreamAddReadIntoRequest(stream, readIntoRequest);
  readableByteStreamControllerCallPullIfNeeded(controller);
}

function readableByteStreamControllerRespond(controller, bytesWritten) {
  const { pendingPullIntos, stream } = controller[kState];
  const desc = pendingPullIntos[0];
  if (stream[kState].state === 'closed') {
    if (bytesWritten !== 0) {
      throw new ERR_INVALID_ARG_VALUE('bytesWritten', bytesWritten);
    }
  } else {
    if (bytesWritten === 0) {
      throw new ERR_INVALID_ARG_VALUE('bytesWritten', bytesWritten);
    }
    if (desc.bytesFilled + bytesWritten > desc.byteLength) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
    }
  }
  desc.buffer = transferArrayBuffer(desc.buffer);
  readableByteStreamControllerRespondInternal(controller, bytesWritten);
}

function readableByteStreamControllerRespondInternal(controller,
                                                     bytesWritten) {
  const { stream, pendingPullIntos } = controller[kState];
  const desc = pendingPullIntos[0];
  readableByteStreamControllerInvalidateBYOBRequest(controller);
  if (stream[kState].state === 'closed') {
    if (bytesWritten !== 0) {
      throw new ERR_INVALID_STATE.TypeError(
        'Controller is closed but view is not zero-length');
    }
    readableByteStreamControllerRespondInClosedState(controller, desc);
  } else {
    if (bytesWritten === 0) {
      throw new ERR_INVALID_STATE.TypeError('View cannot be zero-length');
    }
    readableByteStreamControllerRespondInReadableState(controller,
                                                       bytesWritten, desc);
  }
  readableByteStreamControllerCallPullIfNeeded(controller);
}

function readableByteStreamControllerRespondInClosedState(controller, desc) {
  if (desc.type === 'none') {
    readableByteStreamControllerShiftPendingPullInto(controller);
  }
  const { stream } = controller[kState];
  if (readableStreamHasBYOBReader(stream)) {
    const filledPullIntos = [];
    const count = readableStreamGetNumReadIntoRequests(stream);
    while (filledPullIntos.length < count) {
      ArrayPrototypePush(
        filledPullIntos,
        readableByteStreamControllerShiftPendingPullInto(controller));
    }
    readableByteStreamControllerCommitPullIntoDescriptors(stream,
                                                          filledPullIntos);
  }
}

function readableByteStreamControllerFillHeadPullIntoDescriptor(
  controller, size, desc) {
  desc.bytesFilled += size;
}

function readableByteStreamControllerEnqueue(controller, chunk) {
  const { closeRequested, stream } = controller[kState];
  const buffer = ArrayBufferViewGetBuffer(chunk);
  const byteOffset = ArrayBufferViewGetByteOffset(chunk);
  const byteLength = ArrayBufferViewGetByteLength(chunk);
  if (closeRequested || stream[kState].state !== 'readable') return;

  const transferredBuffer = transferArrayBuffer(buffer);
  const { pendingPullIntos } = controller[kState];
  if (pendingPullIntos.length > 0) {
    const first = pendingPullIntos[0];
    if (isDetached(first.buffer)) {
      throw new ERR_INVALID_STATE.TypeError(
        'Destination ArrayBuffer is detached');
    }
    readableByteStreamControllerInvalidateBYOBRequest(controller);
    first.buffer = transferArrayBuffer(first.buffer);
    if (first.type === 'none') {
      readableByteStreamControllerEnqueueDetachedPullIntoToQueue(controller,
                                                                 first);
    }
  }

  if (readableStreamHasDefaultReader(stream)) {
    readableByteStreamControllerProcessReadRequestsUsingQueue(controller);
    if (readableStreamGetNumReadRequests(stream) === 0) {
      readableByteStreamControllerEnqueueChunkToQueue(
        controller, transferredBuffer, byteOffset, byteLength);
    } else {
      if (controller[kState].pendingPullIntos.length > 0) {
        readableByteStreamControllerShiftPendingPullInto(controller);
      }
      const transferredView =
        new Uint8Array(transferredBuffer, byteOffset, byteLength);
      readableStreamFulfillReadRequest(stream, transferredView, false);
    }
  } else if (readableStreamHasBYOBReader(stream)) {
    readableByteStreamControllerEnqueueChunkToQueue(
      controller, transferredBuffer, byteOffset, byteLength);
    const filledPullIntos =
      readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(
        controller);
    readableByteStreamControllerCommitPullIntoDescriptors(stream,
                                                          filledPullIntos);
  } else {
    readableByteStreamControllerEnqueueChunkToQueue(
      controller, transferredBuffer, byteOffset, byteLength);
  }
  readableByteStreamControllerCallPullIfNeeded(controller);
}

function readableByteStreamControllerEnqueueChunkToQueue(
  controller, buffer, byteOffset, byteLength) {
  ArrayPrototypePush(controller[kState].queue,
                     { __proto__: null, buffer, byteOffset, byteLength });
  controller[kState].queueTotalSize += byteLength;
}

function readableByteStreamControllerEnqueueClonedChunkToQueue(
  controller, buffer, byteOffset, byteLength) {
  let cloneResult;
  try {
    cloneResult = ArrayBufferPrototypeSlice(buffer, byteOffset,
                                            byteOffset + byteLength);
  } catch (error) {
    readableByteStreamControllerError(controller, error);
    throw error;
  }
  readableByteStreamControllerEnqueueChunkToQueue(controller, cloneResult, 0,
                                                  byteLength);
}

function readableByteStreamControllerEnqueueDetachedPullIntoToQueue(
  controller, desc) {
  if (desc.bytesFilled > 0) {
    readableByteStreamControllerEnqueueClonedChunkToQueue(
      controller, desc.buffer, desc.byteOffset, desc.bytesFilled);
  }
  readableByteStreamControllerShiftPendingPullInto(controller);
}

function readableByteStreamControllerFillPullIntoDescriptorFromQueue(
  controller, desc) {
  const { byteLength, bytesFilled, minimumFill, elementSize } = desc;
  const maxBytesToCopy = MathMin(controller[kState].queueTotalSize,
                                 byteLength - bytesFilled);
  const maxBytesFilled = bytesFilled + maxBytesToCopy;
  const maxAlignedBytes = maxBytesFilled - (maxBytesFilled % elementSize);
  let totalBytesToCopyRemaining = maxBytesToCopy;
  let ready = false;
  if (maxAlignedBytes >= minimumFill) {
    totalBytesToCopyRemaining = maxAlignedBytes - bytesFilled;
    ready = true;
  }
  const { queue } = controller[kState];
  while (totalBytesToCopyRemaining > 0) {
    const headOfQueue = queue[0];
    const bytesToCopy = MathMin(totalBytesToCopyRemaining,
                                headOfQueue.byteLength);
    const destStart = desc.byteOffset + desc.bytesFilled;
    copyArrayBuffer(desc.buffer, destStart, headOfQueue.buffer,
                    headOfQueue.byteOffset, bytesToCopy);
    if (headOfQueue.byteLength === bytesToCopy) {
      ArrayPrototypeShift(queue);
    } else {
      headOfQueue.byteOffset += bytesToCopy;
      headOfQueue.byteLength -= bytesToCopy;
    }
    controller[kState].queueTotalSize -= bytesToCopy;
    readableByteStreamControllerFillHeadPullIntoDescriptor(controller,
                                                           bytesToCopy, desc);
    totalBytesToCopyRemaining -= bytesToCopy;
  }
  return ready;
}

function readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(
  controller) {
  const filledPullIntos = [];
  const state = controller[kState];
  while (state.pendingPullIntos.length > 0) {
    if (state.queueTotalSize === 0) break;
    const desc = state.pendingPullIntos[0];
    if (readableByteStreamControllerFillPullIntoDescriptorFromQueue(
      controller, desc)) {
      readableByteStreamControllerShiftPendingPullInto(controller);
      ArrayPrototypePush(filledPullIntos, desc);
    }
  }
  return filledPullIntos;
}

function readableByteStreamControllerProcessReadRequestsUsingQueue(
  controller) {
  const { reader } = controller[kState].stream[kState];
  while (reader[kState].readRequests.length > 0) {
    if (controller[kState].queueTotalSize === 0) return;
    const readRequest = ArrayPrototypeShift(reader[kState].readRequests);
    readableByteStreamControllerFillReadRequestFromQueue(controller,
                                                         readRequest);
  }
}

function readableByteStreamControllerFillReadRequestFromQueue(controller,
                                                              readRequest) {
  const { buffer, byteOffset, byteLength } =
    ArrayPrototypeShift(controller[kState].queue);
  controller[kState].queueTotalSize -= byteLength;
  readableByteStreamControllerHandleQueueDrain(controller);
  const view = new Uint8Array(buffer, byteOffset, byteLength);
  readRequest[kChunk](view);
}

function readableByteStreamControllerRespondInReadableState(
  controller, bytesWritten, desc) {
  const { stream } = controller[kState];
  if (desc.bytesFilled + bytesWritten > desc.byteLength) {
    throw new ERR_INVALID_STATE.RangeError('The buffer size is invalid');
  }
  readableByteStreamControllerFillHeadPullIntoDescriptor(controller,
                                                         bytesWritten, desc);
  if (desc.type === 'none') {
    readableByteStreamControllerEnqueueDetachedPullIntoToQueue(controller,
                                                               desc);
    const filledPullIntos =
      readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(
        controller);
    readableByteStreamControllerCommitPullIntoDescriptors(stream,
                                                          filledPullIntos);
    return;
  }
  if (desc.bytesFilled < desc.minimumFill) return;
  readableByteStreamControllerShiftPendingPullInto(controller);
  const remainderSize = desc.bytesFilled % desc.elementSize;
  if (remainderSize > 0) {
    const end = desc.byteOffset + desc.bytesFilled;
    readableByteStreamControllerEnqueueClonedChunkToQueue(
      controller, desc.buffer, end - remainderSize, remainderSize);
  }
  desc.bytesFilled -= remainderSize;
  const filledPullIntos =
    readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(
      controller);
  readableByteStreamControllerCommitPullIntoDescriptor(stream, desc);
  readableByteStreamControllerCommitPullIntoDescriptors(stream,
                                                        filledPullIntos);
}

function readableByteStreamControllerRespondWithNewView(controller, view) {
  const { stream, pendingPullIntos } = controller[kState];
  const desc = pendingPullIntos[0];
  const viewByteLength = ArrayBufferViewGetByteLength(view);
  const viewByteOffset = ArrayBufferViewGetByteOffset(view);
  const viewBuffer = ArrayBufferViewGetBuffer(view);
  const viewBufferByteLength = ArrayBufferPrototypeGetByteLength(viewBuffer);

  if (stream[kState].state === 'closed') {
    if (viewByteLength !== 0) {
      throw new ERR_INVALID_STATE.TypeError('View is not zero-length');
    }
  } else if (viewByteLength === 0) {
    throw new ERR_INVALID_STATE.TypeError('View is zero-length');
  }
  if (desc.byteOffset + desc.bytesFilled !== viewByteOffset) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  if (desc.bufferByteLength !== viewBufferByteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  if (desc.bytesFilled + viewByteLength > desc.byteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  desc.buffer = transferArrayBuffer(viewBuffer);
  readableByteStreamControllerRespondInternal(controller, viewByteLength);
}

function readableByteStreamControllerShiftPendingPullInto(controller) {
  return ArrayPrototypeShift(controller[kState].pendingPullIntos);
}

function readableByteStreamControllerCallPullIfNeeded(controller) {
  if (!readableByteStreamControllerShouldCallPull(controller)) return;
  if (controller[kState].pulling) {
    controller[kState].pullAgain = true;
    return;
  }
  controller[kState].pulling = true;
  PromisePrototypeThen(
    controller[kState].pullAlgorithm(controller),
    () => {
      controller[kState].pulling = false;
      if (controller[kState].pullAgain) {
        controller[kState].pullAgain = false;
        readableByteStreamControllerCallPullIfNeeded(controller);
      }
    },
    (error) => readableByteStreamControllerError(controller, error));
}

function readableByteStreamControllerError(controller, error) {
  const { stream } = controller[kState];
  if (stream[kState].state !== 'readable') return;
  readableByteStreamControllerClearPendingPullIntos(controller);
  resetQueue(controller);
  readableByteStreamControllerClearAlgorithms(controller);
  readableStreamError(stream, error);
}

function readableByteStreamControllerCancelSteps(controller, reason) {
  readableByteStreamControllerClearPendingPullIntos(controller);
  resetQueue(controller);
  const result = controller[kState].cancelAlgorithm(reason);
  readableByteStreamControllerClearAlgorithms(controller);
  return result;
}

function readableByteStreamControllerPullSteps(controller, readRequest) {
  const { stream, autoAllocateChunkSize } = controller[kState];
  if (controller[kState].queueTotalSize > 0) {
    readableByteStreamControllerFillReadRequestFromQueue(controller,
                                                         readRequest);
    return;
  }
  if (autoAllocateChunkSize !== undefined) {
    let buffer;
    try {
      buffer = new ArrayBuffer(autoAllocateChunkSize);
    } catch (error) {
      readRequest[kError](error);
      return;
    }
    ArrayPrototypePush(controller[kState].pendingPullIntos, {
      __proto__: null,
      buffer,
      bufferByteLength: autoAllocateChunkSize,
      byteOffset: 0,
      byteLength: autoAllocateChunkSize,
      bytesFilled: 0,
      minimumFill: 1,
      elementSize: 1,
      ctor: Uint8Array,
      type: 'default',
    });
  }
  readableStreamAddReadRequest(stream, readRequest);
  readableByteStreamControllerCallPullIfNeeded(controller);
}

function setupReadableByteStreamController(
  stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
  highWaterMark, autoAllocateChunkSize) {
  controller[kState] = {
    __proto__: null,
    autoAllocateChunkSize,
    byobRequest: null,
    cancelAlgorithm,
    closeRequested: false,
    highWaterMark,
    pendingPullIntos: [],
    pullAgain: false,
    pullAlgorithm,
    pulling: false,
    queue: [],
    queueTotalSize: 0,
    started: false,
    stream,
  };
  stream[kState].controller = controller;
  stream[kControllerErrorFunction] =
    FunctionPrototypeBind(controller.error, controller);

  const startResult = startAlgorithm();
  PromisePrototypeThen(
    new Promise((resolve) => resolve(startResult)),
    () => {
      controller[kState].started = true;
      readableByteStreamControllerCallPullIfNeeded(controller);
    },
    (error) => readableByteStreamControllerError(controller, error));
}

function setupReadableByteStreamControllerFromSource(stream, source,
                                                     highWaterMark) {
  const controller = new ReadableByteStreamController(kSkipThrow);
  const start = source?.start;
  const pull = source?.pull;
  const cancel = source?.cancel;
  let autoAllocateChunkSize = source?.autoAllocateChunkSize;
  const startAlgorithm = start ?
    FunctionPrototypeBind(start, source, controller) :
    nonOpStart;
  const pullAlgorithm = pull ?
    createPromiseCallback('source.pull', pull, source) :
    nonOpPull;
  const cancelAlgorithm = cancel ?
    createPromiseCallback('source.cancel', cancel, source) :
    nonOpCancel;
  if (autoAllocateChunkSize !== undefined) {
    autoAllocateChunkSize =
      enforceRange(autoAllocateChunkSize, 'source.autoAllocateChunkSize');
    if (autoAllocateChunkSize === 0) {
      throw new ERR_INVALID_ARG_VALUE('source.autoAllocateChunkSize',
                                      source.autoAllocateChunkSize);
    }
  }
  setupReadableByteStreamController(
    stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
    highWaterMark, autoAllocateChunkSize);
}

module.exports = {
  ReadableStream,
  ReadableStreamDefaultReader,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  ReadableByteStreamController,
  ReadableStreamDefaultController,

  isReadableStream,
  isReadableByteStreamController,
  isReadableStreamBYOBRequest,
  isReadableStreamDefaultReader,
  isReadableStreamBYOBReader,
  isWritableStreamDefaultWriter,
  isWritableStreamDefaultController,

  kChunk,
  kClose,
  kError,

  readableStreamPipeTo,
  readableStreamTee,
  readableByteStreamControllerConvertPullIntoDescriptor,
  isReadableStreamLocked,
  readableStreamCancel,
  readableStreamClose,
  readableStreamError,
  readableStreamHasDefaultReader,
  readableStreamGetNumReadRequests,
  readableStreamHasBYOBReader,
  readableStreamGetNumReadIntoRequests,
  readableStreamFulfillReadRequest,
  readableStreamFulfillReadIntoRequest,
  readableStreamAddReadRequest,
  readableStreamAddReadIntoRequest,
  readableStreamReaderGenericCancel,
  readableStreamReaderGenericInitialize,
  readableStreamReaderGenericRelease,
  readableStreamBYOBReaderRead,
  readableStreamDefaultReaderRead,
  setupReadableStreamBYOBReader,
  setupReadableStreamDefaultReader,
  readableStreamDefaultControllerClose,
  readableStreamDefaultControllerEnqueue,
  readableStreamDefaultControllerHasBackpressure,
  readableStreamDefaultControllerCanCloseOrEnqueue,
  readableStreamDefaultControllerGetDesiredSize,
  readableStreamDefaultControllerShouldCallPull,
  readableStreamDefaultControllerCallPullIfNeeded,
  readableStreamDefaultControllerClearAlgorithms,
  readableStreamDefaultControllerError,
  readableStreamDefaultControllerCancelSteps,
  readableStreamDefaultControllerPullSteps,
  setupReadableStreamDefaultController,
  setupReadableStreamDefaultControllerFromSource,
  readableByteStreamControllerClose,
  readableByteStreamControllerCommitPullIntoDescriptor,
  readableByteStreamControllerInvalidateBYOBRequest,
  readableByteStreamControllerClearAlgorithms,
  readableByteStreamControllerClearPendingPullIntos,
  readableByteStreamControllerGetDesiredSize,
  readableByteStreamControllerShouldCallPull,
  readableByteStreamControllerHandleQueueDrain,
  readableByteStreamControllerPullInto,
  readableByteStreamControllerRespondInternal,
  readableByteStreamControllerRespond,
  readableByteStreamControllerRespondInClosedState,
  readableByteStreamControllerFillHeadPullIntoDescriptor,
  readableByteStreamControllerEnqueue,
  readableByteStreamControllerEnqueueChunkToQueue,
  readableByteStreamControllerFillPullIntoDescriptorFromQueue,
  readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue,
  readableByteStreamControllerRespondInReadableState,
  readableByteStreamControllerRespondWithNewView,
  readableByteStreamControllerShiftPendingPullInto,
  readableByteStreamControllerCallPullIfNeeded,
  readableByteStreamControllerError,
  readableByteStreamControllerCancelSteps,
  readableByteStreamControllerPullSteps,
  setupReadableByteStreamController,
  setupReadableByteStreamControllerFromSource,
  createReadableStream,
  createReadableByteStream,
};
