'use strict';

// What the WHATWG stream classes share: the internal-slot symbols, the
// queue-with-sizes operations, strategy extraction, brand checks and the
// ArrayBuffer helpers (transfer, copy) the byte streams need.

const {
  ArrayBufferPrototype,
  ArrayBufferPrototypeGetByteLength,
  ArrayBufferPrototypeSlice,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  AsyncIteratorPrototype,
  MathMax,
  NumberIsNaN,
  ObjectCreate,
  Promise,
  PromisePrototypeThen,
  PromiseReject,
  PromiseResolve,
  ReflectApply,
  ReflectGet,
  Symbol,
  TypedArrayPrototypeSet,
  Uint8Array,
} = primordials;

const { getPromiseDetails, constants: { kPending } } = internalBinding('util');
const { isArrayBufferDetached } = internalBinding('buffer');
const { structuredClone: cloneWithTransfer } = internalBinding('messaging');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OPERATION_FAILED,
  },
} = require('internal/errors');
const { isPromise } = require('internal/util/types');
const { validateFunction } = require('internal/validators');

let inspect;

// The internal slots of every stream object live in obj[kState]; obj[kType]
// names its class for the brand checks.
const kState = Symbol('kState');
const kType = Symbol('kType');

// %AsyncIteratorPrototype% with writable next/return slots: the prototype of
// the iterators ReadableStream.prototype.values() makes.
const AsyncIterator = ObjectCreate(AsyncIteratorPrototype, {
  next: {
    __proto__: null, configurable: true, enumerable: true, writable: true,
  },
  return: {
    __proto__: null, configurable: true, enumerable: true, writable: true,
  },
});

function extractHighWaterMark(value, defaultHWM) {
  if (value === undefined) return defaultHWM;
  value = +value;
  if (NumberIsNaN(value) || value < 0) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.highWaterMark', value);
  }
  return value;
}

function defaultSize() {
  return 1;
}

function extractSizeAlgorithm(size) {
  if (size === undefined) return defaultSize;
  if (typeof size !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('strategy.size', 'Function', size);
  }
  return size;
}

// The body of every [util.inspect.custom]: `Name { ...data }`, one level
// deeper than the caller's depth.
function customInspect(depth, options, name, data) {
  if (depth < 0) return undefined;
  inspect ??= require('internal/util/inspect').inspect;
  const opts = {
    ...options,
    depth: options.depth == null ? null : options.depth - 1,
  };
  return `${name} ${inspect(data, opts)}`;
}

// The view accessors read through the prototype of the view's own class,
// so an own property named `buffer` or `byteLength` cannot fool them.
function ArrayBufferViewGetBuffer(view) {
  return ReflectGet(view.constructor.prototype, 'buffer', view);
}

function ArrayBufferViewGetByteLength(view) {
  return ReflectGet(view.constructor.prototype, 'byteLength', view);
}

function ArrayBufferViewGetByteOffset(view) {
  return ReflectGet(view.constructor.prototype, 'byteOffset', view);
}

function ArrayBufferGetByteLength(buffer) {
  return ReflectGet(ArrayBufferPrototype, 'byteLength', buffer);
}

function isDetached(buffer) {
  return isArrayBufferDetached(buffer);
}

// A fresh Uint8Array over a copy of the bytes `view` covers.
function cloneAsUint8Array(view) {
  const buffer = ArrayBufferViewGetBuffer(view);
  const byteOffset = ArrayBufferViewGetByteOffset(view);
  const byteLength = ArrayBufferViewGetByteLength(view);
  return new Uint8Array(
    ArrayBufferPrototypeSlice(buffer, byteOffset, byteOffset + byteLength));
}

function copyArrayBuffer(dest, destOffset, src, srcOffset, length) {
  TypedArrayPrototypeSet(
    new Uint8Array(dest, destOffset, length),
    new Uint8Array(src, srcOffset, length));
}

// TransferArrayBuffer: a new ArrayBuffer owns the memory, `buffer` is
// detached.
function transferArrayBuffer(buffer) {
  if (isArrayBufferDetached(buffer)) {
    throw new ERR_OPERATION_FAILED.TypeError(
      'The ArrayBuffer could not be transferred');
  }
  try {
    return cloneWithTransfer(buffer, [buffer]);
  } catch {
    throw new ERR_OPERATION_FAILED.TypeError(
      'The ArrayBuffer could not be transferred');
  }
}

function isBrandCheck(brand) {
  return (value) => {
    return value != null &&
      value[kState] !== undefined &&
      value[kType] === brand;
  };
}

// Queue-with-sizes, on a container whose state has `queue` and
// `queueTotalSize`.
function dequeueValue(controller) {
  const state = controller[kState];
  const { value, size } = ArrayPrototypeShift(state.queue);
  state.queueTotalSize = MathMax(0, state.queueTotalSize - size);
  return value;
}

function resetQueue(controller) {
  controller[kState].queue = [];
  controller[kState].queueTotalSize = 0;
}

function peekQueueValue(controller) {
  return controller[kState].queue[0].value;
}

function enqueueValueWithSize(controller, value, size) {
  size = +size;
  if (NumberIsNaN(size) || size < 0 || size === Infinity) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('size', size);
  }
  const state = controller[kState];
  ArrayPrototypePush(state.queue, { __proto__: null, value, size });
  state.queueTotalSize += size;
}

// Calls fn and always hands back a promise: its result, or a rejection
// with what it threw.
function ensureIsPromise(fn, thisArg, ...args) {
  try {
    const value = ReflectApply(fn, thisArg, args);
    return isPromise(value) ? value : PromiseResolve(value);
  } catch (error) {
    return PromiseReject(error);
  }
}

// An algorithm that calls the user's method `fn` on `thisArg` (validated
// now, as the constructor reads it) and returns a promise.
function createPromiseCallback(name, fn, thisArg) {
  validateFunction(fn, name);
  return (...args) => ensureIsPromise(fn, thisArg, ...args);
}

function isPromisePending(promise) {
  if (promise === undefined) return false;
  const details = getPromiseDetails(promise);
  return details?.[0] === kPending;
}

function nop() {}

function setPromiseHandled(promise) {
  PromisePrototypeThen(promise, nop, nop);
}

function nonOpStart() {}

function nonOpPull() {
  return PromiseResolve();
}

function nonOpCancel() {
  return PromiseResolve();
}

function nonOpFlush() {
  return PromiseResolve();
}

function nonOpWrite() {
  return PromiseResolve();
}

// PromiseWithResolvers, which V8 10.2 lacks.
function createDeferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { __proto__: null, promise, resolve, reject };
}

// Whether any web stream exists yet: structuredClone checks for them only
// then.
let streamCreated = false;
function markStreamCreated() {
  if (streamCreated) return;
  streamCreated = true;
  require('internal/structured_clone').enablePortMessageCheck();
}
function anyStreamCreated() {
  return streamCreated;
}

module.exports = {
  anyStreamCreated,
  markStreamCreated,
  ArrayBufferViewGetBuffer,
  ArrayBufferViewGetByteLength,
  ArrayBufferViewGetByteOffset,
  ArrayBufferGetByteLength,
  ArrayBufferPrototypeGetByteLength,
  AsyncIterator,
  cloneAsUint8Array,
  copyArrayBuffer,
  createDeferred,
  createPromiseCallback,
  customInspect,
  dequeueValue,
  ensureIsPromise,
  enqueueValueWithSize,
  extractHighWaterMark,
  extractSizeAlgorithm,
  isBrandCheck,
  isDetached,
  isPromisePending,
  peekQueueValue,
  resetQueue,
  setPromiseHandled,
  transferArrayBuffer,
  nonOpCancel,
  nonOpFlush,
  nonOpPull,
  nonOpStart,
  nonOpWrite,
  kType,
  kState,
};
