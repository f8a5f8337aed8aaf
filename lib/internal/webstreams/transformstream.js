'use strict';

// TransformStream and its controller, after the WHATWG Streams standard
// (https://streams.spec.whatwg.org/#ts).

const {
  FunctionPrototypeCall,
  ObjectCreate,
  ObjectDefineProperties,
  PromisePrototypeThen,
  PromiseReject,
  PromiseResolve,
  Symbol,
  SymbolToStringTag,
} = primordials;

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
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
  createDeferred,
  createPromiseCallback,
  customInspect,
  extractHighWaterMark,
  extractSizeAlgorithm,
  isBrandCheck,
  nonOpCancel,
  nonOpFlush,
  kType,
  kState,
  markStreamCreated,
} = require('internal/webstreams/util');
const {
  createReadableStream,
  readableStreamDefaultControllerCanCloseOrEnqueue,
  readableStreamDefaultControllerClose,
  readableStreamDefaultControllerEnqueue,
  readableStreamDefaultControllerError,
  readableStreamDefaultControllerGetDesiredSize,
  readableStreamDefaultControllerHasBackpressure,
} = require('internal/webstreams/readablestream');
const {
  createWritableStream,
  writableStreamDefaultControllerErrorIfNeeded,
} = require('internal/webstreams/writablestream');

const kSkipThrow = Symbol('kSkipThrow');

function toStringTagDescriptor(value) {
  return { __proto__: null, configurable: true, value };
}

class TransformStream {
  [kType] = (markStreamCreated(), 'TransformStream');

  constructor(transformer = kEmptyObject,
              writableStrategy = kEmptyObject,
              readableStrategy = kEmptyObject) {
    validateObject(transformer, 'transformer', kValidateObjectAllowObjects);
    validateObject(writableStrategy, 'writableStrategy',
                   kValidateObjectAllowObjectsAndNull);
    validateObject(readableStrategy, 'readableStrategy',
                   kValidateObjectAllowObjectsAndNull);
    const readableType = transformer?.readableType;
    const writableType = transformer?.writableType;
    const start = transformer?.start;

    if (readableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError(
        'transformer.readableType', readableType);
    }
    if (writableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError(
        'transformer.writableType', writableType);
    }

    const readableHighWaterMark = readableStrategy?.highWaterMark;
    const readableSize = readableStrategy?.size;
    const writableHighWaterMark = writableStrategy?.highWaterMark;
    const writableSize = writableStrategy?.size;

    const actualReadableHighWaterMark =
      extractHighWaterMark(readableHighWaterMark, 0);
    const actualReadableSize = extractSizeAlgorithm(readableSize);
    const actualWritableHighWaterMark =
      extractHighWaterMark(writableHighWaterMark, 1);
    const actualWritableSize = extractSizeAlgorithm(writableSize);

    const startPromise = createDeferred();
    initializeTransformStream(
      this, startPromise,
      actualWritableHighWaterMark, actualWritableSize,
      actualReadableHighWaterMark, actualReadableSize);
    setupTransformStreamDefaultControllerFromTransformer(this, transformer);

    if (start !== undefined) {
      startPromise.resolve(
        FunctionPrototypeCall(start, transformer, this[kState].controller));
    } else {
      startPromise.resolve();
    }
  }

  get readable() {
    if (!isTransformStream(this)) {
      throw new ERR_INVALID_THIS('TransformStream');
    }
    return this[kState].readable;
  }

  get writable() {
    if (!isTransformStream(this)) {
      throw new ERR_INVALID_THIS('TransformStream');
    }
    return this[kState].writable;
  }

  [kTransfer]() {
    if (!isTransformStream(this)) throw new ERR_INVALID_THIS('TransformStream');
    return require('internal/webstreams/transfer').transferToOtherThread(this);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, this[kType], {
      readable: this.readable,
      writable: this.writable,
      backpressure: this[kState].backpressure,
    });
  }
}

ObjectDefineProperties(TransformStream.prototype, {
  readable: kEnumerableProperty,
  writable: kEnumerableProperty,
  [SymbolToStringTag]: toStringTagDescriptor('TransformStream'),
});

class TransformStreamDefaultController {
  [kType] = 'TransformStreamDefaultController';

  constructor(skipThrowSymbol = undefined) {
    if (skipThrowSymbol !== kSkipThrow) {
      throw new ERR_ILLEGAL_CONSTRUCTOR();
    }
  }

  get desiredSize() {
    if (!isTransformStreamDefaultController(this)) {
      throw new ERR_INVALID_THIS('TransformStreamDefaultController');
    }
    const { stream } = this[kState];
    const { readable } = stream[kState];
    return readableStreamDefaultControllerGetDesiredSize(
      readable[kState].controller);
  }

  enqueue(chunk = undefined) {
    if (!isTransformStreamDefaultController(this)) {
      throw new ERR_INVALID_THIS('TransformStreamDefaultController');
    }
    transformStreamDefaultControllerEnqueue(this, chunk);
  }

  error(reason = undefined) {
    if (!isTransformStreamDefaultController(this)) {
      throw new ERR_INVALID_THIS('TransformStreamDefaultController');
    }
    transformStreamDefaultControllerError(this, reason);
  }

  terminate() {
    if (!isTransformStreamDefaultController(this)) {
      throw new ERR_INVALID_THIS('TransformStreamDefaultController');
    }
    transformStreamDefaultControllerTerminate(this);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, this[kType], {
      stream: this[kState].stream,
    });
  }
}

ObjectDefineProperties(TransformStreamDefaultController.prototype, {
  desiredSize: kEnumerableProperty,
  enqueue: kEnumerableProperty,
  error: kEnumerableProperty,
  terminate: kEnumerableProperty,
  [SymbolToStringTag]:
    toStringTagDescriptor('TransformStreamDefaultController'),
});

const isTransformStream = isBrandCheck('TransformStream');

// A TransformStream over an existing readable and writable pair, as a
// transferred one is: the pair does the work, the object only hands it out.
function newTransformStreamOfPair(readable, writable) {
  const stream = ObjectCreate(TransformStream.prototype);
  stream[kType] = 'TransformStream';
  stream[kState] = {
    __proto__: null,
    readable,
    writable,
    backpressure: false,
    backpressureChange: undefined,
    controller: undefined,
  };
  return stream;
}
const isTransformStreamDefaultController =
  isBrandCheck('TransformStreamDefaultController');

function initializeTransformStream(
  stream, startPromise, writableHighWaterMark, writableSizeAlgorithm,
  readableHighWaterMark, readableSizeAlgorithm) {
  const startAlgorithm = () => startPromise.promise;

  stream[kState] = {
    __proto__: null,
    readable: undefined,
    writable: undefined,
    backpressure: undefined,
    backpressureChange: undefined,
    controller: undefined,
  };

  stream[kState].writable = createWritableStream(
    startAlgorithm,
    (chunk) => transformStreamDefaultSinkWriteAlgorithm(stream, chunk),
    () => transformStreamDefaultSinkCloseAlgorithm(stream),
    (reason) => transformStreamDefaultSinkAbortAlgorithm(stream, reason),
    writableHighWaterMark,
    writableSizeAlgorithm);

  stream[kState].readable = createReadableStream(
    startAlgorithm,
    () => transformStreamDefaultSourcePullAlgorithm(stream),
    (reason) => transformStreamDefaultSourceCancelAlgorithm(stream, reason),
    readableHighWaterMark,
    readableSizeAlgorithm);

  transformStreamSetBackpressure(stream, true);
}

function transformStreamError(stream, error) {
  const { readable } = stream[kState];
  readableStreamDefaultControllerError(readable[kState].controller, error);
  transformStreamErrorWritableAndUnblockWrite(stream, error);
}

function transformStreamErrorWritableAndUnblockWrite(stream, error) {
  const { controller, writable } = stream[kState];
  transformStreamDefaultControllerClearAlgorithms(controller);
  writableStreamDefaultControllerErrorIfNeeded(writable[kState].controller,
                                               error);
  transformStreamUnblockWrite(stream);
}

function transformStreamUnblockWrite(stream) {
  if (stream[kState].backpressure) {
    transformStreamSetBackpressure(stream, false);
  }
}

function transformStreamSetBackpressure(stream, backpressure) {
  stream[kState].backpressureChange?.resolve();
  stream[kState].backpressureChange = createDeferred();
  stream[kState].backpressure = backpressure;
}

function setupTransformStreamDefaultController(
  stream, controller, transformAlgorithm, flushAlgorithm, cancelAlgorithm) {
  controller[kState] = {
    __proto__: null,
    cancelAlgorithm,
    finishPromise: undefined,
    flushAlgorithm,
    stream,
    transformAlgorithm,
  };
  stream[kState].controller = controller;
}

function setupTransformStreamDefaultControllerFromTransformer(stream,
                                                              transformer) {
  const controller = new TransformStreamDefaultController(kSkipThrow);
  const transform = transformer?.transform;
  const flush = transformer?.flush;
  const cancel = transformer?.cancel;
  const transformAlgorithm = transform ?
    createPromiseCallback('transformer.transform', transform, transformer) :
    defaultTransformAlgorithm;
  const flushAlgorithm = flush ?
    createPromiseCallback('transformer.flush', flush, transformer) :
    nonOpFlush;
  const cancelAlgorithm = cancel ?
    createPromiseCallback('transformer.cancel', cancel, transformer) :
    nonOpCancel;
  setupTransformStreamDefaultController(stream, controller,
                                        transformAlgorithm, flushAlgorithm,
                                        cancelAlgorithm);
}

// Without a transform() the chunks pass through unchanged.
function defaultTransformAlgorithm(chunk, controller) {
  try {
    transformStreamDefaultControllerEnqueue(controller, chunk);
  } catch (error) {
    return PromiseReject(error);
  }
  return PromiseResolve();
}

function transformStreamDefaultControllerClearAlgorithms(controller) {
  controller[kState].transformAlgorithm = undefined;
  controller[kState].flushAlgorithm = undefined;
  controller[kState].cancelAlgorithm = undefined;
}

function transformStreamDefaultControllerEnqueue(controller, chunk) {
  const { stream } = controller[kState];
  const { readable } = stream[kState];
  const readableController = readable[kState].controller;
  if (!readableStreamDefaultControllerCanCloseOrEnqueue(readableController)) {
    throw new ERR_INVALID_STATE.TypeError('Unable to enqueue');
  }
  try {
    readableStreamDefaultControllerEnqueue(readableController, chunk);
  } catch (error) {
    transformStreamErrorWritableAndUnblockWrite(stream, error);
    throw readable[kState].storedError;
  }
  const backpressure =
    readableStreamDefaultControllerHasBackpressure(readableController);
  if (backpressure !== stream[kState].backpressure) {
    transformStreamSetBackpressure(stream, true);
  }
}

function transformStreamDefaultControllerError(controller, error) {
  transformStreamError(controller[kState].stream, error);
}

function transformStreamDefaultControllerPerformTransform(controller, chunk) {
  const { stream, transformAlgorithm } = controller[kState];
  return PromisePrototypeThen(
    transformAlgorithm(chunk, controller),
    undefined,
    (error) => {
      transformStreamError(stream, error);
      throw error;
    });
}

function transformStreamDefaultControllerTerminate(controller) {
  const { stream } = controller[kState];
  const { readable } = stream[kState];
  readableStreamDefaultControllerClose(readable[kState].controller);
  const error = new ERR_INVALID_STATE.TypeError(
    'TransformStream has been terminated');
  transformStreamErrorWritableAndUnblockWrite(stream, error);
}

function transformStreamDefaultSinkWriteAlgorithm(stream, chunk) {
  const { controller } = stream[kState];
  if (stream[kState].backpressure) {
    return PromisePrototypeThen(
      stream[kState].backpressureChange.promise,
      () => {
        const { writable } = stream[kState];
        if (writable[kState].state === 'erroring') {
          throw writable[kState].storedError;
        }
        return transformStreamDefaultControllerPerformTransform(controller,
                                                                chunk);
      });
  }
  return transformStreamDefaultControllerPerformTransform(controller, chunk);
}

function transformStreamDefaultSinkAbortAlgorithm(stream, reason) {
  const { controller, readable } = stream[kState];
  if (controller[kState].finishPromise !== undefined) {
    return controller[kState].finishPromise;
  }
  const finish = createDeferred();
  controller[kState].finishPromise = finish.promise;
  const cancelPromise = controller[kState].cancelAlgorithm(reason);
  transformStreamDefaultControllerClearAlgorithms(controller);
  PromisePrototypeThen(
    cancelPromise,
    () => {
      if (readable[kState].state === 'errored') {
        finish.reject(readable[kState].storedError);
      } else {
        readableStreamDefaultControllerError(readable[kState].controller,
                                             reason);
        finish.resolve();
      }
    },
    (error) => {
      readableStreamDefaultControllerError(readable[kState].controller,
                                           error);
      finish.reject(error);
    });
  return finish.promise;
}

function transformStreamDefaultSinkCloseAlgorithm(stream) {
  const { controller, readable } = stream[kState];
  if (controller[kState].finishPromise !== undefined) {
    return controller[kState].finishPromise;
  }
  const finish = createDeferred();
  controller[kState].finishPromise = finish.promise;
  const flushPromise = controller[kState].flushAlgorithm(controller);
  transformStreamDefaultControllerClearAlgorithms(controller);
  PromisePrototypeThen(
    flushPromise,
    () => {
      if (readable[kState].state === 'errored') {
        finish.reject(readable[kState].storedError);
      } else {
        readableStreamDefaultControllerClose(readable[kState].controller);
        finish.resolve();
      }
    },
    (error) => {
      readableStreamDefaultControllerError(readable[kState].controller,
                                           error);
      finish.reject(error);
    });
  return finish.promise;
}

function transformStreamDefaultSourcePullAlgorithm(stream) {
  transformStreamSetBackpressure(stream, false);
  return stream[kState].backpressureChange.promise;
}

function transformStreamDefaultSourceCancelAlgorithm(stream, reason) {
  const { controller, writable } = stream[kState];
  if (controller[kState].finishPromise !== undefined) {
    return controller[kState].finishPromise;
  }
  const finish = createDeferred();
  controller[kState].finishPromise = finish.promise;
  const cancelPromise = controller[kState].cancelAlgorithm(reason);
  transformStreamDefaultControllerClearAlgorithms(controller);
  PromisePrototypeThen(
    cancelPromise,
    () => {
      if (writable[kState].state === 'errored') {
        finish.reject(writable[kState].storedError);
      } else {
        writableStreamDefaultControllerErrorIfNeeded(
          writable[kState].controller, reason);
        transformStreamUnblockWrite(stream);
        finish.resolve();
      }
    },
    (error) => {
      writableStreamDefaultControllerErrorIfNeeded(
        writable[kState].controller, error);
      transformStreamUnblockWrite(stream);
      finish.reject(error);
    });
  return finish.promise;
}

module.exports = {
  TransformStream,
  TransformStreamDefaultController,
  isTransformStream,
  isTransformStreamDefaultController,
  newTransformStreamOfPair,
  initializeTransformStream,
  setupTransformStreamDefaultController,
  setupTransformStreamDefaultControllerFromTransformer,
  transformStreamDefaultControllerEnqueue,
  transformStreamDefaultControllerError,
  transformStreamDefaultControllerTerminate,
  transformStreamError,
};
