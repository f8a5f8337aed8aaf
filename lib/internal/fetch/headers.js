'use strict';

// Headers (https://fetch.spec.whatwg.org/#headers-class). A header list
// keeps one entry per lowercased name (the case first seen is kept for
// display and for the wire, the values joined by ", ") plus the separate
// Set-Cookie values; iteration sees the names sorted and lowercased, each
// Set-Cookie value on its own. The guard only matters when it is
// "immutable": like Node, lode enforces no forbidden header names.

const {
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSort,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ReflectOwnKeys,
  SafeMap,
  StringPrototypeToLowerCase,
  Symbol,
  SymbolIterator,
  SymbolToStringTag,
  TypeError,
} = primordials;

const {
  customInspectSymbol: kInspect,
  kEnumerableProperty,
} = require('internal/util');
const {
  markUncloneable,
  noteUncloneableCreated,
} = require('internal/structured_clone');
const {
  checkArgumentCount,
  defineIterable,
  describe,
  illegalInvocation,
  isObjectLike,
  isToken,
  isValidHeaderValue,
  normalizeHeaderValue,
  toByteString,
} = require('internal/fetch/util');

let inspect;

class HeaderList {
  constructor() {
    this.map = new SafeMap();
    this.cookies = null;
    this.sorted = null;
  }

  contains(lowerName) {
    return this.map.has(lowerName);
  }

  get(lowerName) {
    const entry = this.map.get(lowerName);
    return entry === undefined ? null : entry.value;
  }

  append(name, value) {
    const lowerName = StringPrototypeToLowerCase(name);
    const entry = this.map.get(lowerName);
    if (entry === undefined) {
      this.map.set(lowerName, { __proto__: null, name, value });
    } else {
      entry.value += `, ${value}`;
    }
    if (lowerName === 'set-cookie') {
      this.cookies ??= [];
      ArrayPrototypePush(this.cookies, value);
    }
    this.sorted = null;
  }

  set(name, value) {
    const lowerName = StringPrototypeToLowerCase(name);
    const entry = this.map.get(lowerName);
    if (entry === undefined) {
      this.map.set(lowerName, { __proto__: null, name, value });
    } else {
      entry.value = value;
    }
    if (lowerName === 'set-cookie') this.cookies = [value];
    this.sorted = null;
  }

  delete(lowerName) {
    if (!this.map.delete(lowerName)) return;
    if (lowerName === 'set-cookie') this.cookies = null;
    this.sorted = null;
  }

  // "Sort and combine", as a flat [name, value, ...] list.
  pairs() {
    if (this.sorted !== null) return this.sorted;
    const names = [];
    for (const name of this.map.keys()) ArrayPrototypePush(names, name);
    ArrayPrototypeSort(names);
    const pairs = [];
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (name === 'set-cookie') {
        const cookies = this.cookies;
        for (let j = 0; j < cookies.length; j++) {
          ArrayPrototypePush(pairs, name, cookies[j]);
        }
      } else {
        ArrayPrototypePush(pairs, name, this.map.get(name).value);
      }
    }
    this.sorted = pairs;
    return pairs;
  }

  // The entries in insertion order, as a flat [name, value, ...] list with
  // the names as first given (what goes on the wire).
  raw() {
    const list = [];
    for (const { 0: lowerName, 1: entry } of this.map) {
      if (lowerName === 'set-cookie') {
        const cookies = this.cookies;
        for (let i = 0; i < cookies.length; i++) {
          ArrayPrototypePush(list, entry.name, cookies[i]);
        }
      } else {
        ArrayPrototypePush(list, entry.name, entry.value);
      }
    }
    return list;
  }

  copy() {
    const list = new HeaderList();
    for (const { 0: lowerName, 1: entry } of this.map) {
      list.map.set(lowerName,
                   { __proto__: null, name: entry.name, value: entry.value });
    }
    if (this.cookies !== null) list.cookies = ArrayPrototypeSlice(this.cookies);
    return list;
  }

  clear() {
    this.map.clear();
    this.cookies = null;
    this.sorted = null;
  }
}

const kInternal = Symbol('kInternal');

let isHeaders;
let getList;
let setList;
let getGuard;
let setGuard;

function validateName(name, prefix) {
  if (!isToken(name)) {
    throw new TypeError(`${prefix}: "${name}" is an invalid header name.`);
  }
}

// Validates and appends: Headers.append's steps after the conversions.
function appendHeader(headers, name, value) {
  value = normalizeHeaderValue(value);
  validateName(name, 'Headers.append');
  if (!isValidHeaderValue(value)) {
    throw new TypeError(
      `Headers.append: "${value}" is an invalid header value.`);
  }
  if (getGuard(headers) === 'immutable') throw new TypeError('immutable');
  getList(headers).append(name, value);
}

// The Headers constructor's (and RequestInit's / ResponseInit's) "fill".
function fillHeaders(headers, init) {
  if (!isObjectLike(init)) {
    throw new TypeError(
      'Headers constructor: Argument 1 could not be converted to one of: ' +
      'sequence<sequence<ByteString>>, record<ByteString, ByteString>.');
  }
  const pairs = [];
  if (init[SymbolIterator] != null) {
    let index = 0;
    for (const item of init) {
      if (!isObjectLike(item) || typeof item[SymbolIterator] !== 'function') {
        throw new TypeError(`Headers constructor: init[${index}] ` +
                            `(${describe(item)}) is not iterable.`);
      }
      const pair = [];
      for (const part of item) ArrayPrototypePush(pair, toByteString(part));
      if (pair.length !== 2) {
        throw new TypeError('Headers constructor: expected name/value pair ' +
                            `to be length 2, found ${pair.length}.`);
      }
      ArrayPrototypePush(pairs, pair[0], pair[1]);
      index++;
    }
  } else {
    const keys = ReflectOwnKeys(init);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const desc = ObjectGetOwnPropertyDescriptor(init, key);
      if (desc === undefined || !desc.enumerable) continue;
      if (typeof key === 'symbol') {
        throw new TypeError(`Headers constructor: Key ${describe(key)} in ` +
                            'init is a symbol, which cannot be converted to ' +
                            'a ByteString.');
      }
      ArrayPrototypePush(pairs, toByteString(key), toByteString(init[key]));
    }
  }
  for (let i = 0; i < pairs.length; i += 2) {
    appendHeader(headers, pairs[i], pairs[i + 1]);
  }
}

class Headers {
  #list;
  #guard = 'none';

  constructor(init = undefined) {
    noteUncloneableCreated();
    this.#list = new HeaderList();
    if (init === kInternal || init === undefined) return;
    fillHeaders(this, init);
  }

  static {
    isHeaders = (value) => isObjectLike(value) && #list in value;
    getList = (headers) => headers.#list;
    setList = (headers, list) => { headers.#list = list; };
    getGuard = (headers) => headers.#guard;
    setGuard = (headers, guard) => { headers.#guard = guard; };
  }

  append(name, value) {
    if (!isHeaders(this)) throw illegalInvocation();
    checkArgumentCount(arguments.length, 2, 'Headers.append');
    appendHeader(this, toByteString(name), toByteString(value));
  }

  delete(name) {
    if (!isHeaders(this)) throw illegalInvocation();
    checkArgumentCount(arguments.length, 1, 'Headers.delete');
    name = toByteString(name);
    validateName(name, 'Headers.delete');
    if (this.#guard === 'immutable') throw new TypeError('immutable');
    this.#list.delete(StringPrototypeToLowerCase(name));
  }

  get(name) {
    if (!isHeaders(this)) throw illegalInvocation();
    checkArgumentCount(arguments.length, 1, 'Headers.get');
    name = toByteString(name);
    validateName(name, 'Headers.get');
    return this.#list.get(StringPrototypeToLowerCase(name));
  }

  has(name) {
    if (!isHeaders(this)) throw illegalInvocation();
    checkArgumentCount(arguments.length, 1, 'Headers.has');
    name = toByteString(name);
    validateName(name, 'Headers.has');
    return this.#list.contains(StringPrototypeToLowerCase(name));
  }

  set(name, value) {
    if (!isHeaders(this)) throw illegalInvocation();
    checkArgumentCount(arguments.length, 2, 'Headers.set');
    name = toByteString(name);
    value = normalizeHeaderValue(toByteString(value));
    validateName(name, 'Headers.set');
    if (!isValidHeaderValue(value)) {
      throw new TypeError(
        `Headers.set: "${value}" is an invalid header value.`);
    }
    if (this.#guard === 'immutable') throw new TypeError('immutable');
    this.#list.set(name, value);
  }

  getSetCookie() {
    if (!isHeaders(this)) throw illegalInvocation();
    const cookies = this.#list.cookies;
    return cookies === null ? [] : ArrayPrototypeSlice(cookies);
  }

  [kInspect](depth, options) {
    inspect ??= require('internal/util/inspect').inspect;
    const shown = {};
    for (const entry of this.#list.map.values()) {
      ObjectDefineProperty(shown, entry.name, {
        __proto__: null,
        configurable: true,
        enumerable: true,
        writable: true,
        value: entry.value,
      });
    }
    // As in Node, the nesting depth does not shrink inside.
    const opts = { ...options };
    return `Headers ${inspect(shown, opts)}`;
  }
}

ObjectDefineProperties(Headers.prototype, {
  append: kEnumerableProperty,
  delete: kEnumerableProperty,
  get: kEnumerableProperty,
  has: kEnumerableProperty,
  set: kEnumerableProperty,
  getSetCookie: kEnumerableProperty,
});
defineIterable(Headers.prototype, 'Headers', (object) => {
  return isHeaders(object) ? getList(object).pairs() : undefined;
});
ObjectDefineProperty(Headers.prototype, SymbolToStringTag, {
  __proto__: null, configurable: true, value: 'Headers',
});
markUncloneable(Headers.prototype);

// A Headers object over `list` (a new one when omitted) with `guard`.
function createHeaders(list, guard) {
  const headers = new Headers(kInternal);
  if (list !== undefined) setList(headers, list);
  setGuard(headers, guard);
  return headers;
}

module.exports = {
  HeaderList,
  Headers,
  createHeaders,
  fillHeaders,
  getHeadersGuard: (headers) => getGuard(headers),
  getHeadersList: (headers) => getList(headers),
  isHeaders: (value) => isHeaders(value),
  setHeadersGuard: (headers, guard) => setGuard(headers, guard),
};
