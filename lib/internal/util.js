'use strict';

// Small helpers shared across lib/: deprecation and experimental warnings,
// promisify, encoding names, WebIDL-style property definitions, and system
// error names.

const {
  ArrayPrototypePop,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSort,
  Error,
  ErrorCaptureStackTrace,
  FunctionPrototypeCall,
  FunctionPrototypeSymbolHasInstance,
  NumberParseInt,
  NumberPrototypeToString,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectFreeze,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetOwnPropertyDescriptors,
  ObjectGetPrototypeOf,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  ObjectSetPrototypeOf,
  ObjectValues,
  Promise,
  ReflectApply,
  ReflectConstruct,
  RegExpPrototypeExec,
  RegExpPrototypeGetDotAll,
  RegExpPrototypeGetGlobal,
  RegExpPrototypeGetHasIndices,
  RegExpPrototypeGetIgnoreCase,
  RegExpPrototypeGetMultiline,
  RegExpPrototypeGetSource,
  RegExpPrototypeGetSticky,
  RegExpPrototypeGetUnicode,
  RegExpPrototypeSymbolReplace,
  SafeMap,
  SafeWeakMap,
  SafeSet,
  SafeWeakRef,
  StringPrototypeCharCodeAt,
  StringPrototypeIncludes,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeToLowerCase,
  StringPrototypeToUpperCase,
  Symbol,
  SymbolFor,
} = primordials;

const {
  codes: {
    ERR_NO_CRYPTO,
    ERR_NO_TYPESCRIPT,
    ERR_UNKNOWN_SIGNAL,
  },
  isErrorStackTraceLimitWritable,
  uvErrmapGet,
} = require('internal/errors');

const { isNativeError, isPromise } = internalBinding('types');

const isWindows = process.platform === 'win32';
const isMacOS = process.platform === 'darwin';

const customInspectSymbol = SymbolFor('nodejs.util.inspect.custom');
const kIsEncodingSymbol = Symbol('kIsEncodingSymbol');
const kVmBreakFirstLineSymbol = Symbol('kVmBreakFirstLineSymbol');

const kEnumerableProperty = { __proto__: null };
kEnumerableProperty.enumerable = true;
ObjectFreeze(kEnumerableProperty);

const kEmptyObject = ObjectFreeze({ __proto__: null });

// Web interfaces' constants (WebSocket.OPEN, EventSource.CLOSED, ...): on
// the class and on its prototype, read-only and enumerable, in the order of
// `constants`.
function defineInterfaceConstants(cls, constants) {
  const names = ObjectKeys(constants);
  for (let i = 0; i < names.length; i++) {
    const descriptor = {
      __proto__: null,
      value: constants[names[i]],
      writable: false,
      enumerable: true,
      configurable: false,
    };
    ObjectDefineProperty(cls, names[i], descriptor);
    ObjectDefineProperty(cls.prototype, names[i], descriptor);
  }
}

let validators;
function lazyValidators() {
  validators ??= require('internal/validators');
  return validators;
}

let uvBinding;
function lazyUv() {
  uvBinding ??= internalBinding('uv');
  return uvBinding;
}

const colorRegExp = /\u001b\[\d\d?m/g; // eslint-disable-line no-control-regex

function removeColors(str) {
  return RegExpPrototypeSymbolReplace(colorRegExp, str, '');
}

// True for native errors (also from other realms) and for objects that
// inherit from Error.prototype.
function isError(e) {
  return isNativeError(e) || FunctionPrototypeSymbolHasInstance(Error, e);
}

// Deprecations --------------------------------------------------------------

// Codes already warned about; each code warns at most once per process.
const codesWarned = new SafeSet();

// Returns a function that emits the warning the first time it is called
// (and `shouldEmitWarning()` agrees).
function getDeprecationWarningEmitter(
  code, msg, deprecated, useEmitSync, shouldEmitWarning = () => true) {
  let warned = false;
  return function(arg) {
    if (warned || !shouldEmitWarning(arg)) return;
    warned = true;
    if (code === 'ExperimentalWarning') {
      process.emitWarning(msg, code, deprecated);
    } else if (code !== undefined) {
      if (!codesWarned.has(code)) {
        codesWarned.add(code);
        process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
      }
    } else {
      process.emitWarning(msg, 'DeprecationWarning', deprecated);
    }
  };
}

function isPendingDeprecation() {
  const execArgv = process.execArgv || [];
  let pending = false;
  for (let i = 0; i < execArgv.length; i++) {
    if (execArgv[i] === '--pending-deprecation') pending = true;
  }
  if (process.env.NODE_PENDING_DEPRECATION === '1') pending = true;
  return pending && !process.noDeprecation;
}

// For options objects: warns when `key` is present.
function deprecateProperty(key, msg, code, isPending) {
  const emit = getDeprecationWarningEmitter(code, msg, undefined, false,
                                            isPending);
  return (options) => {
    if (key in options) emit();
  };
}

// Like deprecate(), but warns only under --pending-deprecation.
function pendingDeprecate(fn, msg, code) {
  const emit = getDeprecationWarningEmitter(code, msg, deprecated, false,
                                            isPendingDeprecation);
  function deprecated(...args) {
    emit();
    return ReflectApply(fn, this, args);
  }
  ObjectDefineProperty(deprecated, 'length', {
    __proto__: null,
    ...ObjectGetOwnPropertyDescriptor(fn, 'length'),
  });
  return deprecated;
}

// Wraps `fn` so that its first call emits a DeprecationWarning (never with
// --no-deprecation, which sets process.noDeprecation; --throw-deprecation
// is handled by process.emitWarning).
function deprecate(fn, msg, code, useEmitSync, modifyPrototype = true) {
  if (code !== undefined) lazyValidators().validateString(code, 'code');
  const emit = getDeprecationWarningEmitter(code, msg, deprecated,
                                            useEmitSync);
  function deprecated(...args) {
    if (!process.noDeprecation) emit();
    if (new.target) return ReflectConstruct(fn, args, new.target);
    return ReflectApply(fn, this, args);
  }
  if (modifyPrototype) {
    // Keep static members and `instanceof` working through the wrapper.
    ObjectSetPrototypeOf(deprecated, fn);
    if (fn.prototype) deprecated.prototype = fn.prototype;
    ObjectDefineProperty(deprecated, 'length', {
      __proto__: null,
      ...ObjectGetOwnPropertyDescriptor(fn, 'length'),
    });
  }
  return deprecated;
}

function deprecateInstantiation(target, code, ...args) {
  getDeprecationWarningEmitter(
    code,
    `Instantiating ${target.name} without the 'new' keyword has been ` +
    'deprecated.',
    target)();
  return ReflectConstruct(target, args);
}

const experimentalWarnings = new SafeSet();

function emitExperimentalWarning(feature, messagePrefix, code, ctor) {
  if (experimentalWarnings.has(feature)) return;
  experimentalWarnings.add(feature);
  let msg =
    `${feature} is an experimental feature and might change at any time`;
  if (messagePrefix) msg = messagePrefix + msg;
  process.emitWarning(msg, 'ExperimentalWarning', code, ctor);
}

// Errors ---------------------------------------------------------------------

function decorateErrorStack(err) {
  const symbols = internalBinding('util').privateSymbols;
  if (symbols === undefined) return;
  const {
    arrow_message_private_symbol: arrowSymbol,
    decorated_private_symbol: decoratedSymbol,
  } = symbols;
  if (!(isError(err) && err.stack) || err[decoratedSymbol]) return;
  const arrow = err[arrowSymbol];
  if (arrow) {
    err.stack = arrow + err.stack;
    err[decoratedSymbol] = true;
  }
}

function assertCrypto() {
  if (!process.versions.openssl) throw new ERR_NO_CRYPTO();
}

function assertTypeScript() {
  if (!process.versions.amaro) throw new ERR_NO_TYPESCRIPT();
}

// "ENOENT" for -2; "Unknown system error -9999" when libuv has no name.
function getSystemErrorName(err) {
  const entry = uvErrmapGet(err);
  return entry ? entry[0] : `Unknown system error ${err}`;
}

function getSystemErrorMessage(err) {
  const uv = lazyUv();
  if (typeof uv.getErrorMessage === 'function') return uv.getErrorMessage(err);
  const entry = uvErrmapGet(err);
  return entry ? entry[1] : `Unknown system error ${err}`;
}

function getSystemErrorMap() {
  return lazyUv().getErrorMap();
}

// Encodings ------------------------------------------------------------------

// The common spellings return at once; anything else goes through
// normalizeEncodingSlow(). Returns undefined for an unknown encoding.
function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  return normalizeEncodingSlow(enc);
}

function normalizeEncodingSlow(enc) {
  switch (enc.length) {
    case 3:
      if (enc === 'hex' || StringPrototypeToLowerCase(enc) === 'hex') {
        return 'hex';
      }
      break;
    case 4:
      switch (StringPrototypeToLowerCase(enc)) {
        case 'utf8': return 'utf8';
        case 'ucs2': return 'utf16le';
      }
      break;
    case 5:
      switch (StringPrototypeToLowerCase(enc)) {
        case 'utf-8': return 'utf8';
        case 'ascii': return 'ascii';
        case 'ucs-2': return 'utf16le';
      }
      break;
    case 6:
      switch (StringPrototypeToLowerCase(enc)) {
        case 'base64': return 'base64';
        case 'latin1':
        case 'binary': return 'latin1';
      }
      break;
    case 7:
      if (StringPrototypeToLowerCase(enc) === 'utf16le') return 'utf16le';
      break;
    case 8:
      if (StringPrototypeToLowerCase(enc) === 'utf-16le') return 'utf16le';
      break;
    case 9:
      if (StringPrototypeToLowerCase(enc) === 'base64url') return 'base64url';
      break;
    default:
      if (enc === '') return 'utf8';
  }
  return undefined;
}

// Name -> index in the C++ `encoding` enum (ASCII, UTF8, BASE64, UCS2,
// LATIN1, HEX, BUFFER, BASE64URL).
const encodingsMap = { __proto__: null };
{
  const names = ['ascii', 'utf8', 'base64', 'utf16le', 'latin1', 'hex',
                 'buffer', 'base64url'];
  for (let i = 0; i < names.length; i++) encodingsMap[names[i]] = i;
}

// Replaces lone surrogates with U+FFFD.
function toUSVString(str) {
  let out = '';
  let start = 0;
  const len = str.length;
  for (let i = 0; i < len; i++) {
    const c = StringPrototypeCharCodeAt(str, i);
    if (c < 0xD800 || c > 0xDFFF) continue;
    if (c <= 0xDBFF && i + 1 < len) {
      const next = StringPrototypeCharCodeAt(str, i + 1);
      if (next >= 0xDC00 && next <= 0xDFFF) {
        i++;
        continue;
      }
    }
    out += `${StringPrototypeSlice(str, start, i)}\uFFFD`;
    start = i + 1;
  }
  return start === 0 ? str : out + StringPrototypeSlice(str, start);
}

// Functions ------------------------------------------------------------------

// Calls `fn` once and returns the same result afterwards.
function cachedResult(fn) {
  let result;
  return () => {
    if (result === undefined) result = fn();
    return ArrayPrototypeSlice(result);
  };
}

function once(callback, { preserveReturnValue = false } = kEmptyObject) {
  let called = false;
  let returnValue;
  return function(...args) {
    if (called) return returnValue;
    called = true;
    const result = ReflectApply(callback, this, args);
    returnValue = preserveReturnValue ? result : undefined;
    return result;
  };
}

function getLazy(initializer) {
  let value;
  let initialized = false;
  return function() {
    if (!initialized) {
      value = initializer();
      initialized = true;
    }
    return value;
  };
}

// Makes a class callable without `new` (legacy constructors).
function createClassWrapper(type) {
  function fn(...args) {
    return ReflectConstruct(type, args, new.target || type);
  }
  // The wrapper shows the class's name and length; statics come through
  // the prototype chain.
  ObjectDefineProperties(fn, {
    name: { __proto__: null, value: type.name },
    length: { __proto__: null, value: type.length },
  });
  ObjectSetPrototypeOf(fn, type);
  fn.prototype = type.prototype;
  return fn;
}

function assignFunctionName(name, fn, descriptor = kEmptyObject) {
  let label;
  if (typeof name === 'symbol') {
    const { description } = name;
    label = description === undefined ? '' : `[${description}]`;
  } else {
    label = `${name}`;
  }
  return ObjectDefineProperty(fn, 'name', {
    __proto__: null,
    writable: false,
    enumerable: false,
    configurable: true,
    ...ObjectGetOwnPropertyDescriptor(fn, 'name'),
    ...descriptor,
    value: label,
  });
}

const kCustomPromisifiedSymbol = SymbolFor('nodejs.util.promisify.custom');
const kCustomPromisifyArgsSymbol = Symbol('customPromisifyArgs');

// Turns `fn(...args, callback(err, value))` into `fn(...args) -> Promise`.
// `original[util.promisify.custom]` is returned as is; when
// `original[customPromisifyArgs]` lists names, several callback values
// resolve to an object with those keys.
function promisify(original) {
  const { validateFunction } = lazyValidators();
  validateFunction(original, 'original');

  if (original[kCustomPromisifiedSymbol]) {
    const custom = original[kCustomPromisifiedSymbol];
    validateFunction(custom, 'util.promisify.custom');
    return ObjectDefineProperty(custom, kCustomPromisifiedSymbol, {
      __proto__: null,
      value: custom,
      enumerable: false,
      writable: false,
      configurable: true,
    });
  }

  const argumentNames = original[kCustomPromisifyArgsSymbol];

  function fn(...args) {
    return new Promise((resolve, reject) => {
      ArrayPrototypePush(args, (err, ...values) => {
        if (err) return reject(err);
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++) {
            obj[argumentNames[i]] = values[i];
          }
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      if (isPromise(ReflectApply(original, this, args))) {
        process.emitWarning('Calling promisify on a function that returns a ' +
                            'Promise is likely a mistake.',
                            'DeprecationWarning', 'DEP0174');
      }
    });
  }

  ObjectSetPrototypeOf(fn, ObjectGetPrototypeOf(original));
  ObjectDefineProperty(fn, kCustomPromisifiedSymbol, {
    __proto__: null,
    value: fn,
    enumerable: false,
    writable: false,
    configurable: true,
  });
  const descriptors = ObjectGetOwnPropertyDescriptors(original);
  const values = ObjectValues(descriptors);
  for (let i = 0; i < values.length; i++) ObjectSetPrototypeOf(values[i], null);
  return ObjectDefineProperties(fn, descriptors);
}

promisify.custom = kCustomPromisifiedSymbol;

function createDeferredPromise() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

// Arrays and strings ---------------------------------------------------------

function join(output, separator) {
  let str = '';
  const last = output.length - 1;
  for (let i = 0; i < last; i++) {
    str += output[i];
    str += separator;
  }
  if (last >= 0) str += output[last];
  return str;
}

// Removes list[index] in place (faster than splice for one element).
function spliceOne(list, index) {
  for (; index + 1 < list.length; index++) list[index] = list[index + 1];
  ArrayPrototypePop(list);
}

// Sorted strings without duplicates, optionally lowercased.
function filterDuplicateStrings(items, low) {
  const map = new SafeMap();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const key = StringPrototypeToLowerCase(item);
    if (low) {
      map.set(key, key);
    } else {
      map.set(key, item);
    }
  }
  return ArrayPrototypeSort([...map.values()]);
}

function filterOwnProperties(source, keys) {
  const filtered = { __proto__: null };
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (ObjectPrototypeHasOwnProperty(source, key)) {
      filtered[key] = source[key];
    }
  }
  return filtered;
}

// `obj[key] = value` without going through setters on the prototype chain.
function setOwnProperty(obj, key, value) {
  return ObjectDefineProperty(obj, key, {
    __proto__: null,
    configurable: true,
    enumerable: true,
    value,
    writable: true,
  });
}

function getConstructorOf(obj) {
  while (obj) {
    const descriptor = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
    if (descriptor !== undefined && typeof descriptor.value === 'function' &&
        descriptor.value.name !== '') {
      return descriptor.value;
    }
    obj = ObjectGetPrototypeOf(obj);
  }
  return null;
}

const kNodeModulesRE = /^(?:.*)[\\/]node_modules[\\/]/;
function isUnderNodeModules(filename) {
  return RegExpPrototypeExec(kNodeModulesRE, filename) !== null;
}

// RegExp helpers that leave RegExp.$1 and friends (and RegExp.prototype's
// methods, which programs can replace) alone: the work is done by a copy of
// the pattern made in a context of its own, whose RegExp statics nobody
// reads.
let internalGlobal;
function getInternalGlobal() {
  if (internalGlobal === undefined) {
    const { runInNewContext } = require('vm');
    internalGlobal = runInNewContext('this', undefined,
                                     { contextName: 'internal' });
  }
  return internalGlobal;
}

const crossRealmRegExps = new SafeWeakMap();
function getCrossRealmRegExp(regex) {
  let copy = crossRealmRegExps.get(regex);
  if (copy !== undefined) return copy;
  // The flags from the pattern's own slots (the flags getter would read
  // RegExp.prototype's properties).
  let flags = '';
  if (RegExpPrototypeGetHasIndices(regex)) flags += 'd';
  if (RegExpPrototypeGetGlobal(regex)) flags += 'g';
  if (RegExpPrototypeGetIgnoreCase(regex)) flags += 'i';
  if (RegExpPrototypeGetMultiline(regex)) flags += 'm';
  if (RegExpPrototypeGetDotAll(regex)) flags += 's';
  if (RegExpPrototypeGetUnicode(regex)) flags += 'u';
  if (RegExpPrototypeGetSticky(regex)) flags += 'y';
  const { RegExp: OtherRegExp } = getInternalGlobal();
  copy = new OtherRegExp(RegExpPrototypeGetSource(regex), flags);
  crossRealmRegExps.set(regex, copy);
  return copy;
}

function SideEffectFreeRegExpPrototypeExec(regex, string) {
  const { RegExp: OtherRegExp } = getInternalGlobal();
  return FunctionPrototypeCall(OtherRegExp.prototype.exec,
                               getCrossRealmRegExp(regex), string);
}

function SideEffectFreeRegExpPrototypeSymbolReplace(regex, string,
                                                    replacement) {
  const { RegExp: OtherRegExp, Symbol: OtherSymbol } = getInternalGlobal();
  return FunctionPrototypeCall(OtherRegExp.prototype[OtherSymbol.replace],
                               getCrossRealmRegExp(regex), string,
                               replacement);
}

function SideEffectFreeRegExpPrototypeSymbolSplit(regex, string,
                                                  limit = undefined) {
  const { RegExp: OtherRegExp, Symbol: OtherSymbol } = getInternalGlobal();
  return FunctionPrototypeCall(OtherRegExp.prototype[OtherSymbol.split],
                               getCrossRealmRegExp(regex), string, limit);
}

// Signals --------------------------------------------------------------------

let signalsToNames;
function getSignalsToNamesMapping() {
  if (signalsToNames !== undefined) return signalsToNames;
  const { signals } = internalBinding('constants').os;
  signalsToNames = { __proto__: null };
  const names = ObjectKeys(signals);
  for (let i = 0; i < names.length; i++) {
    signalsToNames[signals[names[i]]] = names[i];
  }
  return signalsToNames;
}

// 'SIGTERM' or 15 -> 15; throws ERR_UNKNOWN_SIGNAL otherwise.
function convertToValidSignal(signal) {
  if (typeof signal === 'number' && getSignalsToNamesMapping()[signal]) {
    return signal;
  }
  if (typeof signal === 'string') {
    const { signals } = internalBinding('constants').os;
    const signalName = signals[StringPrototypeToUpperCase(signal)];
    if (signalName) return signalName;
  }
  throw new ERR_UNKNOWN_SIGNAL(signal);
}

// WebIDL-style definitions ---------------------------------------------------

function defineOperation(target, name, method) {
  ObjectDefineProperty(target, name, {
    __proto__: null,
    writable: true,
    enumerable: true,
    configurable: true,
    value: method,
  });
}

function exposeInterface(target, name, interfaceObject) {
  ObjectDefineProperty(target, name, {
    __proto__: null,
    writable: true,
    enumerable: false,
    configurable: true,
    value: interfaceObject,
  });
}

function exposeNamespace(target, name, namespaceObject) {
  ObjectDefineProperty(target, name, {
    __proto__: null,
    writable: true,
    enumerable: false,
    configurable: true,
    value: namespaceObject,
  });
}

function exposeGetterAndSetter(target, name, getter, setter = undefined) {
  ObjectDefineProperty(target, name, {
    __proto__: null,
    enumerable: false,
    configurable: true,
    get: getter,
    set: setter,
  });
}

// Defines `keys` on `target` as getters that load builtin `id` on first
// access and then become plain data properties.
function defineLazyProperties(target, id, keys, enumerable = true) {
  const descriptors = { __proto__: null };
  let mod;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    let value;
    let loaded = false;
    function set(v) {
      ObjectDefineProperty(target, key, {
        __proto__: null,
        writable: true,
        value: v,
      });
    }
    ObjectDefineProperty(set, 'name', { __proto__: null, value: `set ${key}` });
    function get() {
      if (!loaded) {
        mod ??= require(id);
        value = mod[key];
        loaded = true;
        set(value);
      }
      return value;
    }
    ObjectDefineProperty(get, 'name', { __proto__: null, value: `get ${key}` });
    descriptors[key] = {
      __proto__: null,
      configurable: true,
      enumerable,
      get,
      set,
    };
  }
  ObjectDefineProperties(target, descriptors);
}

// Like defineLazyProperties(), but assigning replaces the value while the
// accessor stays (as for the web globals).
function defineReplaceableLazyAttribute(target, id, keys, writable = true,
                                        check) {
  let mod;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    let value;
    let setterCalled = false;
    function get() {
      if (check !== undefined) FunctionPrototypeCall(check, this);
      if (setterCalled) return value;
      mod ??= require(id);
      value ??= mod[key];
      return value;
    }
    ObjectDefineProperty(get, 'name', { __proto__: null, value: `get ${key}` });
    function set(val) {
      setterCalled = true;
      value = val;
    }
    ObjectDefineProperty(set, 'name', { __proto__: null, value: `set ${key}` });
    ObjectDefineProperty(target, key, {
      __proto__: null,
      enumerable: true,
      configurable: true,
      get,
      set: writable ? set : undefined,
    });
  }
}

function exposeLazyInterfaces(target, id, keys) {
  defineLazyProperties(target, id, keys, false);
}

let DOMExceptionClass;
function lazyDOMExceptionClass() {
  DOMExceptionClass ??=
    require('internal/per_context/domexception').DOMException;
  return DOMExceptionClass;
}

function lazyDOMException(message, name) {
  const DOMException = lazyDOMExceptionClass();
  if (!isErrorStackTraceLimitWritable()) return new DOMException(message, name);
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const ex = new DOMException(message, name);
  Error.stackTraceLimit = limit;
  ErrorCaptureStackTrace(ex, lazyDOMException);
  return ex;
}

// Misc -----------------------------------------------------------------------

function sleep(msec) {
  lazyValidators().validateUint32(msec, 'msec');
  internalBinding('util').sleep(msec);
}

const handleTypes = ['TCP', 'TTY', 'UDP', 'FILE', 'PIPE', 'UNKNOWN'];

// 'TTY' | 'FILE' | 'PIPE' | 'TCP' | 'UDP' | 'UNKNOWN' for a file descriptor.
function guessHandleType(fd) {
  const type = internalBinding('util').guessHandleType(fd);
  return typeof type === 'number' ? handleTypes[type] : type;
}

function countBinaryOnes(n) {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return ((n + (n >>> 4) & 0xF0F0F0F) * 0x1010101) >>> 24;
}

// '192.168.1.1', '255.255.255.0', 'IPv4' -> '192.168.1.1/24'. Returns null
// for a malformed netmask: a group with a 0 bit followed by a 1 bit, or a
// group other than '0' after a partial one.
function getCIDR(address, netmask, family) {
  const ipv6 = family === 'IPv6';
  const groups = StringPrototypeSplit(netmask, ipv6 ? ':' : '.');
  const radix = ipv6 ? 16 : 10;
  const groupLength = ipv6 ? 16 : 8;
  let ones = 0;
  let seenPartial = false;
  for (let i = 0; i < groups.length; i++) {
    const part = groups[i];
    if (part === '') continue;
    if (seenPartial) {
      if (part !== '0') return null;
      continue;
    }
    const value = NumberParseInt(part, radix);
    const count = countBinaryOnes(value);
    ones += count;
    if (count !== groupLength) {
      if (StringPrototypeIncludes(NumberPrototypeToString(value, 2), '01')) {
        return null;
      }
      seenPartial = true;
    }
  }
  return `${address}/${ones}`;
}

// A weak reference that can be made strong while a count of users is
// positive.
class WeakReference {
  #weak = null;
  #strong = null;
  #refCount = 0;

  constructor(object) {
    this.#weak = new SafeWeakRef(object);
  }

  incRef() {
    this.#refCount++;
    if (this.#refCount === 1) this.#strong = this.#weak.deref();
    return this.#refCount;
  }

  decRef() {
    this.#refCount--;
    if (this.#refCount === 0) this.#strong = null;
    return this.#refCount;
  }

  get() {
    return this.#weak.deref();
  }
}

// A SharedArrayBuffer of `length` bytes, made natively: the constructor may
// be missing (--enable-sharedarraybuffer-per-context) or replaced.
function constructSharedArrayBuffer(length) {
  return internalBinding('util').constructSharedArrayBuffer(length);
}

module.exports = {
  assertCrypto,
  assertTypeScript,
  assignFunctionName,
  constructSharedArrayBuffer,
  cachedResult,
  convertToValidSignal,
  createClassWrapper,
  createDeferredPromise,
  decorateErrorStack,
  defineLazyProperties,
  defineOperation,
  defineReplaceableLazyAttribute,
  deprecate,
  deprecateInstantiation,
  deprecateProperty,
  emitExperimentalWarning,
  encodingsMap,
  exposeGetterAndSetter,
  exposeInterface,
  exposeLazyInterfaces,
  exposeNamespace,
  filterDuplicateStrings,
  filterOwnProperties,
  getCIDR,
  getConstructorOf,
  getDeprecationWarningEmitter,
  getLazy,
  getSignalsToNamesMapping,
  getSystemErrorMap,
  getSystemErrorMessage,
  getSystemErrorName,
  guessHandleType,
  isError,
  isMacOS,
  isPendingDeprecation,
  isUnderNodeModules,
  isWindows,
  join,
  lazyDOMException,
  lazyDOMExceptionClass,
  normalizeEncoding,
  once,
  pendingDeprecate,
  promisify,
  removeColors,
  setOwnProperty,
  SideEffectFreeRegExpPrototypeExec,
  SideEffectFreeRegExpPrototypeSymbolReplace,
  SideEffectFreeRegExpPrototypeSymbolSplit,
  sleep,
  spliceOne,
  toUSVString,
  WeakReference,
  customInspectSymbol,
  customPromisifyArgs: kCustomPromisifyArgsSymbol,
  defineInterfaceConstants,
  kEmptyObject,
  kEnumerableProperty,
  kIsEncodingSymbol,
  kVmBreakFirstLineSymbol,
};
