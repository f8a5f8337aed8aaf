'use strict';

// WritableStream, its writer and controller, after the WHATWG Streams
// standard (https://streams.spec.whatwg.org/#ws). The abstract operations
// keep the standard's names; the internal slots live in obj[kState].

const {
  ArrayPrototypePush,
  ArrayPrototypeShift,
  FunctionPrototypeBind,
  FunctionPrototypeCall,
  ObjectDefineProperties,
  Promise,
  PromisePrototypeThen,
  PromiseReject,
  PromiseResolve,
  Symbol,
  SymbolToStringTag,
} = primordials;

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const { kTransfer } = require('internal/worker/js_transferable');
const {
  customInspectSymbol: kInspect,
  kEmptyObject,
  kEnumerableProperty,
} = require('internal/util');
const {
  validateObject,
  kValidateObjectAllowObjects,
  kValidateObjectAllowObjectsAndNull,
} = require('internal/validators');
const {
  kIsClosedPromise,
  kControllerErrorFunction,
} = require('internal/streams/utils');
const {
  createDeferred,
  createPromiseCallback,
  customInspect,
  dequeueValue,
  enqueueValueWithSize,
  extractHighWaterMark,
  extractSizeAlgorithm,
  isBrandCheck,
  isPromisePending,
  peekQueueValue,
  resetQueue,
  setPromiseHandled,
  nonOpCancel,
  nonOpStart,
  nonOpWrite,
  kType,
  kState,
  markStreamCreated,
} = require('internal/webstreams/util');

let AbortController;

const kAbort = Symbol('kAbort');
const kError = Symbol('kError');
const kCloseSentinel = Symbol('kCloseSentinel');
const kSkipThrow = Symbol('kSkipThrow');

function toStringTagDescriptor(value) {
  return { __proto__: null, configurable: true, value };
}

// An empty slot for a promise the stream may hold later.
function emptyDeferred() {
  return {
    __proto__: null, promise: undefined, resolve: undefined, reject: undefined,
  };
}

function settledDeferred(promise) {
  return {
    __proto__: null, promise, resolve: undefined, reject: undefined,
  };
}

function emptyAbortRequest() {
  return {
    __proto__: null,
    abort: emptyDeferred(),
    reason: undefined,
    wasAlreadyErroring: false,
  };
}

function initializeWritableStream(stream) {
  stream[kState] = {
    __proto__: null,
    close: createDeferred(),
    closeRequest: emptyDeferred(),
    inFlightWriteRequest: emptyDeferred(),
    inFlightCloseRequest: emptyDeferred(),
    pendingAbortRequest: emptyAbortRequest(),
    backpressure: false,
    controller: undefined,
    state: 'writable',
    storedError: undefined,
    writeRequests: [],
    writer: undefined,
  };
  stream[kIsClosedPromise] = createDeferred();
  stream[kControllerErrorFunction] = () => {};
}

class WritableStream {
  [kType] = (markStreamCreated(), 'WritableStream');

  constructor(sink = kEmptyObject, strategy = kEmptyObject) {
    validateObject(sink, 'sink', kValidateObjectAllowObjects);
    validateObject(strategy, 'strategy', kValidateObjectAllowObjectsAndNull);
    const type = sink?.type;
    if (type !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('type', type);
    }
    initializeWritableStream(this);
    const size = extractSizeAlgorithm(strategy?.size);
    const highWaterMark = extractHighWaterMark(strategy?.highWaterMark, 1);
    setupWritableStreamDefaultControllerFromSink(this, sink, highWaterMark,
                                                 size);
  }

  get locked() {
    if (!isWritableStream(this)) {
      throw new ERR_INVALID_THIS('WritableStream');
    }
    return isWritableStreamLocked(this);
  }

  abort(reason = undefined) {
    if (!isWritableStream(this)) {
      return PromiseReject(new ERR_INVALID_THIS('WritableStream'));
    }
    if (isWritableStreamLocked(this)) {
      return PromiseReject(
        new ERR_INVALID_STATE.TypeError('WritableStream is locked'));
    }
    return writableStreamAbort(this, reason);
  }

  close() {
    if (!isWritableStream(this)) {
      return PromiseReject(new ERR_INVALID_THIS('WritableStream'));
    }
    if (isWritableStreamLocked(this)) {
      return PromiseReject(
        new ERR_INVALID_STATE.TypeError('WritableStream is locked'));
    }
    if (writableStreamCloseQueuedOrInFlight(this)) {
      return PromiseReject(
        new ERR_INVALID_STATE.TypeError('Failure closing WritableStream'));
    }
    return writableStreamClose(this);
  }

  [kTransfer]() {
    if (!isWritableStream(this)) throw new ERR_INVALID_THIS('WritableStream');
    return require('internal/webstreams/transfer').transferToOtherThread(this);
  }

  getWriter() {
    if (!isWritableStream(this)) {
      throw new ERR_INVALID_THIS('WritableStream');
    }
    return new WritableStreamDefaultWriter(this);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, this[kType], {
      locked: this.locked,
      state: this[kState].state,
    });
  }
}

ObjectDefineProperties(WritableStream.prototype, {
  locked: kEnumerableProperty,
  abort: kEnumerableProperty,
  close: kEnumerableProperty,
  getWriter: kEnumerableProperty,
  [SymbolToStringTag]: toStringTagDescriptor('WritableStream'),
});

class WritableStreamDefaultWriter {
  [kType] = 'WritableStreamDefaultWriter';

  constructor(stream) {
    if (!isWritableStream(stream)) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'WritableStream', stream);
    }
    this[kState] = {
      __proto__: null,
      stream: undefined,
      close: emptyDeferred(),
      ready: emptyDeferred(),
    };
    setupWritableStreamDefaultWriter(this, stream);
  }

  get closed() {
    if (!isWritableStreamDefaultWriter(this)) {
      return PromiseReject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    return this[kState].close.promise;
  }

  get desiredSize() {
    if (!isWritableStreamDefaultWriter(this)) {
      throw new ERR_INVALID_THIS('WritableStreamDefaultWriter');
    }
    if (this[kState].stream === undefined) {
      throw new ERR_INVALID_STATE.TypeError(
        'Writer is not bound to a WritableStream');
    }
    return writableStreamDefaultWriterGetDesiredSize(this);
  }

  get ready() {
    if (!isWritableStreamDefaultWriter(this)) {
      return PromiseReject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    return this[kState].ready.promise;
  }

  abort(reason = undefined) {
    if (!isWritableStreamDefaultWriter(this)) {
      return PromiseReject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    if (this[kState].stream === undefined) {
      return PromiseReject(new ERR_INVALID_STATE.TypeError(
        'Writer is not bound to a WritableStream'));
    }
    return writableStreamDefaultWriterAbort(this, reason);
  }

  close() {
    if (!isWritableStreamDefaultWriter(this)) {
      return PromiseReject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    const { stream } = this[kState];
    if (stream === undefined) {
      return PromiseReject(new ERR_INVALID_STATE.TypeError(
        'Writer is not bound to a WritableStream'));
    }
    if (writableStreamCloseQueuedOrInFlight(stream)) {
      return PromiseReject(
        new ERR_INVALID_STATE.TypeError('Failure to close WritableStream'));
    }
    return writableStreamDefaultWriterClose(this);
  }

  releaseLock() {
    if (!isWritableStreamDefaultWriter(this)) {
      throw new ERR_INVALID_THIS('WritableStreamDefaultWriter');
    }
    if (this[kState].stream === undefined) return;
    writableStreamDefaultWriterRelease(this);
  }

  write(chunk = undefined) {
    if (!isWritableStreamDefaultWriter(this)) {
      return PromiseReject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    if (this[kState].stream === undefined) {
      return PromiseReject(new ERR_INVALID_STATE.TypeError(
        'Writer is not bound to a WritableStream'));
    }
    return writableStreamDefaultWriterWrite(this, chunk);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, this[kType], {
      stream: this[kState].stream,
      close: this[kState].close.promise,
      ready: this[kState].ready.promise,
      desiredSize: this[kState].stream === undefined ? undefined :
        writableStreamDefaultWriterGetDesiredSize(this),
    });
  }
}

ObjectDefineProperties(WritableStreamDefaultWriter.prototype, {
  closed: kEnumerableProperty,
  ready: kEnumerableProperty,
  desiredSize: kEnumerableProperty,
  abort: kEnumerableProperty,
  close: kEnumerableProperty,
  releaseLock: kEnumerableProperty,
  write: kEnumerableProperty,
  [SymbolToStringTag]: toStringTagDescriptor('WritableStreamDefaultWriter'),
});

class WritableStreamDefaultController {
  [kType] = 'WritableStreamDefaultController';

  constructor(skipThrowSymbol = undefined) {
    if (skipThrowSymbol !== kSkipThrow) {
      throw new ERR_ILLEGAL_CONSTRUCTOR();
    }
  }

  [kAbort](reason) {
    const result = this[kState].abortAlgorithm(reason);
    writableStreamDefaultControllerClearAlgorithms(this);
    return result;
  }

  [kError]() {
    resetQueue(this);
  }

  get signal() {
    if (!isWritableStreamDefaultController(this)) {
      throw new ERR_INVALID_THIS('WritableStreamDefaultController');
    }
    return this[kState].abortController.signal;
  }

  error(error = undefined) {
    if (!isWritableStreamDefaultController(this)) {
      throw new ERR_INVALID_THIS('WritableStreamDefaultController');
    }
    if (this[kState].stream[kState].state !== 'writable') return;
    writableStreamDefaultControllerError(this, error);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, this[kType], {
      stream: this[kState].stream,
    });
  }
}

ObjectDefineProperties(WritableStreamDefaultController.prototype, {
  signal: kEnumerableProperty,
  error: kEnumerableProperty,
  [SymbolToStringTag]: toStringTagDescriptor('WritableStreamDefaultController'),
});

const isWritableStream = isBrandCheck('WritableStream');
const isWritableStreamDefaultWriter =
  isBrandCheck('WritableStreamDefaultWriter');
const isWritableStreamDefaultController =
  isBrandCheck('WritableStreamDefaultController');

// Streams the internal code makes from algorithms (TransformStream's
// writable side): real WritableStreams, without the constructor.
function InternalWritableStream() {}
InternalWritableStream.prototype = WritableStream.prototype;

function createWritableStream(start, write, close, abort, highWaterMark = 1,
                              size = () => 1) {
  const stream = new InternalWritableStream();
  stream[kType] = 'WritableStream';
  initializeWritableStream(stream);
  const controller = new WritableStreamDefaultController(kSkipThrow);
  setupWritableStreamDefaultController(stream, controller, start, write,
                                       close, abort, highWaterMark, size);
  return stream;
}

function isWritableStreamLocked(stream) {
  return stream[kState].writer !== undefined;
}

function setupWritableStreamDefaultWriter(writer, stream) {
  if (isWritableStreamLocked(stream)) {
    throw new ERR_INVALID_STATE.TypeError('WritableStream is locked');
  }
  writer[kState].stream = stream;
  stream[kState].writer = writer;
  const { state } = stream[kState];
  switch (state) {
    case 'writable':
      if (!writableStreamCloseQueuedOrInFlight(stream) &&
          stream[kState].backpressure) {
        writer[kState].ready = createDeferred();
      } else {
        writer[kState].ready = settledDeferred(PromiseResolve());
      }
      writer[kState].close = createDeferred();
      break;
    case 'erroring':
      writer[kState].ready =
        settledDeferred(PromiseReject(stream[kState].storedError));
      setPromiseHandled(writer[kState].ready.promise);
      writer[kState].close = createDeferred();
      break;
    case 'closed':
      writer[kState].ready = settledDeferred(PromiseResolve());
      writer[kState].close = settledDeferred(PromiseResolve());
      break;
    default: {
      const { storedError } = stream[kState];
      writer[kState].ready = settledDeferred(PromiseReject(storedError));
      writer[kState].close = settledDeferred(PromiseReject(storedError));
      setPromiseHandled(writer[kState].ready.promise);
      setPromiseHandled(writer[kState].close.promise);
    }
  }
}

function writableStreamAbort(stream, reason) {
  const { state, controller } = stream[kState];
  if (state === 'closed' || state === 'errored') {
    return PromiseResolve();
  }
  controller[kState].abortController.abort(reason);
  // The abort may have run code that changed the state.
  const current = stream[kState].state;
  if (current === 'closed' || current === 'errored') {
    return PromiseResolve();
  }
  if (stream[kState].pendingAbortRequest.abort.promise !== undefined) {
    return stream[kState].pendingAbortRequest.abort.promise;
  }
  let wasAlreadyErroring = false;
  if (current === 'erroring') {
    wasAlreadyErroring = true;
    reason = undefined;
  }
  const abort = createDeferred();
  stream[kState].pendingAbortRequest = {
    __proto__: null,
    abort,
    reason,
    wasAlreadyErroring,
  };
  if (!wasAlreadyErroring) {
    writableStreamStartErroring(stream, reason);
  }
  return abort.promise;
}

function writableStreamClose(stream) {
  const { state, writer, backpressure, controller } = stream[kState];
  if (state === 'closed' || state === 'errored') {
    return PromiseReject(
      new ERR_INVALID_STATE.TypeError('WritableStream is closed'));
  }
  stream[kState].closeRequest = createDeferred();
  const { promise } = stream[kState].closeRequest;
  if (writer !== undefined && backpressure && state === 'writable') {
    writer[kState].ready.resolve?.();
  }
  writableStreamDefaultControllerClose(controller);
  return promise;
}

function writableStreamAddWriteRequest(stream) {
  const deferred = createDeferred();
  ArrayPrototypePush(stream[kState].writeRequests, deferred);
  return deferred.promise;
}

function writableStreamDealWithRejection(stream, error) {
  if (stream[kState].state === 'writable') {
    writableStreamStartErroring(stream, error);
    return;
  }
  writableStreamFinishErroring(stream);
}

function writableStreamStartErroring(stream, reason) {
  const { controller, writer } = stream[kState];
  stream[kState].state = 'erroring';
  stream[kState].storedError = reason;
  if (writer !== undefined) {
    writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, reason);
  }
  if (!writableStreamHasOperationMarkedInFlight(stream) &&
      controller[kState].started) {
    writableStreamFinishErroring(stream);
  }
}

function writableStreamFinishErroring(stream) {
  stream[kState].state = 'errored';
  stream[kState].controller[kError]();
  const { storedError } = stream[kState];
  const writeRequests = stream[kState].writeRequests;
  stream[kState].writeRequests = [];
  for (let n = 0; n < writeRequests.length; n++) {
    writeRequests[n].reject(storedError);
  }
  const abortRequest = stream[kState].pendingAbortRequest;
  if (abortRequest.abort.promise === undefined) {
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  stream[kState].pendingAbortRequest = emptyAbortRequest();
  if (abortRequest.wasAlreadyErroring) {
    abortRequest.abort.reject(storedError);
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  PromisePrototypeThen(
    stream[kState].controller[kAbort](abortRequest.reason),
    () => {
      abortRequest.abort.resolve();
      writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    },
    (error) => {
      abortRequest.abort.reject(error);
      writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    });
}

function writableStreamFinishInFlightWrite(stream) {
  stream[kState].inFlightWriteRequest.resolve?.();
  stream[kState].inFlightWriteRequest = emptyDeferred();
}

function writableStreamFinishInFlightWriteWithError(stream, error) {
  stream[kState].inFlightWriteRequest.reject?.(error);
  stream[kState].inFlightWriteRequest = emptyDeferred();
  writableStreamDealWithRejection(stream, error);
}

function writableStreamFinishInFlightClose(stream) {
  stream[kState].inFlightCloseRequest.resolve?.();
  stream[kState].inFlightCloseRequest = emptyDeferred();
  if (stream[kState].state === 'erroring') {
    stream[kState].storedError = undefined;
    if (stream[kState].pendingAbortRequest.abort.promise !== undefined) {
      stream[kState].pendingAbortRequest.abort.resolve();
      stream[kState].pendingAbortRequest = emptyAbortRequest();
    }
  }
  stream[kState].state = 'closed';
  const { writer } = stream[kState];
  if (writer !== undefined) {
    writer[kState].close.resolve?.();
  }
  stream[kIsClosedPromise].resolve();
}

function writableStreamFinishInFlightCloseWithError(stream, error) {
  stream[kState].inFlightCloseRequest.reject?.(error);
  stream[kState].inFlightCloseRequest = emptyDeferred();
  if (stream[kState].pendingAbortRequest.abort.promise !== undefined) {
    stream[kState].pendingAbortRequest.abort.reject(error);
    stream[kState].pendingAbortRequest = emptyAbortRequest();
  }
  writableStreamDealWithRejection(stream, error);
}

function writableStreamCloseQueuedOrInFlight(stream) {
  return stream[kState].closeRequest.promise !== undefined ||
    stream[kState].inFlightCloseRequest.promise !== undefined;
}

function writableStreamHasOperationMarkedInFlight(stream) {
  return stream[kState].inFlightWriteRequest.promise !== undefined ||
    stream[kState].inFlightCloseRequest.promise !== undefined;
}

function writableStreamMarkCloseRequestInFlight(stream) {
  stream[kState].inFlightCloseRequest = stream[kState].closeRequest;
  stream[kState].closeRequest = emptyDeferred();
}

function writableStreamMarkFirstWriteRequestInFlight(stream) {
  stream[kState].inFlightWriteRequest =
    ArrayPrototypeShift(stream[kState].writeRequests);
}

function writableStreamRejectCloseAndClosedPromiseIfNeeded(stream) {
  const { storedError } = stream[kState];
  if (stream[kState].closeRequest.promise !== undefined) {
    stream[kState].closeRequest.reject(storedError);
    stream[kState].closeRequest = emptyDeferred();
  }
  setPromiseHandled(stream[kIsClosedPromise].promise);
  stream[kIsClosedPromise].reject(storedError);
  const { writer } = stream[kState];
  if (writer !== undefined) {
    writer[kState].close.reject?.(storedError);
    setPromiseHandled(writer[kState].close.promise);
  }
}

function writableStreamUpdateBackpressure(stream, backpressure) {
  const { writer } = stream[kState];
  if (writer !== undefined && backpressure !== stream[kState].backpressure) {
    if (backpressure) {
      writer[kState].ready = createDeferred();
    } else {
      writer[kState].ready.resolve?.();
    }
  }
  stream[kState].backpressure = backpressure;
}

// ---- Writer abstract operations -------------------------------------------

function writableStreamDefaultWriterAbort(writer, reason) {
  return writableStreamAbort(writer[kState].stream, reason);
}

function writableStreamDefaultWriterClose(writer) {
  return writableStreamClose(writer[kState].stream);
}

function writableStreamDefaultWriterCloseWithErrorPropagation(writer) {
  const { stream } = writer[kState];
  const { state } = stream[kState];
  if (writableStreamCloseQueuedOrInFlight(stream) || state === 'closed') {
    return PromiseResolve();
  }
  if (state === 'errored') {
    return PromiseReject(stream[kState].storedError);
  }
  return writableStreamDefaultWriterClose(writer);
}

function writableStreamDefaultWriterEnsureClosedPromiseRejected(writer,
                                                                error) {
  if (isPromisePending(writer[kState].close.promise)) {
    writer[kState].close.reject?.(error);
  } else {
    writer[kState].close = settledDeferred(PromiseReject(error));
  }
  setPromiseHandled(writer[kState].close.promise);
}

function writableStreamDefaultWriterEnsureReadyPromiseRejected(writer,
                                                               error) {
  if (isPromisePending(writer[kState].ready.promise)) {
    writer[kState].ready.reject?.(error);
  } else {
    writer[kState].ready = settledDeferred(PromiseReject(error));
  }
  setPromiseHandled(writer[kState].ready.promise);
}

function writableStreamDefaultWriterGetDesiredSize(writer) {
  const { stream } = writer[kState];
  switch (stream[kState].state) {
    case 'errored':
    case 'erroring':
      return null;
    case 'closed':
      return 0;
  }
  return writableStreamDefaultControllerGetDesiredSize(
    stream[kState].controller);
}

function writableStreamDefaultWriterRelease(writer) {
  const { stream } = writer[kState];
  const releasedError =
    new ERR_INVALID_STATE.TypeError('Writer has been released');
  writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, releasedError);
  writableStreamDefaultWriterEnsureClosedPromiseRejected(writer,
                                                         releasedError);
  stream[kState].writer = undefined;
  writer[kState].stream = undefined;
}

function writableStreamDefaultWriterWrite(writer, chunk) {
  const { stream } = writer[kState];
  const { controller } = stream[kState];
  const chunkSize =
    writableStreamDefaultControllerGetChunkSize(controller, chunk);
  if (stream !== writer[kState].stream) {
    return PromiseReject(
      new ERR_INVALID_STATE.TypeError('Mismatched WritableStreams'));
  }
  const { state } = stream[kState];
  if (state === 'errored') {
    return PromiseReject(stream[kState].storedError);
  }
  if (writableStreamCloseQueuedOrInFlight(stream) || state === 'closed') {
    return PromiseReject(
      new ERR_INVALID_STATE.TypeError('WritableStream is closed'));
  }
  if (state === 'erroring') {
    return PromiseReject(stream[kState].storedError);
  }
  const promise = writableStreamAddWriteRequest(stream);
  writableStreamDefaultControllerWrite(controller, chunk, chunkSize);
  return promise;
}

// ---- Controller abstract operations ---------------------------------------

function setupWritableStreamDefaultController(
  stream, controller, startAlgorithm, writeAlgorithm, closeAlgorithm,
  abortAlgorithm, highWaterMark, sizeAlgorithm) {
  AbortController ??= require('internal/abort_controller').AbortController;
  controller[kState] = {
    __proto__: null,
    abortAlgorithm,
    abortController: new AbortController(),
    closeAlgorithm,
    highWaterMark,
    queue: [],
    queueTotalSize: 0,
    sizeAlgorithm,
    started: false,
    stream,
    writeAlgorithm,
  };
  stream[kState].controller = controller;
  stream[kControllerErrorFunction] =
    FunctionPrototypeBind(controller.error, controller);

  writableStreamUpdateBackpressure(
    stream, writableStreamDefaultControllerGetBackpressure(controller));

  const startResult = startAlgorithm();
  PromisePrototypeThen(
    new Promise((resolve) => resolve(startResult)),
    () => {
      controller[kState].started = true;
      writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
    },
    (error) => {
      controller[kState].started = true;
      writableStreamDealWithRejection(stream, error);
    });
}

function setupWritableStreamDefaultControllerFromSink(stream, sink,
                                                      highWaterMark,
                                                      sizeAlgorithm) {
  const controller = new WritableStreamDefaultController(kSkipThrow);
  const start = sink?.start;
  const write = sink?.write;
  const close = sink?.close;
  const abort = sink?.abort;
  const startAlgorithm = start ?
    FunctionPrototypeBind(start, sink, controller) :
    nonOpStart;
  const writeAlgorithm = write ?
    createPromiseCallback('sink.write', write, sink) :
    nonOpWrite;
  const closeAlgorithm = close ?
    createPromiseCallback('sink.close', close, sink) :
    nonOpCancel;
  const abortAlgorithm = abort ?
    createPromiseCallback('sink.abort', abort, sink) :
    nonOpCancel;
  setupWritableStreamDefaultController(
    stream, controller, startAlgorithm, writeAlgorithm, closeAlgorithm,
    abortAlgorithm, highWaterMark, sizeAlgorithm);
}

function writableStreamDefaultControllerAdvanceQueueIfNeeded(controller) {
  const { stream } = controller[kState];
  if (!controller[kState].started) return;
  if (stream[kState].inFlightWriteRequest.promise !== undefined) return;
  if (stream[kState].state === 'erroring') {
    writableStreamFinishErroring(stream);
    return;
  }
  if (controller[kState].queue.length === 0) return;
  const value = peekQueueValue(controller);
  if (value === kCloseSentinel) {
    writableStreamDefaultControllerProcessClose(controller);
  } else {
    writableStreamDefaultControllerProcessWrite(controller, value);
  }
}

function writableStreamDefaultControllerClearAlgorithms(controller) {
  controller[kState].writeAlgorithm = undefined;
  controller[kState].closeAlgorithm = undefined;
  controller[kState].abortAlgorithm = undefined;
  controller[kState].sizeAlgorithm = undefined;
}

function writableStreamDefaultControllerClose(controller) {
  enqueueValueWithSize(controller, kCloseSentinel, 0);
  writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
}

function writableStreamDefaultControllerErrorIfNeeded(controller, error) {
  if (controller[kState].stream[kState].state === 'writable') {
    writableStreamDefaultControllerError(controller, error);
  }
}

function writableStreamDefaultControllerError(controller, error) {
  const { stream } = controller[kState];
  writableStreamDefaultControllerClearAlgorithms(controller);
  writableStreamStartErroring(stream, error);
}

function writableStreamDefaultControllerGetBackpressure(controller) {
  return writableStreamDefaultControllerGetDesiredSize(controller) <= 0;
}

function writableStreamDefaultControllerGetChunkSize(controller, chunk) {
  const { sizeAlgorithm } = controller[kState];
  if (sizeAlgorithm === undefined) {
    // The stream is already erroring or errored: the write is refused
    // later with the stored error.
    return 1;
  }
  try {
    return FunctionPrototypeCall(sizeAlgorithm, undefined, chunk);
  } catch (error) {
    writableStreamDefaultControllerErrorIfNeeded(controller, error);
    return 1;
  }
}

function writableStreamDefaultControllerGetDesiredSize(controller) {
  return controller[kState].highWaterMark - controller[kState].queueTotalSize;
}

function writableStreamDefaultControllerProcessClose(controller) {
  const { stream, closeAlgorithm } = controller[kState];
  writableStreamMarkCloseRequestInFlight(stream);
  dequeueValue(controller);
  const sinkClosePromise = closeAlgorithm();
  writableStreamDefaultControllerClearAlgorithms(controller);
  PromisePrototypeThen(
    sinkClosePromise,
    () => writableStreamFinishInFlightClose(stream),
    (error) => writableStreamFinishInFlightCloseWithError(stream, error));
}

function writableStreamDefaultControllerProcessWrite(controller, chunk) {
  const { stream, writeAlgorithm } = controller[kState];
  writableStreamMarkFirstWriteRequestInFlight(stream);
  PromisePrototypeThen(
    writeAlgorithm(chunk, controller),
    () => {
      writableStreamFinishInFlightWrite(stream);
      const { state } = stream[kState];
      dequeueValue(controller);
      if (!writableStreamCloseQueuedOrInFlight(stream) &&
          state === 'writable') {
        writableStreamUpdateBackpressure(
          stream, writableStreamDefaultControllerGetBackpressure(controller));
      }
      writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
    },
    (error) => {
      if (stream[kState].state === 'writable') {
        writableStreamDefaultControllerClearAlgorithms(controller);
      }
      writableStreamFinishInFlightWriteWithError(stream, error);
    });
}

function writableStreamDefaultControllerWrite(controller, chunk, chunkSize) {
  try {
    enqueueValueWithSize(controller, chunk, chunkSize);
  } catch (error) {
    writableStreamDefaultControllerErrorIfNeeded(controller, error);
    return;
  }
  const { stream } = controller[kState];
  if (!writableStreamCloseQueuedOrInFlight(stream) &&
      stream[kState].state === 'writable') {
    writableStreamUpdateBackpressure(
      stream, writableStreamDefaultControllerGetBackpressure(controller));
  }
  writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
}

module.exports = {
  WritableStream,
  WritableStreamDefaultWriter,
  WritableStreamDefaultController,

  isWritableStream,
  isWritableStreamDefaultController,
  isWritableStreamDefaultWriter,

  createWritableStream,
  isWritableStreamLocked,
  setupWritableStreamDefaultWriter,
  writableStreamAbort,
  writableStreamClose,
  writableStreamUpdateBackpressure,
  writableStreamStartErroring,
  writableStreamRejectCloseAndClosedPromiseIfNeeded,
  writableStreamMarkFirstWriteRequestInFlight,
  writableStreamMarkCloseRequestInFlight,
  writableStreamHasOperationMarkedInFlight,
  writableStreamFinishInFlightWriteWithError,
  writableStreamFinishInFlightWrite,
  writableStreamFinishInFlightCloseWithError,
  writableStreamFinishInFlightClose,
  writableStreamFinishErroring,
  writableStreamDealWithRejection,
  writableStreamCloseQueuedOrInFlight,
  writableStreamAddWriteRequest,
  writableStreamDefaultWriterWrite,
  writableStreamDefaultWriterRelease,
  writableStreamDefaultWriterGetDesiredSize,
  writableStreamDefaultWriterEnsureReadyPromiseRejected,
  writableStreamDefaultWriterEnsureClosedPromiseRejected,
  writableStreamDefaultWriterCloseWithErrorPropagation,
  writableStreamDefaultWriterClose,
  writableStreamDefaultWriterAbort,
  writableStreamDefaultControllerWrite,
  writableStreamDefaultControllerProcessWrite,
  writableStreamDefaultControllerProcessClose,
  writableStreamDefaultControllerGetDesiredSize,
  writableStreamDefaultControllerGetChunkSize,
  writableStreamDefaultControllerErrorIfNeeded,
  writableStreamDefaultControllerError,
  writableStreamDefaultControllerClose,
  writableStreamDefaultControllerClearAlgorithms,
  writableStreamDefaultControllerGetBackpressure,
  writableStreamDefaultControllerAdvanceQueueIfNeeded,
  setupWritableStreamDefaultControllerFromSink,
  setupWritableStreamDefaultController,
};
