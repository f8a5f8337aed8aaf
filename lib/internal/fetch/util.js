'use strict';

// What the fetch classes share: WebIDL-style argument checks and
// conversions (with the messages Node's fetch gives), HTTP token and header
// value rules, MIME types (https://mimesniff.spec.whatwg.org/) and the
// small byte helpers the bodies need.

const {
  ArrayPrototypeJoin,
  IteratorPrototype,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptors,
  ObjectSetPrototypeOf,
  ReflectApply,
  RegExpPrototypeExec,
  SafeMap,
  SafeSet,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
  StringPrototypeToLowerCase,
  SymbolIterator,
  SymbolToStringTag,
  TypeError,
  TypedArrayPrototypeSet,
  TypedArrayPrototypeSubarray,
  Uint8Array,
} = primordials;

const { kEnumerableProperty } = require('internal/util');
// The MIME Sniffing standard's pieces shared with util.MIMEType.
const {
  isHTTPWhitespace,
  parseParameters,
} = require('internal/mime');

let inspect;
let encoder;
let decoder;

// ---- Errors --------------------------------------------------------------

function illegalInvocation() {
  const err = new TypeError('Illegal invocation');
  err.code = 'ERR_INVALID_THIS';
  return err;
}

function checkArgumentCount(found, required, prefix) {
  if (found >= required) return;
  const plural = required === 1 ? 'argument' : 'arguments';
  throw new TypeError(`${prefix}: ${required} ${plural} required, but` +
                      `${found === 0 ? '' : ' only'} ${found} found.`);
}

// A value as the WebIDL error messages quote it.
function describe(value) {
  switch (typeof value) {
    case 'string': return `"${value}"`;
    case 'symbol': return `Symbol(${value.description ?? ''})`;
    case 'object':
    case 'function':
      if (value === null) return 'null';
      inspect ??= require('internal/util/inspect').inspect;
      return inspect(value);
    default: return `${value}`;
  }
}

function isObjectLike(value) {
  return value !== null &&
    (typeof value === 'object' || typeof value === 'function');
}

// ---- Conversions ---------------------------------------------------------

const kNotByteString = /[^\x00-\xFF]/;

function toByteString(value) {
  const string = `${value}`;
  const match = RegExpPrototypeExec(kNotByteString, string);
  if (match !== null) {
    throw new TypeError(
      'Cannot convert argument to a ByteString because the character at ' +
      `index ${match.index} has a value of ` +
      `${StringPrototypeCharCodeAt(string, match.index)} which is greater ` +
      'than 255.');
  }
  return string;
}

let toUSVStringImpl;
function toUSVString(value) {
  toUSVStringImpl ??= require('internal/url').toUSVString;
  return toUSVStringImpl(`${value}`);
}

// A WebIDL enumeration member, with Node's message for others.
function toEnum(value, allowed) {
  const string = `${value}`;
  for (let i = 0; i < allowed.length; i++) {
    if (allowed[i] === string) return string;
  }
  throw new TypeError(`undefined: ${string} is not an accepted type. ` +
                      `Expected one of ${ArrayPrototypeJoin(allowed, ', ')}.`);
}

// ---- Iteration -----------------------------------------------------------

// Gives `proto` WebIDL's pair-iterator members (keys, values, entries,
// forEach and @@iterator). `getPairs(object)` returns the object's current
// pairs as a flat [name, value, ...] list, or undefined for an object of
// another kind; iterators are live, as the standard asks.
function defineIterable(proto, interfaceName, getPairs) {
  const tag = `${interfaceName} Iterator`;
  class Iterator {
    #target;
    #kind;
    #index = 0;

    constructor(target, kind) {
      this.#target = target;
      this.#kind = kind;
    }

    next() {
      if (!isObjectLike(this) || !(#target in this)) {
        throw new TypeError(`'next' called on an object that does not ` +
                            `implement interface ${tag}.`);
      }
      const pairs = getPairs(this.#target);
      const index = this.#index;
      if (index * 2 >= pairs.length) {
        return { value: undefined, done: true };
      }
      this.#index = index + 1;
      const name = pairs[index * 2];
      const value = pairs[index * 2 + 1];
      let result;
      if (this.#kind === 'key') result = name;
      else if (this.#kind === 'value') result = value;
      else result = [name, value];
      return { value: result, done: false };
    }
  }
  const iteratorProto = Iterator.prototype;
  delete iteratorProto.constructor;
  ObjectSetPrototypeOf(iteratorProto, IteratorPrototype);
  ObjectDefineProperties(iteratorProto, {
    next: kEnumerableProperty,
    [SymbolToStringTag]: {
      __proto__: null, configurable: true, value: tag,
    },
  });

  function check(object) {
    if (getPairs(object) === undefined) throw illegalInvocation();
  }
  const members = {
    keys() {
      check(this);
      return new Iterator(this, 'key');
    },
    values() {
      check(this);
      return new Iterator(this, 'value');
    },
    entries() {
      check(this);
      return new Iterator(this, 'key+value');
    },
    forEach(callback, thisArg = undefined) {
      check(this);
      checkArgumentCount(arguments.length, 1, `${interfaceName}.forEach`);
      if (typeof callback !== 'function') {
        throw new TypeError(`Failed to execute 'forEach' on ` +
                            `'${interfaceName}': parameter 1 is not of type ` +
                            "'Function'.");
      }
      for (let index = 0; ; index++) {
        const pairs = getPairs(this);
        if (index * 2 >= pairs.length) break;
        ReflectApply(callback, thisArg,
                     [pairs[index * 2 + 1], pairs[index * 2], this]);
      }
    },
  };
  ObjectDefineProperties(proto, ObjectGetOwnPropertyDescriptors(members));
  ObjectDefineProperty(proto, SymbolIterator, {
    __proto__: null,
    configurable: true,
    enumerable: false,
    writable: true,
    value: members.entries,
  });
}

// ---- HTTP syntax ---------------------------------------------------------

const kToken = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function isToken(string) {
  return RegExpPrototypeExec(kToken, string) !== null;
}

// `string` without the leading and trailing characters whose code
// `isTrimmed` accepts.
function trimCharCodes(string, isTrimmed) {
  let start = 0;
  let end = string.length;
  while (start < end &&
         isTrimmed(StringPrototypeCharCodeAt(string, start))) start++;
  while (end > start &&
         isTrimmed(StringPrototypeCharCodeAt(string, end - 1))) end--;
  return start === 0 && end === string.length ?
    string : StringPrototypeSlice(string, start, end);
}

// A header value without its leading and trailing HTTP whitespace.
function normalizeHeaderValue(value) {
  return trimCharCodes(value, isHTTPWhitespace);
}

const kInvalidValue = /[\0\r\n]/;

function isValidHeaderValue(value) {
  return RegExpPrototypeExec(kInvalidValue, value) === null;
}

// reason-phrase: HTAB, SP, VCHAR and obs-text.
const kReasonPhrase = /^[\t\x20-\x7E\x80-\xFF]*$/;

function isReasonPhrase(string) {
  return RegExpPrototypeExec(kReasonPhrase, string) !== null;
}

const kNullBodyStatus = new SafeSet([101, 103, 204, 205, 304]);
const kRedirectStatus = new SafeSet([301, 302, 303, 307, 308]);

// The ports the Fetch standard refuses to connect to.
const kBadPorts = new SafeSet([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77,
  79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123,
  135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530,
  531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995,
  1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665,
  6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

// ---- MIME types ----------------------------------------------------------

// Parses a MIME type; returns { type, subtype, parameters } or null.
function parseMimeType(input) {
  input = normalizeHeaderValue(input);
  const length = input.length;
  let position = 0;
  while (position < length &&
         StringPrototypeCharCodeAt(input, position) !== 0x2F) position++;
  const type = StringPrototypeSlice(input, 0, position);
  if (type === '' || !isToken(type) || position >= length) return null;
  position++;
  const subtypeStart = position;
  while (position < length &&
         StringPrototypeCharCodeAt(input, position) !== 0x3B) position++;
  let subtype = StringPrototypeSlice(input, subtypeStart, position);
  subtype = normalizeHeaderValue(subtype);
  if (subtype === '' || !isToken(subtype)) return null;
  const parameters = new SafeMap();
  parseParameters(input, position, parameters);
  return {
    __proto__: null,
    type: StringPrototypeToLowerCase(type),
    subtype: StringPrototypeToLowerCase(subtype),
    parameters,
  };
}

function serializeMimeType(mime) {
  let out = `${mime.type}/${mime.subtype}`;
  for (const { 0: name, 1: value } of mime.parameters) {
    out += `;${name}=`;
    if (value !== '' && isToken(value)) {
      out += value;
    } else {
      let quoted = '';
      for (let i = 0; i < value.length; i++) {
        const c = value[i];
        quoted += c === '"' || c === '\\' ? `\\${c}` : c;
      }
      out += `"${quoted}"`;
    }
  }
  return out;
}

// ---- Bytes ---------------------------------------------------------------

function encodeUTF8(string) {
  if (encoder === undefined) {
    const { TextEncoder } = require('internal/encoding');
    encoder = new TextEncoder();
  }
  return encoder.encode(string);
}

// UTF-8 decode, dropping a leading BOM (the Encoding Standard's "UTF-8
// decode").
function decodeUTF8(bytes) {
  if (decoder === undefined) {
    const { TextDecoder } = require('internal/encoding');
    decoder = new TextDecoder();
  }
  return decoder.decode(bytes);
}

function concatBytes(chunks, total) {
  if (chunks.length === 1 && chunks[0].byteLength === total &&
      chunks[0].byteOffset === 0 && chunks[0].buffer.byteLength === total) {
    return chunks[0];
  }
  const result = new Uint8Array(total);
  let offset = 0;
  for (let i = 0; i < chunks.length; i++) {
    TypedArrayPrototypeSet(result, chunks[i], offset);
    offset += chunks[i].byteLength;
  }
  return result;
}

function hexValue(code) {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

// Percent-decodes an (ASCII, as URL serialization leaves it) string.
function percentDecode(string) {
  const bytes = encodeUTF8(string);
  const out = new Uint8Array(bytes.length);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === 0x25 && i + 2 < bytes.length) {
      const high = hexValue(bytes[i + 1]);
      const low = hexValue(bytes[i + 2]);
      if (high >= 0 && low >= 0) {
        out[length++] = high * 16 + low;
        i += 2;
        continue;
      }
    }
    out[length++] = byte;
  }
  return TypedArrayPrototypeSubarray(out, 0, length);
}

module.exports = {
  checkArgumentCount,
  concatBytes,
  decodeUTF8,
  defineIterable,
  describe,
  encodeUTF8,
  illegalInvocation,
  isObjectLike,
  isReasonPhrase,
  isToken,
  isValidHeaderValue,
  kBadPorts,
  kNullBodyStatus,
  kRedirectStatus,
  normalizeHeaderValue,
  parseMimeType,
  percentDecode,
  serializeMimeType,
  toByteString,
  toEnum,
  toUSVString,
  trimCharCodes,
};
