'use strict';

// Runs once per context, before any user code, with `primordials` as its only
// parameter. It copies the built-ins into that object so that core code keeps
// working when a program replaces or deletes Array.prototype.push and friends.
//
// Naming scheme (the one every lib/ file relies on):
//   Foo                     the constructor itself
//   FooBar                  static Foo.bar
//   FooPrototypeBar(o, ..)  Foo.prototype.bar called on o
//   FooPrototypeGetBar(o)   the getter of Foo.prototype.bar
//   FooPrototypeSymbolIterator(o)  Foo.prototype[Symbol.iterator]
//   FooBarApply(args), FooPrototypeBarApply(o, args)  the same with an array

/* eslint-disable no-restricted-globals */

const { apply: ReflectApplyRaw, bind: FunctionBind, call: FunctionCall } =
  Function.prototype;
const uncurryThis = FunctionBind.bind(FunctionCall);
const applyBind = FunctionBind.bind(ReflectApplyRaw);
primordials.uncurryThis = uncurryThis;
primordials.applyBind = applyBind;

const {
  defineProperty: ObjectDefineProperty,
  getOwnPropertyDescriptor: ObjectGetOwnPropertyDescriptor,
  freeze: ObjectFreeze,
  setPrototypeOf: ObjectSetPrototypeOf,
  getPrototypeOf: ObjectGetPrototypeOf,
} = Object;
const { ownKeys: ReflectOwnKeys, apply: ReflectApply } = Reflect;

function nameOf(key) {
  if (typeof key === 'symbol') {
    // Symbol.iterator -> SymbolIterator
    const d = key.description;
    if (d.startsWith('Symbol.')) {
      return `Symbol${d[7].toUpperCase()}${d.slice(8)}`;
    }
    return `Symbol(${d})`;
  }
  return `${key[0].toUpperCase()}${key.slice(1)}`;
}

// ~1,000 properties: adding them to a fast-mode object copies its descriptor
// array each time (quadratic). A dictionary-mode object avoids that; a
// delete of a non-last property switches the object to dictionary mode.
primordials.dictionaryModeA = 0;
primordials.dictionaryModeB = 0;
delete primordials.dictionaryModeA;
delete primordials.dictionaryModeB;

function define(name, value) {
  ObjectDefineProperty(primordials, name, {
    __proto__: null, value, writable: false, enumerable: true,
    configurable: false,
  });
}

// Copies the own properties of `src` under `prefix`: data properties as they
// are (functions also get an ...Apply form), accessors as Get/Set functions.
function copyStatics(prefix, src, bindThis = false) {
  for (const key of ReflectOwnKeys(src)) {
    if (key === 'prototype' || key === 'name' || key === 'length' ||
        key === 'caller' || key === 'arguments') continue;
    const desc = ObjectGetOwnPropertyDescriptor(src, key);
    const name = `${prefix}${nameOf(key)}`;
    if ('get' in desc) {
      if (desc.get) define(`${name}`, desc.get.call(src));
      continue;
    }
    const fn = bindThis && typeof desc.value === 'function' ?
      FunctionBind.call(desc.value, src) : desc.value;
    define(name, fn);
    if (typeof desc.value === 'function') {
      define(`${name}Apply`, applyBind(desc.value, src));
    }
  }
}

// Copies the prototype methods of `src` as uncurried functions.
function copyPrototype(prefix, src) {
  for (const key of ReflectOwnKeys(src)) {
    if (key === 'constructor' || key === 'caller' || key === 'arguments') {
      continue;
    }
    const desc = ObjectGetOwnPropertyDescriptor(src, key);
    const name = `${prefix}${nameOf(key)}`;
    if ('get' in desc) {
      if (desc.get) define(`${prefix}Get${nameOf(key)}`, uncurryThis(desc.get));
      if (desc.set) define(`${prefix}Set${nameOf(key)}`, uncurryThis(desc.set));
      continue;
    }
    if (typeof desc.value === 'function') {
      define(name, uncurryThis(desc.value));
      define(`${name}Apply`, applyBind(desc.value));
    } else {
      define(name, desc.value);
    }
  }
}

// Global functions and values.
for (const name of ['decodeURI', 'decodeURIComponent', 'encodeURI',
  'encodeURIComponent', 'escape', 'eval', 'globalThis', 'isFinite', 'isNaN',
  'parseFloat', 'parseInt', 'unescape']) {
  define(name, globalThis[name]);
}

// Namespaces: their members only.
for (const name of ['Atomics', 'JSON', 'Math', 'Proxy', 'Reflect']) {
  // Atomics is absent where SharedArrayBuffer is disabled.
  if (globalThis[name] !== undefined) copyStatics(name, globalThis[name]);
}
define('Proxy', Proxy);

// Constructors: the constructor, its statics and its prototype.
for (const name of ['AggregateError', 'Array', 'ArrayBuffer', 'BigInt',
  'BigInt64Array', 'BigUint64Array', 'Boolean', 'DataView', 'Date', 'Error',
  'EvalError', 'FinalizationRegistry', 'Float32Array', 'Float64Array',
  'Function', 'Int16Array', 'Int32Array', 'Int8Array', 'Map', 'Number',
  'Object', 'RangeError', 'ReferenceError', 'RegExp', 'Set', 'String',
  'Symbol', 'SyntaxError', 'TypeError', 'URIError', 'Uint16Array',
  'Uint32Array', 'Uint8Array', 'Uint8ClampedArray', 'WeakMap', 'WeakRef',
  'WeakSet', 'SharedArrayBuffer']) {
  const ctor = globalThis[name];
  if (ctor === undefined) continue;
  define(name, ctor);
  define(`${name}Prototype`, ctor.prototype);
  copyStatics(name, ctor);
  copyPrototype(`${name}Prototype`, ctor.prototype);
}

// Promise gets the same treatment; its statics are bound to Promise.
define('Promise', Promise);
define('PromisePrototype', Promise.prototype);
copyStatics('Promise', Promise, true);
copyPrototype('PromisePrototype', Promise.prototype);

// Intrinsics that have no global name.
{
  const TypedArray = ObjectGetPrototypeOf(Uint8Array);
  define('TypedArray', TypedArray);
  // %TypedArray%'s statics need a concrete constructor as `this`: they are
  // uncurried, TypedArrayOf(Int32Array, 1, 2).
  for (const key of ['from', 'of']) {
    define(`TypedArray${nameOf(key)}`, uncurryThis(TypedArray[key]));
    define(`TypedArray${nameOf(key)}Apply`, applyBind(TypedArray[key]));
  }
  define('TypedArrayPrototype', TypedArray.prototype);
  copyPrototype('TypedArrayPrototype', TypedArray.prototype);

  const intrinsics = {
    ArrayIterator: ObjectGetPrototypeOf([][Symbol.iterator]()),
    StringIterator: ObjectGetPrototypeOf(''[Symbol.iterator]()),
    MapIterator: ObjectGetPrototypeOf(new Map()[Symbol.iterator]()),
    SetIterator: ObjectGetPrototypeOf(new Set()[Symbol.iterator]()),
    RegExpStringIterator: ObjectGetPrototypeOf(/a/g[Symbol.matchAll]('')),
  };
  for (const name of ReflectOwnKeys(intrinsics)) {
    copyPrototype(`${name}Prototype`, intrinsics[name]);
  }
  const AsyncIteratorPrototype = ObjectGetPrototypeOf(ObjectGetPrototypeOf(
    async function* () {}).prototype);
  define('AsyncIteratorPrototype', AsyncIteratorPrototype);
  const IteratorPrototype = ObjectGetPrototypeOf(intrinsics.ArrayIterator);
  define('IteratorPrototype', IteratorPrototype);
  define('AsyncFunction', ObjectGetPrototypeOf(async function() {})
    .constructor);
  define('GeneratorFunction', ObjectGetPrototypeOf(function*() {})
    .constructor);
  define('AsyncGeneratorFunction', ObjectGetPrototypeOf(async function*() {})
    .constructor);
}

const {
  ArrayPrototypeForEach,
  ArrayIteratorPrototypeNext,
  MapPrototypeEntries,
  SetPrototypeValues,
  StringIteratorPrototypeNext,
  PromisePrototypeThen,
} = primordials;

// Builds an iterator class whose next() cannot be tampered with by user code.
function createSafeIterator(factory, next) {
  class SafeIterator {
    constructor(iterable) {
      this._iterator = factory(iterable);
    }
    next() {
      return next(this._iterator);
    }
    [Symbol.iterator]() {
      return this;
    }
  }
  ObjectSetPrototypeOf(SafeIterator.prototype, null);
  ObjectFreeze(SafeIterator.prototype);
  ObjectFreeze(SafeIterator);
  return SafeIterator;
}

define('SafeArrayIterator', createSafeIterator(
  primordials.ArrayPrototypeSymbolIterator, ArrayIteratorPrototypeNext));
define('SafeStringIterator', createSafeIterator(
  primordials.StringPrototypeSymbolIterator, StringIteratorPrototypeNext));

// Copies every own property of `src`'s prototype onto the subclass's
// prototype, so that user changes to Map.prototype etc. do not leak in.
function copyProps(src, dest) {
  for (const key of ReflectOwnKeys(src)) {
    if (!ObjectGetOwnPropertyDescriptor(dest, key)) {
      ObjectDefineProperty(dest, key, {
        __proto__: null, ...ObjectGetOwnPropertyDescriptor(src, key),
      });
    }
  }
}

function makeSafe(unsafe, safe) {
  if (Symbol.iterator in unsafe.prototype) {
    const dummy = new unsafe();
    let next;
    for (const key of ReflectOwnKeys(unsafe.prototype)) {
      if (!ObjectGetOwnPropertyDescriptor(safe.prototype, key)) {
        const desc = ObjectGetOwnPropertyDescriptor(unsafe.prototype, key);
        if (typeof desc.value === 'function' && desc.value.length === 0 &&
            Symbol.iterator in (FunctionCall.call(desc.value, dummy) ?? {})) {
          const createIterator = uncurryThis(desc.value);
          next ??= uncurryThis(createIterator(dummy).next);
          const SafeIterator = createSafeIterator(createIterator, next);
          desc.value = function() {
            return new SafeIterator(this);
          };
        }
        ObjectDefineProperty(safe.prototype, key, { __proto__: null, ...desc });
      }
    }
  } else {
    copyProps(unsafe.prototype, safe.prototype);
  }
  copyProps(unsafe, safe);
  ObjectSetPrototypeOf(safe.prototype, null);
  ObjectFreeze(safe.prototype);
  ObjectFreeze(safe);
  return safe;
}
define('makeSafe', makeSafe);

define('SafeMap', makeSafe(Map, class SafeMap extends Map {
  constructor(i) { super(i); } // eslint-disable-line no-useless-constructor
}));
define('SafeWeakMap', makeSafe(WeakMap, class SafeWeakMap extends WeakMap {
  constructor(i) { super(i); } // eslint-disable-line no-useless-constructor
}));
define('SafeSet', makeSafe(Set, class SafeSet extends Set {
  constructor(i) { super(i); } // eslint-disable-line no-useless-constructor
}));
define('SafeWeakSet', makeSafe(WeakSet, class SafeWeakSet extends WeakSet {
  constructor(i) { super(i); } // eslint-disable-line no-useless-constructor
}));
define('SafeFinalizationRegistry', makeSafe(FinalizationRegistry,
  class SafeFinalizationRegistry extends FinalizationRegistry {
    constructor(cleanup) { super(cleanup); } // eslint-disable-line
  }));
define('SafeWeakRef', makeSafe(WeakRef, class SafeWeakRef extends WeakRef {
  constructor(target) { super(target); } // eslint-disable-line
}));

// A Promise subclass whose then/catch/finally cannot be replaced by users.
const SafePromise = makeSafe(Promise, class SafePromise extends Promise {
  constructor(executor) { super(executor); } // eslint-disable-line
});
define('SafePromise', SafePromise);

define('SafePromisePrototypeFinally', (thisPromise, onFinally) =>
  new Promise((resolve, reject) => {
    new SafePromise((a, b) => PromisePrototypeThen(thisPromise, a, b))
      .finally(onFinally)
      .then(resolve, reject);
  }));

// Wraps each element of `promises` into a SafePromise and runs `method`
// of SafePromise on them, then resolves a plain Promise with the result.
// mapFn is called in the executor of each element's SafePromise, made in
// a map callback: code it runs has the frames it has under Node.
function safeCombinator(method) {
  return (promises, mapFn) => new Promise((resolve, reject) => {
    const list = primordials.ArrayPrototypeMap(promises, (p, i) =>
      new SafePromise((a, b) => PromisePrototypeThen(
        primordials.PromiseResolve(mapFn ? mapFn(p, i) : p), a, b)));
    // Iterated without Array.prototype[Symbol.iterator], which programs
    // can replace.
    PromisePrototypeThen(
      SafePromise[method](new primordials.SafeArrayIterator(list)),
      resolve, reject);
  });
}
define('SafePromiseAll', safeCombinator('all'));
define('SafePromiseAllSettled', safeCombinator('allSettled'));
define('SafePromiseAny', safeCombinator('any'));
define('SafePromiseRace', safeCombinator('race'));
// Promise.all without its result array: that array's `then` (which a
// program can put on Array.prototype) would be looked up when it resolves
// a promise. The array-like result is an Array with a null prototype.
function allFulfilled(promises, mapFn, keepValues) {
  return new Promise((resolve, reject) => {
    const { length } = promises;
    const values = keepValues ? new Array(length) : undefined;
    if (keepValues) ObjectSetPrototypeOf(values, null);
    let pending = length;
    if (pending === 0) resolve(values);
    for (let i = 0; i < length; i++) {
      const promise = mapFn != null ? mapFn(promises[i], i) : promises[i];
      PromisePrototypeThen(primordials.PromiseResolve(promise), (value) => {
        if (keepValues) values[i] = value;
        if (--pending === 0) resolve(values);
      }, reject);
    }
  });
}
define('SafePromiseAllReturnVoid',
       (promises, mapFn) => allFulfilled(promises, mapFn, false));
define('SafePromiseAllReturnArrayLike',
       (promises, mapFn) => allFulfilled(promises, mapFn, true));
define('SafePromiseAllSettledReturnVoid', (promises, mapFn) =>
  PromisePrototypeThen(primordials.SafePromiseAllSettled(promises, mapFn),
                       () => {}));

// A RegExp whose exec/flags/Symbol.* come from the untouched prototype, for
// passing to String.prototype methods that look those up on the object.
const {
  RegExpPrototypeExec,
  RegExpPrototypeGetDotAll, RegExpPrototypeGetFlags, RegExpPrototypeGetGlobal,
  RegExpPrototypeGetHasIndices, RegExpPrototypeGetIgnoreCase,
  RegExpPrototypeGetMultiline, RegExpPrototypeGetSource,
  RegExpPrototypeGetSticky, RegExpPrototypeGetUnicode,
} = primordials;
// RegExp.prototype's own methods as they were before user code ran: a
// hardened pattern must not read what a program put there since.
const {
  [Symbol.match]: RegExpMatch,
  [Symbol.matchAll]: RegExpMatchAll,
  [Symbol.replace]: RegExpReplace,
  [Symbol.search]: RegExpSearch,
  [Symbol.split]: RegExpSplit,
} = RegExp.prototype;
// What RegExp.prototype[Symbol.split] builds from a hardened pattern (its
// species): a RegExp reached only through the original exec and lastIndex.
class SplitterRegExp {
  #regexp;
  constructor(pattern, flags) {
    this.#regexp = new RegExp(pattern, flags);
  }

  get lastIndex() { return this.#regexp.lastIndex; }
  set lastIndex(value) { this.#regexp.lastIndex = value; }

  exec(string) {
    return RegExpPrototypeExec(this.#regexp, string);
  }
}
ObjectSetPrototypeOf(SplitterRegExp.prototype, null);
ObjectFreeze(SplitterRegExp.prototype);

define('hardenRegExp', function hardenRegExp(pattern) {
  // Already hardened: its properties are fixed.
  if (ObjectGetPrototypeOf(pattern) === null) return pattern;
  ObjectDefineProperties(pattern, {
    [Symbol.match]: { __proto__: null, value: RegExpMatch },
    [Symbol.matchAll]: { __proto__: null, value: RegExpMatchAll },
    [Symbol.replace]: { __proto__: null, value: RegExpReplace },
    [Symbol.search]: { __proto__: null, value: RegExpSearch },
    [Symbol.split]: { __proto__: null, value: RegExpSplit },
    constructor: {
      __proto__: null, value: { [Symbol.species]: SplitterRegExp },
    },
    dotAll: { __proto__: null, value: RegExpPrototypeGetDotAll(pattern) },
    exec: {
      __proto__: null,
      value: (s) => RegExpPrototypeExec(pattern, s),
    },
    global: { __proto__: null, value: RegExpPrototypeGetGlobal(pattern) },
    hasIndices: {
      __proto__: null, value: RegExpPrototypeGetHasIndices(pattern),
    },
    ignoreCase: {
      __proto__: null, value: RegExpPrototypeGetIgnoreCase(pattern),
    },
    multiline: {
      __proto__: null, value: RegExpPrototypeGetMultiline(pattern),
    },
    source: { __proto__: null, value: RegExpPrototypeGetSource(pattern) },
    sticky: { __proto__: null, value: RegExpPrototypeGetSticky(pattern) },
    unicode: { __proto__: null, value: RegExpPrototypeGetUnicode(pattern) },
  });
  // flags last: its getter reads the pattern's own properties set above,
  // not the ones a program may have put on RegExp.prototype.
  ObjectDefineProperties(pattern, {
    flags: { __proto__: null, value: RegExpPrototypeGetFlags(pattern) },
  });
  ObjectSetPrototypeOf(pattern, null);
  return pattern;
});
const { defineProperties: ObjectDefineProperties } = Object;

// Array.prototype.push.apply for any number of items: pushed in slices, as
// one call with a million arguments overflows the stack.
define('SafeArrayPrototypePushApply', (array, items) => {
  const kSlice = 0x10000;
  let start = 0;
  while (items.length - start > kSlice) {
    primordials.ArrayPrototypePushApply(
      array, primordials.ArrayPrototypeSlice(items, start, start + kSlice));
    start += kSlice;
  }
  return primordials.ArrayPrototypePushApply(
    array, start === 0 ? items : primordials.ArrayPrototypeSlice(items, start));
});

// String.prototype.search without the pattern's Symbol.search lookup.
define('SafeStringPrototypeSearch', (string, regexp) => {
  regexp.lastIndex = 0;
  const match = RegExpPrototypeExec(regexp, string);
  return match ? match.index : -1;
});

// Async iteration over an array of promises without touching user-patchable
// iterator protocols.
define('SafeArrayPrototypeForEach', ArrayPrototypeForEach);
define('SafeMapIterator', createSafeIterator(MapPrototypeEntries,
                                             primordials.MapIteratorPrototypeNext));
define('SafeSetIterator', createSafeIterator(SetPrototypeValues,
                                             primordials.SetIteratorPrototypeNext));

ObjectSetPrototypeOf(primordials, null);
ObjectFreeze(primordials);
