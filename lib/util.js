'use strict';

// The public 'util' module. Most of it lives elsewhere (inspect and format
// in internal/util/inspect, promisify and deprecate in internal/util); this
// file validates arguments and assembles the exports.

const {
  ArrayIsArray,
  ArrayPrototypePop,
  ArrayPrototypePush,
  Boolean,
  Error,
  ErrorCaptureStackTrace,
  FunctionPrototypeBind,
  MathFloor,
  NumberIsSafeInteger,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptors,
  ObjectKeys,
  ObjectSetPrototypeOf,
  ObjectValues,
  ReflectApply,
  RegExp,
  RegExpPrototypeSymbolReplace,
} = primordials;

const {
  ErrnoException,
  ExceptionWithHostPort,
  codes: {
    ERR_FALSY_VALUE_REJECTION,
    ERR_INVALID_ARG_TYPE,
    ERR_NOT_IMPLEMENTED,
    ERR_OUT_OF_RANGE,
  },
  isErrorStackTraceLimitWritable,
} = require('internal/errors');
const {
  format,
  formatWithOptions,
  inspect,
  stripVTControlCharacters,
} = require('internal/util/inspect');
const { debuglog } = require('internal/util/debuglog');
const {
  validateBoolean,
  validateFunction,
  validateNumber,
  validateObject,
  validateOneOf,
  validateString,
} = require('internal/validators');
const types = require('internal/util/types');
const {
  deprecate: internalDeprecate,
  defineLazyProperties,
  getSystemErrorMap,
  getSystemErrorMessage: internalErrorMessage,
  getSystemErrorName: internalErrorName,
  promisify,
  toUSVString: internalToUSVString,
} = require('internal/util');

const binding = internalBinding('util');

let internalDeepEqual;

// Sets up prototype inheritance the pre-class way, and `ctor.super_`.
function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) {
    throw new ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  }
  if (superCtor === undefined || superCtor === null) {
    throw new ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw new ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object',
                                   superCtor.prototype);
  }
  ObjectDefineProperty(ctor, 'super_', {
    __proto__: null,
    value: superCtor,
    writable: true,
    configurable: true,
  });
  ObjectSetPrototypeOf(ctor.prototype, superCtor.prototype);
}

// Copies own enumerable properties (the old util._extend, deprecated).
function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  const keys = ObjectKeys(source);
  let i = keys.length;
  while (i--) {
    target[keys[i]] = source[keys[i]];
  }
  return target;
}

// A falsy rejection reason would read as "no error" in a callback, so it is
// wrapped in ERR_FALSY_VALUE_REJECTION (with the reason in `.reason`).
function callbackifyOnRejected(reason, cb) {
  if (!reason) {
    reason = new ERR_FALSY_VALUE_REJECTION.HideStackFramesError(reason);
    ErrorCaptureStackTrace(reason, callbackifyOnRejected);
  }
  return cb(reason);
}

// The reverse of promisify(): `original` returns a promise; the result takes
// a callback as its last argument, called on the next tick.
function callbackify(original) {
  validateFunction(original, 'original');

  function callbackified(...args) {
    const maybeCb = ArrayPrototypePop(args);
    validateFunction(maybeCb, 'last argument');
    const cb = FunctionPrototypeBind(maybeCb, this);
    // Any thenable will do, so `then` is looked up on the result.
    const result = ReflectApply(original, this, args);
    result.then((ret) => process.nextTick(cb, null, ret),
                (rej) => process.nextTick(callbackifyOnRejected, rej, cb));
  }

  const descriptors = ObjectGetOwnPropertyDescriptors(original);
  // `length` and `name` may have been redefined to non-numbers/strings.
  if (typeof descriptors.length.value === 'number') {
    descriptors.length.value++;
  }
  if (typeof descriptors.name.value === 'string') {
    descriptors.name.value += 'Callbackified';
  }
  const values = ObjectValues(descriptors);
  for (let i = 0; i < values.length; i++) ObjectSetPrototypeOf(values[i], null);
  ObjectDefineProperties(callbackified, descriptors);
  return callbackified;
}

function validateErrno(err) {
  validateNumber(err, 'err');
  if (err >= 0 || !NumberIsSafeInteger(err)) {
    throw new ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  }
}

function getSystemErrorName(err) {
  validateErrno(err);
  return internalErrorName(err);
}

function getSystemErrorMessage(err) {
  validateErrno(err);
  return internalErrorMessage(err);
}

function withoutStack(Ctor, args, caller) {
  if (!isErrorStackTraceLimitWritable()) return new Ctor(...args);
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const e = new Ctor(...args);
  Error.stackTraceLimit = limit;
  ErrorCaptureStackTrace(e, caller);
  return e;
}

function _errnoException(...args) {
  return withoutStack(ErrnoException, args, _errnoException);
}

function _exceptionWithHostPort(...args) {
  return withoutStack(ExceptionWithHostPort, args, _exceptionWithHostPort);
}

// styleText() --------------------------------------------------------------

let ttyModule;
function shouldColorize(stream) {
  if (process.env.FORCE_COLOR !== undefined) {
    if (ttyModule === undefined) {
      try {
        ttyModule = require('internal/tty');
      } catch {
        ttyModule = null;
      }
    }
    if (ttyModule !== null) return ttyModule.getColorDepth() > 2;
    const force = process.env.FORCE_COLOR;
    return force !== '0' && force !== 'false';
  }
  return Boolean(stream?.isTTY) &&
    (typeof stream.getColorDepth === 'function' ?
      stream.getColorDepth() > 2 : true);
}

let streamUtils;
function isAcceptedStream(stream) {
  if (streamUtils === undefined) {
    try {
      streamUtils = require('internal/streams/utils');
    } catch {
      streamUtils = null;
    }
  }
  if (streamUtils !== null) {
    return streamUtils.isReadableStream(stream) ||
      streamUtils.isWritableStream(stream) || streamUtils.isNodeStream(stream);
  }
  // Without the streams module: anything shaped like a Node stream or a web
  // stream.
  if (stream === null || typeof stream !== 'object') return false;
  return (typeof stream.on === 'function' &&
          (typeof stream.pipe === 'function' ||
           typeof stream.write === 'function')) ||
    typeof stream.getReader === 'function' ||
    typeof stream.getWriter === 'function';
}

function escapeStyleCode(code) {
  if (code === undefined) return '';
  return `\u001b[${code}m`;
}

// Wraps `text` in the ANSI codes of `format` (a name from inspect.colors or
// an array of them). Colors are left out when `stream` (process.stdout by
// default) should not be colorized, unless validateStream is false.
function styleText(format, text,
                   { validateStream = true, stream = process.stdout } = {}) {
  validateString(text, 'text');
  validateBoolean(validateStream, 'options.validateStream');

  let skipColorize = false;
  if (validateStream) {
    if (!isAcceptedStream(stream)) {
      throw new ERR_INVALID_ARG_TYPE(
        'stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
    }
    skipColorize = !shouldColorize(stream);
  }

  const formats = ArrayIsArray(format) ? format : [format];
  const codes = [];
  for (let i = 0; i < formats.length; i++) {
    const key = formats[i];
    if (key === 'none') continue;
    const formatCodes = inspect.colors[key];
    if (formatCodes == null) {
      validateOneOf(key, 'format', ObjectKeys(inspect.colors));
    }
    if (!skipColorize) ArrayPrototypePush(codes, formatCodes);
  }
  if (skipColorize) return text;

  let openCodes = '';
  for (let i = 0; i < codes.length; i++) {
    openCodes += escapeStyleCode(codes[i][0]);
  }

  // A reset of one of our styles inside `text` (nested styleText()) would
  // end our style early: re-open it after every such reset that is not at
  // the very end. Bold and dim share a reset code, so both are reopened.
  let processed = text;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    const current = processed;
    processed = RegExpPrototypeSymbolReplace(
      new RegExp(`\\u001b\\[${code[1]}m`, 'g'), current,
      (match, offset) => {
        if (offset + match.length >= current.length) return match;
        if (code[0] === inspect.colors.dim[0] ||
            code[0] === inspect.colors.bold[0]) {
          return `${match}${escapeStyleCode(code[0])}`;
        }
        return escapeStyleCode(code[0]);
      });
  }

  let closeCodes = '';
  for (let i = codes.length - 1; i >= 0; i--) {
    closeCodes += escapeStyleCode(codes[i][1]);
  }
  return `${openCodes}${processed}${closeCodes}`;
}

// getCallSites() -------------------------------------------------------------

// The `frameCount` most recent call sites of the caller as plain objects
// ({ functionName, scriptName, scriptId, lineNumber, columnNumber, column }).
function getCallSites(frameCount = 10, options) {
  if (options === undefined) {
    if (typeof frameCount === 'object') {
      options = frameCount;
      validateObject(options, 'options');
      if (options.sourceMap !== undefined) {
        validateBoolean(options.sourceMap, 'options.sourceMap');
      }
      frameCount = 10;
    } else {
      options = {};
    }
  } else {
    validateObject(options, 'options');
    if (options.sourceMap !== undefined) {
      validateBoolean(options.sourceMap, 'options.sourceMap');
    }
  }
  validateNumber(frameCount, 'frameCount', 1, 200);
  // A fractional count is cut to its integer part.
  const sites = binding.getCallSites(MathFloor(frameCount));
  // Through the source maps when asked, or by default when they are on.
  if (options.sourceMap === true ||
      (options.sourceMap !== false &&
       require('internal/options').getOptionValue('--enable-source-maps'))) {
    return mapCallSites(sites);
  }
  return sites;
}

// Each site that a source map covers, replaced by its original place.
function mapCallSites(sites) {
  const { findSourceMap } = require('internal/source_map/source_map_cache');
  const mapped = [];
  for (let i = 0; i < sites.length; i++) {
    const site = sites[i];
    const sourceMap = findSourceMap(site.scriptName);
    const entry = sourceMap?.findEntry(site.lineNumber - 1,
                                       site.columnNumber - 1);
    if (!entry?.originalSource) {
      ArrayPrototypePush(mapped, site);
      continue;
    }
    ArrayPrototypePush(mapped, {
      __proto__: null,
      // An empty name when the map has none, as getCallSites() says.
      functionName: entry.name ?? '',
      scriptName: entry.originalSource,
      lineNumber: entry.originalLine + 1,
      column: entry.originalColumn + 1,
      columnNumber: entry.originalColumn + 1,
    });
  }
  return mapped;
}

function parseEnv(content) {
  validateString(content, 'content');
  return require('internal/dotenv').parseEnv(content);
}

// The public deprecate() takes an options object instead of the internal
// positional flags.
function deprecate(fn, msg, code, { modifyPrototype } = {}) {
  return internalDeprecate(fn, msg, code, undefined, modifyPrototype);
}

let abortController;
function lazyAbortController() {
  if (abortController === undefined) {
    try {
      abortController = require('internal/abort_controller');
    } catch {
      throw new ERR_NOT_IMPLEMENTED('internal/abort_controller');
    }
  }
  return abortController;
}

// A plain object (not a frozen namespace) so that functions can be
// monkey-patched, as in Node.
module.exports = {
  _errnoException,
  _exceptionWithHostPort,
  _extend: internalDeprecate(
    _extend,
    'The `util._extend` API is deprecated. Please use Object.assign() instead.',
    'DEP0060'),
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  styleText,
  formatWithOptions,
  getCallSites,
  getSystemErrorMap,
  getSystemErrorName,
  getSystemErrorMessage,
  inherits,
  inspect,
  isArray: internalDeprecate(
    ArrayIsArray,
    'The `util.isArray` API is deprecated. Please use `Array.isArray()` ' +
    'instead.',
    'DEP0044'),
  isDeepStrictEqual(a, b, skipPrototype) {
    internalDeepEqual ??=
      require('internal/util/comparisons').isDeepStrictEqual;
    return internalDeepEqual(a, b, skipPrototype);
  },
  promisify,
  stripVTControlCharacters,
  toUSVString(input) {
    return internalToUSVString(`${input}`);
  },
  get transferableAbortSignal() {
    return lazyAbortController().transferableAbortSignal;
  },
  get transferableAbortController() {
    return lazyAbortController().transferableAbortController;
  },
  get aborted() {
    return lazyAbortController().aborted;
  },
  types,
  parseEnv,
};

defineLazyProperties(module.exports, 'internal/util/parse_args/parse_args',
                     ['parseArgs']);
defineLazyProperties(module.exports, 'internal/encoding',
                     ['TextDecoder', 'TextEncoder']);
defineLazyProperties(module.exports, 'internal/mime',
                     ['MIMEType', 'MIMEParams']);
defineLazyProperties(module.exports, 'internal/util/diff', ['diff']);
defineLazyProperties(module.exports, 'internal/util/trace_sigint',
                     ['setTraceSigInt']);
