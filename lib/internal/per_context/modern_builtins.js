'use strict';

// Runs once per context before primordials.js, with `natives` as its only
// parameter (made in src/lode.cc: detachArrayBuffer, isArrayBufferDetached,
// isConstructor, isError). It installs the ECMAScript built-ins that Node 24
// (V8 13.6) has and V8 10.2 lacks, written from the specification text
// (https://tc39.es/ecma262/ and the Explicit Resource Management proposal),
// step by step. Each one is defined only where V8 does not have it already,
// with the attributes the specification gives built-in properties: methods
// writable, non-enumerable, configurable, not constructors.
//
// Nothing here may depend on the run (this file is in the startup snapshot),
// and nothing may use a built-in a program can replace: everything is taken
// from the intrinsics below, before any user code exists.

/* eslint-disable no-restricted-globals, no-restricted-syntax */

const {
  detachArrayBuffer, isArrayBufferDetached, isConstructor, isError,
} = natives;

const { bind: FunctionPrototypeBind, call: FunctionPrototypeCallRaw } =
  Function.prototype;
const uncurryThis = FunctionPrototypeBind.bind(FunctionPrototypeCallRaw);
const FunctionPrototypeCall = uncurryThis(FunctionPrototypeCallRaw);
const FunctionPrototypeSymbolHasInstance =
  uncurryThis(Function.prototype[Symbol.hasInstance]);

const {
  defineProperty: ObjectDefineProperty,
  getOwnPropertyDescriptor: ObjectGetOwnPropertyDescriptor,
  getPrototypeOf: ObjectGetPrototypeOf,
  setPrototypeOf: ObjectSetPrototypeOf,
} = Object;
const {
  apply: ReflectApply, construct: ReflectConstruct, ownKeys: ReflectOwnKeys,
} = Reflect;
const { trunc: MathTrunc, min: MathMin, max: MathMax } = Math;
const ArrayFrom = Array.from;
const ArrayPrototypeSort = uncurryThis(Array.prototype.sort);
const ArrayPrototypeFill = uncurryThis(Array.prototype.fill);
const StringPrototypeCharCodeAt = uncurryThis(String.prototype.charCodeAt);
const StringPrototypeCodePointAt = uncurryThis(String.prototype.codePointAt);
const StringPrototypePadStart = uncurryThis(String.prototype.padStart);
const StringPrototypeSlice = uncurryThis(String.prototype.slice);
const StringPrototypeIncludes = uncurryThis(String.prototype.includes);
const StringFromCharCode = String.fromCharCode;
const NumberPrototypeToString = uncurryThis(Number.prototype.toString);
const RegExpPrototypeExec = uncurryThis(RegExp.prototype.exec);
const MapPrototypeGet = uncurryThis(Map.prototype.get);
const MapPrototypeSet = uncurryThis(Map.prototype.set);
const MapPrototypeEntries = uncurryThis(Map.prototype.entries);
const MapIteratorPrototypeNext =
  uncurryThis(ObjectGetPrototypeOf(new Map().entries()).next);
const SetPrototypeAdd = uncurryThis(Set.prototype.add);
const SetPrototypeHas = uncurryThis(Set.prototype.has);
const SetPrototypeDelete = uncurryThis(Set.prototype.delete);
const SetPrototypeValues = uncurryThis(Set.prototype.values);
const SetPrototypeGetSize =
  uncurryThis(ObjectGetOwnPropertyDescriptor(Set.prototype, 'size').get);
const SetIteratorPrototypeNext =
  uncurryThis(ObjectGetPrototypeOf(new Set().values()).next);
const ArrayBufferPrototypeGetByteLength = uncurryThis(
  ObjectGetOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get);
const TypedArray = ObjectGetPrototypeOf(Uint8Array);
const TypedArrayPrototype = TypedArray.prototype;
const TypedArrayPrototypeGetSymbolToStringTag = uncurryThis(
  ObjectGetOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get);
const TypedArrayPrototypeGetLength = uncurryThis(
  ObjectGetOwnPropertyDescriptor(TypedArrayPrototype, 'length').get);
const TypedArrayPrototypeGetBuffer = uncurryThis(
  ObjectGetOwnPropertyDescriptor(TypedArrayPrototype, 'buffer').get);
const TypedArrayPrototypeSet = uncurryThis(TypedArrayPrototype.set);
const TypedArrayPrototypeSort = uncurryThis(TypedArrayPrototype.sort);
const TypedArrayPrototypeReverse = uncurryThis(TypedArrayPrototype.reverse);
const PromiseResolve = Promise.resolve.bind(Promise);
const PromisePrototypeThen = uncurryThis(Promise.prototype.then);
const {
  iterator: SymbolIterator, asyncIterator: SymbolAsyncIterator,
  toStringTag: SymbolToStringTag, unscopables: SymbolUnscopables,
} = Symbol;
const IteratorPrototype =
  ObjectGetPrototypeOf(ObjectGetPrototypeOf([][SymbolIterator]()));
const AsyncIteratorPrototype = ObjectGetPrototypeOf(ObjectGetPrototypeOf(
  async function* () {}).prototype);
const GeneratorPrototype = ObjectGetPrototypeOf(function* () {}).prototype;
const GeneratorPrototypeNext = uncurryThis(GeneratorPrototype.next);
const GeneratorPrototypeReturn = uncurryThis(GeneratorPrototype.return);
const BigIntAsIntN = BigInt.asIntN;
const ObjectCtor = Object;
const kIntrinsicPromise = Promise;
const kIntrinsicMap = Map;
const kIntrinsicSet = Set;
const kIntrinsicArray = Array;
const kIntrinsicArrayBuffer = ArrayBuffer;
const kIntrinsicUint8Array = Uint8Array;
const kIntrinsicError = Error;
const kIntrinsicTypeError = TypeError;
const kIntrinsicRangeError = RangeError;
const kIntrinsicReferenceError = ReferenceError;

const kMaxSafeInteger = 2 ** 53 - 1;
const kMaxArrayLength = 2 ** 32 - 1;

// ---------------------------------------------------------------------------
// Helpers: abstract operations of the specification.

// Defines the methods (and accessors) of `methods` on `target` the way the
// specification defines built-in properties, skipping those `target` has.
function install(target, methods, attributes) {
  for (const key of ReflectOwnKeys(methods)) {
    if (ObjectGetOwnPropertyDescriptor(target, key) !== undefined) continue;
    const desc = ObjectGetOwnPropertyDescriptor(methods, key);
    desc.enumerable = false;
    desc.configurable = true;
    if ('value' in desc) desc.writable = true;
    if (attributes !== undefined) {
      desc.writable = attributes.writable;
      desc.configurable = attributes.configurable;
    }
    ObjectDefineProperty(target, key, desc);
  }
}

function defineValue(target, key, value, writable, configurable) {
  ObjectDefineProperty(target, key, {
    __proto__: null, value, writable, enumerable: false, configurable,
  });
}

function isObject(value) {
  return (typeof value === 'object' && value !== null) ||
    typeof value === 'function';
}

function isCallable(value) {
  return typeof value === 'function';
}

// V8's way of naming a value in a message: `number 1`, `string "x"`,
// `#<Object>`.
function describeTyped(value) {
  if (typeof value === 'string') return `string "${value}"`;
  if (typeof value === 'symbol') return `symbol ${symbolToString(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean' ||
      typeof value === 'bigint') {
    return `${typeof value} ${value}`;
  }
  return describe(value);
}

function describe(value) {
  if (value === undefined || value === null) return `${value}`;
  if (typeof value === 'symbol') return symbolToString(value);
  if (typeof value === 'function') return 'function';
  if (typeof value === 'object') return '#<Object>';
  return `${value}`;
}

const SymbolPrototypeToString = uncurryThis(Symbol.prototype.toString);
function symbolToString(symbol) {
  return SymbolPrototypeToString(symbol);
}

function incompatibleReceiver(method, receiver) {
  return new kIntrinsicTypeError(
    `Method ${method} called on incompatible receiver ${describe(receiver)}`);
}

function notAFunction(value, typed) {
  return new kIntrinsicTypeError(
    `${typed ? describeTyped(value) : describe(value)} is not a function`);
}

// ToIntegerOrInfinity (7.1.5).
function toIntegerOrInfinity(value) {
  const number = +value;
  if (number !== number || number === 0) return 0;
  return MathTrunc(number);
}

// LengthOfArrayLike (7.3.18) = ToLength(Get(obj, "length")).
function lengthOfArrayLike(object) {
  const length = toIntegerOrInfinity(object.length);
  if (length <= 0) return 0;
  return MathMin(length, kMaxSafeInteger);
}

// ToObject (7.1.18) for a method's this value.
function toObject(value) {
  if (value === undefined || value === null) {
    throw new kIntrinsicTypeError('Cannot convert undefined or null to object');
  }
  return ObjectCtor(value);
}

// ToPropertyKey (7.1.19).
function toPropertyKey(value) {
  if (typeof value === 'string' || typeof value === 'symbol') return value;
  if (!isObject(value)) return `${value}`;
  // A computed key does ToPrimitive(value, string) then ToString, once.
  return ReflectOwnKeys({ __proto__: null, [value]: 0 })[0];
}

// ToIndex (7.1.22); `error` is the message of its RangeError.
function toIndex(value, error) {
  const integer = toIntegerOrInfinity(value);
  if (integer < 0 || integer > kMaxSafeInteger) {
    throw new kIntrinsicRangeError(error);
  }
  return integer;
}

// GetMethod (7.3.11).
function getMethod(value, key) {
  const method = value[key];
  if (method === undefined || method === null) return undefined;
  if (!isCallable(method)) throw notAFunction(method, true);
  return method;
}

// CreateArrayFromList (7.3.17) over a list this file built. The list has no
// prototype, so filling it could never reach a setter; Array.from copies it
// with CreateDataPropertyOrThrow into a new Array.
function newList() {
  const list = [];
  ObjectSetPrototypeOf(list, null);
  return list;
}

function createArrayFromList(list) {
  return ReflectApply(ArrayFrom, kIntrinsicArray, [list]);
}

// Whether an index property on Array.prototype or Object.prototype (or a
// changed prototype of Array.prototype) could make an assignment to a new
// array's element call user code. Index keys come first in [[OwnPropertyKeys]].
const ArrayPrototype = Array.prototype;
const ObjectPrototype = Object.prototype;
const indexKey = /^(?:0|[1-9][0-9]*)$/;
function hasIndexKey(object) {
  const keys = ReflectOwnKeys(object);
  return keys.length > 0 && typeof keys[0] === 'string' &&
    RegExpPrototypeExec(indexKey, keys[0]) !== null;
}
function prototypesMayHaveElements() {
  return ObjectGetPrototypeOf(ArrayPrototype) !== ObjectPrototype ||
    hasIndexKey(ArrayPrototype) || hasIndexKey(ObjectPrototype);
}

// ArrayCreate(length) filled by element(k) for each k, with the semantics of
// CreateDataPropertyOrThrow (setters on Array.prototype are never called).
function arrayCreateFilled(length, element) {
  if (length > kMaxArrayLength) {
    throw new kIntrinsicRangeError('Invalid array length');
  }
  if (prototypesMayHaveElements()) {
    return ReflectApply(ArrayFrom, kIntrinsicArray,
                        [{ __proto__: null, length }, (_, k) => element(k)]);
  }
  // Fast path: every element is made an own data property before any user
  // code runs, so the assignments below only ever write own properties.
  const A = ArrayPrototypeFill(new kIntrinsicArray(length), undefined);
  for (let k = 0; k < length; k++) A[k] = element(k);
  return A;
}

// IteratorClose (7.4.11) with a normal completion: may throw.
function iteratorCloseNormal(iterator) {
  const returnMethod = getMethod(iterator, 'return');
  if (returnMethod === undefined) return;
  const innerResult = FunctionPrototypeCall(returnMethod, iterator);
  if (!isObject(innerResult)) {
    throw new kIntrinsicTypeError('return called on non-object');
  }
}

// IteratorClose with a throw completion: errors of `return` are dropped; the
// caller rethrows its own.
function iteratorCloseOnThrow(iterator) {
  try {
    const returnMethod = iterator.return;
    if (returnMethod !== undefined && returnMethod !== null) {
      FunctionPrototypeCall(returnMethod, iterator);
    }
  } catch {
    // The original error wins.
  }
}

// IteratorStep results: the record is { iterator, next, done }.
function iteratorNextResult(record) {
  if (!isCallable(record.next)) throw notAFunction(record.next, true);
  const result = FunctionPrototypeCall(record.next, record.iterator);
  if (!isObject(result)) {
    record.done = true;
    throw new kIntrinsicTypeError(
      `Iterator result ${describe(result)} is not an object`);
  }
  return result;
}

const kDone = Symbol('done');

// IteratorStepValue (7.4.8): the next value or kDone.
function iteratorStepValue(record) {
  let result;
  let done;
  try {
    result = iteratorNextResult(record);
    done = !!result.done;
  } catch (err) {
    record.done = true;
    throw err;
  }
  if (done) {
    record.done = true;
    return kDone;
  }
  try {
    return result.value;
  } catch (err) {
    record.done = true;
    throw err;
  }
}

// IteratorStep (7.4.7): false when done, else true (the value is not read).
function iteratorStep(record) {
  let done;
  try {
    done = !!iteratorNextResult(record).done;
  } catch (err) {
    record.done = true;
    throw err;
  }
  if (done) record.done = true;
  return !done;
}

// GetIteratorDirect (7.4.2).
// The loop some, every and find share: calls `predicate` on each value
// until `stop(result)` holds, then closes the iterator and returns
// `found(value)`; an exhausted iterator gives `exhausted`.
function searchIterator(O, method, predicate, stop, found, exhausted) {
  requireObjectThis(O, method);
  validateCallable(O, predicate);
  const iterated = getIteratorDirect(O);
  let counter = 0;
  for (;;) {
    const value = iteratorStepValue(iterated);
    if (value === kDone) return exhausted;
    let result;
    try {
      result = FunctionPrototypeCall(predicate, undefined, value, counter);
    } catch (err) {
      iteratorCloseOnThrow(iterated.iterator);
      throw err;
    }
    if (stop(result)) {
      iteratorCloseNormal(iterated.iterator);
      return found(value);
    }
    counter++;
  }
}
const truthy = (result) => !!result;
const falsy = (result) => !result;
const returnTrue = () => true;
const returnFalse = () => false;
const identity = (value) => value;

function getIteratorDirect(object) {
  return { __proto__: null, iterator: object, next: object.next, done: false };
}

// GetIteratorFromMethod (7.4.3).
function getIteratorFromMethod(object, method) {
  const iterator = FunctionPrototypeCall(method, object);
  if (!isObject(iterator)) {
    throw new kIntrinsicTypeError(
      `Result of the Symbol.iterator method is not an object`);
  }
  return getIteratorDirect(iterator);
}

// NewPromiseCapability (27.2.1.5).
function newPromiseCapability(C) {
  if (!isConstructor(C)) {
    throw new kIntrinsicTypeError(`${describe(C)} is not a constructor`);
  }
  const capability = { __proto__: null, resolve: undefined, reject: undefined };
  const executor = makeCapabilityExecutor(capability);
  const promise = new C(executor);
  if (!isCallable(capability.resolve)) {
    throw new kIntrinsicTypeError(
      `Promise resolve or reject function is not callable`);
  }
  if (!isCallable(capability.reject)) {
    throw new kIntrinsicTypeError(
      `Promise resolve or reject function is not callable`);
  }
  capability.promise = promise;
  return capability;
}

// GetCapabilitiesExecutor: anonymous, length 2, not a constructor.
function makeCapabilityExecutor(capability) {
  return (resolve, reject) => {
    if (capability.resolve !== undefined || capability.reject !== undefined) {
      throw new kIntrinsicTypeError(
        'Promise executor has already been invoked with non-undefined ' +
        'arguments');
    }
    capability.resolve = resolve;
    capability.reject = reject;
  };
}

// ---------------------------------------------------------------------------
// Array.prototype: toReversed, toSorted, toSpliced, with (23.1.3).

function isPresent(args, index) {
  return args.length > index;
}

const arrayMethods = {
  toReversed() {
    const O = toObject(this);
    const len = lengthOfArrayLike(O);
    return arrayCreateFilled(len, (k) => O[len - k - 1]);
  },

  toSorted(comparefn) {
    if (comparefn !== undefined && !isCallable(comparefn)) {
      throw new kIntrinsicTypeError('The comparison function must be either ' +
        `a function or undefined: ${describe(comparefn)}`);
    }
    const O = toObject(this);
    const len = lengthOfArrayLike(O);
    // SortIndexedProperties with read-through-holes reads every index, then
    // sorts; CompareArrayElements is what Array.prototype.sort does on an
    // array without holes.
    const A = arrayCreateFilled(len, (k) => O[k]);
    ArrayPrototypeSort(A, comparefn);
    return A;
  },

  toSpliced(start, skipCount, ...items) {
    const O = toObject(this);
    const len = lengthOfArrayLike(O);
    const relativeStart = toIntegerOrInfinity(start);
    let actualStart;
    if (relativeStart === -Infinity) {
      actualStart = 0;
    } else if (relativeStart < 0) {
      actualStart = MathMax(len + relativeStart, 0);
    } else {
      actualStart = MathMin(relativeStart, len);
    }
    const insertCount = items.length;
    let actualSkipCount;
    if (!isPresent(arguments, 0)) {
      actualSkipCount = 0;
    } else if (!isPresent(arguments, 1)) {
      actualSkipCount = len - actualStart;
    } else {
      const sc = toIntegerOrInfinity(skipCount);
      actualSkipCount = MathMin(MathMax(sc, 0), len - actualStart);
    }
    const newLen = len + insertCount - actualSkipCount;
    if (newLen > kMaxSafeInteger) {
      throw new kIntrinsicTypeError('Invalid array length');
    }
    const insertEnd = actualStart + insertCount;
    const shift = actualSkipCount - insertCount;
    return arrayCreateFilled(newLen, (i) => {
      if (i < actualStart) return O[i];
      if (i < insertEnd) return items[i - actualStart];
      return O[i + shift];
    });
  },

  with(index, value) {
    const O = toObject(this);
    const len = lengthOfArrayLike(O);
    const relativeIndex = toIntegerOrInfinity(index);
    const actualIndex =
      relativeIndex >= 0 ? relativeIndex : len + relativeIndex;
    if (actualIndex >= len || actualIndex < 0) {
      throw new kIntrinsicRangeError(`Invalid index : ${relativeIndex}`);
    }
    return arrayCreateFilled(len, (k) => (k === actualIndex ? value : O[k]));
  },
};
install(Array.prototype, arrayMethods);

// Array.prototype[@@unscopables] gains toReversed, toSorted, toSpliced; its
// keys stay in the alphabetical order V8 creates them in.
{
  const unscopables = Array.prototype[SymbolUnscopables];
  const keys = ReflectOwnKeys(unscopables);
  for (const name of ['toReversed', 'toSorted', 'toSpliced']) {
    if (!(name in unscopables)) keys[keys.length] = name;
  }
  ArrayPrototypeSort(keys);
  for (const key of keys) delete unscopables[key];
  for (const key of keys) unscopables[key] = true;
}

// ---------------------------------------------------------------------------
// %TypedArray%.prototype: toReversed, toSorted, with (23.2.3).

const typedArrayConstructors = {
  __proto__: null,
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array,
  Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array,
  BigUint64Array,
};

// ValidateTypedArray (23.2.4.4): the length, or a TypeError.
function validateTypedArray(O, method) {
  if (TypedArrayPrototypeGetSymbolToStringTag(O) === undefined) {
    throw new kIntrinsicTypeError(`Method %TypedArray%.prototype.${method} ` +
      `called on incompatible receiver ${describe(O)}`);
  }
  const length = TypedArrayPrototypeGetLength(O);
  // A detached buffer leaves length 0.
  if (length === 0 && isArrayBufferDetached(TypedArrayPrototypeGetBuffer(O))) {
    throw new kIntrinsicTypeError(`Cannot perform %TypedArray%.prototype.` +
      `${method} on a detached ArrayBuffer`);
  }
  return length;
}

// TypedArrayCreateSameType (23.2.4.3): no species lookup.
function typedArrayCreateSameType(O, length) {
  const C = typedArrayConstructors[TypedArrayPrototypeGetSymbolToStringTag(O)];
  return new C(length);
}

const typedArrayMethods = {
  toReversed() {
    const O = this;
    const len = validateTypedArray(O, 'toReversed');
    const A = typedArrayCreateSameType(O, len);
    TypedArrayPrototypeSet(A, O);
    TypedArrayPrototypeReverse(A);
    return A;
  },

  toSorted(comparefn) {
    if (comparefn !== undefined && !isCallable(comparefn)) {
      throw new kIntrinsicTypeError('The comparison function must be either ' +
        `a function or undefined: ${describe(comparefn)}`);
    }
    const O = this;
    const len = validateTypedArray(O, 'toSorted');
    const A = typedArrayCreateSameType(O, len);
    // SortIndexedProperties reads every element first; the comparator only
    // ever sees the copy, which is what %TypedArray%.prototype.sort sorts.
    TypedArrayPrototypeSet(A, O);
    TypedArrayPrototypeSort(A, comparefn);
    return A;
  },

  with(index, value) {
    const O = this;
    const len = validateTypedArray(O, 'with');
    const relativeIndex = toIntegerOrInfinity(index);
    const actualIndex =
      relativeIndex >= 0 ? relativeIndex : len + relativeIndex;
    const tag = TypedArrayPrototypeGetSymbolToStringTag(O);
    let numericValue;
    if (tag === 'BigInt64Array' || tag === 'BigUint64Array') {
      // BigInt.asIntN does ToBigInt; storing wraps to 64 bits anyway.
      numericValue = BigIntAsIntN(64, value);
    } else {
      numericValue = +value;
    }
    // IsValidIntegerIndex: the conversion above may have detached O.
    if (!(actualIndex >= 0 && actualIndex < TypedArrayPrototypeGetLength(O))) {
      throw new kIntrinsicRangeError('Invalid typed array index');
    }
    const A = typedArrayCreateSameType(O, len);
    for (let k = 0; k < len; k++) {
      A[k] = k === actualIndex ? numericValue : O[k];
    }
    return A;
  },
};
install(TypedArrayPrototype, typedArrayMethods);

// ---------------------------------------------------------------------------
// Object.groupBy, Map.groupBy (20.1.2.12, 24.1.2.1).

// GroupBy (7.3.35): a Map from key to a list of values. `property` selects
// ToPropertyKey, else keys are canonicalized (-0 becomes +0).
function groupBy(items, callback, property, method) {
  if (items === undefined || items === null) {
    throw new kIntrinsicTypeError(`${method} called on null or undefined`);
  }
  if (!isCallable(callback)) throw notAFunction(callback, false);
  const groups = new kIntrinsicMap();
  let k = 0;
  // for-of is GetIterator + IteratorStepValue, and closes the iterator when
  // the body throws (IfAbruptCloseIterator).
  for (const value of items) {
    if (k >= kMaxSafeInteger) {
      throw new kIntrinsicTypeError('Too many elements');
    }
    let key = FunctionPrototypeCall(callback, undefined, value, k);
    if (property) {
      key = toPropertyKey(key);
    } else if (key === 0) {
      key = 0;
    }
    let list = MapPrototypeGet(groups, key);
    if (list === undefined) {
      list = newList();
      MapPrototypeSet(groups, key, list);
    }
    list[list.length] = value;
    k++;
  }
  return groups;
}

function forEachGroup(groups, fn) {
  const iterator = MapPrototypeEntries(groups);
  for (let next = MapIteratorPrototypeNext(iterator); !next.done;
    next = MapIteratorPrototypeNext(iterator)) {
    fn(next.value[0], createArrayFromList(next.value[1]));
  }
}

install(Object, {
  groupBy(items, callback) {
    const groups = groupBy(items, callback, true, 'Object.groupBy');
    const obj = { __proto__: null };
    forEachGroup(groups, (key, elements) => {
      ObjectDefineProperty(obj, key, {
        __proto__: null, value: elements, writable: true, enumerable: true,
        configurable: true,
      });
    });
    return obj;
  },
});

install(Map, {
  groupBy(items, callback) {
    const groups = groupBy(items, callback, false, 'Map.groupBy');
    const map = new kIntrinsicMap();
    forEachGroup(groups, (key, elements) => {
      MapPrototypeSet(map, key, elements);
    });
    return map;
  },
});

// ---------------------------------------------------------------------------
// Promise.withResolvers, Promise.try (27.2.4).

install(Promise, {
  try(callbackfn, ...args) {
    const C = this;
    if (!isObject(C)) {
      throw new kIntrinsicTypeError('Promise.try called on non-object');
    }
    const promiseCapability = newPromiseCapability(C);
    let status;
    try {
      if (!isCallable(callbackfn)) throw notAFunction(callbackfn, true);
      status = ReflectApply(callbackfn, undefined, args);
    } catch (err) {
      FunctionPrototypeCall(promiseCapability.reject, undefined, err);
      return promiseCapability.promise;
    }
    FunctionPrototypeCall(promiseCapability.resolve, undefined, status);
    return promiseCapability.promise;
  },

  withResolvers() {
    const C = this;
    if (!isObject(C)) {
      throw new kIntrinsicTypeError(
        'Promise.withResolvers called on non-object');
    }
    const promiseCapability = newPromiseCapability(C);
    return {
      promise: promiseCapability.promise,
      resolve: promiseCapability.resolve,
      reject: promiseCapability.reject,
    };
  },
});

// ---------------------------------------------------------------------------
// Array.fromAsync (proposal-array-from-async, now 23.1.2.2).

// CreateAsyncFromSyncIterator (27.1.6.1): a record whose next() returns a
// promise of an iterator result, closing the sync iterator when a value is a
// rejected promise.
function createAsyncFromSyncIterator(syncRecord) {
  const asyncIterator = {
    __proto__: null,
    next() {
      return new kIntrinsicPromise((resolve, reject) => {
        const result = iteratorNextResult(syncRecord);
        asyncFromSyncIteratorContinuation(result, syncRecord, true, resolve,
                                          reject);
      });
    },
    return() {
      return new kIntrinsicPromise((resolve, reject) => {
        const returnMethod = getMethod(syncRecord.iterator, 'return');
        if (returnMethod === undefined) {
          resolve({ value: undefined, done: true });
          return;
        }
        const result = FunctionPrototypeCall(returnMethod, syncRecord.iterator);
        if (!isObject(result)) {
          throw new kIntrinsicTypeError(
            `Iterator result ${describe(result)} is not an object`);
        }
        asyncFromSyncIteratorContinuation(result, syncRecord, false, resolve,
                                          reject);
      });
    },
  };
  return { __proto__: null, iterator: asyncIterator,
           next: asyncIterator.next, done: false };
}

// AsyncFromSyncIteratorContinuation (27.1.6.4).
function asyncFromSyncIteratorContinuation(result, syncRecord,
                                           closeOnRejection, resolve, reject) {
  const done = !!result.done;
  const value = result.value;
  let valueWrapper;
  try {
    valueWrapper = PromiseResolve(value);
  } catch (err) {
    if (!done && closeOnRejection) iteratorCloseOnThrow(syncRecord.iterator);
    throw err;
  }
  PromisePrototypeThen(valueWrapper, (v) => resolve({ value: v, done }),
                       (err) => {
                         if (!done && closeOnRejection) {
                           iteratorCloseOnThrow(syncRecord.iterator);
                         }
                         reject(err);
                       });
}

// AsyncIteratorClose (7.4.13) for a throw completion, first half: calls
// `return` and gives back a record whose `result` the caller awaits when
// `called` is true. Errors are dropped; the caller rethrows its own.
function asyncIteratorCloseStart(iterator) {
  try {
    const returnMethod = iterator.return;
    if (returnMethod !== undefined && returnMethod !== null) {
      return { __proto__: null, called: true,
               result: FunctionPrototypeCall(returnMethod, iterator) };
    }
  } catch {
    // The original error wins.
  }
  return { __proto__: null, called: false, result: undefined };
}

// GetMethod with the message V8 gives for Array.fromAsync.
function getFromAsyncMethod(items, key) {
  const method = items[key];
  if (method === undefined || method === null) return undefined;
  if (!isCallable(method)) {
    throw new kIntrinsicTypeError(
      'Array.fromAsync requires that the property of the first argument, ' +
      `items[${key.description}], when exists, be a function`);
  }
  return method;
}

async function fromAsyncBody(C, asyncItems, mapfn, thisArg) {
  let mapping;
  if (mapfn === undefined) {
    mapping = false;
  } else {
    if (!isCallable(mapfn)) throw notAFunction(mapfn, false);
    mapping = true;
  }
  const usingAsyncIterator = getFromAsyncMethod(asyncItems,
                                                SymbolAsyncIterator);
  let usingSyncIterator;
  if (usingAsyncIterator === undefined) {
    usingSyncIterator = getFromAsyncMethod(asyncItems, SymbolIterator);
  }
  let iteratorRecord;
  if (usingAsyncIterator !== undefined) {
    iteratorRecord = getIteratorFromMethod(asyncItems, usingAsyncIterator);
  } else if (usingSyncIterator !== undefined) {
    iteratorRecord = createAsyncFromSyncIterator(
      getIteratorFromMethod(asyncItems, usingSyncIterator));
  }
  if (iteratorRecord !== undefined) {
    const A = isConstructor(C) ? new C() : [];
    let k = 0;
    for (;;) {
      if (k >= kMaxSafeInteger) {
        const error = new kIntrinsicTypeError('Too many elements');
        const close = asyncIteratorCloseStart(iteratorRecord.iterator);
        if (close.called) {
          try {
            await close.result;
          } catch {
            // The original error wins.
          }
        }
        throw error;
      }
      let nextResult = FunctionPrototypeCall(iteratorRecord.next,
                                             iteratorRecord.iterator);
      nextResult = await nextResult;
      if (!isObject(nextResult)) {
        throw new kIntrinsicTypeError(
          `Iterator result ${describe(nextResult)} is not an object`);
      }
      if (nextResult.done) {
        A.length = k;
        return A;
      }
      const nextValue = nextResult.value;
      let mappedValue;
      try {
        if (mapping) {
          mappedValue = FunctionPrototypeCall(mapfn, thisArg, nextValue, k);
          mappedValue = await mappedValue;
        } else {
          mappedValue = nextValue;
        }
        createDataPropertyOrThrow(A, k, mappedValue);
      } catch (err) {
        const close = asyncIteratorCloseStart(iteratorRecord.iterator);
        if (close.called) {
          try {
            await close.result;
          } catch {
            // The original error wins.
          }
        }
        throw err;
      }
      k++;
    }
  }
  // An array-like: asyncItems cannot be null or undefined here, GetMethod
  // threw for those.
  const arrayLike = ObjectCtor(asyncItems);
  const len = lengthOfArrayLike(arrayLike);
  let A;
  if (isConstructor(C)) {
    A = new C(len);
  } else {
    if (len > kMaxArrayLength) {
      throw new kIntrinsicRangeError('Invalid array length');
    }
    A = new kIntrinsicArray(len);
  }
  for (let k = 0; k < len; k++) {
    let kValue = arrayLike[k];
    kValue = await kValue;
    let mappedValue;
    if (mapping) {
      mappedValue = await FunctionPrototypeCall(mapfn, thisArg, kValue, k);
    } else {
      mappedValue = kValue;
    }
    createDataPropertyOrThrow(A, k, mappedValue);
  }
  A.length = len;
  return A;
}

// CreateDataPropertyOrThrow (7.3.7).
function createDataPropertyOrThrow(O, key, value) {
  ObjectDefineProperty(O, key, {
    __proto__: null, value, writable: true, enumerable: true,
    configurable: true,
  });
}

install(Array, {
  fromAsync(asyncItems, mapfn = undefined, thisArg = undefined) {
    // AsyncFunctionStart: errors become rejections of a %Promise%.
    return fromAsyncBody(this, asyncItems, mapfn, thisArg);
  },
});

// ---------------------------------------------------------------------------
// String.prototype.isWellFormed, toWellFormed (22.1.3).

// In a /u pattern a surrogate class only matches code units that are not
// part of a pair.
const loneSurrogate = /[\uD800-\uDFFF]/u;

function thisStringValue(value, method) {
  if (value === undefined || value === null) {
    throw new kIntrinsicTypeError(
      `String.prototype.${method} called on null or undefined`);
  }
  return `${value}`;
}

install(String.prototype, {
  isWellFormed() {
    const S = thisStringValue(this, 'isWellFormed');
    return RegExpPrototypeExec(loneSurrogate, S) === null;
  },

  toWellFormed() {
    const S = thisStringValue(this, 'toWellFormed');
    if (RegExpPrototypeExec(loneSurrogate, S) === null) return S;
    const strLen = S.length;
    let result = '';
    let start = 0;
    for (let k = 0; k < strLen; k++) {
      const c = StringPrototypeCharCodeAt(S, k);
      if (c >= 0xD800 && c <= 0xDBFF && k + 1 < strLen) {
        const d = StringPrototypeCharCodeAt(S, k + 1);
        if (d >= 0xDC00 && d <= 0xDFFF) {
          k++;
          continue;
        }
      }
      if (c >= 0xD800 && c <= 0xDFFF) {
        result += `${StringPrototypeSlice(S, start, k)}\uFFFD`;
        start = k + 1;
      }
    }
    return result + StringPrototypeSlice(S, start);
  },
});

// ---------------------------------------------------------------------------
// Set.prototype: union, intersection, difference, symmetricDifference,
// isSubsetOf, isSupersetOf, isDisjointFrom (24.2.4).

function requireSet(O, method) {
  try {
    SetPrototypeGetSize(O);
  } catch {
    throw incompatibleReceiver(`Set.prototype.${method}`, O);
  }
}

// GetSetRecord (24.2.1.2).
function getSetRecord(obj, method) {
  if (!isObject(obj)) {
    throw new kIntrinsicTypeError(
      `Set.prototype.${method} argument must be an object`);
  }
  const rawSize = obj.size;
  const numSize = +rawSize;
  if (numSize !== numSize) {
    throw new kIntrinsicTypeError('The .size property is NaN');
  }
  const intSize = toIntegerOrInfinity(numSize);
  if (intSize < 0) {
    throw new kIntrinsicRangeError(`'${intSize}' is an invalid size`);
  }
  const has = obj.has;
  if (!isCallable(has)) throw notAFunction(has, true);
  const keys = obj.keys;
  if (!isCallable(keys)) throw notAFunction(keys, true);
  return { __proto__: null, set: obj, size: intSize, has, keys };
}

// GetIteratorFromMethod(otherRec.[[SetObject]], otherRec.[[Keys]]).
function getKeysIterator(otherRec) {
  const iterator = FunctionPrototypeCall(otherRec.keys, otherRec.set);
  if (!isObject(iterator)) {
    throw new kIntrinsicTypeError('Result of the keys method is not an object');
  }
  return { __proto__: null, iterator, next: iterator.next, done: false };
}

function setCopy(O) {
  const result = new kIntrinsicSet();
  const iterator = SetPrototypeValues(O);
  for (let next = SetIteratorPrototypeNext(iterator); !next.done;
    next = SetIteratorPrototypeNext(iterator)) {
    SetPrototypeAdd(result, next.value);
  }
  return result;
}

function otherHas(otherRec, e) {
  return !!FunctionPrototypeCall(otherRec.has, otherRec.set, e);
}

// CanonicalizeKeyedCollectionKey: -0 becomes +0.
function canonicalize(value) {
  return value === 0 ? 0 : value;
}

install(Set.prototype, {
  union(other) {
    const O = this;
    requireSet(O, 'union');
    const otherRec = getSetRecord(other, 'union');
    const keysIter = getKeysIterator(otherRec);
    const result = setCopy(O);
    for (let next = iteratorStepValue(keysIter); next !== kDone;
      next = iteratorStepValue(keysIter)) {
      SetPrototypeAdd(result, canonicalize(next));
    }
    return result;
  },

  intersection(other) {
    const O = this;
    requireSet(O, 'intersection');
    const otherRec = getSetRecord(other, 'intersection');
    const result = new kIntrinsicSet();
    if (SetPrototypeGetSize(O) <= otherRec.size) {
      // A live iterator over O visits what `has` adds, as the index loop of
      // the specification does.
      const iterator = SetPrototypeValues(O);
      for (let next = SetIteratorPrototypeNext(iterator); !next.done;
        next = SetIteratorPrototypeNext(iterator)) {
        const e = next.value;
        if (otherHas(otherRec, e)) SetPrototypeAdd(result, e);
      }
    } else {
      const keysIter = getKeysIterator(otherRec);
      for (let next = iteratorStepValue(keysIter); next !== kDone;
        next = iteratorStepValue(keysIter)) {
        next = canonicalize(next);
        if (SetPrototypeHas(O, next)) SetPrototypeAdd(result, next);
      }
    }
    return result;
  },

  difference(other) {
    const O = this;
    requireSet(O, 'difference');
    const otherRec = getSetRecord(other, 'difference');
    const result = setCopy(O);
    if (SetPrototypeGetSize(O) <= otherRec.size) {
      // The loop runs over the copy, which `has` cannot change.
      const elements = newList();
      const iterator = SetPrototypeValues(result);
      for (let next = SetIteratorPrototypeNext(iterator); !next.done;
        next = SetIteratorPrototypeNext(iterator)) {
        elements[elements.length] = next.value;
      }
      for (let index = 0; index < elements.length; index++) {
        const e = elements[index];
        if (otherHas(otherRec, e)) SetPrototypeDelete(result, e);
      }
    } else {
      const keysIter = getKeysIterator(otherRec);
      for (let next = iteratorStepValue(keysIter); next !== kDone;
        next = iteratorStepValue(keysIter)) {
        SetPrototypeDelete(result, canonicalize(next));
      }
    }
    return result;
  },

  symmetricDifference(other) {
    const O = this;
    requireSet(O, 'symmetricDifference');
    const otherRec = getSetRecord(other, 'symmetricDifference');
    const keysIter = getKeysIterator(otherRec);
    const result = setCopy(O);
    for (let next = iteratorStepValue(keysIter); next !== kDone;
      next = iteratorStepValue(keysIter)) {
      next = canonicalize(next);
      const alreadyInResult = SetPrototypeHas(result, next);
      if (SetPrototypeHas(O, next)) {
        if (alreadyInResult) SetPrototypeDelete(result, next);
      } else if (!alreadyInResult) {
        SetPrototypeAdd(result, next);
      }
    }
    return result;
  },

  isSubsetOf(other) {
    const O = this;
    requireSet(O, 'isSubsetOf');
    const otherRec = getSetRecord(other, 'isSubsetOf');
    if (SetPrototypeGetSize(O) > otherRec.size) return false;
    const iterator = SetPrototypeValues(O);
    for (let next = SetIteratorPrototypeNext(iterator); !next.done;
      next = SetIteratorPrototypeNext(iterator)) {
      if (!otherHas(otherRec, next.value)) return false;
    }
    return true;
  },

  isSupersetOf(other) {
    const O = this;
    requireSet(O, 'isSupersetOf');
    const otherRec = getSetRecord(other, 'isSupersetOf');
    if (SetPrototypeGetSize(O) < otherRec.size) return false;
    const keysIter = getKeysIterator(otherRec);
    for (let next = iteratorStepValue(keysIter); next !== kDone;
      next = iteratorStepValue(keysIter)) {
      if (!SetPrototypeHas(O, next)) {
        iteratorCloseNormal(keysIter.iterator);
        return false;
      }
    }
    return true;
  },

  isDisjointFrom(other) {
    const O = this;
    requireSet(O, 'isDisjointFrom');
    const otherRec = getSetRecord(other, 'isDisjointFrom');
    if (SetPrototypeGetSize(O) <= otherRec.size) {
      const iterator = SetPrototypeValues(O);
      for (let next = SetIteratorPrototypeNext(iterator); !next.done;
        next = SetIteratorPrototypeNext(iterator)) {
        if (otherHas(otherRec, next.value)) return false;
      }
    } else {
      const keysIter = getKeysIterator(otherRec);
      for (let next = iteratorStepValue(keysIter); next !== kDone;
        next = iteratorStepValue(keysIter)) {
        if (SetPrototypeHas(O, next)) {
          iteratorCloseNormal(keysIter.iterator);
          return false;
        }
      }
    }
    return true;
  },
});

// ---------------------------------------------------------------------------
// ArrayBuffer.prototype: transfer, transferToFixedLength, detached (25.1.6).
// Resizable buffers need a V8 flag in 10.2, so every buffer is fixed-length.

function requireArrayBuffer(O, method) {
  try {
    // Throws for anything but an ArrayBuffer, SharedArrayBuffer included.
    ArrayBufferPrototypeGetByteLength(O);
  } catch {
    throw incompatibleReceiver(`ArrayBuffer.prototype.${method}`, O);
  }
}

// ArrayBufferCopyAndDetach (25.1.3.3).
function arrayBufferCopyAndDetach(O, newLength, method) {
  requireArrayBuffer(O, method);
  let newByteLength;
  if (newLength === undefined) {
    newByteLength = ArrayBufferPrototypeGetByteLength(O);
  } else {
    newByteLength = toIndex(newLength,
                            `ArrayBuffer.prototype.${method}: ` +
                            'Invalid length parameter');
  }
  if (isArrayBufferDetached(O)) {
    throw new kIntrinsicTypeError(
      `Cannot perform ArrayBuffer.prototype.${method} on a detached ` +
      'ArrayBuffer');
  }
  const newBuffer = new kIntrinsicArrayBuffer(newByteLength);
  const copyLength = MathMin(newByteLength,
                             ArrayBufferPrototypeGetByteLength(O));
  if (copyLength > 0) {
    TypedArrayPrototypeSet(new kIntrinsicUint8Array(newBuffer),
                           new kIntrinsicUint8Array(O, 0, copyLength));
  }
  detachArrayBuffer(O);
  return newBuffer;
}

install(ArrayBuffer.prototype, {
  get detached() {
    requireArrayBuffer(this, 'detached');
    return isArrayBufferDetached(this);
  },

  transfer(newLength = undefined) {
    return arrayBufferCopyAndDetach(this, newLength, 'transfer');
  },

  transferToFixedLength(newLength = undefined) {
    return arrayBufferCopyAndDetach(this, newLength, 'transferToFixedLength');
  },
});

// ---------------------------------------------------------------------------
// Error.isError (20.5.2.1), RegExp.escape (22.2.5.1).

install(Error, {
  isError(arg) {
    return isError(arg);
  },
});

// EncodeForRegExpEscape (22.2.5.1.1).
const syntaxCharacters = '^$\\.*+?()[]{}|/';
const otherPunctuators = ',-=<>#&!%:;@~\'`"';
const controlEscapes = { __proto__: null, 9: 't', 10: 'n', 11: 'v', 12: 'f',
                         13: 'r' };
// WhiteSpace and LineTerminator other than the control escapes.
const whiteSpace =
  /^[\u0020\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]$/;

function hex(code, width) {
  return StringPrototypePadStart(NumberPrototypeToString(code, 16), width, '0');
}

function encodeForRegExpEscape(c, cp) {
  if (StringPrototypeIncludes(syntaxCharacters, c)) return `\\${c}`;
  if (controlEscapes[cp] !== undefined) return `\\${controlEscapes[cp]}`;
  if (StringPrototypeIncludes(otherPunctuators, c) ||
      RegExpPrototypeExec(whiteSpace, c) !== null ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    if (cp <= 0xFF) return `\\x${hex(cp, 2)}`;
    return `\\u${hex(cp, 4)}`;
  }
  return c;
}

install(RegExp, {
  escape(S) {
    if (typeof S !== 'string') {
      throw new kIntrinsicTypeError('input argument must be a string');
    }
    let escaped = '';
    for (let i = 0; i < S.length;) {
      const cp = StringPrototypeCodePointAt(S, i);
      const c = cp > 0xFFFF ? StringPrototypeSlice(S, i, i + 2) :
        StringFromCharCode(cp);
      i += c.length;
      if (escaped === '' &&
          ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5A) ||
           (cp >= 0x61 && cp <= 0x7A))) {
        escaped += `\\x${hex(cp, 2)}`;
      } else {
        escaped += encodeForRegExpEscape(c, cp);
      }
    }
    return escaped;
  },
});

// ---------------------------------------------------------------------------
// Iterator, Iterator.from and the Iterator.prototype helpers (27.1.3).

function Iterator() {
  if (new.target === undefined) {
    throw new kIntrinsicTypeError("Constructor Iterator requires 'new'");
  }
  if (new.target === Iterator) {
    throw new kIntrinsicTypeError(
      'Abstract class Iterator not directly constructable');
  }
}
defineValue(Iterator, 'prototype', IteratorPrototype, false, false);

// SetterThatIgnoresPrototypeProperties (27.1.3.2.1.1).
function setterThatIgnoresPrototypeProperties(thisValue, home, p, v) {
  if (!isObject(thisValue)) {
    throw new kIntrinsicTypeError(`set Iterator.prototype.${
      typeof p === 'symbol' ? `[${p.description}]` : p} called on non-object`);
  }
  if (thisValue === home) {
    throw new kIntrinsicTypeError(
      `Cannot assign to read only property '${
        typeof p === 'symbol' ? symbolToString(p) : p}' of object ` +
      "'[object Object]'");
  }
  const desc = ObjectGetOwnPropertyDescriptor(thisValue, p);
  if (desc === undefined) {
    createDataPropertyOrThrow(thisValue, p, v);
  } else if (!ReflectSet(thisValue, p, v)) {
    throw new kIntrinsicTypeError(
      `Cannot assign to read only property '${
        typeof p === 'symbol' ? symbolToString(p) : p}'`);
  }
}
const ReflectSet = Reflect.set;

// %IteratorHelperPrototype% (27.1.2.1). A helper's closure is a generator;
// the helper object forwards to it and adds what the generator does not do:
// return() before the first next() closes the underlying iterator.
const kStart = 0;
const kStarted = 1;
const kCompleted = 2;
class IteratorHelper {
  #generator;
  #underlying;
  #state = kStart;
  constructor(generator, underlying) {
    this.#generator = generator;
    this.#underlying = underlying;
  }

  next() {
    if (this === null || typeof this !== 'object' || !(#generator in this)) {
      throw incompatibleReceiver('Iterator Helper.prototype.next', this);
    }
    if (this.#state === kStart) this.#state = kStarted;
    return GeneratorPrototypeNext(this.#generator);
  }

  return() {
    if (this === null || typeof this !== 'object' || !(#generator in this)) {
      throw incompatibleReceiver('Iterator Helper.prototype.return', this);
    }
    if (this.#state === kStart) {
      this.#state = kCompleted;
      GeneratorPrototypeReturn(this.#generator);
      iteratorCloseNormal(this.#underlying.iterator);
      return { value: undefined, done: true };
    }
    return GeneratorPrototypeReturn(this.#generator);
  }
}
const IteratorHelperPrototype = IteratorHelper.prototype;
delete IteratorHelperPrototype.constructor;
ObjectSetPrototypeOf(IteratorHelperPrototype, IteratorPrototype);
defineValue(IteratorHelperPrototype, SymbolToStringTag, 'Iterator Helper',
            false, true);

function createIteratorHelper(generatorFunction, iterated, a, b) {
  return new IteratorHelper(generatorFunction(iterated, a, b), iterated);
}

// Yield with IfAbruptCloseIterator: a `return` at the yield closes the
// underlying iterator (see the finally blocks).
function* mapClosure(iterated, mapper) {
  let counter = 0;
  for (;;) {
    const value = iteratorStepValue(iterated);
    if (value === kDone) return undefined;
    let mapped;
    try {
      mapped = FunctionPrototypeCall(mapper, undefined, value, counter);
    } catch (err) {
      iteratorCloseOnThrow(iterated.iterator);
      throw err;
    }
    let resumed = false;
    try {
      yield mapped;
      resumed = true;
    } finally {
      if (!resumed) iteratorCloseNormal(iterated.iterator);
    }
    counter++;
  }
}

function* filterClosure(iterated, predicate) {
  let counter = 0;
  for (;;) {
    const value = iteratorStepValue(iterated);
    if (value === kDone) return undefined;
    let selected;
    try {
      selected = FunctionPrototypeCall(predicate, undefined, value, counter);
    } catch (err) {
      iteratorCloseOnThrow(iterated.iterator);
      throw err;
    }
    if (selected) {
      let resumed = false;
      try {
        yield value;
        resumed = true;
      } finally {
        if (!resumed) iteratorCloseNormal(iterated.iterator);
      }
    }
    counter++;
  }
}

function* takeClosure(iterated, limit) {
  let remaining = limit;
  for (;;) {
    if (remaining === 0) {
      iteratorCloseNormal(iterated.iterator);
      return undefined;
    }
    if (remaining !== Infinity) remaining--;
    const value = iteratorStepValue(iterated);
    if (value === kDone) return undefined;
    let resumed = false;
    try {
      yield value;
      resumed = true;
    } finally {
      if (!resumed) iteratorCloseNormal(iterated.iterator);
    }
  }
}

function* dropClosure(iterated, limit) {
  let remaining = limit;
  while (remaining > 0) {
    if (remaining !== Infinity) remaining--;
    if (!iteratorStep(iterated)) return undefined;
  }
  for (;;) {
    const value = iteratorStepValue(iterated);
    if (value === kDone) return undefined;
    let resumed = false;
    try {
      yield value;
      resumed = true;
    } finally {
      if (!resumed) iteratorCloseNormal(iterated.iterator);
    }
  }
}

// GetIteratorFlattenable (7.4.4).
function getIteratorFlattenable(obj, iterateStrings, method) {
  if (!isObject(obj)) {
    if (!iterateStrings || typeof obj !== 'string') {
      throw new kIntrinsicTypeError(`${method} called on non-object`);
    }
  }
  const iteratorMethod = getMethod(obj, SymbolIterator);
  let iterator;
  if (iteratorMethod === undefined) {
    iterator = obj;
  } else {
    iterator = FunctionPrototypeCall(iteratorMethod, obj);
  }
  if (!isObject(iterator)) {
    throw new kIntrinsicTypeError(`${describe(obj)} is not iterable`);
  }
  return getIteratorDirect(iterator);
}

function* flatMapClosure(iterated, mapper) {
  let counter = 0;
  for (;;) {
    const value = iteratorStepValue(iterated);
    if (value === kDone) return undefined;
    let innerIterator;
    try {
      const mapped = FunctionPrototypeCall(mapper, undefined, value, counter);
      innerIterator = getIteratorFlattenable(mapped, false,
                                             'Iterator.prototype.flatMap');
    } catch (err) {
      iteratorCloseOnThrow(iterated.iterator);
      throw err;
    }
    for (;;) {
      let innerValue;
      try {
        innerValue = iteratorStepValue(innerIterator);
      } catch (err) {
        iteratorCloseOnThrow(iterated.iterator);
        throw err;
      }
      if (innerValue === kDone) break;
      let resumed = false;
      try {
        yield innerValue;
        resumed = true;
      } finally {
        if (!resumed) {
          // Close the inner iterator, then the outer one; an error of the
          // inner close still closes the outer one and wins.
          try {
            iteratorCloseNormal(innerIterator.iterator);
          } catch (err) {
            iteratorCloseOnThrow(iterated.iterator);
            throw err;
          }
          iteratorCloseNormal(iterated.iterator);
        }
      }
    }
    counter++;
  }
}

function requireObjectThis(O, method) {
  if (!isObject(O)) {
    throw new kIntrinsicTypeError(`Iterator.prototype.${method} called on ` +
      'non-object');
  }
}

// A failed argument check closes the receiver first (the iterated record's
// next method is not read yet).
function closeAndThrow(O, error) {
  iteratorCloseOnThrow(O);
  throw error;
}

function validateCallable(O, fn) {
  if (!isCallable(fn)) closeAndThrow(O, notAFunction(fn, true));
}

// The numeric limit of take and drop.
function toLimit(O, limit) {
  let numLimit;
  try {
    numLimit = +limit;
  } catch (err) {
    closeAndThrow(O, err);
  }
  if (numLimit !== numLimit) {
    closeAndThrow(O, new kIntrinsicRangeError(
      `${describe(limit)} must be positive`));
  }
  const integerLimit = toIntegerOrInfinity(numLimit);
  if (integerLimit < 0) {
    closeAndThrow(O, new kIntrinsicRangeError(
      `${numLimit} must be positive`));
  }
  return integerLimit;
}

const iteratorPrototypeMethods = {
  get constructor() {
    return Iterator;
  },
  set constructor(v) {
    setterThatIgnoresPrototypeProperties(this, IteratorPrototype,
                                         'constructor', v);
  },

  reduce(reducer, initialValue = undefined) {
    const O = this;
    requireObjectThis(O, 'reduce');
    validateCallable(O, reducer);
    const iterated = getIteratorDirect(O);
    let accumulator;
    let counter;
    if (arguments.length < 2) {
      accumulator = iteratorStepValue(iterated);
      if (accumulator === kDone) {
        throw new kIntrinsicTypeError(
          'Reduce of a done iterator with no initial value');
      }
      counter = 1;
    } else {
      accumulator = initialValue;
      counter = 0;
    }
    for (;;) {
      const value = iteratorStepValue(iterated);
      if (value === kDone) return accumulator;
      try {
        accumulator = FunctionPrototypeCall(reducer, undefined, accumulator,
                                            value, counter);
      } catch (err) {
        iteratorCloseOnThrow(iterated.iterator);
        throw err;
      }
      counter++;
    }
  },

  toArray() {
    const O = this;
    requireObjectThis(O, 'toArray');
    const iterated = getIteratorDirect(O);
    const items = newList();
    for (;;) {
      const value = iteratorStepValue(iterated);
      if (value === kDone) return createArrayFromList(items);
      items[items.length] = value;
    }
  },

  forEach(fn) {
    const O = this;
    requireObjectThis(O, 'forEach');
    validateCallable(O, fn);
    const iterated = getIteratorDirect(O);
    let counter = 0;
    for (;;) {
      const value = iteratorStepValue(iterated);
      if (value === kDone) return undefined;
      try {
        FunctionPrototypeCall(fn, undefined, value, counter);
      } catch (err) {
        iteratorCloseOnThrow(iterated.iterator);
        throw err;
      }
      counter++;
    }
  },

  some(predicate) {
    return searchIterator(this, 'some', predicate, truthy, returnTrue, false);
  },

  every(predicate) {
    return searchIterator(this, 'every', predicate, falsy, returnFalse, true);
  },

  find(predicate) {
    return searchIterator(this, 'find', predicate, truthy, identity,
                          undefined);
  },

  map(mapper) {
    const O = this;
    requireObjectThis(O, 'map');
    validateCallable(O, mapper);
    return createIteratorHelper(mapClosure, getIteratorDirect(O), mapper);
  },

  filter(predicate) {
    const O = this;
    requireObjectThis(O, 'filter');
    validateCallable(O, predicate);
    return createIteratorHelper(filterClosure, getIteratorDirect(O),
                                predicate);
  },

  take(limit) {
    const O = this;
    requireObjectThis(O, 'take');
    const integerLimit = toLimit(O, limit);
    return createIteratorHelper(takeClosure, getIteratorDirect(O),
                                integerLimit);
  },

  drop(limit) {
    const O = this;
    requireObjectThis(O, 'drop');
    const integerLimit = toLimit(O, limit);
    return createIteratorHelper(dropClosure, getIteratorDirect(O),
                                integerLimit);
  },

  flatMap(mapper) {
    const O = this;
    requireObjectThis(O, 'flatMap');
    validateCallable(O, mapper);
    return createIteratorHelper(flatMapClosure, getIteratorDirect(O), mapper);
  },

  get [SymbolToStringTag]() {
    return 'Iterator';
  },
  set [SymbolToStringTag](v) {
    setterThatIgnoresPrototypeProperties(this, IteratorPrototype,
                                         SymbolToStringTag, v);
  },
};

// %WrapForValidIteratorPrototype% (27.1.3.2.1.1).
class WrapForValidIterator {
  #iterated;
  constructor(iterated) {
    this.#iterated = iterated;
  }

  next() {
    if (this === null || typeof this !== 'object' || !(#iterated in this)) {
      throw incompatibleReceiver('%WrapForValidIteratorPrototype%.next', this);
    }
    const iteratorRecord = this.#iterated;
    if (!isCallable(iteratorRecord.next)) {
      throw notAFunction(iteratorRecord.next, true);
    }
    return FunctionPrototypeCall(iteratorRecord.next, iteratorRecord.iterator);
  }

  return() {
    if (this === null || typeof this !== 'object' || !(#iterated in this)) {
      throw incompatibleReceiver('%WrapForValidIteratorPrototype%.return',
                                 this);
    }
    const iterator = this.#iterated.iterator;
    const returnMethod = getMethod(iterator, 'return');
    if (returnMethod === undefined) return { value: undefined, done: true };
    return FunctionPrototypeCall(returnMethod, iterator);
  }
}
delete WrapForValidIterator.prototype.constructor;
ObjectSetPrototypeOf(WrapForValidIterator.prototype, IteratorPrototype);

const iteratorStatics = {
  from(O) {
    const iteratorRecord = getIteratorFlattenable(O, true, 'Iterator.from');
    if (FunctionPrototypeSymbolHasInstance(Iterator, iteratorRecord.iterator)) {
      return iteratorRecord.iterator;
    }
    return new WrapForValidIterator(iteratorRecord);
  },
};

if (globalThis.Iterator === undefined) {
  install(Iterator, iteratorStatics);
  // The string keys in V8 13.6's order; @@iterator is there already.
  install(IteratorPrototype, iteratorPrototypeMethods);
  defineValue(globalThis, 'Iterator', Iterator, true, true);
}

// ---------------------------------------------------------------------------
// Explicit resource management: Symbol.dispose, Symbol.asyncDispose,
// SuppressedError, DisposableStack, AsyncDisposableStack, and the dispose
// methods of %IteratorPrototype% and %AsyncIteratorPrototype%.

if (Symbol.dispose === undefined) {
  defineValue(Symbol, 'dispose', Symbol('Symbol.dispose'), false, false);
}
if (Symbol.asyncDispose === undefined) {
  defineValue(Symbol, 'asyncDispose', Symbol('Symbol.asyncDispose'), false,
              false);
}
const SymbolDispose = Symbol.dispose;
const SymbolAsyncDispose = Symbol.asyncDispose;

// SuppressedError (proposal-explicit-resource-management 10.1.1).
function SuppressedError(error, suppressed, message) {
  // OrdinaryCreateFromConstructor with [[ErrorData]]: the Error constructor
  // makes the object (and its stack) for newTarget.
  const newTarget = new.target === undefined ? SuppressedError : new.target;
  const O = message === undefined ?
    ReflectConstruct(kIntrinsicError, [], newTarget) :
    ReflectConstruct(kIntrinsicError, [`${message}`], newTarget);
  defineValue(O, 'error', error, true, true);
  defineValue(O, 'suppressed', suppressed, true, true);
  return O;
}
ObjectSetPrototypeOf(SuppressedError, kIntrinsicError);
{
  const prototype = { __proto__: kIntrinsicError.prototype };
  defineValue(prototype, 'constructor', SuppressedError, true, true);
  defineValue(prototype, 'name', 'SuppressedError', true, true);
  defineValue(prototype, 'message', '', true, true);
  defineValue(SuppressedError, 'prototype', prototype, false, false);
}

function newSuppressedError(error, suppressed) {
  return new SuppressedError(error, suppressed,
                             'An error was suppressed during disposal');
}

const kSyncDispose = 0;
const kAsyncDispose = 1;

// GetDisposeMethod (3.x): for async-dispose, a @@dispose method is wrapped so
// that its result is never awaited and its errors become rejections.
function getDisposeMethod(V, hint) {
  if (hint === kAsyncDispose) {
    const method = getMethod(V, SymbolAsyncDispose);
    if (method !== undefined) return method;
    const syncMethod = getMethod(V, SymbolDispose);
    if (syncMethod === undefined) return undefined;
    return function() {
      return new kIntrinsicPromise((resolve) => {
        FunctionPrototypeCall(syncMethod, this);
        resolve(undefined);
      });
    };
  }
  return getMethod(V, SymbolDispose);
}

// AddDisposableResource + CreateDisposableResource.
function addDisposableResource(stack, V, hint, method) {
  let resource;
  if (method === undefined) {
    if ((V === undefined || V === null) && hint === kSyncDispose) return;
    if (V === undefined || V === null) {
      resource = { __proto__: null, value: undefined, hint, method: undefined };
    } else {
      if (!isObject(V)) {
        throw new kIntrinsicTypeError(
          'An object is expected with `using` declarations');
      }
      const disposeMethod = getDisposeMethod(V, hint);
      if (disposeMethod === undefined) {
        // V8 names @@dispose for both hints.
        throw notAFunction(SymbolDispose, false);
      }
      resource = { __proto__: null, value: V, hint, method: disposeMethod };
    }
  } else {
    if (!isCallable(method)) throw notAFunction(method, false);
    resource = { __proto__: null, value: undefined, hint, method };
  }
  stack[stack.length] = resource;
}

// DisposeResources for a stack of sync-dispose resources: the error to
// throw (or kNoError).
const kNoError = Symbol('kNoError');
function disposeResourcesSync(stack) {
  let completion = kNoError;
  for (let i = stack.length - 1; i >= 0; i--) {
    const { value, method } = stack[i];
    if (method === undefined) continue;
    try {
      FunctionPrototypeCall(method, value);
    } catch (err) {
      completion = completion === kNoError ? err :
        newSuppressedError(err, completion);
    }
  }
  return completion;
}

// DisposeResources with async-dispose resources.
async function disposeResourcesAsync(stack) {
  let completion = kNoError;
  let needsAwait = false;
  let hasAwaited = false;
  for (let i = stack.length - 1; i >= 0; i--) {
    const { value, hint, method } = stack[i];
    if (hint === kSyncDispose && needsAwait && !hasAwaited) {
      await undefined;
      needsAwait = false;
    }
    if (method !== undefined) {
      try {
        const result = FunctionPrototypeCall(method, value);
        if (hint === kAsyncDispose) {
          hasAwaited = true;
          await result;
        }
      } catch (err) {
        completion = completion === kNoError ? err :
          newSuppressedError(err, completion);
      }
    } else {
      needsAwait = true;
    }
  }
  if (needsAwait && !hasAwaited) await undefined;
  if (completion !== kNoError) throw completion;
}

function alreadyDisposed(method, className) {
  return new kIntrinsicReferenceError(
    `Cannot call ${className}.prototype.${method} on an already-disposed ` +
    className);
}

// The constructors are plain functions (as V8's are: `new` is required with
// V8's message, and util.inspect shows [Function: DisposableStack]); the
// slots are private fields that the internal classes below stamp onto the
// object the function's [[Construct]] made.
class StampSlots {
  constructor(target) {
    return target;
  }
}

function DisposableStack() {
  if (new.target === undefined) {
    throw new kIntrinsicTypeError("Constructor DisposableStack requires 'new'");
  }
  new DisposableStackSlots(this);
}

function AsyncDisposableStack() {
  if (new.target === undefined) {
    throw new kIntrinsicTypeError(
      "Constructor AsyncDisposableStack requires 'new'");
  }
  new AsyncDisposableStackSlots(this);
}

class DisposableStackSlots extends StampSlots {
  #disposed = false;
  #stack = newList();

  use(value) {
    if (!isObject(this) || !(#disposed in this)) {
      throw incompatibleReceiver('DisposableStack.prototype.use', this);
    }
    if (this.#disposed) throw alreadyDisposed('use', 'DisposableStack');
    addDisposableResource(this.#stack, value, kSyncDispose);
    return value;
  }

  dispose() {
    if (!isObject(this) || !(#disposed in this)) {
      throw incompatibleReceiver('DisposableStack.prototype.dispose', this);
    }
    if (this.#disposed) return undefined;
    this.#disposed = true;
    const stack = this.#stack;
    this.#stack = newList();
    const completion = disposeResourcesSync(stack);
    if (completion !== kNoError) throw completion;
    return undefined;
  }

  adopt(value, onDispose) {
    if (!isObject(this) || !(#disposed in this)) {
      throw incompatibleReceiver('DisposableStack.prototype.adopt', this);
    }
    if (this.#disposed) throw alreadyDisposed('adopt', 'DisposableStack');
    if (!isCallable(onDispose)) throw notAFunction(onDispose, false);
    const F = () => FunctionPrototypeCall(onDispose, undefined, value);
    addDisposableResource(this.#stack, undefined, kSyncDispose, F);
    return value;
  }

  defer(onDispose) {
    if (!isObject(this) || !(#disposed in this)) {
      throw incompatibleReceiver('DisposableStack.prototype.defer', this);
    }
    if (this.#disposed) throw alreadyDisposed('defer', 'DisposableStack');
    if (!isCallable(onDispose)) throw notAFunction(onDispose, false);
    addDisposableResource(this.#stack, undefined, kSyncDispose, onDispose);
    return undefined;
  }

  move() {
    if (!isObject(this) || !(#disposed in this)) {
      throw incompatibleReceiver('DisposableStack.prototype.move', this);
    }
    if (this.#disposed) throw alreadyDisposed('move', 'DisposableStack');
    const newDisposableStack = new DisposableStack();
    newDisposableStack.#stack = this.#stack;
    this.#stack = newList();
    this.#disposed = true;
    return newDisposableStack;
  }

  get disposed() {
    if (!isObject(this) || !(#disposed in this)) {
      throw incompatibleReceiver('get DisposableStack.prototype.disposed',
                                 this);
    }
    return this.#disposed;
  }
}

class AsyncDisposableStackSlots extends StampSlots {
  #disposed = false;
  #stack = newList();

  use(value) {
    if (!isObject(this) || !(#disposed in this)) {
      throw incompatibleReceiver('AsyncDisposableStack.prototype.use', this);
    }
    if (this.#disposed) throw alreadyDisposed('use', 'AsyncDisposableStack');
    addDisposableResource(this.#stack, value, kAsyncDispose);
    return value;
  }

  disposeAsync() {
    if (!isObject(this) || !(#disposed in this)) {
      return PromiseReject(new kIntrinsicTypeError(
        'Receiver is not an AsyncDisposableStack'));
    }
    if (this.#disposed) return PromiseResolve(undefined);
    this.#disposed = true;
    const stack = this.#stack;
    this.#stack = newList();
    return disposeResourcesAsync(stack);
  }

  adopt(value, onDisposeAsync) {
    if (!isObject(this) || !(#disposed in this)) {
      throw incompatibleReceiver('AsyncDisposableStack.prototype.adopt', this);
    }
    if (this.#disposed) throw alreadyDisposed('adopt', 'AsyncDisposableStack');
    if (!isCallable(onDisposeAsync)) {
      throw notAFunction(onDisposeAsync, false);
    }
    const F = () => FunctionPrototypeCall(onDisposeAsync, undefined, value);
    addDisposableResource(this.#stack, undefined, kAsyncDispose, F);
    return value;
  }

  defer(onDisposeAsync) {
    if (!isObject(this) || !(#disposed in this)) {
      throw incompatibleReceiver('AsyncDisposableStack.prototype.defer', this);
    }
    if (this.#disposed) throw alreadyDisposed('defer', 'AsyncDisposableStack');
    if (!isCallable(onDisposeAsync)) {
      throw notAFunction(onDisposeAsync, false);
    }
    addDisposableResource(this.#stack, undefined, kAsyncDispose,
                          onDisposeAsync);
    return undefined;
  }

  move() {
    if (!isObject(this) || !(#disposed in this)) {
      throw incompatibleReceiver('AsyncDisposableStack.prototype.move', this);
    }
    if (this.#disposed) throw alreadyDisposed('move', 'AsyncDisposableStack');
    const newStack = new AsyncDisposableStack();
    newStack.#stack = this.#stack;
    this.#stack = newList();
    this.#disposed = true;
    return newStack;
  }

  get disposed() {
    if (!isObject(this) || !(#disposed in this)) {
      throw incompatibleReceiver('get AsyncDisposableStack.prototype.disposed',
                                 this);
    }
    return this.#disposed;
  }
}
const PromiseReject = Promise.reject.bind(Promise);

for (const [ctor, slots] of [[DisposableStack, DisposableStackSlots],
                             [AsyncDisposableStack,
                              AsyncDisposableStackSlots]]) {
  for (const key of ReflectOwnKeys(slots.prototype)) {
    if (key === 'constructor') continue;
    ObjectDefineProperty(ctor.prototype, key,
                         ObjectGetOwnPropertyDescriptor(slots.prototype, key));
  }
  ObjectDefineProperty(ctor, 'prototype', { __proto__: null, writable: false });
}

defineValue(DisposableStack.prototype, SymbolDispose,
            DisposableStack.prototype.dispose, true, true);
defineValue(DisposableStack.prototype, SymbolToStringTag, 'DisposableStack',
            false, true);
defineValue(AsyncDisposableStack.prototype, SymbolAsyncDispose,
            AsyncDisposableStack.prototype.disposeAsync, true, true);
defineValue(AsyncDisposableStack.prototype, SymbolToStringTag,
            'AsyncDisposableStack', false, true);

for (const [name, value] of [['SuppressedError', SuppressedError],
                             ['DisposableStack', DisposableStack],
                             ['AsyncDisposableStack', AsyncDisposableStack]]) {
  if (globalThis[name] === undefined) {
    defineValue(globalThis, name, value, true, true);
  }
}

install(IteratorPrototype, {
  [SymbolDispose]() {
    const O = this;
    const returnMethod = getMethod(O, 'return');
    if (returnMethod !== undefined) FunctionPrototypeCall(returnMethod, O);
    return undefined;
  },
});

install(AsyncIteratorPrototype, {
  async [SymbolAsyncDispose]() {
    const O = this;
    const returnMethod = getMethod(O, 'return');
    if (returnMethod !== undefined) {
      await FunctionPrototypeCall(returnMethod, O, undefined);
    }
    return undefined;
  },
});

// Intl.v8BreakIterator, V8's non-standard forerunner of Intl.Segmenter, is
// absent from Node 24's contexts.
if (typeof Intl === 'object' && Intl !== null) {
  delete Intl.v8BreakIterator;
}
