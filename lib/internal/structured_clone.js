'use strict';

// The global structuredClone(value, { transfer }).

const {
  ArrayPrototypePush,
  FunctionPrototypeCall,
  ObjectGetOwnPropertyDescriptor,
  ObjectKeys,
  SafeMapIterator,
  SafeSet,
  SafeSetIterator,
  SymbolIterator,
  TypeError,
} = primordials;

const { structuredClone: clone } = internalBinding('messaging');
const {
  isArrayBufferView,
  isAnyArrayBuffer,
  isMap,
  isNativeError,
  isProxy,
  isSet,
} = require('internal/util/types');
const {
  codes: { ERR_MISSING_ARGS },
} = require('internal/errors');

const kPrefix = "Failed to execute 'structuredClone'";

// The TypeErrors of Web IDL's conversions, which Node gives the
// ERR_INVALID_ARG_TYPE code.
function conversionError(message) {
  // eslint-disable-next-line no-restricted-syntax
  const err = new TypeError(message);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

function isObject(value) {
  return (typeof value === 'object' && value !== null) ||
    typeof value === 'function';
}

// options.transfer as a Web IDL sequence<object>: any iterable of objects.
function toTransferList(transfer) {
  if (!isObject(transfer)) {
    throw conversionError(
      `${kPrefix}: transfer in Options can not be converted to sequence.`);
  }
  const method = transfer[SymbolIterator];
  if (typeof method !== 'function') {
    throw conversionError(
      `${kPrefix}: transfer in Options can not be converted to sequence.`);
  }
  const list = [];
  const iterator = FunctionPrototypeCall(method, transfer);
  if (!isObject(iterator)) {
    throw conversionError(
      `${kPrefix}: transfer in Options can not be converted to sequence.`);
  }
  const next = iterator.next;
  for (;;) {
    const step = FunctionPrototypeCall(next, iterator);
    if (!isObject(step)) {
      throw conversionError(
        `${kPrefix}: transfer in Options can not be converted to sequence.`);
    }
    if (step.done) break;
    if (!isObject(step.value)) throw conversionError('Value is not an object');
    ArrayPrototypePush(list, step.value);
  }
  return list;
}

// V8 clones a DOMException as a plain Error. Walks the original and the
// clone side by side (the clone has the same shape) and turns each such
// Error back into a DOMException. Only data properties are followed, so
// that no getter runs a second time.
function restoreDOMExceptions(original, copy, domexception, seen) {
  if (!isObject(original) || !isObject(copy) || seen.has(original)) return;
  seen.add(original);
  if (domexception.isDOMException(original)) {
    domexception.adoptAsDOMException(copy, original);
    return;
  }
  if (isNativeError(original) || isProxy(original) ||
      isArrayBufferView(original) || isAnyArrayBuffer(original)) {
    return;
  }
  if (isMap(original)) {
    const originals = [];
    const copies = [];
    for (const { 0: key, 1: value } of new SafeMapIterator(original)) {
      ArrayPrototypePush(originals, key, value);
    }
    for (const { 0: key, 1: value } of new SafeMapIterator(copy)) {
      ArrayPrototypePush(copies, key, value);
    }
    for (let i = 0; i < originals.length; i++) {
      restoreDOMExceptions(originals[i], copies[i], domexception, seen);
    }
    return;
  }
  if (isSet(original)) {
    const originals = [];
    const copies = [];
    for (const value of new SafeSetIterator(original)) {
      ArrayPrototypePush(originals, value);
    }
    for (const value of new SafeSetIterator(copy)) {
      ArrayPrototypePush(copies, value);
    }
    for (let i = 0; i < originals.length; i++) {
      restoreDOMExceptions(originals[i], copies[i], domexception, seen);
    }
    return;
  }
  const keys = ObjectKeys(original);
  for (let i = 0; i < keys.length; i++) {
    const desc = ObjectGetOwnPropertyDescriptor(original, keys[i]);
    if (desc === undefined || !('value' in desc)) continue;
    const copyDesc = ObjectGetOwnPropertyDescriptor(copy, keys[i]);
    if (copyDesc === undefined) continue;
    restoreDOMExceptions(desc.value, copyDesc.value, domexception, seen);
  }
}

function structuredClone(value, options) {
  if (arguments.length === 0) {
    throw new ERR_MISSING_ARGS('The value argument must be specified');
  }
  let transfer;
  if (options !== undefined && options !== null) {
    if (!isObject(options)) {
      throw conversionError(
        `${kPrefix}: Options cannot be converted to a dictionary`);
    }
    const list = options.transfer;
    if (list !== undefined) transfer = toTransferList(list);
  }
  // process.env is an object with interceptors, which V8's serializer
  // refuses as a host object; Node clones it as the plain object of its
  // variables.
  if (value === process.env) value = { ...process.env };
  let result;
  try {
    result = clone(value, transfer);
  } catch (err) {
    if (err?.code === 'DataCloneError') {
      const { lazyDOMException } = require('internal/util');
      throw lazyDOMException(err.message, 'DataCloneError');
    }
    throw err;
  }
  const domexception = require('internal/per_context/domexception');
  if (domexception.anyDOMExceptionCreated()) {
    restoreDOMExceptions(value, result, domexception, new SafeSet());
  }
  return result;
}

module.exports = { structuredClone };
