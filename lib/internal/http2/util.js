'use strict';

// Helpers of node:http2 shared by the session and stream code: header
// lists in both directions, error codes and their names, NghttpError.

const {
  ArrayIsArray,
  ArrayPrototypePush,
  Error,
  ObjectKeys,
  RegExpPrototypeExec,
  SafeSet,
  String,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
  StringPrototypeToLowerCase,
  Symbol,
} = primordials;

const { nghttp2ErrorString } = internalBinding('http2');
const {
  codes: {
    ERR_HTTP2_HEADER_SINGLE_VALUE,
    ERR_HTTP2_INVALID_CONNECTION_HEADERS,
    ERR_HTTP2_INVALID_HEADER_VALUE,
    ERR_HTTP2_INVALID_PSEUDOHEADER,
    ERR_HTTP2_INVALID_SETTING_VALUE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_HTTP_TOKEN,
  },
  getMessage,
} = require('internal/errors');
const { constants } = require('internal/http2/constants');

const kSensitiveHeaders = Symbol('nodejs.http2.sensitiveHeaders');
const kSocket = Symbol('socket');

// Names of error codes, indexed by code.
const nameForErrorCode = [];
{
  const names = ObjectKeys(constants);
  const codes = new SafeSet([
    'NO_ERROR', 'PROTOCOL_ERROR', 'INTERNAL_ERROR', 'FLOW_CONTROL_ERROR',
    'SETTINGS_TIMEOUT', 'STREAM_CLOSED', 'FRAME_SIZE_ERROR', 'REFUSED_STREAM',
    'CANCEL', 'COMPRESSION_ERROR', 'CONNECT_ERROR', 'ENHANCE_YOUR_CALM',
    'INADEQUATE_SECURITY', 'HTTP_1_1_REQUIRED',
  ]);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (StringPrototypeStartsWith(name, 'NGHTTP2_') &&
        codes.has(StringPrototypeSlice(name, 8))) {
      nameForErrorCode[constants[name]] = name;
    }
  }
}

// Headers a message carries at most once: a second one is dropped when
// received and refused when sent.
const kSingleValueHeaders = new SafeSet([
  ':status', ':method', ':authority', ':scheme', ':path', ':protocol',
  'access-control-allow-credentials', 'access-control-max-age',
  'access-control-request-method', 'age', 'authorization',
  'content-encoding', 'content-language', 'content-length',
  'content-location', 'content-md5', 'content-range', 'content-type', 'date',
  'dnt', 'etag', 'expires', 'from', 'host', 'if-match',
  'if-modified-since', 'if-none-match', 'if-range', 'if-unmodified-since',
  'last-modified', 'location', 'max-forwards', 'proxy-authorization',
  'range', 'referer', 'retry-after', 'tk', 'upgrade-insecure-requests',
  'user-agent', 'x-content-type-options',
]);

// HTTP/1 connection-specific headers, forbidden in HTTP/2.
const kConnectionHeaders = new SafeSet([
  'connection', 'upgrade', 'http2-settings', 'te', 'transfer-encoding',
  'keep-alive', 'proxy-connection',
]);

const kValidPseudoHeaders = new SafeSet([
  ':status', ':method', ':authority', ':scheme', ':path', ':protocol',
]);

const kTokenRegExp = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;

class NghttpError extends Error {
  constructor(integerCode, customErrorCode) {
    // A code of ours (ERR_HTTP2_TOO_MANY_INVALID_FRAMES...) brings its
    // own message.
    super(customErrorCode ? getMessage(customErrorCode, [], null) :
      nghttp2ErrorString(integerCode));
    this.code = customErrorCode || 'ERR_HTTP2_ERROR';
    this.errno = integerCode;
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

function assertValidPseudoHeader(name) {
  if (!kValidPseudoHeaders.has(name)) {
    throw new ERR_HTTP2_INVALID_PSEUDOHEADER(name);
  }
}

// Responses and informational headers carry only :status.
function assertValidPseudoHeaderResponse(name) {
  if (name !== ':status') {
    throw new ERR_HTTP2_INVALID_PSEUDOHEADER(name);
  }
}

function assertNoPseudoHeader(name) {
  throw new ERR_HTTP2_INVALID_PSEUDOHEADER(name);
}

// Turns headers (an object, or a flat [name, value, ...] array) into the
// flat [name, value, flags, ...] list the binding takes, pseudo-headers
// first. `checkPseudo(name)` throws for a pseudo-header not allowed here.
function mapToHeaders(headers, checkPseudo = assertValidPseudoHeader) {
  const pseudo = [];
  const regular = [];
  let sensitive;
  let names;
  let values;
  if (ArrayIsArray(headers)) {
    names = [];
    values = [];
    for (let i = 0; i + 1 < headers.length; i += 2) {
      ArrayPrototypePush(names, headers[i]);
      ArrayPrototypePush(values, headers[i + 1]);
    }
    sensitive = headers[kSensitiveHeaders];
  } else {
    names = ObjectKeys(headers);
    values = [];
    for (let i = 0; i < names.length; i++) {
      ArrayPrototypePush(values, headers[names[i]]);
    }
    sensitive = headers[kSensitiveHeaders];
  }
  const sensitiveSet = new SafeSet();
  if (ArrayIsArray(sensitive)) {
    for (let i = 0; i < sensitive.length; i++) {
      sensitiveSet.add(StringPrototypeToLowerCase(String(sensitive[i])));
    }
  }
  const seenSingle = new SafeSet();
  for (let i = 0; i < names.length; i++) {
    const rawName = String(names[i]);
    const value = values[i];
    if (value === undefined || value === null || rawName === '') continue;
    const name = StringPrototypeToLowerCase(rawName);
    const isPseudo = name[0] === ':';
    if (isPseudo) {
      checkPseudo(name);
    } else if (RegExpPrototypeExec(kTokenRegExp, name) === null) {
      throw new ERR_INVALID_HTTP_TOKEN('Header name', rawName);
    }
    if (kConnectionHeaders.has(name) &&
        !(name === 'te' && (value === 'trailers' ||
          (ArrayIsArray(value) && value.length === 1 &&
           value[0] === 'trailers')))) {
      throw new ERR_HTTP2_INVALID_CONNECTION_HEADERS(name);
    }
    const flags = sensitiveSet.has(name) ? 1 : 0;
    const target = isPseudo ? pseudo : regular;
    if (ArrayIsArray(value)) {
      if (value.length > 1 && kSingleValueHeaders.has(name)) {
        throw new ERR_HTTP2_HEADER_SINGLE_VALUE(name);
      }
      if (kSingleValueHeaders.has(name)) {
        if (seenSingle.has(name)) throw new ERR_HTTP2_HEADER_SINGLE_VALUE(name);
        seenSingle.add(name);
      }
      for (let j = 0; j < value.length; j++) {
        if (value[j] === undefined || value[j] === null) {
          throw new ERR_HTTP2_INVALID_HEADER_VALUE(String(value[j]), name);
        }
        ArrayPrototypePush(target, name, String(value[j]), flags);
      }
      continue;
    }
    if (kSingleValueHeaders.has(name)) {
      if (seenSingle.has(name)) throw new ERR_HTTP2_HEADER_SINGLE_VALUE(name);
      seenSingle.add(name);
    }
    ArrayPrototypePush(target, name, String(value), flags);
  }
  for (let i = 0; i < regular.length; i++) {
    ArrayPrototypePush(pseudo, regular[i]);
  }
  return pseudo;
}

// Argument checks shared by the session code (and exercised directly by
// Node's tests through --expose-internals).
function assertIsObject(value, name, types) {
  if (value !== undefined &&
      (value === null || typeof value !== 'object' || ArrayIsArray(value))) {
    throw new ERR_INVALID_ARG_TYPE(name, types || 'Object', value);
  }
}

function assertIsArray(value, name, types) {
  if (value !== undefined && !ArrayIsArray(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, types || 'Array', value);
  }
}

function assertWithinRange(name, value, min = 0, max = Infinity) {
  if (value !== undefined &&
      (typeof value !== 'number' || value < min || value > max)) {
    throw new ERR_HTTP2_INVALID_SETTING_VALUE.RangeError(name, value);
  }
}

// The label debug output uses for a session of the given type.
function sessionName(type) {
  switch (type) {
    case 0: return 'server';
    case 1: return 'client';
    default: return '<invalid>';
  }
}

// The headers object of a received header list.
function toHeaderObject(list, sensitive) {
  const obj = { __proto__: null };
  for (let i = 0; i + 1 < list.length; i += 2) {
    const name = list[i];
    let value = list[i + 1];
    if (name === ':status') value = +value;
    const existing = obj[name];
    if (existing === undefined) {
      obj[name] = name === 'set-cookie' ? [value] : value;
    } else if (kSingleValueHeaders.has(name)) {
      // A repeated single-value header: the first one counts.
    } else if (name === 'set-cookie') {
      ArrayPrototypePush(existing, value);
    } else if (name === 'cookie') {
      obj[name] = `${existing}; ${value}`;
    } else {
      obj[name] = `${existing}, ${value}`;
    }
  }
  obj[kSensitiveHeaders] = sensitive || [];
  return obj;
}

module.exports = {
  NghttpError,
  assertIsArray,
  assertIsObject,
  assertNoPseudoHeader,
  assertValidPseudoHeaderResponse,
  assertValidPseudoHeader,
  assertWithinRange,
  buildNgHeaderString: mapToHeaders,
  kSensitiveHeaders,
  kSingleValueHeaders,
  kSocket,
  mapToHeaders,
  nameForErrorCode,
  sessionName,
  sensitiveHeaders: kSensitiveHeaders,
  toHeaderObject,
};
