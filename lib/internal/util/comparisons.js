'use strict';

// Deep equality used by assert.deepEqual(), assert.deepStrictEqual(),
// assert.partialDeepStrictEqual() and util.isDeepStrictEqual().
//
// Three modes share one walker:
//   kLoose   == for primitives, prototypes ignored, symbol keys ignored.
//   kStrict  Object.is-like for primitives (NaN equals NaN, 0 differs from
//            -0), prototypes/constructors compared, enumerable symbol keys
//            compared.
//   kPartial like kStrict, but `expected` (the second argument) may be a
//            subset of `actual`: missing keys, elements and entries of the
//            actual side are allowed, and prototypes are not compared.

const {
  ArrayBufferIsView,
  ArrayIsArray,
  ArrayPrototypePush,
  BigIntPrototypeValueOf,
  BooleanPrototypeValueOf,
  DatePrototypeGetTime,
  Error,
  NumberIsNaN,
  NumberPrototypeValueOf,
  Object,
  ObjectGetOwnPropertySymbols,
  ObjectGetPrototypeOf,
  ObjectIs,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  ObjectPrototypePropertyIsEnumerable,
  ObjectPrototypeToString,
  RegExpPrototypeGetFlags,
  RegExpPrototypeGetSource,
  SafeSet,
  StringPrototypeValueOf,
  SymbolPrototypeValueOf,
  TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteLength,
  TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeGetLength,
  TypedArrayPrototypeGetSymbolToStringTag,
  Uint8Array,
} = primordials;

const { arrayNonIndexKeys } = require('internal/util/inspect');

const {
  constants: {
    ONLY_ENUMERABLE,
    SKIP_SYMBOLS,
  },
} = internalBinding('util');

const {
  isAnyArrayBuffer,
  isBigIntObject,
  isBooleanObject,
  isBoxedPrimitive,
  isDate,
  isMap,
  isNativeError,
  isNumberObject,
  isRegExp,
  isSet,
  isSpecialObject: isSpecialObjectNative,
  isStringObject,
  isSymbolObject,
  isWeakMap,
  isWeakSet,
  symbolFreePair,
} = internalBinding('types');

// symbolFreePair(a, b) answers, from a per-map cache, whether both are
// objects without own symbol keys, sparing the two getOwnPropertySymbols
// calls (each collects keys into a new array) for most pairs:
// 0 when that is not known; 1 (both ordinary objects) and 2 (ordinary
// objects, Maps or Sets) both mean "no own symbol keys".
const kSymbolsUnknown = 0;

// Asked only for objects tagged KeyObject, so that comparing plain values
// never loads crypto.
function isKeyObject(value) {
  return require('internal/util/types').isKeyObject(value);
}

function isCryptoKey(value) {
  return require('internal/util/types').isCryptoKey(value);
}

// Two CryptoKeys are equal when their key material, algorithm, usages
// and extractability are (none of which is an own enumerable property).
function equalCryptoKeys(a, b, mode, memos) {
  const { kKeyObject } = require('internal/crypto/util');
  return a.extractable === b.extractable &&
    innerDeepEqual(a.algorithm, b.algorithm, mode, memos) &&
    innerDeepEqual(a.usages, b.usages, mode, memos) &&
    innerDeepEqual(a[kKeyObject], b[kKeyObject], mode, memos);
}

const kLoose = 0;
const kStrict = 1;
const kPartial = 2;
// kStrict without the prototype comparison (Assert's skipPrototype).
const kStrictSkipPrototype = 3;

// How the entries of a container beyond its keys are walked.
const kPlain = 0;
const kArray = 1;
const kSet = 2;
const kMap = 3;

// Constructors whose identity stands in for a prototype comparison.
const kWellKnownConstructors = new SafeSet();
for (const name of ['Array', 'ArrayBuffer', 'BigInt', 'BigInt64Array',
  'BigUint64Array', 'Boolean', 'DataView', 'Date', 'Error', 'EvalError',
  'Float32Array', 'Float64Array', 'Function', 'Int16Array', 'Int32Array',
  'Int8Array', 'Map', 'Number', 'Object', 'Promise', 'RangeError',
  'ReferenceError', 'RegExp', 'Set', 'SharedArrayBuffer', 'String', 'Symbol',
  'SyntaxError', 'TypeError', 'URIError', 'Uint16Array', 'Uint32Array',
  'Uint8Array', 'Uint8ClampedArray', 'WeakMap', 'WeakSet',
  'AggregateError']) {
  const ctor = primordials[name];
  if (ctor !== undefined) kWellKnownConstructors.add(ctor);
}

function isError(value) {
  return isNativeError(value) || value instanceof Error;
}

function isTypedArray(value) {
  return TypedArrayPrototypeGetSymbolToStringTag(value) !== undefined;
}

function bytesOf(view) {
  if (isTypedArray(view)) {
    return new Uint8Array(TypedArrayPrototypeGetBuffer(view),
                          TypedArrayPrototypeGetByteOffset(view),
                          TypedArrayPrototypeGetByteLength(view));
  }
  // DataView
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function equalBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function isFloatArray(view) {
  const tag = TypedArrayPrototypeGetSymbolToStringTag(view);
  return tag === 'Float32Array' || tag === 'Float64Array' ||
    tag === 'Float16Array';
}

function equalArrayBufferViews(a, b, mode) {
  if (mode === kLoose && isFloatArray(a)) {
    const len = TypedArrayPrototypeGetLength(a);
    if (len !== TypedArrayPrototypeGetLength(b)) return false;
    for (let i = 0; i < len; i++) {
      if (a[i] !== b[i]) return false;
    }
    return true;
  }
  const bytesA = bytesOf(a);
  const bytesB = bytesOf(b);
  if (mode === kPartial && bytesA.length !== bytesB.length) {
    if (!isTypedArray(a)) return false;
    // The expected elements must appear in order among the actual ones.
    const lenA = TypedArrayPrototypeGetLength(a);
    const lenB = TypedArrayPrototypeGetLength(b);
    let pos = 0;
    for (let i = 0; i < lenB; i++) {
      while (pos < lenA && !ObjectIs(a[pos], b[i])) pos++;
      if (pos === lenA) return false;
      pos++;
    }
    return true;
  }
  return equalBytes(bytesA, bytesB);
}

function equalBoxedPrimitives(a, b) {
  if (isNumberObject(a)) {
    return isNumberObject(b) &&
      ObjectIs(NumberPrototypeValueOf(a), NumberPrototypeValueOf(b));
  }
  if (isStringObject(a)) {
    return isStringObject(b) &&
      StringPrototypeValueOf(a) === StringPrototypeValueOf(b);
  }
  if (isBooleanObject(a)) {
    return isBooleanObject(b) &&
      BooleanPrototypeValueOf(a) === BooleanPrototypeValueOf(b);
  }
  if (isBigIntObject(a)) {
    return isBigIntObject(b) &&
      BigIntPrototypeValueOf(a) === BigIntPrototypeValueOf(b);
  }
  if (isSymbolObject(a)) {
    return isSymbolObject(b) &&
      SymbolPrototypeValueOf(a) === SymbolPrototypeValueOf(b);
  }
  return false;
}

// `message`, `name`, `cause` and `errors` are compared even when they are
// not enumerable; when enumerable the key walk covers them.
function equalErrorProperty(a, b, key, mode, memos) {
  if (mode === kPartial && key === 'message' &&
      !ObjectPrototypeHasOwnProperty(b, key)) {
    // Partial mode: an expected error without a message matches any.
    return true;
  }
  const enumA = ObjectPrototypePropertyIsEnumerable(a, key);
  if (enumA !== ObjectPrototypePropertyIsEnumerable(b, key)) return false;
  if (enumA) return true;
  if (key === 'cause' || key === 'errors') {
    const ownA = ObjectPrototypeHasOwnProperty(a, key);
    if (ownA !== ObjectPrototypeHasOwnProperty(b, key)) {
      return mode === kPartial && ownA;
    }
    if (!ownA) return true;
    return innerDeepEqual(a[key], b[key], mode, memos);
  }
  return a[key] === b[key];
}

function equalErrors(a, b, mode, memos) {
  return equalErrorProperty(a, b, 'message', mode, memos) &&
    equalErrorProperty(a, b, 'name', mode, memos) &&
    equalErrorProperty(a, b, 'cause', mode, memos) &&
    equalErrorProperty(a, b, 'errors', mode, memos);
}

function isSpecialObject(value) {
  return isSpecialObjectNative(value) || value instanceof Error;
}

function innerDeepEqual(a, b, mode, memos) {
  if (a === b) {
    return a !== 0 || mode === kLoose || ObjectIs(a, b);
  }
  if (mode === kLoose) {
    if (a === null || typeof a !== 'object') {
      if (b === null || typeof b !== 'object') {
        // eslint-disable-next-line eqeqeq
        return a == b || (NumberIsNaN(a) && NumberIsNaN(b));
      }
      return false;
    }
    if (b === null || typeof b !== 'object') return false;
  } else {
    if (typeof a === 'number') {
      return typeof b === 'number' && NumberIsNaN(a) && NumberIsNaN(b);
    }
    if (a === null || typeof a !== 'object' ||
        b === null || typeof b !== 'object') {
      return false;
    }
  }
  return compareObjects(a, b, mode, memos);
}

function sameOrigin(a, b) {
  const ctor = a.constructor;
  if (ctor === Object || kWellKnownConstructors.has(ctor) ||
      (ctor !== undefined && !ObjectPrototypeHasOwnProperty(a, 'constructor'))) {
    return ctor === b.constructor;
  }
  return ObjectGetPrototypeOf(a) === ObjectGetPrototypeOf(b);
}

function nonIndexKeys(value, mode) {
  return arrayNonIndexKeys(
    value, mode === kLoose ? ONLY_ENUMERABLE | SKIP_SYMBOLS : ONLY_ENUMERABLE);
}

function compareObjects(a, b, mode, memos) {
  if (mode === kStrict && !sameOrigin(a, b)) return false;
  const tag = ObjectPrototypeToString(a);
  if (tag !== ObjectPrototypeToString(b)) return false;

  if (ArrayIsArray(a)) {
    if (!ArrayIsArray(b)) return false;
    if (a.length !== b.length &&
        (mode !== kPartial || a.length < b.length)) {
      return false;
    }
    const keysB = nonIndexKeys(b, mode);
    if (mode !== kPartial && keysB.length !== nonIndexKeys(a, mode).length) {
      return false;
    }
    return checkKeys(a, b, mode, memos, kArray, keysB);
  }
  if (tag === '[object Object]') {
    // Both say they are plain objects: only their keys count, as in Node,
    // even for an object with Error.prototype or one (a Date, an Error...)
    // whose Symbol.toStringTag says 'Object'.
    return checkKeys(a, b, mode, memos, kPlain, undefined,
                     noSymbols(a, b, mode));
  }
  if (isDate(a)) {
    if (!isDate(b)) return false;
    // Two invalid dates are not equal: NaN !== NaN.
    if (DatePrototypeGetTime(a) !== DatePrototypeGetTime(b)) return false;
  } else if (isRegExp(a)) {
    if (!isRegExp(b) ||
        RegExpPrototypeGetSource(a) !== RegExpPrototypeGetSource(b) ||
        RegExpPrototypeGetFlags(a) !== RegExpPrototypeGetFlags(b) ||
        a.lastIndex !== b.lastIndex) {
      return false;
    }
  } else if (ArrayBufferIsView(a)) {
    if (!ArrayBufferIsView(b) ||
        TypedArrayPrototypeGetSymbolToStringTag(a) !==
          TypedArrayPrototypeGetSymbolToStringTag(b)) {
      return false;
    }
    if (!equalArrayBufferViews(a, b, mode)) return false;
    const keysB = nonIndexKeys(b, mode);
    if (mode !== kPartial && keysB.length !== nonIndexKeys(a, mode).length) {
      return false;
    }
    return checkKeys(a, b, mode, memos, kPlain, keysB);
  } else if (isSet(a)) {
    if (!isSet(b) ||
        (a.size !== b.size && (mode !== kPartial || a.size < b.size))) {
      return false;
    }
    return checkKeys(a, b, mode, memos, kSet, undefined, noSymbols(a, b, mode));
  } else if (isMap(a)) {
    if (!isMap(b) ||
        (a.size !== b.size && (mode !== kPartial || a.size < b.size))) {
      return false;
    }
    return checkKeys(a, b, mode, memos, kMap, undefined, noSymbols(a, b, mode));
  } else if (isAnyArrayBuffer(a)) {
    if (!isAnyArrayBuffer(b)) return false;
    const bytesA = new Uint8Array(a);
    const bytesB = new Uint8Array(b);
    if (mode === kPartial && bytesA.length > bytesB.length) {
      let pos = 0;
      for (let i = 0; i < bytesB.length; i++) {
        while (pos < bytesA.length && bytesA[pos] !== bytesB[i]) pos++;
        if (pos === bytesA.length) return false;
        pos++;
      }
    } else if (!equalBytes(bytesA, bytesB)) {
      return false;
    }
  } else if (isError(a)) {
    if (!isError(b) || !equalErrors(a, b, mode, memos)) return false;
  } else if (isBoxedPrimitive(a)) {
    if (!equalBoxedPrimitives(a, b)) return false;
  } else if (isSpecialObject(b)) {
    return false;
  } else if (tag === '[object URL]' && typeof a.href === 'string') {
    if (a.href !== b.href) return false;
  } else if (tag === '[object KeyObject]' && isKeyObject(a)) {
    // Key material is compared, not the (empty) own properties.
    if (!isKeyObject(b) || !a.equals(b)) return false;
  } else if (tag === '[object CryptoKey]' && isCryptoKey(a)) {
    if (!isCryptoKey(b) || !equalCryptoKeys(a, b, mode, memos)) return false;
  } else if (isWeakMap(a) || isWeakSet(a)) {
    // Their contents cannot be observed: only identity counts.
    return false;
  }
  return checkKeys(a, b, mode, memos, kPlain);
}

function countEnumerable(obj, keys) {
  let count = 0;
  for (let i = 0; i < keys.length; i++) {
    if (ObjectPrototypePropertyIsEnumerable(obj, keys[i])) count++;
  }
  return count;
}

// Whether the symbol keys of `a` and `b` need no look (loose mode ignores
// them anyway, so asks nothing).
function noSymbols(a, b, mode) {
  return mode !== kLoose && symbolFreePair(a, b) !== kSymbolsUnknown;
}

// Compares the own enumerable keys of `a` and `b` (all of them, or those
// of `b` in partial mode), then the values and the entries. `noSymbols`:
// neither has own symbol keys (symbolFreePair said so).
function checkKeys(a, b, mode, memos, kind, keysB, noSymbols = false) {
  const arrayLike = keysB !== undefined;
  let checked = 0;
  if (!arrayLike) {
    keysB = ObjectKeys(b);
    if (mode !== kPartial) {
      const keysA = ObjectKeys(a);
      if (keysA.length !== keysB.length) return false;
      // Keys in the same order (the usual case) are own enumerable keys of
      // `a` already: only the rest need asking.
      while (checked < keysB.length && keysA[checked] === keysB[checked]) {
        checked++;
      }
    }
  }
  for (let i = checked; i < keysB.length; i++) {
    if (!ObjectPrototypePropertyIsEnumerable(a, keysB[i])) return false;
  }
  if (!arrayLike && !noSymbols) {
    if (mode === kPartial) {
      const symbolsB = ObjectGetOwnPropertySymbols(b);
      for (let i = 0; i < symbolsB.length; i++) {
        const key = symbolsB[i];
        if (ObjectPrototypePropertyIsEnumerable(b, key)) {
          if (!ObjectPrototypePropertyIsEnumerable(a, key)) return false;
          ArrayPrototypePush(keysB, key);
        }
      }
    } else if (mode !== kLoose) {
      const symbolsA = ObjectGetOwnPropertySymbols(a);
      let count = 0;
      for (let i = 0; i < symbolsA.length; i++) {
        const key = symbolsA[i];
        if (ObjectPrototypePropertyIsEnumerable(a, key)) {
          if (!ObjectPrototypePropertyIsEnumerable(b, key)) return false;
          ArrayPrototypePush(keysB, key);
          count++;
        } else if (ObjectPrototypePropertyIsEnumerable(b, key)) {
          return false;
        }
      }
      const symbolsB = ObjectGetOwnPropertySymbols(b);
      if (symbolsB.length !== 0 &&
          countEnumerable(b, symbolsB) !== count) {
        return false;
      }
    }
  }

  if (keysB.length === 0 &&
      (kind === kPlain || (kind === kArray && b.length === 0) ||
       (kind !== kArray && b.size === 0))) {
    return true;
  }

  // Cycle handling: `memos` holds the objects of both sides whose
  // comparison is in progress. Meeting one of them again means a cycle; the
  // pair only counts as equal when both sides loop back at the same time.
  if (memos === undefined) {
    memos = new InProgress();
  } else {
    const seen = memos.find(a, b);
    if (seen !== kSeenNeither) return seen === kSeenBoth;
  }
  memos.push(a, b);
  const result = compareContents(a, b, mode, keysB, memos, kind);
  memos.pop(a, b);
  return result;
}

// The objects whose comparison is in progress, both sides. Comparisons
// are mostly shallow, so a stack searched from the top serves; a Set
// takes over once the nesting gets deep enough for the search to cost.
const kStackSearchLimit = 64;
const kSeenNeither = 0;
const kSeenOne = 1;
const kSeenBoth = 2;
class InProgress {
  constructor() {
    // Not an array: an index setter on Array.prototype must not see these
    // stores.
    this.stack = { __proto__: null };
    this.top = 0;  // entries at and above `top` are stale
    this.set = undefined;
  }

  // Which of `a` and `b` are in progress: kSeenNeither, kSeenOne or
  // kSeenBoth (one pass over the stack for both).
  find(a, b) {
    let seenA;
    let seenB;
    if (this.set !== undefined) {
      seenA = this.set.has(a);
      seenB = this.set.has(b);
    } else {
      seenA = false;
      seenB = false;
      const stack = this.stack;
      for (let i = this.top - 1; i >= 0; i--) {
        const entry = stack[i];
        if (entry === a) seenA = true;
        if (entry === b) seenB = true;
      }
    }
    if (seenA) return seenB ? kSeenBoth : kSeenOne;
    return seenB ? kSeenOne : kSeenNeither;
  }

  push(a, b) {
    if (this.set !== undefined) {
      this.set.add(a);
      this.set.add(b);
    } else if (this.top < kStackSearchLimit) {
      this.stack[this.top++] = a;
      this.stack[this.top++] = b;
    } else {
      this.set = new SafeSet();
      for (let i = 0; i < this.top; i++) this.set.add(this.stack[i]);
      this.set.add(a);
      this.set.add(b);
    }
  }

  pop(a, b) {
    if (this.set !== undefined) {
      this.set.delete(a);
      this.set.delete(b);
    } else {
      this.top -= 2;
    }
  }
}

function compareContents(a, b, mode, keysB, memos, kind) {
  if (kind === kSet) {
    if (!equalSets(a, b, mode, memos)) return false;
  } else if (kind === kMap) {
    if (!equalMaps(a, b, mode, memos)) return false;
  } else if (kind === kArray) {
    if (mode === kPartial) {
      if (!partialArrayEqual(a, b, mode, memos)) return false;
    } else if (!equalArrayElements(a, b, mode, memos)) {
      return false;
    }
  }
  for (let i = 0; i < keysB.length; i++) {
    const key = keysB[i];
    if (!innerDeepEqual(a[key], b[key], mode, memos)) return false;
  }
  return true;
}

function equalArrayElements(a, b, mode, memos) {
  for (let i = 0; i < a.length; i++) {
    if (ObjectPrototypeHasOwnProperty(a, i)) {
      if (!ObjectPrototypeHasOwnProperty(b, i) ||
          !innerDeepEqual(a[i], b[i], mode, memos)) {
        return false;
      }
    } else if (ObjectPrototypeHasOwnProperty(b, i)) {
      return false;
    } else {
      // A hole: compare the remaining keys of the sparse arrays.
      const keysA = ObjectKeys(a);
      const keysB = ObjectKeys(b);
      if (keysA.length !== keysB.length) return false;
      for (let j = 0; j < keysA.length; j++) {
        const key = keysA[j];
        if (!ObjectPrototypeHasOwnProperty(b, key) ||
            !innerDeepEqual(a[key], b[key], mode, memos)) {
          return false;
        }
      }
      return true;
    }
  }
  return true;
}

// The elements of `b` must appear in `a` in the same order.
function partialArrayEqual(a, b, mode, memos) {
  let pos = 0;
  for (let i = 0; i < b.length; i++) {
    if (!ObjectPrototypeHasOwnProperty(b, i)) {
      return partialSparseArrayEqual(a, b, mode, memos, pos, i);
    }
    for (;;) {
      if (pos > a.length - b.length + i) return false;
      if (!ObjectPrototypeHasOwnProperty(a, pos)) {
        return partialSparseArrayEqual(a, b, mode, memos, pos, i);
      }
      if (innerDeepEqual(a[pos], b[i], mode, memos)) break;
      pos++;
    }
    pos++;
  }
  return true;
}

function indexKeysFrom(array, start) {
  const keys = ObjectKeys(array);
  const result = [];
  for (let i = 0; i < keys.length; i++) {
    const index = +keys[i];
    if (index >= start && index < array.length) {
      ArrayPrototypePush(result, keys[i]);
    }
  }
  return result;
}

// Holes take no part: the present elements of `b` from `startB` on must
// appear in order among the present elements of `a` from `startA` on.
function partialSparseArrayEqual(a, b, mode, memos, startA, startB) {
  const keysA = indexKeysFrom(a, startA);
  const keysB = indexKeysFrom(b, startB);
  let pos = 0;
  for (let i = 0; i < keysB.length; i++) {
    for (;;) {
      if (pos > keysA.length - keysB.length + i) return false;
      if (innerDeepEqual(a[keysA[pos]], b[keysB[i]], mode, memos)) break;
      pos++;
    }
    pos++;
  }
  return true;
}

function isObjectLike(value) {
  return typeof value === 'object' && value !== null;
}

// Finds and removes an element of `candidates` deep-equal to `value`.
function takeEqual(candidates, value, mode, memos) {
  for (const candidate of candidates) {
    if (innerDeepEqual(candidate, value, mode, memos)) {
      candidates.delete(candidate);
      return true;
    }
  }
  return false;
}

function equalSets(a, b, mode, memos) {
  // Elements of `a` with no identical counterpart in `b`.
  let pending = null;
  for (const value of a) {
    if (isObjectLike(value)) {
      if (mode !== kPartial || !b.has(value)) {
        pending ??= new SafeSet();
        pending.add(value);
      }
    } else if (!b.has(value)) {
      if (mode !== kLoose) {
        if (mode === kPartial) continue;
        return false;
      }
      pending ??= new SafeSet();
      pending.add(value);
    }
  }
  for (const value of b) {
    if (isObjectLike(value)) {
      if (mode === kPartial && a.has(value)) continue;
      if (pending === null || !takeEqual(pending, value, mode, memos)) {
        return false;
      }
    } else if (!a.has(value)) {
      if (mode !== kLoose || pending === null ||
          !takeEqual(pending, value, mode, memos)) {
        return false;
      }
    }
  }
  if (mode === kPartial || pending === null) return true;
  return pending.size === 0;
}

function equalMaps(a, b, mode, memos) {
  // Entries of `a` whose key has no identical counterpart in `b`.
  let pending = null;
  for (const { 0: key, 1: value } of a) {
    if (isObjectLike(key) || (mode === kLoose && !b.has(key))) {
      if (mode === kPartial && b.has(key)) continue;
      pending ??= new SafeSet();
      pending.add(key);
    } else if (!b.has(key)) {
      if (mode === kPartial) continue;
      return false;
    } else if (!innerDeepEqual(value, b.get(key), mode, memos)) {
      if (mode !== kLoose) return false;
      // A loose match may still pair this entry with another key.
      pending ??= new SafeSet();
      pending.add(key);
    }
  }
  for (const { 0: key, 1: value } of b) {
    if (!isObjectLike(key) && a.has(key) &&
        (mode !== kLoose || innerDeepEqual(a.get(key), value, mode, memos))) {
      if (mode === kPartial &&
          !innerDeepEqual(a.get(key), value, mode, memos)) {
        return false;
      }
      continue;
    }
    if (mode === kPartial && isObjectLike(key) && a.has(key)) {
      if (!innerDeepEqual(a.get(key), value, mode, memos)) return false;
      continue;
    }
    if (pending === null) return false;
    let found = false;
    for (const candidate of pending) {
      if (innerDeepEqual(candidate, key, mode, memos) &&
          innerDeepEqual(a.get(candidate), value, mode, memos)) {
        pending.delete(candidate);
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  if (mode === kPartial || pending === null) return true;
  return pending.size === 0;
}

function isDeepEqual(a, b) {
  return innerDeepEqual(a, b, kLoose);
}

function isDeepStrictEqual(a, b, skipPrototype = false) {
  return innerDeepEqual(a, b, skipPrototype ? kStrictSkipPrototype : kStrict);
}

function isPartialStrictEqual(a, b) {
  return innerDeepEqual(a, b, kPartial);
}

module.exports = {
  isDeepEqual,
  isDeepStrictEqual,
  isPartialStrictEqual,
};
