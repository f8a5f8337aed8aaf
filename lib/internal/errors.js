'use strict';

// Every error a user can see from core code is built here. A code is
// registered once with E(code, message, Base, ...otherBases); `codes[code]`
// is then a class whose instances look like a `Base` (name, constructor) and
// carry a `code` property, while their stack header and toString() read
// `Base [code]: message`. A message is either a util.format() template or a
// function that receives the constructor's arguments.

const {
  AggregateError,
  ArrayIsArray,
  ArrayPrototypeFilter,
  ArrayPrototypeIncludes,
  ArrayPrototypeIndexOf,
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSplice,
  ArrayPrototypeUnshift,
  Error,
  ErrorCaptureStackTrace,
  ErrorPrototypeToString,
  JSONStringify,
  MapPrototypeGet,
  MathAbs,
  MathMax,
  NumberIsInteger,
  ObjectDefineProperties,
  ObjectAssign,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectIsExtensible,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  RangeError,
  ReflectApply,
  RegExpPrototypeExec,
  SafeArrayIterator,
  SafeMap,
  SafeWeakMap,
  String,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
  StringPrototypeToLowerCase,
  Symbol,
  SymbolFor,
  SyntaxError,
  TypeError,
  URIError,
} = primordials;

const kIsNodeError = Symbol('kIsNodeError');
const kEnhanceStackBeforeInspector = Symbol('kEnhanceStackBeforeInspector');

const messages = new SafeMap();
const codes = {};

// Types that ERR_INVALID_ARG_TYPE prints as "of type x" rather than as a
// class ("an instance of X").
const kTypes = [
  'string', 'function', 'number', 'object', 'Function', 'Object', 'boolean',
  'bigint', 'symbol',
];
const classRegExp = /^[A-Z][a-zA-Z0-9]*$/;

let internalUtilInspect;
function lazyInternalUtilInspect() {
  internalUtilInspect ??= require('internal/util/inspect');
  return internalUtilInspect;
}

let internalUtil;
function lazyInternalUtil() {
  internalUtil ??= require('internal/util');
  return internalUtil;
}

let buffer;
function lazyBuffer() {
  buffer ??= require('buffer').Buffer;
  return buffer;
}

// Error.stackTraceLimit can be frozen or made an accessor by user code; only
// touch it when assigning to it is going to work.
function isErrorStackTraceLimitWritable() {
  const desc = ObjectGetOwnPropertyDescriptor(Error, 'stackTraceLimit');
  if (desc === undefined) return ObjectIsExtensible(Error);
  if (ObjectPrototypeHasOwnProperty(desc, 'writable')) return desc.writable;
  return desc.set !== undefined;
}

// Runs `construct` with stack trace collection switched off, for errors whose
// stack is captured later (and more usefully) by their caller.
function withoutStackTrace(construct) {
  if (!isErrorStackTraceLimitWritable()) return construct();
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return construct();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

// V8 formats `stack` lazily from the error's name and message. To get the
// `TypeError [ERR_X]: msg` header, give the error a temporary own name that
// includes the code, make V8 format the stack now, then drop the name again
// so that `err.name` stays `TypeError`.
// While a user snapshot is built, the stack of our errors has no code in
// its header, as in Node (whose builder formats stacks with V8's default).
let buildingSnapshot = false;
function setBuildingSnapshot(value) {
  buildingSnapshot = value;
}

function materializeStackWithCode(err, code) {
  if (buildingSnapshot) {
    err.stack; // eslint-disable-line no-unused-expressions
    return;
  }
  const ownName = ObjectGetOwnPropertyDescriptor(err, 'name');
  ObjectDefineProperty(err, 'name', {
    __proto__: null,
    value: `${err.name} [${code}]`,
    enumerable: false,
    writable: true,
    configurable: true,
  });
  try {
    err.stack; // eslint-disable-line no-unused-expressions
  } finally {
    if (ownName === undefined) {
      delete err.name;
    } else {
      ObjectDefineProperty(err, 'name', ownName);
    }
  }
}

// Captures a new stack for `err` starting above `fn`, keeping the code in the
// header for our own errors.
function captureStackTrace(err, fn) {
  ErrorCaptureStackTrace(err, fn);
  if (err !== null && typeof err === 'object' && err[kIsNodeError] === true &&
      typeof err.code === 'string') {
    materializeStackWithCode(err, err.code);
  }
}

// The internal `assert`: a failure is a bug in core, reported with
// ERR_INTERNAL_ASSERTION.
function assert(value, message) {
  if (!value) {
    throw new codes.ERR_INTERNAL_ASSERTION(message);
  }
}

function getExpectedArgumentLength(msg) {
  let expected = 0;
  const re = /%[dfijoOs]/g;
  while (RegExpPrototypeExec(re, msg) !== null) expected++;
  return expected;
}

function getMessage(key, args, self) {
  const msg = messages.get(key);
  if (typeof msg === 'function') {
    assert(msg.length <= args.length,
           `Code: ${key}; The provided arguments length (${args.length}) ` +
           `does not match the required ones (${msg.length}).`);
    return ReflectApply(msg, self, args);
  }
  const expected = getExpectedArgumentLength(msg);
  assert(expected === args.length,
         `Code: ${key}; The provided arguments length (${args.length}) ` +
         `does not match the required ones (${expected}).`);
  if (args.length === 0) return msg;
  ArrayPrototypeUnshift(args, msg);
  return ReflectApply(lazyInternalUtilInspect().format, null, args);
}

function makeNodeErrorWithCode(Base, key) {
  class NodeError extends Base {
    code = key;

    constructor(...args) {
      super();
      ObjectDefineProperty(this, 'message', {
        __proto__: null,
        value: getMessage(key, args, this),
        enumerable: false,
        writable: true,
        configurable: true,
      });
      materializeStackWithCode(this, key);
    }

    // Instances report their base class as constructor, as Node's do.
    get ['constructor']() {
      return Base;
    }

    get [kIsNodeError]() {
      return true;
    }

    toString() {
      return `${this.name} [${key}]: ${this.message}`;
    }
  }
  return NodeError;
}

// A variant that skips the stack trace at construction; it is meant to be
// thrown from a function wrapped in hideStackFrames(), which captures the
// stack afterwards above the wrapper.
function makeHideStackFramesError(NodeErrorClass, Base) {
  class HideStackFramesError extends NodeErrorClass {
    constructor(...args) {
      if (isErrorStackTraceLimitWritable()) {
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0;
        super(...args);
        Error.stackTraceLimit = limit;
      } else {
        super(...args);
      }
    }

    get ['constructor']() {
      return Base;
    }
  }
  return HideStackFramesError;
}

// Wraps `fn` so that an error it throws gets its stack captured from the
// wrapper's caller, leaving out the internal frames below it.
function hideStackFrames(fn) {
  function wrappedFn(...args) {
    try {
      return ReflectApply(fn, this, args);
    } catch (error) {
      if (Error.stackTraceLimit) captureStackTrace(error, wrappedFn);
      throw error;
    }
  }
  wrappedFn.withoutStackTrace = fn;
  return wrappedFn;
}

// Node's SystemError: a libuv failure reported through a code such as
// ERR_TTY_INIT_FAILED. `context` holds errno, code, message, syscall and
// optionally path and dest.
class SystemError extends Error {
  constructor(key, context) {
    super();
    const prefix = getMessage(key, [], this);
    let message = `${prefix}: ${context.syscall} returned ` +
                  `${context.code} (${context.message})`;
    if (context.path !== undefined) message += ` ${context.path}`;
    if (context.dest !== undefined) message += ` => ${context.dest}`;

    this.code = key;
    ObjectDefineProperties(this, {
      [kIsNodeError]: {
        __proto__: null,
        value: true,
        enumerable: false,
        writable: false,
        configurable: true,
      },
      name: {
        __proto__: null,
        value: 'SystemError',
        enumerable: false,
        writable: true,
        configurable: true,
      },
      message: {
        __proto__: null,
        value: message,
        enumerable: false,
        writable: true,
        configurable: true,
      },
      info: {
        __proto__: null,
        value: context,
        enumerable: true,
        configurable: true,
        writable: false,
      },
      errno: {
        __proto__: null,
        get() { return context.errno; },
        set: (value) => { context.errno = value; },
        enumerable: true,
        configurable: true,
      },
      syscall: {
        __proto__: null,
        get() { return context.syscall; },
        set: (value) => { context.syscall = value; },
        enumerable: true,
        configurable: true,
      },
    });
    for (const prop of ['path', 'dest']) {
      if (context[prop] === undefined) continue;
      ObjectDefineProperty(this, prop, {
        __proto__: null,
        get() {
          return context[prop] != null ? `${context[prop]}` : context[prop];
        },
        set: (value) => {
          context[prop] = value ? lazyBuffer().from(`${value}`) : undefined;
        },
        enumerable: true,
        configurable: true,
      });
    }
    materializeStackWithCode(this, key);
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [SymbolFor('nodejs.util.inspect.custom')](recurseTimes, ctx) {
    return lazyInternalUtilInspect().inspect(this, {
      ...ctx,
      getters: true,
      customInspect: false,
    });
  }
}

function makeSystemErrorWithCode(key) {
  return class NodeError extends SystemError {
    constructor(ctx) {
      super(key, ctx);
    }
  };
}

// Registers a code. `def` is the base class (Error, TypeError, RangeError,
// SyntaxError, URIError or SystemError); each of `otherClasses` adds a
// variant reachable as codes[sym][OtherClass.name], e.g.
// codes.ERR_INVALID_ARG_VALUE.RangeError.
function E(sym, val, def, ...otherClasses) {
  assert(!messages.has(sym), `Error code ${sym} registered twice`);
  messages.set(sym, val);
  const ErrClass = def === SystemError ?
    makeSystemErrorWithCode(sym) : makeNodeErrorWithCode(def, sym);
  ErrClass.HideStackFramesError = makeHideStackFramesError(ErrClass, def);
  for (const clazz of otherClasses) {
    const Other = makeNodeErrorWithCode(clazz, sym);
    Other.HideStackFramesError = makeHideStackFramesError(Other, clazz);
    ErrClass[clazz.name] = Other;
  }
  codes[sym] = ErrClass;
}

// "1234567" -> "1_234_567", keeping a leading minus sign.
function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) {
    res = `_${StringPrototypeSlice(val, i - 3, i)}${res}`;
  }
  return `${StringPrototypeSlice(val, 0, i)}${res}`;
}

// Describes a received value for messages such as ERR_INVALID_ARG_TYPE.
function determineSpecificType(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'bigint':
      return `type bigint (${value}n)`;
    case 'number':
      if (value === 0) {
        return 1 / value === -Infinity ? 'type number (-0)' : 'type number (0)';
      }
      return `type number (${value})`;
    case 'boolean':
      return `type boolean (${value})`;
    case 'symbol':
      return `type symbol (${String(value)})`;
    case 'function':
      return `function ${value.name}`;
    case 'object':
      if (value.constructor && 'name' in value.constructor) {
        return `an instance of ${value.constructor.name}`;
      }
      return `${lazyInternalUtilInspect().inspect(value, { depth: -1 })}`;
    case 'string': {
      let str = value;
      if (str.length > 28) str = `${StringPrototypeSlice(str, 0, 25)}...`;
      if (StringPrototypeIndexOf(str, "'") === -1) {
        return `type string ('${str}')`;
      }
      return `type string (${JSONStringify(str)})`;
    }
    default: {
      let str = lazyInternalUtilInspect().inspect(value, { colors: false });
      if (str.length > 28) str = `${StringPrototypeSlice(str, 0, 25)}...`;
      return `type ${typeof value} (${str})`;
    }
  }
}

// ['a', 'b', 'c'] -> "a, b, and c"; ['a', 'b'] -> "a and b".
function formatList(array, type = 'and') {
  const len = array.length;
  if (len === 0) return '';
  if (len === 1) return `${array[0]}`;
  if (len === 2) return `${array[0]} ${type} ${array[1]}`;
  return `${ArrayPrototypeJoin(ArrayPrototypeSlice(array, 0, -1), ', ')}, ` +
    `${type} ${array[len - 1]}`;
}

// Message builders for the codes whose text depends on the arguments. A
// default parameter does not count towards Function#length, which is the
// minimum number of arguments getMessage() insists on.

function msgAccessDenied(msg, permission = '', resource = '') {
  this.permission = permission;
  this.resource = resource;
  return msg;
}

function msgBufferOutOfBounds(name = undefined) {
  if (name) return `"${name}" is outside of buffer bounds`;
  return 'Attempt to access memory outside buffer bounds';
}

function msgEncodingInvalidEncodedData(encoding, ret) {
  this.errno = ret;
  return `The encoded data was not valid for encoding ${encoding}`;
}

function msgFalsyValueRejection(reason) {
  this.reason = reason;
  return 'Promise was rejected with falsy value';
}

function msgHttp2InvalidSettingValue(name, actual, min = undefined,
                                     max = undefined) {
  this.actual = actual;
  if (min !== undefined) {
    this.min = min;
    this.max = max;
  }
  return `Invalid value for setting "${name}": ${actual}`;
}

function msgHttp2StreamCancel(error) {
  let msg = 'The pending stream has been canceled';
  if (error) {
    this.cause = error;
    if (typeof error.message === 'string') {
      msg += ` (caused by: ${error.message})`;
    }
  }
  return msg;
}

function msgImportAttributeUnsupported(attribute, value, url = undefined) {
  const base = `Import attribute "${attribute}" with value "${value}" ` +
    'is not supported';
  return url === undefined ? base : `${base} in ${url}`;
}

function msgInternalAssertion(message) {
  const suffix = 'This is caused by either a bug in Node.js ' +
    'or incorrect usage of Node.js internals.\n' +
    'Please open an issue with this stack trace at ' +
    'https://github.com/nodejs/node/issues\n';
  return message === undefined ? suffix : `${message}\n${suffix}`;
}

function msgInvalidAddressFamily(addressType, host, port) {
  this.host = host;
  this.port = port;
  return `Invalid address family: ${addressType} ${host}:${port}`;
}

function msgInvalidArgType(name, expected, actual) {
  assert(typeof name === 'string', "'name' must be a string");
  const list = ArrayIsArray(expected) ? expected : [expected];
  let msg = 'The ';
  if (StringPrototypeEndsWith(name, ' argument')) {
    msg += `${name} must be `;
  } else {
    const kind = StringPrototypeIncludes(name, '.') ? 'property' : 'argument';
    msg += `"${name}" ${kind} must be `;
  }

  const types = [];
  const instances = [];
  const other = [];
  for (let i = 0; i < list.length; i++) {
    const value = list[i];
    assert(typeof value === 'string',
           'All expected entries have to be of type string');
    if (ArrayPrototypeIncludes(kTypes, value)) {
      ArrayPrototypePush(types, StringPrototypeToLowerCase(value));
    } else if (RegExpPrototypeExec(classRegExp, value) !== null) {
      ArrayPrototypePush(instances, value);
    } else {
      assert(value !== 'object',
             'The value "object" should be written as "Object"');
      ArrayPrototypePush(other, value);
    }
  }
  // With classes in the list, a plain object is spelled as the class Object.
  if (instances.length > 0) {
    const pos = ArrayPrototypeIndexOf(types, 'object');
    if (pos !== -1) {
      ArrayPrototypeSplice(types, pos, 1);
      ArrayPrototypePush(instances, 'Object');
    }
  }

  const parts = [];
  if (types.length > 0) {
    const prefix = types.length > 1 ? 'one of type' : 'of type';
    ArrayPrototypePush(parts, `${prefix} ${formatList(types, 'or')}`);
  }
  if (instances.length > 0) {
    ArrayPrototypePush(parts, `an instance of ${formatList(instances, 'or')}`);
  }
  if (other.length > 1) {
    ArrayPrototypePush(parts, `one of ${formatList(other, 'or')}`);
  } else if (other.length === 1) {
    const article =
      StringPrototypeToLowerCase(other[0]) !== other[0] ? 'an ' : '';
    ArrayPrototypePush(parts, `${article}${other[0]}`);
  }
  msg += ArrayPrototypeJoin(parts, ' or ');
  return `${msg}. Received ${determineSpecificType(actual)}`;
}

function msgInvalidArgValue(name, value, reason = 'is invalid') {
  let inspected = lazyInternalUtilInspect().inspect(value);
  if (inspected.length > 128) {
    inspected = `${StringPrototypeSlice(inspected, 0, 128)}...`;
  }
  const kind = StringPrototypeIncludes(name, '.') ? 'property' : 'argument';
  return `The ${kind} '${name}' ${reason}. Received ${inspected}`;
}

function msgInvalidChar(name, field = undefined) {
  let msg = `Invalid character in ${name}`;
  if (field !== undefined) msg += ` ["${field}"]`;
  return msg;
}

function msgInvalidFileUrlPath(reason, input) {
  this.input = input;
  return `File URL path ${reason}`;
}

function msgInvalidMimeSyntax(production, str, invalidIndex) {
  const at = invalidIndex !== -1 ? ` at ${invalidIndex}` : '';
  return `The MIME syntax for a ${production} in "${str}" is invalid${at}`;
}

function msgInvalidModuleSpecifier(request, reason, base = undefined) {
  const from = base ? ` imported from ${base}` : '';
  return `Invalid module "${request}" ${reason}${from}`;
}

function msgInvalidPackageConfig(path, base, message) {
  const from = base ? ` while importing ${base}` : '';
  const detail = message ? `. ${message}` : '';
  return `Invalid package config ${path}${from}${detail}`;
}

function msgInvalidPackageTarget(pkgPath, key, target, isImport = false,
                                 base = undefined) {
  const relError = typeof target === 'string' && !isImport &&
    target.length > 0 && !StringPrototypeStartsWith(target, './');
  const from = base ? ` imported from ${base}` : '';
  const hint = relError ? '; targets must start with "./"' : '';
  if (key === '.') {
    assert(isImport === false);
    return `Invalid "exports" main target ${JSONStringify(target)} defined ` +
      `in the package config ${pkgPath}package.json${from}${hint}`;
  }
  return `Invalid "${isImport ? 'imports' : 'exports'}" target ` +
    `${JSONStringify(target)} defined for '${key}' in the package config ` +
    `${pkgPath}package.json${from}${hint}`;
}

function msgInvalidReturnProperty(input, name, prop, value) {
  return `Expected a valid ${input} to be returned for the "${prop}" from ` +
    `the "${name}" hook but got ${determineSpecificType(value)}.`;
}

function msgInvalidReturnPropertyValue(input, name, prop, value) {
  return `Expected ${input} to be returned for the "${prop}" from the ` +
    `"${name}" hook but got ${determineSpecificType(value)}.`;
}

function msgInvalidReturnValue(input, name, value) {
  return `Expected ${input} to be returned from the "${name}" function but ` +
    `got ${determineSpecificType(value)}.`;
}

function msgInvalidUrl(input, base = null) {
  this.input = input;
  if (base != null) this.base = base;
  // The input is kept out of the message on purpose: it may hold secrets.
  return 'Invalid URL';
}

function msgInvalidUrlScheme(expected) {
  const list = typeof expected === 'string' ? [expected] : expected;
  assert(list.length <= 2);
  const what = list.length === 2 ?
    `one of scheme ${list[0]} or ${list[1]}` : `of scheme ${list[0]}`;
  return `The URL must be ${what}`;
}

function msgIpBlocked(ip) {
  return `IP(${ip}) is blocked by net.BlockList`;
}

function msgMissingArgs(...args) {
  assert(args.length > 0, 'At least one arg needs to be specified');
  const quote = (a) => `"${a}"`;
  const names = ArrayPrototypeMap(args, (a) => (ArrayIsArray(a) ?
    ArrayPrototypeJoin(ArrayPrototypeMap(a, quote), ' or ') : quote(a)));
  return `The ${formatList(names)} argument${args.length > 1 ? 's' : ''} ` +
    'must be specified';
}

function msgModuleNotFound(path, base, exactUrl) {
  if (exactUrl) lazyInternalUtil().setOwnProperty(this, 'url', `${exactUrl}`);
  return `Cannot find ${exactUrl ? 'module' : 'package'} '${path}' ` +
    `imported from ${base}`;
}

function msgOutOfRange(str, range, input, replaceDefaultBoolean = false) {
  assert(range, 'Missing "range" argument');
  let msg = replaceDefaultBoolean ? str :
    `The value of "${str}" is out of range.`;
  let received;
  if (NumberIsInteger(input) && MathAbs(input) > 2 ** 32) {
    received = addNumericalSeparator(String(input));
  } else if (typeof input === 'bigint') {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) {
      received = addNumericalSeparator(received);
    }
    received += 'n';
  } else {
    received = lazyInternalUtilInspect().inspect(input);
  }
  msg += ` It must be ${range}. Received ${received}`;
  return msg;
}

function msgPackageImportNotDefined(specifier, packagePath, base) {
  const where = packagePath ? ` in package ${packagePath}package.json` : '';
  return `Package import specifier "${specifier}" is not defined${where} ` +
    `imported from ${base}`;
}

function msgPackagePathNotExported(pkgPath, subpath, base = undefined) {
  const from = base ? ` imported from ${base}` : '';
  if (subpath === '.') {
    return `No "exports" main defined in ${pkgPath}package.json${from}`;
  }
  return `Package subpath '${subpath}' is not defined by "exports" in ` +
    `${pkgPath}package.json${from}`;
}

function msgParseArgsUnknownOption(option, allowPositionals) {
  let msg = `Unknown option '${option}'`;
  if (allowPositionals) {
    msg += '. To specify a positional argument starting with a \'-\', ' +
      'place it at the end of the command after \'--\', as in ' +
      `'-- ${JSONStringify(option)}`;
  }
  return msg;
}

function msgRequireAsyncModule(filename, parentFilename) {
  let message = 'require() cannot be used on an ESM graph with top-level ' +
    'await. Use import() instead. To see where the top-level await comes ' +
    'from, use --experimental-print-required-tla.';
  if (parentFilename) message += `\n  From ${parentFilename} `;
  if (filename) message += `\n  Requiring ${filename} `;
  return message;
}

function msgRequireEsm(filename, hasEsmSyntax, parentPath = null,
                       packageJsonPath = null) {
  let msg = `require() of ES Module ${filename}` +
    `${parentPath ? ` from ${parentPath}` : ''} not supported.`;
  if (!packageJsonPath) {
    if (StringPrototypeEndsWith(filename, '.mjs')) {
      msg += `\nInstead change the require of ${filename} to a dynamic ` +
        'import() which is available in all CommonJS modules.';
    }
    return msg;
  }
  const { basename } = require('path');
  const base = parentPath && basename(filename) === basename(parentPath) ?
    filename : basename(filename);
  if (hasEsmSyntax) {
    return `${msg}\nInstead change the require of ${base} in ${parentPath} ` +
      'to a dynamic import() which is available in all CommonJS modules.';
  }
  return `${msg}\n${base} is treated as an ES module file as it is a .js ` +
    'file whose nearest parent package.json contains "type": "module" ' +
    'which declares all .js files in that package scope as ES modules.' +
    `\nInstead either rename ${base} to end in .cjs, change the requiring ` +
    'code to use dynamic import() which is available in all CommonJS ' +
    'modules, or change "type": "module" to "type": "commonjs" in ' +
    `${packageJsonPath} to treat all .js files as CommonJS (using .mjs for ` +
    'all ES modules instead).\n';
}

function msgSocketBadPort(name, port, allowZero = true) {
  assert(typeof allowZero === 'boolean',
         "The 'allowZero' argument must be of type boolean.");
  const operator = allowZero ? '>=' : '>';
  return `${name} should be ${operator} 0 and < 65536. ` +
    `Received ${determineSpecificType(port)}.`;
}

// An ERR_TEST_FAILURE's stack names only the user's code, as in Node: its
// own stack formatter skips the call sites in lode's internal modules.
function isInternalCallSite(callSite) {
  const file = callSite.getFileName();
  return typeof file === 'string' &&
    StringPrototypeStartsWith(file, 'node:internal');
}

function hideInternalStackFrames(error) {
  overrideStackTrace.set(error, (target, callSites) => {
    // The first line is made while the name still carries the code.
    let stack = ErrorPrototypeToString(target);
    for (let i = 0; i < callSites.length; i++) {
      if (!isInternalCallSite(callSites[i])) {
        stack += `\n    at ${callSites[i]}`;
      }
    }
    return stack;
  });
}

function msgTestFailure(error, failureType) {
  hideInternalStackFrames(this);
  assert(typeof failureType === 'string' || typeof failureType === 'symbol',
         "The 'failureType' argument must be of type string or symbol.");
  let msg = error?.message ?? error;
  if (typeof msg !== 'string') msg = inspectWithNoCustomRetry(msg);
  this.failureType = failureType;
  this.cause = error;
  return msg;
}

function msgTlsAlpnCallbackInvalidResult(value, protocols) {
  const offered = ArrayPrototypeJoin(protocols, ', ');
  return `ALPN callback returned a value (${value}) that did not match any ` +
    `of the client's offered protocols (${offered})`;
}

function msgTlsCertAltnameInvalid(reason, host, cert) {
  this.reason = reason;
  this.host = host;
  this.cert = cert;
  return `Hostname/IP does not match certificate's altnames: ${reason}`;
}

function msgUnhandledError(err = undefined) {
  const msg = 'Unhandled error.';
  if (err === undefined) return msg;
  return `${msg} (${err})`;
}

function msgUnsupportedDirImport(path, base, exactUrl) {
  lazyInternalUtil().setOwnProperty(this, 'url', exactUrl);
  return `Directory import '${path}' is not supported ` +
    `resolving ES modules imported from ${base}`;
}

function msgUnsupportedEsmUrlScheme(url, supported) {
  return `Only URLs with a scheme in: ${formatList(supported)} are ` +
    'supported by the default ESM loader. ' +
    `Received protocol '${url.protocol}'`;
}

function msgVmModuleLinkFailure(message, cause) {
  this.cause = cause;
  return message;
}

function msgWorkerInvalidExecArgv(errors, msg = 'invalid execArgv flags') {
  return `Initiated Worker with ${msg}: ${ArrayPrototypeJoin(errors, ', ')}`;
}

function msgWorkerPath(filename) {
  let msg = 'The worker script or module filename must be an absolute path ' +
    'or a relative path starting with \'./\' or \'../\'.';
  if (StringPrototypeStartsWith(filename, 'file://')) {
    msg += ' Wrap file:// URLs with `new URL`.';
  }
  if (StringPrototypeStartsWith(filename, 'data:text/javascript')) {
    msg += ' Wrap data: URLs with `new URL`.';
  }
  return `${msg} Received "${filename}"`;
}

function inspectWithNoCustomRetry(obj, options) {
  const { inspect } = lazyInternalUtilInspect();
  try {
    return inspect(obj, options);
  } catch {
    return inspect(obj, { ...options, customInspect: false });
  }
}


// libuv errors ---------------------------------------------------------------

let uvBinding;
function lazyUv() {
  uvBinding ??= internalBinding('uv');
  return uvBinding;
}

let uvErrorMap;
const uvUnmappedError = ['UNKNOWN', 'unknown error'];

// errno -> [name, message], from the uv binding.
function uvErrmapGet(errno) {
  uvErrorMap ??= lazyUv().getErrorMap();
  return MapPrototypeGet(uvErrorMap, errno);
}

// The classes below keep `Error` as their visible constructor, so that
// `err.constructor === Error` as with Node.

// A failed libuv call: "ENOENT: no such file or directory, open 'x'".
// `ctx` holds errno, syscall and optionally code, message, path and dest;
// every key but message/path/dest is copied onto the error.
class UVException extends Error {
  constructor(ctx) {
    const { 0: code, 1: uvmsg } = uvErrmapGet(ctx.errno) || uvUnmappedError;
    let message = `${code}: ${ctx.message || uvmsg}, ${ctx.syscall}`;
    let path;
    let dest;
    if (ctx.path) {
      path = `${ctx.path}`;
      message += ` '${path}'`;
    }
    if (ctx.dest) {
      dest = `${ctx.dest}`;
      message += ` -> '${dest}'`;
    }
    super(message);
    const keys = ObjectKeys(ctx);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key !== 'message' && key !== 'path' && key !== 'dest') {
        this[key] = ctx[key];
      }
    }
    this.code = code;
    if (path) this.path = path;
    if (dest) this.dest = dest;
  }

  get ['constructor']() {
    return Error;
  }
}

// "connect ECONNREFUSED: connection refused 127.0.0.1:80"
class UVExceptionWithHostPort extends Error {
  constructor(err, syscall, address, port) {
    const { 0: code, 1: uvmsg } = uvErrmapGet(err) || uvUnmappedError;
    super(`${syscall} ${code}: ${uvmsg}${hostPortDetails(address, port)}`);
    this.code = code;
    this.errno = err;
    this.syscall = syscall;
    this.address = address;
    if (port) this.port = port;
  }

  get ['constructor']() {
    return Error;
  }
}

function hostPortDetails(address, port) {
  if (port && port > 0) return ` ${address}:${port}`;
  if (address) return ` ${address}`;
  return '';
}

// "write EPIPE" (the old util._errnoException()).
class ErrnoException extends Error {
  constructor(err, syscall, original) {
    // Goes through the validating public helper: user code can reach this.
    const code = require('util').getSystemErrorName(err);
    super(original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`);
    this.errno = err;
    this.code = code;
    this.syscall = syscall;
  }

  get ['constructor']() {
    return Error;
  }
}

// "connect ECONNREFUSED 127.0.0.1:80 - Local (...)"
class ExceptionWithHostPort extends Error {
  constructor(err, syscall, address, port, additional) {
    const code = require('util').getSystemErrorName(err);
    let details = hostPortDetails(address, port);
    if (additional) details += ` - Local (${additional})`;
    super(`${syscall} ${code}${details}`);
    this.errno = err;
    this.code = code;
    this.syscall = syscall;
    this.address = address;
    if (port) this.port = port;
  }

  get ['constructor']() {
    return Error;
  }
}

// "getaddrinfo ENOTFOUND example.invalid". `code` is a libuv errno or a
// c-ares code string.
class DNSException extends Error {
  constructor(code, syscall, hostname) {
    let errno;
    if (typeof code === 'number') {
      errno = code;
      const uv = lazyUv();
      if (code === uv.UV_EAI_NODATA || code === uv.UV_EAI_NONAME) {
        code = 'ENOTFOUND';
      } else {
        code = lazyInternalUtil().getSystemErrorName(code);
      }
    }
    super(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`);
    this.errno = errno;
    this.code = code;
    this.syscall = syscall;
    if (hostname) this.hostname = hostname;
  }

  get ['constructor']() {
    return Error;
  }
}

class ConnResetException extends Error {
  constructor(msg) {
    super(msg);
    this.code = 'ECONNRESET';
  }

  get ['constructor']() {
    return Error;
  }
}

// Error helpers --------------------------------------------------------------

// Node's AbortError: a plain Error with name 'AbortError' and code
// 'ABORT_ERR' (not a DOMException).
class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    if (options !== undefined && typeof options !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

class NodeAggregateError extends AggregateError {
  constructor(errors, message) {
    super(new SafeArrayIterator(errors), message);
    this.code = errors[0]?.code;
  }

  get [kIsNodeError]() {
    return true;
  }

  get ['constructor']() {
    return AggregateError;
  }
}

// Combines an error raised while handling `outerError` with it. Either may
// be null; an outer AggregateError collects the inner one.
function aggregateTwoErrors(innerError, outerError) {
  if (innerError && outerError && innerError !== outerError) {
    if (ArrayIsArray(outerError.errors)) {
      ArrayPrototypePush(outerError.errors, innerError);
      return outerError;
    }
    const err = withoutStackTrace(() =>
      new AggregateError([outerError, innerError], outerError.message));
    ErrorCaptureStackTrace(err, aggregateTwoErrors);
    err.code = outerError.code;
    return err;
  }
  return innerError || outerError;
}

// A plain Error with extra properties (used where Node reports a code-less
// error, e.g. child_process exit failures).
const genericNodeError = hideStackFrames(
  function genericNodeError(message, errorProperties) {
    const err = new Error(message);
    ObjectAssign(err, errorProperties);
    return err;
  });

let maxStackErrorName;
let maxStackErrorMessage;

// Whether `err` is V8's "Maximum call stack size exceeded" RangeError. The
// reference name and message are learned by overflowing the stack once.
function isStackOverflowError(err) {
  if (maxStackErrorMessage === undefined) {
    try {
      const overflow = () => overflow();
      overflow();
    } catch (e) {
      maxStackErrorMessage = e.message;
      maxStackErrorName = e.name;
    }
  }
  return Boolean(err) && err.name === maxStackErrorName &&
    err.message === maxStackErrorMessage;
}

// Hooks used when a fatal exception is about to be printed.
const fatalExceptionStackEnhancers = {
  beforeInspector(error) {
    if (typeof error[kEnhanceStackBeforeInspector] !== 'function') {
      return error.stack;
    }
    try {
      error.stack = error[kEnhanceStackBeforeInspector]();
    } catch {
      // Best effort only.
    }
    return error.stack;
  },
  afterInspector(error) {
    const originalStack = error.stack;
    const { inspect, inspectDefaultOptions } = lazyInternalUtilInspect();
    let colors = inspectDefaultOptions?.colors ?? false;
    try {
      const stderr = process.stderr;
      if (stderr?.isTTY && typeof stderr.hasColors === 'function' &&
          stderr.hasColors()) {
        colors = true;
      }
    } catch {
      // stderr may not be usable while dying.
    }
    try {
      return inspect(error, {
        colors,
        customInspect: false,
        depth: MathMax(inspect.defaultOptions.depth, 5),
      });
    } catch {
      return originalStack;
    }
  },
};

// The codes ----------------------------------------------------------------

E('ERR_ACCESS_DENIED', msgAccessDenied, Error);
E('ERR_AMBIGUOUS_ARGUMENT', 'The "%s" argument is ambiguous. %s', TypeError);
E('ERR_ARG_NOT_ITERABLE', '%s must be iterable', TypeError);
E('ERR_ASSERTION', '%s', Error);
E('ERR_ASYNC_CALLBACK', '%s must be a function', TypeError);
E('ERR_ASYNC_LOADER_REQUEST_NEVER_SETTLED',
  'Async loader request never settled', Error);
E('ERR_ASYNC_TYPE', 'Invalid name for async "type": %s', TypeError);
E('ERR_BROTLI_INVALID_PARAM', '%s is not a valid Brotli parameter', RangeError);
E('ERR_BUFFER_OUT_OF_BOUNDS', msgBufferOutOfBounds, RangeError);
E('ERR_BUFFER_TOO_LARGE',
  'Cannot create a Buffer larger than %s bytes', RangeError);
E('ERR_CANNOT_WATCH_SIGINT', 'Cannot watch for SIGINT signals', Error);
E('ERR_CHILD_CLOSED_BEFORE_REPLY', 'Child closed before reply received', Error);
E('ERR_CHILD_PROCESS_IPC_REQUIRED',
  'Forked processes must have an IPC channel, missing value \'ipc\' in %s',
  Error);
E('ERR_CHILD_PROCESS_STDIO_MAXBUFFER',
  '%s maxBuffer length exceeded', RangeError);
E('ERR_CONSOLE_WRITABLE_STREAM',
  'Console expects a writable stream instance for %s', TypeError);
E('ERR_CONSTRUCT_CALL_REQUIRED',
  'Class constructor %s cannot be invoked without `new`', TypeError);
E('ERR_CONTEXT_NOT_INITIALIZED', 'context used is not initialized', Error);
E('ERR_CRYPTO_ARGON2_NOT_SUPPORTED', 'Argon2 algorithm not supported', Error);
E('ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED',
  'Custom engines not supported by this OpenSSL', Error);
E('ERR_CRYPTO_ECDH_INVALID_FORMAT', 'Invalid ECDH format: %s', TypeError);
E('ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY',
  'Public key is not valid for specified curve', Error);
E('ERR_CRYPTO_ENGINE_UNKNOWN', 'Engine "%s" was not found', Error);
E('ERR_CRYPTO_FIPS_FORCED',
  'Cannot set FIPS mode, it was forced with --force-fips at startup.', Error);
E('ERR_CRYPTO_FIPS_UNAVAILABLE',
  'Cannot set FIPS mode in a non-FIPS build.', Error);
E('ERR_CRYPTO_HASH_FINALIZED', 'Digest already called', Error);
E('ERR_CRYPTO_HASH_UPDATE_FAILED', 'Hash update failed', Error);
E('ERR_CRYPTO_INCOMPATIBLE_KEY', 'Incompatible %s: %s', Error);
E('ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS',
  'The selected key encoding %s %s.', Error);
E('ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest: %s', TypeError);
E('ERR_CRYPTO_INVALID_JWK', 'Invalid JWK data', TypeError);
E('ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
  'Invalid key object type %s, expected %s.', TypeError);
E('ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation %s', Error);
E('ERR_CRYPTO_JWK_UNSUPPORTED_CURVE', 'Unsupported JWK EC curve: %s.', Error);
E('ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE', 'Unsupported JWK Key Type.', Error);
E('ERR_CRYPTO_KEM_NOT_SUPPORTED', 'KEM is not supported', Error);
E('ERR_CRYPTO_OPERATION_FAILED', '%s', Error);
E('ERR_CRYPTO_PBKDF2_ERROR', 'PBKDF2 error', Error);
E('ERR_CRYPTO_SCRYPT_NOT_SUPPORTED', 'Scrypt algorithm not supported', Error);
E('ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign', Error);
E('ERR_DEBUGGER_ERROR', '%s', Error);
E('ERR_DEBUGGER_STARTUP_ERROR', '%s', Error);
E('ERR_DIR_CLOSED', 'Directory handle was closed', Error);
E('ERR_DIR_CONCURRENT_OPERATION',
  'Cannot do synchronous work on directory handle with concurrent ' +
  'asynchronous operations', Error);
E('ERR_DNS_SET_SERVERS_FAILED',
  'c-ares failed to set servers: "%s" [%s]', Error);
E('ERR_DOMAIN_CALLBACK_NOT_AVAILABLE',
  'A callback was registered through ' +
  'process.setUncaughtExceptionCaptureCallback(), which is mutually ' +
  'exclusive with using the `domain` module', Error);
E('ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE',
  'The `domain` module is in use, which is mutually exclusive with calling ' +
  'process.setUncaughtExceptionCaptureCallback()', Error);
E('ERR_DUPLICATE_STARTUP_SNAPSHOT_MAIN_FUNCTION',
  'Deserialize main function is already configured.', Error);
E('ERR_ENCODING_INVALID_ENCODED_DATA',
  msgEncodingInvalidEncodedData, TypeError);
E('ERR_ENCODING_NOT_SUPPORTED',
  'The "%s" encoding is not supported', RangeError);
E('ERR_EVAL_ESM_CANNOT_PRINT', '--print cannot be used with ESM input', Error);
E('ERR_EVENT_RECURSION', 'The event "%s" is already being dispatched', Error);
E('ERR_FALSY_VALUE_REJECTION', msgFalsyValueRejection, Error);
E('ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
  'The feature %s is unavailable on the current platform, which is being ' +
  'used to run Node.js', TypeError);
E('ERR_FS_CP_DIR_TO_NON_DIR',
  'Cannot overwrite non-directory with directory', SystemError);
E('ERR_FS_CP_EEXIST', 'Target already exists', SystemError);
E('ERR_FS_CP_EINVAL', 'Invalid src or dest', SystemError);
E('ERR_FS_CP_FIFO_PIPE', 'Cannot copy a FIFO pipe', SystemError);
E('ERR_FS_CP_NON_DIR_TO_DIR',
  'Cannot overwrite directory with non-directory', SystemError);
E('ERR_FS_CP_SOCKET', 'Cannot copy a socket file', SystemError);
E('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY',
  'Cannot overwrite symlink in subdirectory of self', SystemError);
E('ERR_FS_CP_UNKNOWN', 'Cannot copy an unknown file type', SystemError);
E('ERR_FS_EISDIR', 'Path is a directory', SystemError);
E('ERR_FS_FILE_TOO_LARGE', 'File size (%s) is greater than 2 GiB', RangeError);
E('ERR_FS_WATCH_QUEUE_OVERFLOW',
  'fs.watch() queued more than %d events', Error);
E('ERR_HEAP_PROFILE_HAVE_BEEN_STARTED', 'heap profiler have been started',
  Error);
E('ERR_HTTP2_ALTSVC_INVALID_ORIGIN',
  'HTTP/2 ALTSVC frames require a valid origin', TypeError);
E('ERR_HTTP2_ALTSVC_LENGTH',
  'HTTP/2 ALTSVC frames are limited to 16382 bytes', TypeError);
E('ERR_HTTP2_CONNECT_AUTHORITY',
  ':authority header is required for CONNECT requests', Error);
E('ERR_HTTP2_CONNECT_PATH',
  'The :path header is forbidden for CONNECT requests', Error);
E('ERR_HTTP2_CONNECT_SCHEME',
  'The :scheme header is forbidden for CONNECT requests', Error);
E('ERR_HTTP2_GOAWAY_SESSION',
  'New streams cannot be created after receiving a GOAWAY', Error);
E('ERR_HTTP2_HEADERS_AFTER_RESPOND',
  'Cannot specify additional headers after response initiated', Error);
E('ERR_HTTP2_HEADERS_SENT', 'Response has already been initiated.', Error);
E('ERR_HTTP2_HEADER_SINGLE_VALUE',
  'Header field "%s" must only have a single value', TypeError);
E('ERR_HTTP2_INFO_STATUS_NOT_ALLOWED',
  'Informational status codes cannot be used', RangeError);
E('ERR_HTTP2_INVALID_CONNECTION_HEADERS',
  'HTTP/1 Connection specific headers are forbidden: "%s"', TypeError);
E('ERR_HTTP2_INVALID_HEADER_VALUE',
  'Invalid value "%s" for header "%s"', TypeError);
E('ERR_HTTP2_INVALID_INFO_STATUS',
  'Invalid informational status code: %s', RangeError);
E('ERR_HTTP2_INVALID_ORIGIN',
  'HTTP/2 ORIGIN frames require a valid origin', TypeError);
E('ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH',
  'Packed settings length must be a multiple of six', RangeError);
E('ERR_HTTP2_INVALID_PSEUDOHEADER',
  '"%s" is an invalid pseudoheader or is used incorrectly', TypeError);
E('ERR_HTTP2_INVALID_SESSION', 'The session has been destroyed', Error);
E('ERR_HTTP2_INVALID_SETTING_VALUE',
  msgHttp2InvalidSettingValue, TypeError, RangeError);
E('ERR_HTTP2_INVALID_STREAM', 'The stream has been destroyed', Error);
E('ERR_HTTP2_MAX_PENDING_SETTINGS_ACK',
  'Maximum number of pending settings acknowledgements', Error);
E('ERR_HTTP2_NESTED_PUSH',
  'A push stream cannot initiate another push stream.', Error);
E('ERR_HTTP2_NO_MEM', 'Out of memory', Error);
E('ERR_HTTP2_NO_SOCKET_MANIPULATION',
  'HTTP/2 sockets should not be directly manipulated (e.g. read and written)',
  Error);
E('ERR_HTTP2_ORIGIN_LENGTH',
  'HTTP/2 ORIGIN frames are limited to 16382 bytes', TypeError);
E('ERR_HTTP2_OUT_OF_STREAMS',
  'No stream ID is available because maximum stream ID has been reached',
  Error);
E('ERR_HTTP2_PAYLOAD_FORBIDDEN',
  'Responses with %s status must not have a payload', Error);
E('ERR_HTTP2_PING_CANCEL', 'HTTP2 ping cancelled', Error);
E('ERR_HTTP2_PING_LENGTH', 'HTTP2 ping payload must be 8 bytes', RangeError);
E('ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED',
  'Cannot set HTTP/2 pseudo-headers', TypeError);
E('ERR_HTTP2_PUSH_DISABLED', 'HTTP/2 client has disabled push streams', Error);
E('ERR_HTTP2_SEND_FILE', 'Directories cannot be sent', Error);
E('ERR_HTTP2_SEND_FILE_NOSEEK',
  'Offset or length can only be specified for regular files', Error);
E('ERR_HTTP2_SESSION_ERROR', 'Session closed with error code %s', Error);
E('ERR_HTTP2_SETTINGS_CANCEL', 'HTTP2 session settings canceled', Error);
E('ERR_HTTP2_SOCKET_BOUND',
  'The socket is already bound to an Http2Session', Error);
E('ERR_HTTP2_SOCKET_UNBOUND',
  'The socket has been disconnected from the Http2Session', Error);
E('ERR_HTTP2_STATUS_101',
  'HTTP status code 101 (Switching Protocols) is forbidden in HTTP/2', Error);
E('ERR_HTTP2_STATUS_INVALID', 'Invalid status code: %s', RangeError);
E('ERR_HTTP2_STREAM_CANCEL', msgHttp2StreamCancel, Error);
E('ERR_HTTP2_STREAM_ERROR', 'Stream closed with error code %s', Error);
E('ERR_HTTP2_STREAM_SELF_DEPENDENCY',
  'A stream cannot depend on itself', Error);
E('ERR_HTTP2_TOO_MANY_CUSTOM_SETTINGS',
  'Number of custom settings exceeds MAX_ADDITIONAL_SETTINGS', Error);
E('ERR_HTTP2_TOO_MANY_INVALID_FRAMES', 'Too many invalid HTTP/2 frames', Error);
E('ERR_HTTP2_TRAILERS_ALREADY_SENT',
  'Trailing headers have already been sent', Error);
E('ERR_HTTP2_TRAILERS_NOT_READY',
  'Trailing headers cannot be sent until after the wantTrailers event is ' +
  'emitted', Error);
E('ERR_HTTP2_UNSUPPORTED_PROTOCOL', 'protocol "%s" is unsupported.', Error);
E('ERR_HTTP_BODY_NOT_ALLOWED',
  'Adding content for this request method or response status is not allowed.',
  Error);
E('ERR_HTTP_CONTENT_LENGTH_MISMATCH',
  'Response body\'s content-length of %s byte(s) does not match the ' +
  'content-length of %s byte(s) set in header', Error);
E('ERR_HTTP_HEADERS_SENT',
  'Cannot %s headers after they are sent to the client', Error);
E('ERR_HTTP_INVALID_HEADER_VALUE',
  'Invalid value "%s" for header "%s"', TypeError);
E('ERR_HTTP_INVALID_STATUS_CODE', 'Invalid status code: %s', RangeError);
E('ERR_HTTP_REQUEST_TIMEOUT', 'Request timeout', Error);
E('ERR_HTTP_SOCKET_ASSIGNED',
  'ServerResponse has an already assigned socket', Error);
E('ERR_HTTP_SOCKET_ENCODING',
  'Changing the socket encoding is not allowed per RFC7230 Section 3.', Error);
E('ERR_HTTP_TRAILER_INVALID',
  'Trailers are invalid with this transfer encoding', Error);
E('ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor', TypeError);
E('ERR_IMPORT_ATTRIBUTE_MISSING',
  'Module "%s" needs an import attribute of "%s: %s"', TypeError);
E('ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE',
  'Module "%s" is not of type "%s"', TypeError);
E('ERR_IMPORT_ATTRIBUTE_UNSUPPORTED', msgImportAttributeUnsupported, TypeError);
E('ERR_INCOMPATIBLE_OPTION_PAIR',
  'Option "%s" cannot be used in combination with option "%s"', TypeError);
E('ERR_INPUT_TYPE_NOT_ALLOWED',
  '--input-type can only be used with string input via --eval, --print, or ' +
  'STDIN', Error);
E('ERR_INSPECTOR_ALREADY_ACTIVATED',
  'Inspector is already activated. Close it with inspector.close() before ' +
  'activating it again.', Error);
E('ERR_INSPECTOR_ALREADY_CONNECTED', '%s is already connected', Error);
E('ERR_INSPECTOR_CLOSED', 'Session was closed', Error);
E('ERR_INSPECTOR_COMMAND', 'Inspector error %d: %s', Error);
E('ERR_INSPECTOR_NOT_ACTIVE', 'Inspector is not active', Error);
E('ERR_INSPECTOR_NOT_AVAILABLE', 'Inspector is not available', Error);
E('ERR_INSPECTOR_NOT_CONNECTED', 'Session is not connected', Error);
E('ERR_INSPECTOR_NOT_WORKER', 'Current thread is not a worker', Error);
E('ERR_INTERNAL_ASSERTION', msgInternalAssertion, Error);
E('ERR_INVALID_ADDRESS', 'Invalid socket address', Error);
E('ERR_INVALID_ADDRESS_FAMILY', msgInvalidAddressFamily, RangeError);
E('ERR_INVALID_ARG_TYPE', msgInvalidArgType, TypeError);
E('ERR_INVALID_ARG_VALUE', msgInvalidArgValue, TypeError, RangeError);
E('ERR_INVALID_ASYNC_ID', 'Invalid %s value: %s', RangeError);
E('ERR_INVALID_BUFFER_SIZE',
  'Buffer size must be a multiple of %s', RangeError);
E('ERR_INVALID_CHAR', msgInvalidChar, TypeError);
E('ERR_INVALID_CURSOR_POS',
  'Cannot set cursor row without setting its column', TypeError);
E('ERR_INVALID_FD', '"fd" must be a positive integer: %s', RangeError);
E('ERR_INVALID_FD_TYPE', 'Unsupported fd type: %s', TypeError);
E('ERR_INVALID_FILE_URL_HOST',
  'File URL host must be "localhost" or empty on %s', TypeError);
E('ERR_INVALID_FILE_URL_PATH', msgInvalidFileUrlPath, TypeError);
E('ERR_INVALID_HANDLE_TYPE', 'This handle type cannot be sent', TypeError);
E('ERR_INVALID_HTTP_TOKEN', '%s must be a valid HTTP token ["%s"]', TypeError);
E('ERR_INVALID_IP_ADDRESS', 'Invalid IP address: %s', TypeError);
E('ERR_INVALID_MIME_SYNTAX', msgInvalidMimeSyntax, TypeError);
E('ERR_INVALID_MODULE_SPECIFIER', msgInvalidModuleSpecifier, TypeError);
E('ERR_INVALID_PACKAGE_CONFIG', msgInvalidPackageConfig, Error);
E('ERR_INVALID_PACKAGE_TARGET', msgInvalidPackageTarget, Error);
E('ERR_INVALID_PROTOCOL',
  'Protocol "%s" not supported. Expected "%s"', TypeError);
E('ERR_INVALID_REPL_EVAL_CONFIG',
  'Cannot specify both "breakEvalOnSigint" and "eval" for REPL', TypeError);
E('ERR_INVALID_REPL_INPUT', '%s', TypeError);
E('ERR_INVALID_RETURN_PROPERTY', msgInvalidReturnProperty, TypeError);
E('ERR_INVALID_RETURN_PROPERTY_VALUE',
  msgInvalidReturnPropertyValue, TypeError);
E('ERR_INVALID_RETURN_VALUE', msgInvalidReturnValue, TypeError, RangeError);
E('ERR_INVALID_STATE', 'Invalid state: %s', Error, TypeError, RangeError);
E('ERR_INVALID_SYNC_FORK_INPUT',
  'Asynchronous forks do not support Buffer, TypedArray, DataView or string ' +
  'input: %s', TypeError);
E('ERR_INVALID_THIS', 'Value of "this" must be of type %s', TypeError);
E('ERR_INVALID_TUPLE', '%s must be an iterable %s tuple', TypeError);
E('ERR_INVALID_TYPESCRIPT_SYNTAX', '%s', SyntaxError);
E('ERR_INVALID_URI', 'URI malformed', URIError);
E('ERR_INVALID_URL', msgInvalidUrl, TypeError);
E('ERR_INVALID_URL_SCHEME', msgInvalidUrlScheme, TypeError);
E('ERR_IPC_CHANNEL_CLOSED', 'Channel closed', Error);
E('ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected', Error);
E('ERR_IPC_ONE_PIPE', 'Child process can have only one IPC pipe', Error);
E('ERR_IPC_SYNC_FORK', 'IPC cannot be used with synchronous forks', Error);
E('ERR_IP_BLOCKED', msgIpBlocked, Error);
E('ERR_LOADER_CHAIN_INCOMPLETE',
  '"%s" did not call the next hook in its chain and did not explicitly ' +
  'signal a short circuit. If this is intentional, include `shortCircuit: ' +
  'true` in the hook\'s return.', Error);
E('ERR_METHOD_NOT_IMPLEMENTED', 'The %s method is not implemented', Error);
E('ERR_MISSING_ARGS', msgMissingArgs, TypeError);
E('ERR_MISSING_OPTION', '%s is required', TypeError);
E('ERR_MODULE_LINK_MISMATCH', '%s', TypeError);
E('ERR_MODULE_NOT_FOUND', msgModuleNotFound, Error);
E('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times', Error);
E('ERR_NAPI_CONS_FUNCTION', 'Constructor must be a function', TypeError);
E('ERR_NAPI_INVALID_DATAVIEW_ARGS',
  'byte_offset + byte_length should be less than or equal to the size in ' +
  'bytes of the array passed in', RangeError);
E('ERR_NAPI_INVALID_TYPEDARRAY_ALIGNMENT',
  'start offset of %s should be a multiple of %s', RangeError);
E('ERR_NAPI_INVALID_TYPEDARRAY_LENGTH',
  'Invalid typed array length', RangeError);
E('ERR_NOT_BUILDING_SNAPSHOT',
  'Operation cannot be invoked when not building startup snapshot', Error);
E('ERR_NOT_IN_SINGLE_EXECUTABLE_APPLICATION',
  'Operation cannot be invoked when not in a single-executable application',
  Error);
E('ERR_NOT_SUPPORTED_IN_SNAPSHOT',
  '%s is not supported in startup snapshot', Error);
E('ERR_NO_CRYPTO',
  'Node.js is not compiled with OpenSSL crypto support', Error);
E('ERR_NOT_IMPLEMENTED', 'The %s API is not implemented in lode yet', Error);
E('ERR_NO_ICU',
  '%s is not supported on Node.js compiled without ICU', TypeError);
E('ERR_NO_TYPESCRIPT',
  'Node.js is not compiled with TypeScript support', Error);
E('ERR_OPERATION_FAILED', 'Operation failed: %s', Error, TypeError);
E('ERR_OUT_OF_RANGE', msgOutOfRange, RangeError);
E('ERR_PACKAGE_IMPORT_NOT_DEFINED', msgPackageImportNotDefined, TypeError);
E('ERR_PACKAGE_PATH_NOT_EXPORTED', msgPackagePathNotExported, Error);
E('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', '%s', TypeError);
E('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
  'Unexpected argument \'%s\'. This command does not take positional ' +
  'arguments', TypeError);
E('ERR_PARSE_ARGS_UNKNOWN_OPTION', msgParseArgsUnknownOption, TypeError);
E('ERR_PERFORMANCE_INVALID_TIMESTAMP',
  '%d is not a valid timestamp', TypeError);
E('ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS', '%s', TypeError);
E('ERR_PROTO_ACCESS',
  'Accessing Object.prototype.__proto__ has been disallowed with ' +
  '--disable-proto=throw', Error);
E('ERR_PROXY_INVALID_CONFIG', '%s', Error);
E('ERR_PROXY_TUNNEL', '%s', Error);
E('ERR_QUIC_APPLICATION_ERROR',
  'A QUIC application error occurred. %d [%s]', Error);
E('ERR_QUIC_CONNECTION_FAILED', 'QUIC connection failed', Error);
E('ERR_QUIC_ENDPOINT_CLOSED', 'QUIC endpoint closed: %s (%d)', Error);
E('ERR_QUIC_OPEN_STREAM_FAILED', 'Failed to open QUIC stream', Error);
E('ERR_QUIC_TRANSPORT_ERROR',
  'A QUIC transport error occurred. %d [%s]', Error);
E('ERR_QUIC_VERSION_NEGOTIATION_ERROR',
  'The QUIC session requires version negotiation', Error);
E('ERR_REQUIRE_ASYNC_MODULE', msgRequireAsyncModule, Error);
E('ERR_REQUIRE_CYCLE_MODULE', '%s', Error);
E('ERR_REQUIRE_ESM', msgRequireEsm, Error);
E('ERR_SCRIPT_EXECUTION_INTERRUPTED',
  'Script execution was interrupted by `SIGINT`', Error);
E('ERR_SERVER_ALREADY_LISTEN',
  'Listen method has been called more than once without closing.', Error);
E('ERR_SERVER_NOT_RUNNING', 'Server is not running.', Error);
E('ERR_SINGLE_EXECUTABLE_APPLICATION_ASSET_NOT_FOUND',
  'Cannot find asset %s for the single executable application', Error);
E('ERR_SOCKET_ALREADY_BOUND', 'Socket is already bound', Error);
E('ERR_SOCKET_BAD_BUFFER_SIZE',
  'Buffer size must be a positive integer', TypeError);
E('ERR_SOCKET_BAD_PORT', msgSocketBadPort, RangeError);
E('ERR_SOCKET_BAD_TYPE',
  'Bad socket type specified. Valid types are: udp4, udp6', TypeError);
E('ERR_SOCKET_BUFFER_SIZE', 'Could not get or set buffer size', SystemError);
E('ERR_SOCKET_CLOSED', 'Socket is closed', Error);
E('ERR_SOCKET_CLOSED_BEFORE_CONNECTION',
  'Socket closed before the connection was established', Error);
E('ERR_SOCKET_CONNECTION_TIMEOUT', 'Socket connection timeout', Error);
E('ERR_SOCKET_DGRAM_IS_CONNECTED', 'Already connected', Error);
E('ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected', Error);
E('ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running', Error);
E('ERR_SOURCE_MAP_CORRUPT',
  'The source map for \'%s\' does not exist or is corrupt.', Error);
E('ERR_SOURCE_MAP_MISSING_SOURCE',
  'Cannot find \'%s\' imported from the source map for \'%s\'', Error);
E('ERR_SRI_PARSE',
  'Subresource Integrity string %j had an unexpected %j at position %d',
  SyntaxError);
E('ERR_STREAM_ALREADY_FINISHED',
  'Cannot call %s after a stream was finished', Error);
E('ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable', Error);
E('ERR_STREAM_DESTROYED', 'Cannot call %s after a stream was destroyed', Error);
E('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError);
E('ERR_STREAM_PREMATURE_CLOSE', 'Premature close', Error);
E('ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF', Error);
E('ERR_STREAM_UNABLE_TO_PIPE',
  'Cannot pipe to a closed or destroyed stream', Error);
E('ERR_STREAM_UNSHIFT_AFTER_END_EVENT',
  'stream.unshift() after end event', Error);
E('ERR_STREAM_WRAP', 'Stream has StringDecoder set or is in objectMode', Error);
E('ERR_STREAM_WRITE_AFTER_END', 'write after end', Error);
E('ERR_SYNTHETIC', 'JavaScript Callstack', Error);
E('ERR_SYSTEM_ERROR', 'A system error occurred', SystemError);
E('ERR_TEST_FAILURE', msgTestFailure, Error);
E('ERR_TLS_ALPN_CALLBACK_INVALID_RESULT',
  msgTlsAlpnCallbackInvalidResult, TypeError);
E('ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS',
  'The ALPNCallback and ALPNProtocols TLS options are mutually exclusive',
  TypeError);
E('ERR_TLS_CERT_ALTNAME_FORMAT',
  'Invalid subject alternative name string', SyntaxError);
E('ERR_TLS_CERT_ALTNAME_INVALID', msgTlsCertAltnameInvalid, Error);
E('ERR_TLS_DH_PARAM_SIZE', 'DH parameter size %s is less than 2048', Error);
E('ERR_TLS_HANDSHAKE_TIMEOUT', 'TLS handshake timeout', Error);
E('ERR_TLS_INVALID_CONTEXT', '%s must be a SecureContext', TypeError);
E('ERR_TLS_INVALID_PROTOCOL_VERSION',
  '%j is not a valid %s TLS protocol version', TypeError);
E('ERR_TLS_INVALID_STATE',
  'TLS socket connection must be securely established', Error);
E('ERR_TLS_PROTOCOL_VERSION_CONFLICT',
  'TLS protocol version %j conflicts with secureProtocol %j', TypeError);
E('ERR_TLS_RENEGOTIATION_DISABLED',
  'TLS session renegotiation disabled for this socket', Error);
E('ERR_TLS_REQUIRED_SERVER_NAME',
  '"servername" is required parameter for Server.addContext', Error);
E('ERR_TLS_SESSION_ATTACK', 'TLS session renegotiation attack detected', Error);
E('ERR_TLS_SNI_FROM_SERVER',
  'Cannot issue SNI from a TLS server-side socket', Error);
E('ERR_TRACE_EVENTS_CATEGORY_REQUIRED',
  'At least one category is required', TypeError);
E('ERR_TRACE_EVENTS_UNAVAILABLE', 'Trace events are unavailable', Error);
E('ERR_TRAILING_JUNK_AFTER_STREAM_END',
  'Trailing junk found after the end of the compressed stream', TypeError);
E('ERR_TTY_INIT_FAILED', 'TTY initialization failed', SystemError);
E('ERR_UNAVAILABLE_DURING_EXIT',
  'Cannot call function in process exit handler', Error);
E('ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET',
  '`process.setupUncaughtExceptionCapture()` was called while a capture ' +
  'callback was already active', Error);
E('ERR_UNESCAPED_CHARACTERS', '%s contains unescaped characters', TypeError);
E('ERR_UNHANDLED_ERROR', msgUnhandledError, Error);
E('ERR_UNKNOWN_BUILTIN_MODULE', 'No such built-in module: %s', Error);
E('ERR_UNKNOWN_CREDENTIAL', '%s identifier does not exist: %s', Error);
E('ERR_UNKNOWN_ENCODING', 'Unknown encoding: %s', TypeError);
E('ERR_UNKNOWN_FILE_EXTENSION',
  'Unknown file extension "%s" for %s', TypeError);
E('ERR_UNKNOWN_MODULE_FORMAT',
  'Unknown module format: %s for URL %s', RangeError);
E('ERR_UNKNOWN_SIGNAL', 'Unknown signal: %s', TypeError);
E('ERR_UNSUPPORTED_DIR_IMPORT', msgUnsupportedDirImport, Error);
E('ERR_UNSUPPORTED_ESM_URL_SCHEME', msgUnsupportedEsmUrlScheme, Error);
E('ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING',
  'Stripping types is currently unsupported for files under node_modules, ' +
  'for "%s"', Error);
E('ERR_UNSUPPORTED_RESOLVE_REQUEST',
  'Failed to resolve module specifier "%s" from "%s": Invalid relative URL ' +
  'or base scheme is not hierarchical.', TypeError);
E('ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX', '%s', SyntaxError);
E('ERR_USE_AFTER_CLOSE', '%s was closed', Error);
E('ERR_VALID_PERFORMANCE_ENTRY_TYPE',
  'At least one valid performance entry type is required', Error);
E('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING',
  'A dynamic import callback was not specified.', TypeError);
E('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG',
  'A dynamic import callback was invoked without --experimental-vm-modules',
  TypeError);
E('ERR_VM_MODULE_ALREADY_LINKED', 'Module has already been linked', Error);
E('ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA',
  'Cached data cannot be created for a module which has been evaluated', Error);
E('ERR_VM_MODULE_DIFFERENT_CONTEXT',
  'Linked modules must use the same context', Error);
E('ERR_VM_MODULE_LINK_FAILURE', msgVmModuleLinkFailure, Error);
E('ERR_VM_MODULE_NOT_MODULE',
  'Provided module is not an instance of Module', Error);
E('ERR_VM_MODULE_STATUS', 'Module status %s', Error);
E('ERR_WASI_ALREADY_STARTED', 'WASI instance has already started', Error);
E('ERR_WEBASSEMBLY_RESPONSE', 'WebAssembly response %s', TypeError);
E('ERR_WORKER_INIT_FAILED', 'Worker initialization failure: %s', Error);
E('ERR_WORKER_INVALID_EXEC_ARGV', msgWorkerInvalidExecArgv, Error);
E('ERR_WORKER_MESSAGING_ERRORED',
  'The destination thread threw an error while processing the message', Error);
E('ERR_WORKER_MESSAGING_FAILED',
  'Cannot find the destination thread or listener', Error);
E('ERR_WORKER_MESSAGING_SAME_THREAD',
  'Cannot sent a message to the same thread', Error);
E('ERR_WORKER_MESSAGING_TIMEOUT',
  'Sending a message to another thread timed out', Error);
E('ERR_WORKER_NOT_RUNNING', 'Worker instance not running', Error);
E('ERR_WORKER_OUT_OF_MEMORY',
  'Worker terminated due to reaching memory limit: %s', Error);
E('ERR_WORKER_PATH', msgWorkerPath, TypeError);
E('ERR_WORKER_UNSERIALIZABLE_ERROR',
  'Serializing an uncaught exception failed', Error);
E('ERR_WORKER_UNSUPPORTED_OPERATION',
  '%s is not supported in workers', TypeError);
E('ERR_ZSTD_INVALID_PARAM', '%s is not a valid zstd parameter', RangeError);

// Source maps: whether the module loaders collect them (source maps on, or
// NODE_V8_COVERAGE), whether stack traces are mapped, and the formatter
// that maps them. internal/source_map/source_map_cache sets them.
let sourceMapsCollect = false;
let sourceMapsEnabled = false;
let sourceMapsPrepare;
function setSourceMapsState(collect, enabled, prepare) {
  sourceMapsCollect = collect;
  sourceMapsEnabled = enabled;
  sourceMapsPrepare = prepare;
}
function sourceMapsCollecting() {
  return sourceMapsCollect;
}
function sourceMapsOn() {
  return sourceMapsEnabled;
}
function getSourceMapsPrepare() {
  return sourceMapsPrepare;
}

// Errors whose stack string is to be made by a given function instead of
// the usual format, once, when the stack is first read (the REPL drops its
// own frames this way). See prepareStackTrace in bootstrap/runtime.js.
const overrideStackTrace = new SafeWeakMap();

module.exports = {
  setBuildingSnapshot,
  AbortError,
  aggregateTwoErrors,
  assert,
  codes,
  ConnResetException,
  captureStackTrace,
  DNSException,
  determineSpecificType,
  E, // Exported for tests only.
  ErrnoException,
  ExceptionWithHostPort,
  fatalExceptionStackEnhancers,
  formatList,
  genericNodeError,
  getMessage,
  hideStackFrames,
  inspectWithNoCustomRetry,
  isErrorStackTraceLimitWritable,
  isStackOverflowError,
  kEnhanceStackBeforeInspector,
  kIsNodeError,
  NodeAggregateError,
  overrideStackTrace,
  getSourceMapsPrepare,
  setSourceMapsState,
  sourceMapsCollecting,
  sourceMapsOn,
  SystemError,
  uvErrmapGet,
  UVException,
  uvException: (ctx) => new UVException(ctx),
  UVExceptionWithHostPort,
  uvExceptionWithHostPort: (err, syscall, address, port) =>
    new UVExceptionWithHostPort(err, syscall, address, port),
};
