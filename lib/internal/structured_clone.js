'use strict';

// The global structuredClone(value, { transfer }).

const {
  ArrayPrototypePush,
  FunctionPrototypeCall,
  MapPrototypeClear,
  MapPrototypeSet,
  ArrayPrototype,
  Date,
  DatePrototypeGetTime,
  Map,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetOwnPropertyNames,
  ObjectGetPrototypeOf,
  ObjectKeys,
  ObjectPrototype,
  SafeMap,
  SafeMapIterator,
  SafeSet,
  SafeSetIterator,
  ArrayIsArray,
  SafeWeakSet,
  Set,
  SetPrototypeAdd,
  SetPrototypeClear,
  SymbolIterator,
  TypeError,
  uncurryThis,
} = primordials;

// Object.prototype.__lookupGetter__ as it was at startup: tells, without
// allocating a descriptor, whether reading a property can run code.
const ObjectPrototypeLookupGetter =
  // eslint-disable-next-line no-restricted-properties
  uncurryThis(ObjectPrototype.__lookupGetter__);

const {
  plainKind,
  structuredClone: clone,
} = internalBinding('messaging');
const {
  isArrayBufferView,
  isAnyArrayBuffer,
  isBoxedPrimitive,
  isDate,
  isMap,
  isNativeError,
  isProxy,
  isRegExp,
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

// Visits every object reachable from `original` through data properties,
// array elements and Map/Set entries (no getter runs), each once, together
// with its counterpart in `copy` when a clone of the same shape is given.
// `visit(original, copy)` returns true when the walk should not descend.
function walk(original, copy, visit, seen) {
  // A Proxy is neither visited nor entered: its traps must not run here.
  if (!isObject(original) || isProxy(original) || seen.has(original)) return;
  seen.add(original);
  if (visit(original, copy)) return;
  if (isNativeError(original) || isArrayBufferView(original) ||
      isAnyArrayBuffer(original)) {
    return;
  }
  const hasCopy = isObject(copy);
  if (isMap(original) || isSet(original)) {
    const entries = (collection) => {
      const out = [];
      if (isMap(collection)) {
        for (const { 0: key, 1: value } of new SafeMapIterator(collection)) {
          ArrayPrototypePush(out, key, value);
        }
      } else {
        for (const value of new SafeSetIterator(collection)) {
          ArrayPrototypePush(out, value);
        }
      }
      return out;
    };
    const originals = entries(original);
    const copies = hasCopy ? entries(copy) : [];
    for (let i = 0; i < originals.length; i++) {
      walk(originals[i], copies[i], visit, seen);
    }
    return;
  }
  const keys = ObjectKeys(original);
  for (let i = 0; i < keys.length; i++) {
    const desc = ObjectGetOwnPropertyDescriptor(original, keys[i]);
    if (desc === undefined || !('value' in desc)) continue;
    const copyDesc = hasCopy ?
      ObjectGetOwnPropertyDescriptor(copy, keys[i]) : undefined;
    walk(desc.value, copyDesc?.value, visit, seen);
  }
}

// Modules loaded on first use.
let blobModule;
let webstreamsUtil;
let domexception;

// The prototypes of platform objects that cannot be cloned at all (fetch's
// Headers, Request, Response, FormData), registered when first loaded.
let uncloneablePrototypes;
function markUncloneable(prototype) {
  uncloneablePrototypes ??= new SafeWeakSet();
  uncloneablePrototypes.add(prototype);
}

// Objects given to worker_threads.markAsUncloneable(). As in Node, the mark
// counts only where the serializer writes an object with its properties
// (an ordinary or class-made object): arrays, dates, regexps, errors,
// collections, buffers and boxed primitives are cloned as ever.
let uncloneableObjects;
function markObjectUncloneable(object) {
  uncloneableObjects ??= new SafeWeakSet();
  uncloneableObjects.add(object);
  noteUncloneableCreated();
}

function isMarkedUncloneable(object) {
  return uncloneableObjects !== undefined &&
    uncloneableObjects.has(object) && typeof object !== 'function' &&
    !ArrayIsArray(object) && !isDate(object) && !isRegExp(object) &&
    !isNativeError(object) && !isMap(object) && !isSet(object) &&
    !isAnyArrayBuffer(object) && !isArrayBufferView(object) &&
    !isBoxedPrimitive(object);
}

// Whether an object of one of those classes was ever made (their
// constructors say so): until then no message can hold one, and messages
// are not walked. Loading the classes is not enough: perf_hooks loads the
// histograms, and a walk costs about as much as the serialization.
let uncloneableCreated = false;
function noteUncloneableCreated() {
  uncloneableCreated = true;
  enablePortMessageCheck();
}

// MessagePort's postMessage() (C++) calls checkPortMessage only once one of
// those objects exists: blob.js and webstreams call this when the first is
// made.
let portMessageCheckEnabled = false;
function enablePortMessageCheck() {
  if (portMessageCheckEnabled) return;
  portMessageCheckEnabled = true;
  internalBinding('messaging').setPortMessageCheck(checkPortMessage);
}

// Objects V8's serializer would flatten into plain objects: web streams
// must be transferred, Blobs and Files are cloned (sharing their bytes).
// Returns a map of each such object to what stands for it in the clone
// (made later, by makeStandIns), or undefined when there is none.
function findPlatformObjects(value, transfer) {
  blobModule ??= require('internal/blob');
  webstreamsUtil ??= require('internal/webstreams/util');
  if (!blobModule.anyBlobCreated() && !webstreamsUtil.anyStreamCreated() &&
      !uncloneableCreated) {
    return undefined;
  }
  const { isBlob } = blobModule;
  const transferSet = new SafeSet(transfer);
  const {
    isReadableStream,
  } = require('internal/webstreams/readablestream');
  const { isWritableStream } = require('internal/webstreams/writablestream');
  const { isTransformStream } = require('internal/webstreams/transformstream');
  let found;
  walk(value, undefined, (object) => {
    if (isReadableStream(object) || isWritableStream(object) ||
        isTransformStream(object)) {
      if (!transferSet.has(object)) {
        const { lazyDOMException } = require('internal/util');
        throw lazyDOMException('Object that needs transfer was found in ' +
                               'message but not listed in transferList',
                               'DataCloneError');
      }
      found ??= new SafeMap();
      found.set(object, kStream);
      return true;
    }
    if (isBlob(object)) {
      if (blobModule.isOpenedFileBlob(object)) {
        const { codes: { ERR_INVALID_STATE } } = require('internal/errors');
        throw new ERR_INVALID_STATE.TypeError(
          'File-backed Blobs are not cloneable');
      }
      found ??= new SafeMap();
      found.set(object, kBlob);
      return true;
    }
    if (uncloneablePrototypes?.has(ObjectGetPrototypeOf(object)) ||
        isMarkedUncloneable(object)) {
      const { lazyDOMException } = require('internal/util');
      throw lazyDOMException('Cannot clone object of unsupported type.',
                             'DataCloneError');
    }
    return false;
  }, new SafeSet());
  return found;
}

const kStream = 1;
const kBlob = 2;

// A Blob or File with the same bytes and metadata (of the base class, as
// a clone is).
function cloneBlob(blob) {
  const { File } = require('internal/file');
  const { Blob } = require('internal/blob');
  if (blob instanceof File) {
    return new File([blob], blob.name, {
      type: blob.type,
      lastModified: blob.lastModified,
    });
  }
  return new Blob([blob], { type: blob.type });
}

// Replaces, in the clone, the plain objects V8 made of the platform
// objects by their stand-ins; returns the clone's new root.
function makeStandIns(original, copy, found) {
  const { transferStream } = require('internal/webstreams/transfer');
  const standIns = new SafeMap();  // object in the clone -> stand-in
  walk(original, copy, (object, counterpart) => {
    const kind = found.get(object);
    if (kind === undefined) return false;
    if (isObject(counterpart) && !standIns.has(counterpart)) {
      standIns.set(counterpart, kind === kStream ?
        transferStream(object) : cloneBlob(object));
    }
    return true;
  }, new SafeSet());
  if (standIns.has(copy)) return standIns.get(copy);
  replaceIn(copy, standIns, new SafeSet());
  return copy;
}

function replaceIn(object, standIns, seen) {
  if (!isObject(object) || seen.has(object) || standIns.has(object)) return;
  seen.add(object);
  if (isArrayBufferView(object) || isAnyArrayBuffer(object)) return;
  const swap = (value) => {
    if (standIns.has(value)) return standIns.get(value);
    replaceIn(value, standIns, seen);
    return value;
  };
  if (isMap(object)) {
    const entries = [];
    for (const { 0: key, 1: value } of new SafeMapIterator(object)) {
      ArrayPrototypePush(entries, swap(key), swap(value));
    }
    MapPrototypeClear(object);
    for (let i = 0; i < entries.length; i += 2) {
      MapPrototypeSet(object, entries[i], entries[i + 1]);
    }
    return;
  }
  if (isSet(object)) {
    const values = [];
    for (const value of new SafeSetIterator(object)) {
      ArrayPrototypePush(values, swap(value));
    }
    SetPrototypeClear(object);
    for (let i = 0; i < values.length; i++) {
      SetPrototypeAdd(object, values[i]);
    }
    return;
  }
  // The clone is V8's own: plain data properties only.
  const keys = ObjectKeys(object);
  for (let i = 0; i < keys.length; i++) {
    object[keys[i]] = swap(object[keys[i]]);
  }
}

// V8 clones a DOMException as a plain Error: each one in the clone is turned
// back into a DOMException.
function restoreDOMExceptions(original, copy, domexception) {
  walk(original, copy, (object, counterpart) => {
    if (!domexception.isDOMException(object)) return false;
    if (isObject(counterpart)) {
      domexception.adoptAsDOMException(counterpart, object);
    }
    return true;
  }, new SafeSet());
}

// The fast path: plain data -- ordinary objects, dense arrays, Maps, Sets
// and Dates holding primitives other than symbols -- is copied here, with
// the result the serializer gives (own enumerable string-keyed properties
// in key order, shared references and cycles kept, prototypes not). It runs
// no user code: on anything else (a getter, which would have to run, a
// function or symbol, which throw, a hole, a proxy, an object of another
// kind, a very deep graph) it gives up before having done anything the
// program can observe, and the serializer clones the value from the start.
const kGiveUp = { __proto__: null };
const kObject = 1;
const kArray = 2;
const kMap = 3;
const kSet = 4;
const kDate = 5;
// Deeper graphs are left to the serializer, which reports a stack overflow
// the way V8 does.
const kMaxDepth = 256;

function copyPlain(value, seen, depth) {
  if (typeof value !== 'object' || value === null) {
    return typeof value === 'function' || typeof value === 'symbol' ?
      kGiveUp : value;
  }
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (depth === kMaxDepth) return kGiveUp;
  const kind = plainKind(value);
  if (kind === kObject) return copyObject(value, seen, depth + 1);
  if (kind === kArray) return copyArray(value, seen, depth + 1);
  if (kind === kMap) return copyMap(value, seen, depth + 1);
  if (kind === kSet) return copySet(value, seen, depth + 1);
  if (kind === kDate) {
    const copy = new Date(DatePrototypeGetTime(value));
    seen.set(value, copy);
    return copy;
  }
  return kGiveUp;
}

// A Map's or Set's entries, read with the original iterators (no user code
// runs, so none changes meanwhile) and added with the original methods;
// their other properties are dropped, as the serializer does.
function copyMap(map, seen, depth) {
  const copy = new Map();
  seen.set(map, copy);
  for (const { 0: key, 1: value } of new SafeMapIterator(map)) {
    const keyCopy = copyPlain(key, seen, depth);
    if (keyCopy === kGiveUp) return kGiveUp;
    const valueCopy = copyPlain(value, seen, depth);
    if (valueCopy === kGiveUp) return kGiveUp;
    MapPrototypeSet(copy, keyCopy, valueCopy);
  }
  return copy;
}

function copySet(set, seen, depth) {
  const copy = new Set();
  seen.set(set, copy);
  for (const value of new SafeSetIterator(set)) {
    const valueCopy = copyPlain(value, seen, depth);
    if (valueCopy === kGiveUp) return kGiveUp;
    SetPrototypeAdd(copy, valueCopy);
  }
  return copy;
}

// Defines, as the deserializer does, where an assignment would run a
// setter of a prototype, or fail on a read-only property there.
function defineData(object, key, value) {
  ObjectDefineProperty(object, key, {
    __proto__: null,
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

// Copies object[keys[from..]] to `copy`.
function copyProperties(object, keys, from, copy, seen, depth) {
  for (let i = from; i < keys.length; i++) {
    const key = keys[i];
    // Nothing runs when the own property `key` (the object is no proxy)
    // has no getter: it is a data property, or an accessor whose read
    // gives undefined, as the serializer's does.
    if (ObjectPrototypeLookupGetter(object, key) !== undefined) return false;
    const value = copyPlain(object[key], seen, depth);
    if (value === kGiveUp) return false;
    if (key in copy) {
      defineData(copy, key, value);
    } else {
      copy[key] = value;
    }
  }
  return true;
}

function copyObject(object, seen, depth) {
  const copy = {};
  seen.set(object, copy);
  const keys = ObjectKeys(object);
  return copyProperties(object, keys, 0, copy, seen, depth) ? copy : kGiveUp;
}

// Whether appending elements to a new array can run no setter: neither
// Array.prototype (an array: an element would make its length nonzero) nor
// Object.prototype (whose indices would be listed first) has any.
function elementsUnshadowed() {
  if (ArrayPrototype.length !== 0) return false;
  const names = ObjectGetOwnPropertyNames(ObjectPrototype);
  return names.length === 0 || `${+names[0]}` !== names[0];
}

// Longer arrays go to the serializer: listing their keys (a string per
// index) and growing the copy element by element cost more than it does.
const kMaxPlainArrayLength = 1024;

function copyArray(array, seen, depth) {
  const length = array.length;
  if (length > kMaxPlainArrayLength) return kGiveUp;
  const keys = ObjectKeys(array);
  // Dense arrays only: the serializer keeps holes. Their indices are listed
  // first, in order.
  if (keys.length < length ||
      (length > 0 && keys[length - 1] !== `${length - 1}`)) {
    return kGiveUp;
  }
  // Short arrays check each index instead.
  const checkEach = length <= 16 || !elementsUnshadowed();
  const copy = [];
  seen.set(array, copy);
  // With no other keys, the first `length` (all indices) are enumerable.
  const exact = keys.length === length;
  for (let i = 0; i < length; i++) {
    let value;
    if (exact) {
      if (ObjectPrototypeLookupGetter(array, keys[i]) !== undefined) {
        return kGiveUp;
      }
      value = array[i];
    } else {
      const desc = ObjectGetOwnPropertyDescriptor(array, keys[i]);
      if (desc === undefined || desc.writable === undefined ||
          !desc.enumerable) {
        return kGiveUp;
      }
      value = desc.value;
    }
    value = copyPlain(value, seen, depth);
    if (value === kGiveUp) return kGiveUp;
    if (checkEach && i in copy) {
      defineData(copy, i, value);
    } else {
      copy[i] = value;
    }
  }
  return copyProperties(array, keys, length, copy, seen, depth) ?
    copy : kGiveUp;
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
  // Streams in `transfer` are moved here, not by the serializer.
  const found = findPlatformObjects(value, transfer);
  let unreachable;
  if (transfer !== undefined && require('internal/webstreams/util')
    .anyStreamCreated()) {
    const {
      checkTransferable,
      isWebStream,
    } = require('internal/webstreams/transfer');
    const rest = [];
    for (let i = 0; i < transfer.length; i++) {
      const item = transfer[i];
      if (!isWebStream(item)) {
        ArrayPrototypePush(rest, item);
        continue;
      }
      checkTransferable(item);
      // Transferred all the same: it ends up locked.
      if (found?.get(item) !== kStream) {
        unreachable ??= [];
        ArrayPrototypePush(unreachable, item);
      }
    }
    transfer = rest;
  }
  let result = kGiveUp;
  if (found === undefined &&
      (transfer === undefined || transfer.length === 0)) {
    result = copyPlain(value, new SafeMap(), 0);
  }
  try {
    if (result === kGiveUp) result = clone(value, transfer);
  } catch (err) {
    if (err?.code === 'DataCloneError') {
      const { lazyDOMException } = require('internal/util');
      throw lazyDOMException(err.message, 'DataCloneError');
    }
    throw err;
  }
  if (found !== undefined) result = makeStandIns(value, result, found);
  if (unreachable !== undefined) {
    const { transferStream } = require('internal/webstreams/transfer');
    for (let i = 0; i < unreachable.length; i++) {
      transferStream(unreachable[i]);
    }
  }
  domexception ??= require('internal/per_context/domexception');
  if (domexception.anyDOMExceptionCreated()) {
    restoreDOMExceptions(value, result, domexception);
  }
  return result;
}

// MessagePort#postMessage: the serializer cannot carry Blobs, Files or web
// streams to another port yet; refuse them instead of sending `{}`.
function checkPortMessage(message, transfer) {
  // The common case, checked first: nothing the serializer cannot carry
  // exists yet, so no message can hold one.
  blobModule ??= require('internal/blob');
  webstreamsUtil ??= require('internal/webstreams/util');
  if (!blobModule.anyBlobCreated() && !webstreamsUtil.anyStreamCreated() &&
      !uncloneableCreated) {
    return;
  }
  const found = findPlatformObjects(message, transfer);
  let refused = found !== undefined && found.size > 0;
  if (!refused && transfer !== undefined &&
      require('internal/webstreams/util').anyStreamCreated()) {
    const { isWebStream } = require('internal/webstreams/transfer');
    for (let i = 0; i < transfer.length && !refused; i++) {
      refused = isWebStream(transfer[i]);
    }
  }
  if (refused) {
    const { codes: { ERR_NOT_IMPLEMENTED } } = require('internal/errors');
    throw new ERR_NOT_IMPLEMENTED(
      'postMessage of a Blob, File or web stream');
  }
}

module.exports = {
  checkPortMessage,
  enablePortMessageCheck,
  markObjectUncloneable,
  markUncloneable,
  noteUncloneableCreated,
  structuredClone,
};
