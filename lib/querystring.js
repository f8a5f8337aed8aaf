'use strict';

// node:querystring: parsing and building application/x-www-form-urlencoded
// strings the way Node always has (not the WHATWG rules URLSearchParams
// follows): custom separators, a key limit, and a lenient decoder.

const {
  ArrayIsArray,
  Int8Array,
  MathAbs,
  NumberIsFinite,
  ObjectKeys,
  String,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
  decodeURIComponent,
} = primordials;

const {
  encodeStr,
  hexTable,
  isHexTable,
} = require('internal/querystring');

let BufferModule;
function lazyBuffer() {
  BufferModule ??= require('buffer').Buffer;
  return BufferModule;
}

// --- Decoding -----------------------------------------------------------------

// Decodes %XX escapes (and '+' when `decodeSpaces`) into bytes; other code
// units are kept as their low byte.
function unescapeBuffer(s, decodeSpaces) {
  const Buffer = lazyBuffer();
  const out = Buffer.allocUnsafe(s.length);
  let n = 0;
  const len = s.length;
  for (let i = 0; i < len; i++) {
    const c = StringPrototypeCharCodeAt(s, i);
    if (c === 0x2B && decodeSpaces) {
      out[n++] = 0x20;
      continue;
    }
    if (c === 0x25 && i + 2 < len) {
      const hi = hexValue(StringPrototypeCharCodeAt(s, i + 1));
      const lo = hexValue(StringPrototypeCharCodeAt(s, i + 2));
      if (hi >= 0 && lo >= 0) {
        out[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    }
    out[n++] = c;
  }
  return n === len ? out : out.slice(0, n);
}

function hexValue(c) {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

function qsUnescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return QueryString.unescapeBuffer(s, decodeSpaces).toString();
  }
}

// --- Encoding -----------------------------------------------------------------

// Kept as they are: letters, digits and - . _ ~ ! ' ( ) *.
const noEscape = new Int8Array(128);
{
  const keep = "-._~!'()*";
  for (let i = 0; i < keep.length; i++) {
    noEscape[StringPrototypeCharCodeAt(keep, i)] = 1;
  }
  for (let c = 0x30; c <= 0x39; c++) noEscape[c] = 1;
  for (let c = 0x41; c <= 0x5A; c++) noEscape[c] = 1;
  for (let c = 0x61; c <= 0x7A; c++) noEscape[c] = 1;
}

function qsEscape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  return encodeStr(str, noEscape, hexTable);
}

function stringifyPrimitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && NumberIsFinite(v)) return `${v}`;
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

// The default encoder: numbers below 1e21 need no escaping.
function encodeDefault(v, encode) {
  if (typeof v === 'string') return v.length > 0 ? encode(v) : '';
  if (typeof v === 'number' && NumberIsFinite(v)) {
    return MathAbs(v) < 1e21 ? `${v}` : encode(`${v}`);
  }
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function encodeCustom(v, encode) {
  return encode(stringifyPrimitive(v));
}

function stringify(obj, sep, eq, options) {
  sep ||= '&';
  eq ||= '=';
  let encode = QueryString.escape;
  if (options && typeof options.encodeURIComponent === 'function') {
    encode = options.encodeURIComponent;
  }
  const convert = encode === qsEscape ? encodeDefault : encodeCustom;

  if (obj === null || typeof obj !== 'object') return '';
  const keys = ObjectKeys(obj);
  let out = '';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = obj[key];
    const prefix = convert(key, encode) + eq;
    if (ArrayIsArray(value)) {
      if (value.length === 0) continue;
      if (out) out += sep;
      for (let j = 0; j < value.length; j++) {
        if (j) out += sep;
        out += prefix + convert(value[j], encode);
      }
    } else {
      if (out) out += sep;
      out += prefix + convert(value, encode);
    }
  }
  return out;
}

// --- Parsing ------------------------------------------------------------------

function charCodes(str) {
  const codes = [];
  for (let i = 0; i < str.length; i++) {
    codes[i] = StringPrototypeCharCodeAt(str, i);
  }
  return codes;
}

const kDefaultSep = [0x26];
const kDefaultEq = [0x3D];

function decodeComponent(s, decoder) {
  try {
    return decoder(s);
  } catch {
    return QueryString.unescape(s, true);
  }
}

function addPair(obj, key, value, keyEncoded, valueEncoded, decode) {
  if (key.length > 0 && keyEncoded) key = decodeComponent(key, decode);
  if (value.length > 0 && valueEncoded) {
    value = decodeComponent(value, decode);
  }
  const current = obj[key];
  if (current === undefined) {
    obj[key] = value;
  } else if (current.pop) {
    current[current.length] = value;
  } else {
    obj[key] = [current, value];
  }
}

function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return obj;

  const sepCodes = sep ? charCodes(String(sep)) : kDefaultSep;
  const eqCodes = eq ? charCodes(String(eq)) : kDefaultEq;
  const sepLen = sepCodes.length;
  const eqLen = eqCodes.length;

  // -1 stands for "no limit": it never counts down to 0.
  let pairs = 1000;
  if (options && typeof options.maxKeys === 'number') {
    pairs = options.maxKeys > 0 ? options.maxKeys : -1;
  }

  let decode = QueryString.unescape;
  if (options && typeof options.decodeURIComponent === 'function') {
    decode = options.decodeURIComponent;
  }
  const customDecode = decode !== qsUnescape;
  const plus = customDecode ? '%20' : ' ';

  let key = '';
  let value = '';
  let keyEncoded = customDecode;
  let valueEncoded = customDecode;
  let last = 0;
  let sepIdx = 0;
  let eqIdx = 0;
  // Progress through a '%XX' escape: 1 after '%', 2 after one hex digit.
  let escape = 0;

  for (let i = 0; i < qs.length; i++) {
    const c = StringPrototypeCharCodeAt(qs, i);

    if (c === sepCodes[sepIdx]) {
      if (++sepIdx !== sepLen) continue;
      // The end of a pair.
      const end = i - sepLen + 1;
      if (eqIdx < eqLen) {
        if (last < end) {
          key += StringPrototypeSlice(qs, last, end);
        } else if (key.length === 0) {
          // Nothing between two separators.
          if (--pairs === 0) return obj;
          last = i + 1;
          sepIdx = eqIdx = 0;
          continue;
        }
      } else if (last < end) {
        value += StringPrototypeSlice(qs, last, end);
      }
      addPair(obj, key, value, keyEncoded, valueEncoded, decode);
      if (--pairs === 0) return obj;
      keyEncoded = valueEncoded = customDecode;
      key = value = '';
      escape = 0;
      last = i + 1;
      sepIdx = eqIdx = 0;
      continue;
    }
    sepIdx = 0;

    if (eqIdx < eqLen) {
      // Still in the key.
      if (c === eqCodes[eqIdx]) {
        if (++eqIdx === eqLen) {
          const end = i - eqLen + 1;
          if (last < end) key += StringPrototypeSlice(qs, last, end);
          escape = 0;
          last = i + 1;
        }
        continue;
      }
      eqIdx = 0;
      if (!keyEncoded) {
        if (c === 0x25) {
          escape = 1;
          continue;
        }
        if (escape > 0) {
          if (isHexTable[c] === 1) {
            if (++escape === 3) keyEncoded = true;
            continue;
          }
          escape = 0;
        }
      }
      if (c === 0x2B) {
        key += StringPrototypeSlice(qs, last, i) + plus;
        last = i + 1;
        continue;
      }
    }

    // In the value (or a key character that falls through).
    if (c === 0x2B) {
      value += StringPrototypeSlice(qs, last, i) + plus;
      last = i + 1;
    } else if (!valueEncoded) {
      if (c === 0x25) {
        escape = 1;
      } else if (escape > 0) {
        if (isHexTable[c] === 1) {
          if (++escape === 3) valueEncoded = true;
        } else {
          escape = 0;
        }
      }
    }
  }

  // What is left after the last separator.
  if (last < qs.length) {
    if (eqIdx < eqLen) key += StringPrototypeSlice(qs, last);
    else if (sepIdx < sepLen) value += StringPrototypeSlice(qs, last);
  } else if (eqIdx === 0 && key.length === 0) {
    return obj;
  }
  addPair(obj, key, value, keyEncoded, valueEncoded, decode);
  return obj;
}

const QueryString = module.exports = {
  unescapeBuffer,
  // `unescape()` is a JS global, so the exported name differs internally.
  unescape: qsUnescape,
  // `escape()` is a JS global, so the exported name differs internally.
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
