'use strict';

// The WHATWG URL Standard (https://url.spec.whatwg.org/) in JavaScript: the
// basic URL parser, host parsing (domains, IPv4, IPv6, opaque hosts), the
// serializer, the URL and URLSearchParams classes, and Node's file-URL
// helpers built on them.

const {
  ArrayIsArray,
  ArrayPrototypeJoin,
  ArrayPrototypePop,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSort,
  Boolean,
  ErrorCaptureStackTrace,
  FunctionPrototypeCall,
  IteratorPrototype,
  NumberParseInt,
  NumberPrototypeToString,
  ObjectDefineProperties,
  ObjectGetOwnPropertyDescriptor,
  ObjectSetPrototypeOf,
  ReflectOwnKeys,
  RegExpPrototypeExec,
  SafeMap,
  SafeSet,
  StringFromCharCode,
  StringFromCodePoint,
  StringPrototypeCharCodeAt,
  StringPrototypeCodePointAt,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypeReplaceAll,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
  StringPrototypeToLowerCase,
  StringPrototypeToUpperCase,
  Symbol,
  SymbolIterator,
  SymbolToStringTag,
  TypeError,
  Uint8Array,
  decodeURIComponent,
} = primordials;

const {
  codes: {
    ERR_ARG_NOT_ITERABLE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_FILE_URL_HOST,
    ERR_INVALID_FILE_URL_PATH,
    ERR_INVALID_THIS,
    ERR_INVALID_TUPLE,
    ERR_INVALID_URL,
    ERR_INVALID_URL_SCHEME,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const {
  customInspectSymbol: kInspect,
  getConstructorOf,
  kEmptyObject,
  removeColors,
  toUSVString,
} = require('internal/util');
const idna = require('internal/idna');
const {
  kValidateObjectAllowObjects,
  validateObject,
} = require('internal/validators');

let inspectModule;
function lazyInspect() {
  inspectModule ??= require('internal/util/inspect');
  return inspectModule;
}
let pathModule;
function lazyPath() {
  pathModule ??= require('path');
  return pathModule;
}

const isWindows = process.platform === 'win32';

// --- Percent-encoding ---------------------------------------------------------

// Each set is a table over ASCII: 1 means the character is encoded. Code
// points above U+007E are always encoded.
function makeSet(base, extra) {
  const set = new Uint8Array(128);
  for (let i = 0; i < 128; i++) {
    if (base !== null) set[i] = base[i];
    else if (i < 0x20 || i === 0x7F) set[i] = 1;
  }
  for (let i = 0; i < extra.length; i++) {
    set[StringPrototypeCharCodeAt(extra, i)] = 1;
  }
  return set;
}
const kC0ControlSet = makeSet(null, '');
const kFragmentSet = makeSet(kC0ControlSet, ' "<>`');
const kQuerySet = makeSet(kC0ControlSet, ' "#<>');
const kSpecialQuerySet = makeSet(kQuerySet, "'");
const kPathSet = makeSet(kQuerySet, '?^`{}');
const kUserinfoSet = makeSet(kPathSet, '/:;=@[\\]|');
const kComponentSet = makeSet(kUserinfoSet, '$%&+,');
const kFormSet = makeSet(kComponentSet, "!'()~");

const kHex = [];
for (let i = 0; i < 256; i++) {
  kHex[i] = `%${i < 16 ? '0' : ''}${StringPrototypeToUpperCase(
    NumberPrototypeToString(i, 16))}`;
}

// Appends the UTF-8 bytes of `cp` to `bytes`.
function utf8Bytes(cp, bytes) {
  if (cp < 0x80) {
    ArrayPrototypePush(bytes, cp);
  } else if (cp < 0x800) {
    ArrayPrototypePush(bytes, 0xC0 | (cp >> 6), 0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    ArrayPrototypePush(bytes, 0xE0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3F),
                       0x80 | (cp & 0x3F));
  } else {
    ArrayPrototypePush(bytes, 0xF0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3F),
                       0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F));
  }
}

function encodeCodePoint(cp, set) {
  if (cp < 0x80) return set[cp] ? kHex[cp] : StringFromCharCode(cp);
  if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
  const bytes = [];
  utf8Bytes(cp, bytes);
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += kHex[bytes[i]];
  return out;
}

// Percent-encodes every code point of `str` that is in `set`; lone
// surrogates are encoded as U+FFFD. With `spaceAsPlus`, ' ' becomes '+'.
function percentEncode(str, set, spaceAsPlus = false) {
  let out = '';
  let last = 0;
  const len = str.length;
  for (let i = 0; i < len; i++) {
    let c = StringPrototypeCharCodeAt(str, i);
    if (c < 0x80 && set[c] === 0) continue;
    if (i > last) out += StringPrototypeSlice(str, last, i);
    if (c === 0x20 && spaceAsPlus) {
      out += '+';
    } else {
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < len) {
        const d = StringPrototypeCharCodeAt(str, i + 1);
        if (d >= 0xDC00 && d <= 0xDFFF) {
          c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
          i++;
        }
      }
      out += encodeCodePoint(c, set);
    }
    last = i + 1;
  }
  if (last === 0) return str;
  if (last < len) out += StringPrototypeSlice(str, last);
  return out;
}

function hexValue(c) {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

// Percent-decodes `str` to a byte list (the UTF-8 of each code point for the
// characters that are not escapes).
function percentDecodeBytes(str, plusAsSpace = false) {
  const bytes = [];
  const len = str.length;
  for (let i = 0; i < len; i++) {
    let c = StringPrototypeCharCodeAt(str, i);
    if (c === 0x25 && i + 2 < len) {
      const h = hexValue(StringPrototypeCharCodeAt(str, i + 1));
      const l = hexValue(StringPrototypeCharCodeAt(str, i + 2));
      if (h >= 0 && l >= 0) {
        ArrayPrototypePush(bytes, h * 16 + l);
        i += 2;
        continue;
      }
    }
    if (c === 0x2B && plusAsSpace) c = 0x20;
    if (c < 0x80) {
      ArrayPrototypePush(bytes, c);
      continue;
    }
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < len) {
      const d = StringPrototypeCharCodeAt(str, i + 1);
      if (d >= 0xDC00 && d <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
        i++;
      }
    }
    if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
    utf8Bytes(c, bytes);
  }
  return bytes;
}

// UTF-8 decode without BOM handling; each maximal invalid subpart becomes
// U+FFFD (the Encoding Standard's rules).
function utf8Decode(bytes) {
  let out = '';
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      out += StringFromCharCode(b);
      i++;
      continue;
    }
    let need = 0;
    let cp = 0;
    let lower = 0x80;
    let upper = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
      cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
      if (b === 0xE0) lower = 0xA0;
      if (b === 0xED) upper = 0x9F;
      need = 2;
      cp = b & 0x0F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      if (b === 0xF0) lower = 0x90;
      if (b === 0xF4) upper = 0x8F;
      need = 3;
      cp = b & 0x07;
    } else {
      out += '\uFFFD';
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      const x = j < n ? bytes[j] : -1;
      if (x < lower || x > upper) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (x & 0x3F);
      lower = 0x80;
      upper = 0xBF;
    }
    out += ok ? StringFromCodePoint(cp) : '\uFFFD';
    i = j;
  }
  return out;
}

function percentDecodeString(str) {
  if (StringPrototypeIndexOf(str, '%') === -1) return str;
  return utf8Decode(percentDecodeBytes(str));
}

// --- Hosts ----------------------------------------------------------------------

function isForbiddenHostCodePoint(c) {
  return c === 0x00 || c === 0x09 || c === 0x0A || c === 0x0D ||
    c === 0x20 || c === 0x23 || c === 0x2F || c === 0x3A || c === 0x3C ||
    c === 0x3E || c === 0x3F || c === 0x40 || c === 0x5B || c === 0x5C ||
    c === 0x5D || c === 0x5E || c === 0x7C;
}

function isForbiddenDomainCodePoint(c) {
  return isForbiddenHostCodePoint(c) || c <= 0x1F || c === 0x25 ||
    c === 0x7F;
}

function isDigit(c) { return c >= 0x30 && c <= 0x39; }
function isAlpha(c) {
  return (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A);
}
function isHexDigit(c) { return hexValue(c) !== -1; }

// Parses one IPv4 part; returns -1 on failure.
function parseIPv4Number(str) {
  if (str === '') return -1;
  let radix = 10;
  let start = 0;
  if (str.length >= 2 && StringPrototypeCharCodeAt(str, 0) === 0x30) {
    const x = StringPrototypeCharCodeAt(str, 1);
    if (x === 0x78 || x === 0x58) {
      radix = 16;
      start = 2;
    } else {
      radix = 8;
      start = 1;
    }
  }
  if (start === str.length) return 0;
  let value = 0;
  for (let i = start; i < str.length; i++) {
    const c = StringPrototypeCharCodeAt(str, i);
    let d;
    if (radix === 16) d = hexValue(c);
    else d = isDigit(c) ? c - 0x30 : -1;
    if (d < 0 || d >= radix) return -1;
    value = value * radix + d;
  }
  return value;
}

function splitDots(str) {
  const parts = [];
  let start = 0;
  for (let i = 0; i <= str.length; i++) {
    if (i === str.length || StringPrototypeCharCodeAt(str, i) === 0x2E) {
      ArrayPrototypePush(parts, StringPrototypeSlice(str, start, i));
      start = i + 1;
    }
  }
  return parts;
}

function endsInANumber(str) {
  const parts = splitDots(str);
  if (parts[parts.length - 1] === '') {
    if (parts.length === 1) return false;
    ArrayPrototypePop(parts);
  }
  const last = parts[parts.length - 1];
  if (last !== '') {
    let digits = true;
    for (let i = 0; i < last.length; i++) {
      if (!isDigit(StringPrototypeCharCodeAt(last, i))) {
        digits = false;
        break;
      }
    }
    if (digits) return true;
  }
  return parseIPv4Number(last) !== -1;
}

// Returns the IPv4 address as a number, or -1.
function parseIPv4(str) {
  const parts = splitDots(str);
  if (parts[parts.length - 1] === '' && parts.length > 1) {
    ArrayPrototypePop(parts);
  }
  if (parts.length > 4) return -1;
  const numbers = [];
  for (let i = 0; i < parts.length; i++) {
    const n = parseIPv4Number(parts[i]);
    if (n === -1) return -1;
    ArrayPrototypePush(numbers, n);
  }
  for (let i = 0; i < numbers.length - 1; i++) {
    if (numbers[i] > 255) return -1;
  }
  const last = numbers[numbers.length - 1];
  if (last >= 256 ** (5 - numbers.length)) return -1;
  let ipv4 = last;
  for (let i = 0; i < numbers.length - 1; i++) {
    ipv4 += numbers[i] * 256 ** (3 - i);
  }
  return ipv4;
}

function serializeIPv4(n) {
  let out = '';
  for (let i = 3; i >= 0; i--) {
    const part = MathTrunc(n / 256 ** i) % 256;
    out += i === 3 ? `${part}` : `.${part}`;
  }
  return out;
}
function MathTrunc(x) { return x - (x % 1); }

// Returns an array of 8 pieces, or null.
function parseIPv6(input) {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let pieceIndex = 0;
  let compress = null;
  let p = 0;
  const len = input.length;
  const at = (i) => (i < len ? StringPrototypeCharCodeAt(input, i) : -1);
  if (at(p) === 0x3A) {
    if (at(p + 1) !== 0x3A) return null;
    p += 2;
    pieceIndex++;
    compress = pieceIndex;
  }
  while (at(p) !== -1) {
    if (pieceIndex === 8) return null;
    if (at(p) === 0x3A) {
      if (compress !== null) return null;
      p++;
      pieceIndex++;
      compress = pieceIndex;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && isHexDigit(at(p))) {
      value = value * 16 + hexValue(at(p));
      p++;
      length++;
    }
    if (at(p) === 0x2E) {
      if (length === 0) return null;
      p -= length;
      if (pieceIndex > 6) return null;
      let numbersSeen = 0;
      while (at(p) !== -1) {
        let ipv4Piece = -1;
        if (numbersSeen > 0) {
          if (at(p) === 0x2E && numbersSeen < 4) p++;
          else return null;
        }
        if (!isDigit(at(p))) return null;
        while (isDigit(at(p))) {
          const number = at(p) - 0x30;
          if (ipv4Piece === -1) ipv4Piece = number;
          else if (ipv4Piece === 0) return null;
          else ipv4Piece = ipv4Piece * 10 + number;
          if (ipv4Piece > 255) return null;
          p++;
        }
        address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
      }
      if (numbersSeen !== 4) return null;
      break;
    } else if (at(p) === 0x3A) {
      p++;
      if (at(p) === -1) return null;
    } else if (at(p) !== -1) {
      return null;
    }
    address[pieceIndex] = value;
    pieceIndex++;
  }
  if (compress !== null) {
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const tmp = address[compress + swaps - 1];
      address[compress + swaps - 1] = address[pieceIndex];
      address[pieceIndex] = tmp;
      pieceIndex--;
      swaps--;
    }
  } else if (pieceIndex !== 8) {
    return null;
  }
  return address;
}

function serializeIPv6(address) {
  // The first longest run of two or more zero pieces is compressed.
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (address[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && address[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      out += i === 0 ? '::' : ':';
      i += bestLen - 1;
      continue;
    }
    out += NumberPrototypeToString(address[i], 16);
    if (i !== 7) out += ':';
  }
  return out;
}

// The host parser. Returns the serialized host or null on failure.
function parseHost(input, isOpaque) {
  if (StringPrototypeCharCodeAt(input, 0) === 0x5B) {
    if (StringPrototypeCharCodeAt(input, input.length - 1) !== 0x5D) {
      return null;
    }
    const address = parseIPv6(StringPrototypeSlice(input, 1, -1));
    return address === null ? null : `[${serializeIPv6(address)}]`;
  }
  if (isOpaque) {
    for (let i = 0; i < input.length; i++) {
      if (isForbiddenHostCodePoint(StringPrototypeCharCodeAt(input, i))) {
        return null;
      }
    }
    return percentEncode(input, kC0ControlSet);
  }
  const domain = percentDecodeString(input);
  const ascii = domainToASCIIInternal(domain);
  if (ascii === null) return null;
  if (endsInANumber(ascii)) {
    const ipv4 = parseIPv4(ascii);
    return ipv4 === -1 ? null : serializeIPv4(ipv4);
  }
  return ascii;
}

function domainToASCIIInternal(domain) {
  const ascii = idna.toASCII(domain);
  if (ascii === null || ascii === '') return null;
  for (let i = 0; i < ascii.length; i++) {
    if (isForbiddenDomainCodePoint(StringPrototypeCharCodeAt(ascii, i))) {
      return null;
    }
  }
  return ascii;
}

// --- The URL record and the basic URL parser ------------------------------------

const kSpecialSchemes = { __proto__: null,
                          'ftp': 21, 'file': null, 'http': 80, 'https': 443,
                          'ws': 80, 'wss': 443 };

// String compares: cheaper than an `in` lookup on kSpecialSchemes, and the
// parser asks this for many characters.
function isSpecialScheme(scheme) {
  switch (scheme) {
    case 'http':
    case 'https':
    case 'ws':
    case 'wss':
    case 'ftp':
    case 'file':
      return true;
    default:
      return false;
  }
}

function defaultPort(scheme) {
  const port = kSpecialSchemes[scheme];
  return port === undefined ? null : port;
}

function newRecord() {
  return {
    scheme: '',
    username: '',
    password: '',
    host: null,
    port: null,
    path: [],
    opaque: false,
    query: null,
    fragment: null,
  };
}

function cloneRecord(r) {
  return {
    scheme: r.scheme,
    username: r.username,
    password: r.password,
    host: r.host,
    port: r.port,
    path: r.opaque ? r.path : ArrayPrototypeSlice(r.path),
    opaque: r.opaque,
    query: r.query,
    fragment: r.fragment,
  };
}

const EOF = -1;
const SCHEME_START = 1;
const SCHEME = 2;
const NO_SCHEME = 3;
const SPECIAL_RELATIVE_OR_AUTHORITY = 4;
const PATH_OR_AUTHORITY = 5;
const RELATIVE = 6;
const RELATIVE_SLASH = 7;
const SPECIAL_AUTHORITY_SLASHES = 8;
const SPECIAL_AUTHORITY_IGNORE_SLASHES = 9;
const AUTHORITY = 10;
const HOST = 11;
const HOSTNAME = 12;
const PORT = 13;
const FILE = 14;
const FILE_SLASH = 15;
const FILE_HOST = 16;
const PATH_START = 17;
const PATH = 18;
const OPAQUE_PATH = 19;
const QUERY = 20;
const FRAGMENT = 21;

function isWindowsDriveLetterCodes(a, b) {
  return isAlpha(a) && (b === 0x3A || b === 0x7C);
}

function isWindowsDriveLetter(str) {
  return str.length === 2 &&
    isWindowsDriveLetterCodes(StringPrototypeCharCodeAt(str, 0),
                              StringPrototypeCharCodeAt(str, 1));
}

function isNormalizedWindowsDriveLetter(str) {
  return str.length === 2 && isAlpha(StringPrototypeCharCodeAt(str, 0)) &&
    StringPrototypeCharCodeAt(str, 1) === 0x3A;
}

// Does cps[from...] start with a Windows drive letter?
function startsWithWindowsDriveLetter(cps, from) {
  if (cps.length - from < 2) return false;
  if (!isWindowsDriveLetterCodes(cps[from], cps[from + 1])) return false;
  if (cps.length - from === 2) return true;
  const c = cps[from + 2];
  return c === 0x2F || c === 0x5C || c === 0x3F || c === 0x23;
}

function isSingleDot(s) {
  return s === '.' || s === '%2e' || s === '%2E';
}

function isDoubleDot(s) {
  switch (s.length) {
    case 2: return s === '..';
    case 4: {
      const l = StringPrototypeToLowerCase(s);
      return l === '.%2e' || l === '%2e.';
    }
    case 6: return StringPrototypeToLowerCase(s) === '%2e%2e';
    default: return false;
  }
}

function shortenPath(url) {
  const path = url.path;
  if (url.scheme === 'file' && path.length === 1 &&
      isNormalizedWindowsDriveLetter(path[0])) {
    return;
  }
  ArrayPrototypePop(path);
}

function includesCredentials(url) {
  return url.username !== '' || url.password !== '';
}

function cannotHaveCredentialsOrPort(url) {
  return url.host === null || url.host === '' || url.scheme === 'file';
}

// Code points of `input`, with leading/trailing C0 controls and spaces cut
// (when `trim`) and every tab and newline removed; lone surrogates become
// U+FFFD.
function prepareInput(input, trim) {
  let start = 0;
  let end = input.length;
  if (trim) {
    while (start < end && StringPrototypeCharCodeAt(input, start) <= 0x20) {
      start++;
    }
    while (end > start && StringPrototypeCharCodeAt(input, end - 1) <= 0x20) {
      end--;
    }
  }
  const cps = [];
  let n = 0;
  let verbatim = true;
  for (let i = start; i < end; i++) {
    let c = StringPrototypeCharCodeAt(input, i);
    if (c === 0x09 || c === 0x0A || c === 0x0D) {
      verbatim = false;
      continue;
    }
    if (c >= 0xD800 && c <= 0xDFFF) {
      verbatim = false;
      c = StringPrototypeCodePointAt(input, i);
      if (c > 0xFFFF) i++;
      else c = 0xFFFD;
    }
    // An indexed store: the ArrayPrototypePush primordial costs a call per
    // character.
    cps[n++] = c;
  }
  preparedOffset = verbatim ? start : -1;
  return cps;
}

// Set by prepareInput(): when its code points are the input's UTF-16 units
// from this offset on (nothing removed or replaced), the parser appends runs
// of plain characters as one slice of the input; -1 otherwise.
let preparedOffset = -1;

// Characters a host keeps as they are (the rest go one by one).
function isPlainHostChar(c) {
  return (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) ||
    c === 0x2E || c === 0x2D || (c >= 0x41 && c <= 0x5A);
}

// The end of the run of plain host characters that starts at `from`.
function plainHostRunEnd(cps, from) {
  let j = from + 1;
  while (j < cps.length && isPlainHostChar(cps[j])) j++;
  return j;
}

function cpString(cp) {
  return cp < 0x10000 ? StringFromCharCode(cp) : StringFromCodePoint(cp);
}

// The basic URL parser. Without `url` it returns a new record or null. With
// `url` and `stateOverride` it changes `url` in place; its return value is
// then ignored (a failure leaves what was already set, as the standard
// says). A new record comes from the fast paths (parseSimpleSpecialURL,
// resolveSimpleRelative) when they can make it, from the state machine
// otherwise.
function basicParse(input, base, url, stateOverride) {
  if (url === undefined && stateOverride === undefined) {
    const simple = parseSimpleSpecialURL(input) ??
      (base != null ? resolveSimpleRelative(input, base) : undefined);
    if (simple !== undefined) return simple;
  }
  return runStateMachine(input, base, url, stateOverride);
}

// The standard's state machine, one code point at a time.
function runStateMachine(input, base, url, stateOverride) {
  const override = stateOverride !== undefined;
  if (url === undefined) url = newRecord();
  const cps = prepareInput(input, !override);
  const verbatimFrom = preparedOffset;
  let state = override ? stateOverride : SCHEME_START;
  let buffer = '';
  let atSignSeen = false;
  let insideBrackets = false;
  let passwordTokenSeen = false;
  let pathScheme = null;
  let pathSchemeSpecial = false;
  const len = cps.length;

  for (let pointer = 0; pointer <= len; pointer++) {
    const c = pointer < len ? cps[pointer] : EOF;
    switch (state) {
      case SCHEME_START:
        if (c !== EOF && isAlpha(c)) {
          buffer += StringFromCharCode(c | 0x20);
          state = SCHEME;
        } else if (!override) {
          state = NO_SCHEME;
          pointer--;
        } else {
          return null;
        }
        break;

      case SCHEME:
        if (c !== EOF && (isAlpha(c) || isDigit(c) || c === 0x2B ||
                          c === 0x2D || c === 0x2E)) {
          buffer += StringFromCharCode(c < 0x5B && c > 0x40 ? c | 0x20 : c);
        } else if (c === 0x3A) {
          if (override) {
            if (isSpecialScheme(url.scheme) !== isSpecialScheme(buffer)) {
              return url;
            }
            if ((includesCredentials(url) || url.port !== null) &&
                buffer === 'file') {
              return url;
            }
            if (url.scheme === 'file' && url.host === '') return url;
          }
          url.scheme = buffer;
          if (override) {
            if (url.port === defaultPort(url.scheme)) url.port = null;
            return url;
          }
          buffer = '';
          if (url.scheme === 'file') {
            state = FILE;
          } else if (isSpecialScheme(url.scheme) && base != null &&
                     base.scheme === url.scheme) {
            state = SPECIAL_RELATIVE_OR_AUTHORITY;
          } else if (isSpecialScheme(url.scheme)) {
            state = SPECIAL_AUTHORITY_SLASHES;
          } else if (pointer + 1 < len && cps[pointer + 1] === 0x2F) {
            state = PATH_OR_AUTHORITY;
            pointer++;
          } else {
            url.path = '';
            url.opaque = true;
            state = OPAQUE_PATH;
          }
        } else if (!override) {
          buffer = '';
          state = NO_SCHEME;
          pointer = -1;
        } else {
          return null;
        }
        break;

      case NO_SCHEME:
        if (base == null || (base.opaque && c !== 0x23)) return null;
        if (base.opaque && c === 0x23) {
          url.scheme = base.scheme;
          url.path = base.path;
          url.opaque = true;
          url.query = base.query;
          url.fragment = '';
          state = FRAGMENT;
        } else if (base.scheme !== 'file') {
          state = RELATIVE;
          pointer--;
        } else {
          state = FILE;
          pointer--;
        }
        break;

      case SPECIAL_RELATIVE_OR_AUTHORITY:
        if (c === 0x2F && pointer + 1 < len && cps[pointer + 1] === 0x2F) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer++;
        } else {
          state = RELATIVE;
          pointer--;
        }
        break;

      case PATH_OR_AUTHORITY:
        if (c === 0x2F) {
          state = AUTHORITY;
        } else {
          state = PATH;
          pointer--;
        }
        break;

      case RELATIVE:
        url.scheme = base.scheme;
        if (c === 0x2F) {
          state = RELATIVE_SLASH;
        } else if (c === 0x5C && isSpecialScheme(url.scheme)) {
          state = RELATIVE_SLASH;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          url.path = ArrayPrototypeSlice(base.path);
          url.query = base.query;
          if (c === 0x3F) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          } else if (c !== EOF) {
            url.query = null;
            shortenPath(url);
            state = PATH;
            pointer--;
          }
        }
        break;

      case RELATIVE_SLASH:
        if (isSpecialScheme(url.scheme) && (c === 0x2F || c === 0x5C)) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
        } else if (c === 0x2F) {
          state = AUTHORITY;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          state = PATH;
          pointer--;
        }
        break;

      case SPECIAL_AUTHORITY_SLASHES:
        if (c === 0x2F && pointer + 1 < len && cps[pointer + 1] === 0x2F) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer++;
        } else {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer--;
        }
        break;

      case SPECIAL_AUTHORITY_IGNORE_SLASHES:
        if (c !== 0x2F && c !== 0x5C) {
          state = AUTHORITY;
          pointer--;
        }
        break;

      case AUTHORITY:
        if (c === 0x40) {
          if (atSignSeen) buffer = `%40${buffer}`;
          atSignSeen = true;
          for (let i = 0; i < buffer.length; i++) {
            const b = StringPrototypeCharCodeAt(buffer, i);
            if (b === 0x3A && !passwordTokenSeen) {
              passwordTokenSeen = true;
              continue;
            }
            let cp = b;
            if (b >= 0xD800 && b <= 0xDBFF) {
              cp = StringPrototypeCodePointAt(buffer, i);
              i++;
            }
            const encoded = encodeCodePoint(cp, kUserinfoSet);
            if (passwordTokenSeen) url.password += encoded;
            else url.username += encoded;
          }
          buffer = '';
        } else if (c === EOF || c === 0x2F || c === 0x3F || c === 0x23 ||
                   (c === 0x5C && isSpecialScheme(url.scheme))) {
          if (atSignSeen && buffer === '') return null;
          pointer -= countCodePoints(buffer) + 1;
          buffer = '';
          state = HOST;
        } else if (verbatimFrom !== -1 && isPlainHostChar(c)) {
          const runEnd = plainHostRunEnd(cps, pointer);
          buffer += StringPrototypeSlice(input, verbatimFrom + pointer,
                                         verbatimFrom + runEnd);
          pointer = runEnd - 1;
        } else {
          buffer += cpString(c);
        }
        break;

      case HOST:
      case HOSTNAME:
        if (override && url.scheme === 'file') {
          pointer--;
          state = FILE_HOST;
        } else if (c === 0x3A && !insideBrackets) {
          if (buffer === '') return null;
          if (stateOverride === HOSTNAME) return null;
          const host = parseHost(buffer, !isSpecialScheme(url.scheme));
          if (host === null) return null;
          url.host = host;
          buffer = '';
          state = PORT;
        } else if (c === EOF || c === 0x2F || c === 0x3F || c === 0x23 ||
                   (c === 0x5C && isSpecialScheme(url.scheme))) {
          pointer--;
          if (isSpecialScheme(url.scheme) && buffer === '') return null;
          if (override && buffer === '' &&
              (includesCredentials(url) || url.port !== null)) {
            return null;
          }
          const host = parseHost(buffer, !isSpecialScheme(url.scheme));
          if (host === null) return null;
          url.host = host;
          buffer = '';
          state = PATH_START;
          if (override) return url;
        } else if (verbatimFrom !== -1 && isPlainHostChar(c)) {
          const runEnd = plainHostRunEnd(cps, pointer);
          buffer += StringPrototypeSlice(input, verbatimFrom + pointer,
                                         verbatimFrom + runEnd);
          pointer = runEnd - 1;
        } else {
          if (c === 0x5B) insideBrackets = true;
          if (c === 0x5D) insideBrackets = false;
          buffer += cpString(c);
        }
        break;

      case PORT:
        if (c !== EOF && isDigit(c)) {
          buffer += StringFromCharCode(c);
        } else if (c === EOF || c === 0x2F || c === 0x3F || c === 0x23 ||
                   (c === 0x5C && isSpecialScheme(url.scheme)) || override) {
          if (buffer !== '') {
            const port = NumberParseInt(buffer, 10);
            if (port > 65535) return null;
            url.port = port === defaultPort(url.scheme) ? null : port;
            buffer = '';
            if (override) return url;
          }
          if (override) return null;
          state = PATH_START;
          pointer--;
        } else {
          return null;
        }
        break;

      case FILE:
        url.scheme = 'file';
        url.host = '';
        if (c === 0x2F || c === 0x5C) {
          state = FILE_SLASH;
        } else if (base != null && base.scheme === 'file') {
          url.host = base.host;
          url.path = ArrayPrototypeSlice(base.path);
          url.query = base.query;
          if (c === 0x3F) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          } else if (c !== EOF) {
            url.query = null;
            if (!startsWithWindowsDriveLetter(cps, pointer)) {
              shortenPath(url);
            } else {
              url.path = [];
            }
            state = PATH;
            pointer--;
          }
        } else {
          state = PATH;
          pointer--;
        }
        break;

      case FILE_SLASH:
        if (c === 0x2F || c === 0x5C) {
          state = FILE_HOST;
        } else {
          if (base != null && base.scheme === 'file') {
            url.host = base.host;
            if (!startsWithWindowsDriveLetter(cps, pointer) &&
                base.path.length > 0 &&
                isNormalizedWindowsDriveLetter(base.path[0])) {
              ArrayPrototypePush(url.path, base.path[0]);
            }
          }
          state = PATH;
          pointer--;
        }
        break;

      case FILE_HOST:
        if (c === EOF || c === 0x2F || c === 0x5C || c === 0x3F ||
            c === 0x23) {
          pointer--;
          if (!override && isWindowsDriveLetter(buffer)) {
            state = PATH;
          } else if (buffer === '') {
            url.host = '';
            if (override) return url;
            state = PATH_START;
          } else {
            let host = parseHost(buffer, !isSpecialScheme(url.scheme));
            if (host === null) return null;
            if (host === 'localhost') host = '';
            url.host = host;
            if (override) return url;
            buffer = '';
            state = PATH_START;
          }
        } else {
          buffer += cpString(c);
        }
        break;

      case PATH_START:
        if (isSpecialScheme(url.scheme)) {
          state = PATH;
          if (c !== 0x2F && c !== 0x5C) pointer--;
        } else if (!override && c === 0x3F) {
          url.query = '';
          state = QUERY;
        } else if (!override && c === 0x23) {
          url.fragment = '';
          state = FRAGMENT;
        } else if (c !== EOF) {
          state = PATH;
          if (c !== 0x2F) pointer--;
        } else if (override && url.host === null) {
          ArrayPrototypePush(url.path, '');
        }
        break;

      case PATH: {
        // Asked once per scheme, not once per path character.
        if (url.scheme !== pathScheme) {
          pathScheme = url.scheme;
          pathSchemeSpecial = isSpecialScheme(pathScheme);
        }
        const special = pathSchemeSpecial;
        if (c === EOF || c === 0x2F || (special && c === 0x5C) ||
            (!override && (c === 0x3F || c === 0x23))) {
          const slash = c === 0x2F || (special && c === 0x5C);
          if (isDoubleDot(buffer)) {
            shortenPath(url);
            if (!slash) ArrayPrototypePush(url.path, '');
          } else if (isSingleDot(buffer) && !slash) {
            ArrayPrototypePush(url.path, '');
          } else if (!isSingleDot(buffer)) {
            if (url.scheme === 'file' && url.path.length === 0 &&
                isWindowsDriveLetter(buffer)) {
              buffer = `${StringPrototypeSlice(buffer, 0, 1)}:`;
            }
            ArrayPrototypePush(url.path, buffer);
          }
          buffer = '';
          if (c === 0x3F) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          }
        } else if (verbatimFrom !== -1 && c < 0x80 && kPathSet[c] === 0 &&
                   c !== 0x5C) {
          // A run of characters the path keeps as they are ('/', '\\',
          // '?' and '#' end it, going through the branches above).
          let j = pointer + 1;
          while (j < len) {
            const d = cps[j];
            if (d >= 0x80 || kPathSet[d] !== 0 || d === 0x2F || d === 0x5C) {
              break;
            }
            j++;
          }
          buffer += StringPrototypeSlice(input, verbatimFrom + pointer,
                                         verbatimFrom + j);
          pointer = j - 1;
        } else {
          buffer += encodeCodePoint(c, kPathSet);
        }
        break;
      }

      case OPAQUE_PATH:
        if (c === 0x3F) {
          url.query = '';
          state = QUERY;
        } else if (c === 0x23) {
          url.fragment = '';
          state = FRAGMENT;
        } else if (c === 0x20) {
          const next = pointer + 1 < len ? cps[pointer + 1] : EOF;
          url.path += next === 0x3F || next === 0x23 ? '%20' : ' ';
        } else if (c !== EOF) {
          url.path += encodeCodePoint(c, kC0ControlSet);
        }
        break;

      case QUERY:
        if ((!override && c === 0x23) || c === EOF) {
          const set = isSpecialScheme(url.scheme) ?
            kSpecialQuerySet : kQuerySet;
          url.query += percentEncode(buffer, set);
          buffer = '';
          if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          }
        } else if (c !== EOF) {
          buffer += cpString(c);
        }
        break;

      case FRAGMENT:
        if (c !== EOF) url.fragment += encodeCodePoint(c, kFragmentSet);
        break;
    }
  }
  return url;
}

function countCodePoints(str) {
  let n = 0;
  for (let i = 0; i < str.length; i++) {
    const c = StringPrototypeCharCodeAt(str, i);
    if (c >= 0xD800 && c <= 0xDBFF) i++;
    n++;
  }
  return n;
}

function serializePath(url) {
  if (url.opaque) return url.path;
  let out = '';
  for (let i = 0; i < url.path.length; i++) out += `/${url.path[i]}`;
  return out;
}

function serializeURL(url, excludeFragment = false) {
  let out = `${url.scheme}:`;
  if (url.host !== null) {
    out += '//';
    if (includesCredentials(url)) {
      out += url.username;
      if (url.password !== '') out += `:${url.password}`;
      out += '@';
    }
    out += url.host;
    if (url.port !== null) out += `:${url.port}`;
  } else if (!url.opaque && url.path.length > 1 && url.path[0] === '') {
    out += '/.';
  }
  out += serializePath(url);
  if (url.query !== null) out += `?${url.query}`;
  if (!excludeFragment && url.fragment !== null) out += `#${url.fragment}`;
  return out;
}

function serializeOrigin(url) {
  switch (url.scheme) {
    case 'blob': {
      const inner = basicParse(serializePath(url));
      if (inner !== null &&
          (inner.scheme === 'http' || inner.scheme === 'https')) {
        return serializeOrigin(inner);
      }
      return 'null';
    }
    case 'ftp':
    case 'http':
    case 'https':
    case 'ws':
    case 'wss':
      return `${url.scheme}://${url.host}` +
        (url.port !== null ? `:${url.port}` : '');
    default:
      return 'null';
  }
}

// An opaque path loses its trailing spaces once nothing follows it.
function stripTrailingSpaces(url) {
  if (!url.opaque || url.fragment !== null || url.query !== null) return;
  let end = url.path.length;
  while (end > 0 && StringPrototypeCharCodeAt(url.path, end - 1) === 0x20) {
    end--;
  }
  url.path = StringPrototypeSlice(url.path, 0, end);
}

// --- The fast path -----------------------------------------------------------

// The printable ASCII characters a path, query or fragment keeps as they
// are in every state (1), where `?` and `#` are also delimiters; the rest
// (controls, space, " ' < > \\ ^ ` { | } [ ] and non-ASCII) may be encoded,
// dropped or mean something else, and leave a URL to the full parser.
const kVerbatim = new Uint8Array(128);
for (let c = 0x21; c < 0x7F; c++) kVerbatim[c] = 1;
for (const c of '"\'<>\\^`{|}[]') {
  kVerbatim[StringPrototypeCharCodeAt(c, 0)] = 0;
}

// "." and ".." in any of their spellings (%2e for a dot); the first
// character is checked first, as most segments are neither.
function isDotSegment(segment) {
  if (segment.length === 0 || segment.length > 6) return false;
  const first = StringPrototypeCharCodeAt(segment, 0);
  if (first !== 0x2E && first !== 0x25) return false;  // . %
  return isSingleDot(segment) || isDoubleDot(segment);
}

// Whether input starts with `prefix` (ASCII): String.prototype.startsWith
// is a builtin call that TurboFan does not inline, a fifth of this path's
// time when called twice.
function hasPrefix(input, prefix) {
  if (input.length < prefix.length) return false;
  for (let i = 1; i < prefix.length; i++) {  // the caller checked [0]
    if (StringPrototypeCharCodeAt(input, i) !==
        StringPrototypeCharCodeAt(prefix, i)) {
      return false;
    }
  }
  return true;
}

// Set by parseSimpleSpecialURL() on success: whether the URL's href is the
// input itself (no default or zero-led port to drop, a path written out).
let simpleURLIsCanonical = false;

// The record basicParse() makes for the most common URLs, in one scan:
// absolute http, https, ws, wss and ftp URLs in printable ASCII with a
// lower-case domain (no IPv4/IPv6 address, no xn-- label), an optional
// port, no credentials, no dot segments and nothing the parser would
// encode; and file:/// URLs (no host) on the same terms. undefined for
// anything else, which the full parser then takes (5 to 6 times slower
// per URL).
function parseSimpleSpecialURL(input) {
  const len = input.length;
  let scheme;
  let schemePort;
  let i;
  switch (StringPrototypeCharCodeAt(input, 0)) {
    case 0x68:  // h
      if (hasPrefix(input, 'https://')) {
        scheme = 'https';
        schemePort = 443;
        i = 8;
      } else if (hasPrefix(input, 'http://')) {
        scheme = 'http';
        schemePort = 80;
        i = 7;
      } else {
        return undefined;
      }
      break;
    case 0x77:  // w
      if (hasPrefix(input, 'wss://')) {
        scheme = 'wss';
        schemePort = 443;
        i = 6;
      } else if (hasPrefix(input, 'ws://')) {
        scheme = 'ws';
        schemePort = 80;
        i = 5;
      } else {
        return undefined;
      }
      break;
    case 0x66:  // f
      if (hasPrefix(input, 'file:///')) {
        // No host: the path starts at the third slash.
        return parseSimplePath(input, 7, 'file', '', null, true);
      }
      if (!hasPrefix(input, 'ftp://')) return undefined;
      scheme = 'ftp';
      schemePort = 21;
      i = 6;
      break;
    default:
      return undefined;
  }

  // The host: labels of a-z 0-9 -, none empty; a last label that starts
  // with a digit may make an IPv4 address, and xn-- labels need IDNA.
  const hostStart = i;
  let labelStart = i;
  for (; i < len; i++) {
    const c = StringPrototypeCharCodeAt(input, i);
    if ((c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c === 0x2D) {
      continue;
    }
    if (c !== 0x2E || i === labelStart) break;
    labelStart = i + 1;
  }
  if (i === labelStart ||
      isDigit(StringPrototypeCharCodeAt(input, labelStart))) {
    return undefined;
  }
  const host = StringPrototypeSlice(input, hostStart, i);
  if (StringPrototypeIncludes(host, 'xn--')) return undefined;

  let port = null;
  let canonical = true;
  if (i < len && StringPrototypeCharCodeAt(input, i) === 0x3A) {
    const portStart = ++i;
    let value = 0;
    for (; i < len; i++) {
      const c = StringPrototypeCharCodeAt(input, i);
      if (!isDigit(c)) break;
      value = value * 10 + (c - 0x30);
      if (value > 65535) return undefined;
    }
    if (i > portStart && value !== schemePort) port = value;
    canonical = port !== null &&
      StringPrototypeCharCodeAt(input, portStart) !== 0x30;
  }
  return parseSimplePath(input, i, scheme, host, port, canonical);
}

// parseSimpleSpecialURL() from the end of the authority (i) on: the path,
// then finishSimpleRecord().
function parseSimplePath(input, i, scheme, host, port, canonical) {
  const len = input.length;
  // The path: segments kept as they are, "/" when there is none.
  const path = [];
  let c = i < len ? StringPrototypeCharCodeAt(input, i) : EOF;
  if (c === 0x2F) {
    let segmentStart = ++i;
    for (; ; i++) {
      c = i < len ? StringPrototypeCharCodeAt(input, i) : EOF;
      if (c === 0x2F || c === 0x3F || c === 0x23 || c === EOF) {
        const segment = StringPrototypeSlice(input, segmentStart, i);
        if (isDotSegment(segment)) return undefined;
        path[path.length] = segment;
        if (c !== 0x2F) break;
        segmentStart = i + 1;
      } else if (c > 0x7E || kVerbatim[c] === 0) {
        return undefined;
      }
    }
  } else if (c === 0x3F || c === 0x23 || c === EOF) {
    path[0] = '';
    canonical = false;  // the href has the "/"
  } else {
    return undefined;  // credentials, a backslash, an upper-case host, ...
  }
  return finishSimpleRecord(input, i, scheme, host, port, path, canonical);
}

// The fast paths from the end of the path (i, at a '?', a '#' or the end)
// on: the query, the fragment and the record.
function finishSimpleRecord(input, i, scheme, host, port, path, canonical) {
  const len = input.length;
  let c = i < len ? StringPrototypeCharCodeAt(input, i) : EOF;
  let query = null;
  if (c === 0x3F) {
    const queryStart = ++i;
    for (; i < len; i++) {
      c = StringPrototypeCharCodeAt(input, i);
      if (c === 0x23) break;
      if (c > 0x7E || kVerbatim[c] === 0) return undefined;
    }
    query = StringPrototypeSlice(input, queryStart, i);
  }
  let fragment = null;
  if (i < len) {  // at a '#'
    const fragmentStart = ++i;
    for (; i < len; i++) {
      c = StringPrototypeCharCodeAt(input, i);
      if (c > 0x7E || kVerbatim[c] === 0) return undefined;
    }
    fragment = StringPrototypeSlice(input, fragmentStart);
  }
  simpleURLIsCanonical = canonical;
  return {
    scheme,
    username: '',
    password: '',
    host,
    port,
    path,
    opaque: false,
    query,
    fragment,
  };
}

// The record basicParse(input, base) makes when input is a plain relative
// reference ("/a/b?q", "./x.js", "../y", "name#f") in the characters the
// fast path takes and base is a hierarchical special URL: the base's path
// merged with input's segments, dot segments applied. undefined for
// anything else (a scheme or "//" in input, a file URL with a Windows
// drive letter, ...), which the full parser then takes.
function resolveSimpleRelative(input, base) {
  const len = input.length;
  if (len === 0 || base.host === null || !isSpecialScheme(base.scheme)) {
    return undefined;
  }
  const file = base.scheme === 'file';
  if (file && base.path.length > 0 && isWindowsDriveLetter(base.path[0])) {
    return undefined;
  }
  let c = StringPrototypeCharCodeAt(input, 0);
  let path;
  let i = 0;
  if (c === 0x2F) {
    // Path-absolute; "//" starts an authority.
    if (len > 1 && StringPrototypeCharCodeAt(input, 1) === 0x2F) {
      return undefined;
    }
    path = [];
    i = 1;
  } else if (c === 0x3F || c === 0x23) {
    return undefined;
  } else {
    // The base's directory.
    path = ArrayPrototypeSlice(base.path, 0, base.path.length - 1);
  }
  let segmentStart = i;
  let first = c !== 0x2F;  // in the first segment, where ':' means a scheme
  for (; ; i++) {
    c = i < len ? StringPrototypeCharCodeAt(input, i) : EOF;
    if (c === 0x2F || c === 0x3F || c === 0x23 || c === EOF) {
      const segment = StringPrototypeSlice(input, segmentStart, i);
      if (isDotSegment(segment)) {
        if (isDoubleDot(segment) && path.length > 0) ArrayPrototypePop(path);
        if (c !== 0x2F) path[path.length] = '';
      } else {
        if (file && isWindowsDriveLetter(segment)) return undefined;
        path[path.length] = segment;
      }
      if (c !== 0x2F) break;
      segmentStart = i + 1;
      first = false;
    } else if (c > 0x7E || kVerbatim[c] === 0 || (c === 0x3A && first)) {
      return undefined;
    }
  }
  const record = finishSimpleRecord(input, i, base.scheme, base.host,
                                    base.port, path, false);
  if (record !== undefined && (base.username !== '' || base.password !== '')) {
    record.username = base.username;
    record.password = base.password;
  }
  return record;
}

function parseURLString(input, baseString) {
  let base = null;
  if (baseString !== undefined) {
    base = basicParse(baseString);
    if (base === null) return null;
  }
  return basicParse(input, base);
}

// --- URLSearchParams --------------------------------------------------------------

// Parses application/x-www-form-urlencoded into a flat [name, value, ...] list.
function parseParams(input) {
  const list = [];
  let start = 0;
  const len = input.length;
  for (let i = 0; i <= len; i++) {
    if (i < len && StringPrototypeCharCodeAt(input, i) !== 0x26) continue;
    if (i > start) {
      const seq = StringPrototypeSlice(input, start, i);
      const eq = StringPrototypeIndexOf(seq, '=');
      let name = seq;
      let value = '';
      if (eq !== -1) {
        name = StringPrototypeSlice(seq, 0, eq);
        value = StringPrototypeSlice(seq, eq + 1);
      }
      ArrayPrototypePush(list, decodeFormComponent(name),
                         decodeFormComponent(value));
    }
    start = i + 1;
  }
  return list;
}

function decodeFormComponent(str) {
  if (StringPrototypeIndexOf(str, '%') === -1) {
    return StringPrototypeIncludes(str, '+') ?
      StringPrototypeReplaceAll(str, '+', ' ') : toUSVString(str);
  }
  return utf8Decode(percentDecodeBytes(str, true));
}

function serializeParams(list) {
  let out = '';
  for (let i = 0; i < list.length; i += 2) {
    if (i !== 0) out += '&';
    out += `${percentEncode(list[i], kFormSet, true)}=` +
      percentEncode(list[i + 1], kFormSet, true);
  }
  return out;
}

let setURLQueryFromParams;
let getURLQuery;
let isURLInstance;

function isURLSearchParams(self) {
  return self != null && (typeof self === 'object' ||
                          typeof self === 'function') &&
    isSearchParamsInstance(self);
}
let isSearchParamsInstance;
let attachParams;
let resetParamsList;
let getParamsList;

class URLSearchParams {
  #list = [];
  #url = null;

  static {
    isSearchParamsInstance = (obj) => #list in obj;
  }

  constructor(init = undefined) {
    if (init === undefined || init === null) {
      // Nothing to add.
    } else if (typeof init === 'object' || typeof init === 'function') {
      const method = init[SymbolIterator];
      if (method === this[SymbolIterator] && #list in init) {
        this.#list = ArrayPrototypeSlice(init.#list);
      } else if (method != null) {
        if (typeof method !== 'function') {
          throw new ERR_ARG_NOT_ITERABLE('Query pairs');
        }
        for (const pair of init) {
          if (pair == null || (typeof pair !== 'object' &&
                               typeof pair !== 'function') ||
              typeof pair[SymbolIterator] !== 'function') {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          let items = pair;
          if (!ArrayIsArray(pair)) {
            items = [];
            for (const item of pair) ArrayPrototypePush(items, item);
          }
          if (items.length !== 2) {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          ArrayPrototypePush(this.#list, toUSVString(`${items[0]}`),
                             toUSVString(`${items[1]}`));
        }
      } else {
        const seen = new SafeMap();
        const keys = ReflectOwnKeys(init);
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          const desc = ObjectGetOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          const name = toUSVString(`${key}`);
          const value = toUSVString(`${init[key]}`);
          const at = seen.get(name);
          if (at !== undefined) {
            this.#list[at + 1] = value;
          } else {
            seen.set(name, this.#list.length);
            ArrayPrototypePush(this.#list, name, value);
          }
        }
      }
    } else {
      let str = toUSVString(`${init}`);
      if (StringPrototypeCharCodeAt(str, 0) === 0x3F) {
        str = StringPrototypeSlice(str, 1);
      }
      this.#list = parseParams(str);
    }
  }

  // Links a URL's searchParams to the URL.
  static #attach(params, url, query) {
    params.#url = url;
    params.#list = query === null || query === '' ? [] : parseParams(query);
  }
  static {
    attachParams = (params, url, query) =>
      URLSearchParams.#attach(params, url, query);
    resetParamsList = (params, query) => {
      params.#list = query === null || query === '' ? [] :
        parseParams(query);
    };
    getParamsList = (params) => params.#list;
  }

  #update() {
    if (this.#url === null) return;
    const serialized = serializeParams(this.#list);
    setURLQueryFromParams(this.#url, serialized === '' ? null : serialized);
  }

  get size() {
    if (!isURLSearchParams(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    return this.#list.length / 2;
  }

  append(name, value) {
    if (!isURLSearchParams(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    ArrayPrototypePush(this.#list, toUSVString(`${name}`),
                       toUSVString(`${value}`));
    this.#update();
  }

  delete(name, value = undefined) {
    if (!isURLSearchParams(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    name = toUSVString(`${name}`);
    const out = [];
    if (value !== undefined) {
      value = toUSVString(`${value}`);
      for (let i = 0; i < list.length; i += 2) {
        if (list[i] === name && list[i + 1] === value) continue;
        ArrayPrototypePush(out, list[i], list[i + 1]);
      }
    } else {
      for (let i = 0; i < list.length; i += 2) {
        if (list[i] === name) continue;
        ArrayPrototypePush(out, list[i], list[i + 1]);
      }
    }
    this.#list = out;
    this.#update();
  }

  get(name) {
    if (!isURLSearchParams(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    name = toUSVString(`${name}`);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) return list[i + 1];
    }
    return null;
  }

  getAll(name) {
    if (!isURLSearchParams(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    const out = [];
    name = toUSVString(`${name}`);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) ArrayPrototypePush(out, list[i + 1]);
    }
    return out;
  }

  has(name, value = undefined) {
    if (!isURLSearchParams(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    name = toUSVString(`${name}`);
    if (value !== undefined) value = toUSVString(`${value}`);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name &&
          (value === undefined || list[i + 1] === value)) {
        return true;
      }
    }
    return false;
  }

  set(name, value) {
    if (!isURLSearchParams(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    const list = this.#list;
    name = toUSVString(`${name}`);
    value = toUSVString(`${value}`);
    const out = [];
    let found = false;
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) {
        if (found) continue;
        found = true;
        ArrayPrototypePush(out, name, value);
      } else {
        ArrayPrototypePush(out, list[i], list[i + 1]);
      }
    }
    if (!found) ArrayPrototypePush(out, name, value);
    this.#list = out;
    this.#update();
  }

  sort() {
    if (!isURLSearchParams(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    const list = this.#list;
    const pairs = [];
    for (let i = 0; i < list.length; i += 2) {
      ArrayPrototypePush(pairs, [list[i], list[i + 1]]);
    }
    // Stable, by UTF-16 code units.
    ArrayPrototypeSort(pairs, (a, b) => {
      if (a[0] === b[0]) return 0;
      return a[0] < b[0] ? -1 : 1;
    });
    const out = [];
    for (let i = 0; i < pairs.length; i++) {
      ArrayPrototypePush(out, pairs[i][0], pairs[i][1]);
    }
    this.#list = out;
    this.#update();
  }

  entries() {
    if (!isURLSearchParams(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    return createParamsIterator(this, 'key+value');
  }

  forEach(callback, thisArg = undefined) {
    if (!isURLSearchParams(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    if (typeof callback !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    }
    let list = this.#list;
    for (let i = 0; i < list.length; i += 2) {
      const key = list[i];
      const value = list[i + 1];
      FunctionPrototypeCall(callback, thisArg, value, key, this);
      // The callback may have changed the list.
      list = this.#list;
    }
  }

  keys() {
    if (!isURLSearchParams(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    return createParamsIterator(this, 'key');
  }

  values() {
    if (!isURLSearchParams(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    return createParamsIterator(this, 'value');
  }

  toString() {
    if (!isURLSearchParams(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    return serializeParams(this.#list);
  }

  [kInspect](recurseTimes, ctx) {
    if (!isURLSearchParams(this)) {
      throw new ERR_INVALID_THIS('URLSearchParams');
    }
    if (typeof recurseTimes === 'number' && recurseTimes < 0) {
      return ctx.stylize('[Object]', 'special');
    }
    const { inspect } = lazyInspect();
    const opts = { ...ctx };
    if (recurseTimes !== null) opts.depth = recurseTimes - 1;
    const list = this.#list;
    const parts = [];
    let width = -2;
    for (let i = 0; i < list.length; i += 2) {
      const part = `${inspect(list[i], opts)} => ${inspect(list[i + 1], opts)}`;
      ArrayPrototypePush(parts, part);
      width += removeColors(part).length + 2;
    }
    const name = this.constructor.name;
    if (width > ctx.breakLength) {
      return `${name} {\n  ${ArrayPrototypeJoin(parts, ',\n  ')} }`;
    }
    if (parts.length > 0) return `${name} { ${ArrayPrototypeJoin(parts, ', ')} }`;
    return `${name} {}`;
  }
}
ObjectDefineProperties(URLSearchParams.prototype, {
  size: { __proto__: null, enumerable: true },
  append: { __proto__: null, enumerable: true },
  delete: { __proto__: null, enumerable: true },
  get: { __proto__: null, enumerable: true },
  getAll: { __proto__: null, enumerable: true },
  has: { __proto__: null, enumerable: true },
  set: { __proto__: null, enumerable: true },
  sort: { __proto__: null, enumerable: true },
  entries: { __proto__: null, enumerable: true },
  forEach: { __proto__: null, enumerable: true },
  keys: { __proto__: null, enumerable: true },
  values: { __proto__: null, enumerable: true },
  toString: { __proto__: null, enumerable: true },
  [SymbolToStringTag]: { __proto__: null, configurable: true,
                         value: 'URLSearchParams' },
  [SymbolIterator]: { __proto__: null, configurable: true, writable: true,
                      value: URLSearchParams.prototype.entries },
});

// The iterator: live over the list, by index.
let createParamsIterator;
{
  class URLSearchParamsIterator {
    #params;
    #kind;
    #index = 0;
    constructor(params, kind) {
      this.#params = params;
      this.#kind = kind;
    }
    static {
      createParamsIterator = (params, kind) =>
        new URLSearchParamsIterator(params, kind);
    }
    next() {
      if (this == null || typeof this !== 'object' || !(#params in this)) {
        throw new ERR_INVALID_THIS('URLSearchParamsIterator');
      }
      const list = getParamsList(this.#params);
      const index = this.#index;
      if (index >= list.length) return { value: undefined, done: true };
      this.#index = index + 2;
      let value;
      if (this.#kind === 'key') value = list[index];
      else if (this.#kind === 'value') value = list[index + 1];
      else value = [list[index], list[index + 1]];
      return { value, done: false };
    }
    [kInspect](recurseTimes, ctx) {
      if (this == null || typeof this !== 'object' || !(#params in this)) {
        throw new ERR_INVALID_THIS('URLSearchParamsIterator');
      }
      if (typeof recurseTimes === 'number' && recurseTimes < 0) {
        return ctx.stylize('[Object]', 'special');
      }
      const { inspect } = lazyInspect();
      const opts = { ...ctx };
      if (recurseTimes !== null) opts.depth = recurseTimes - 1;
      const list = getParamsList(this.#params);
      const items = [];
      for (let i = this.#index; i < list.length; i += 2) {
        if (this.#kind === 'key') ArrayPrototypePush(items, list[i]);
        else if (this.#kind === 'value') ArrayPrototypePush(items, list[i + 1]);
        else ArrayPrototypePush(items, [list[i], list[i + 1]]);
      }
      const multiline = StringPrototypeIncludes(inspect(items, opts), '\n');
      const strs = [];
      for (let i = 0; i < items.length; i++) {
        ArrayPrototypePush(strs, inspect(items[i], opts));
      }
      const body = multiline ?
        `\n  ${ArrayPrototypeJoin(strs, ',\n  ')}` :
        ` ${ArrayPrototypeJoin(strs, ', ')}`;
      return `${this[SymbolToStringTag]} {${body} }`;
    }
  }
  const proto = URLSearchParamsIterator.prototype;
  delete proto.constructor;
  ObjectSetPrototypeOf(proto, IteratorPrototype);
  ObjectDefineProperties(proto, {
    next: { __proto__: null, enumerable: true },
    [SymbolToStringTag]: { __proto__: null, configurable: true,
                           value: 'URLSearchParams Iterator' },
  });
}

// --- URL ----------------------------------------------------------------------------

const kContext = Symbol('context');

// The error of `new URL()` on a string that does not parse. Node throws it
// from C++: a plain TypeError ("TypeError: Invalid URL", no [code] in its
// name) with code, input and base properties.
function invalidURLError(input, base) {
  // eslint-disable-next-line no-restricted-syntax
  const err = new TypeError('Invalid URL');
  ErrorCaptureStackTrace(err, invalidURLError);
  err.code = 'ERR_INVALID_URL';
  err.input = input;
  if (base !== undefined) err.base = base;
  return err;
}

class URL {
  #url;
  #href;
  #searchParams = null;

  static {
    isURLInstance = (obj) => obj != null && typeof obj === 'object' &&
      #url in obj;
    setURLQueryFromParams = (self, query) => {
      self.#url.query = query;
      if (query === null) stripTrailingSpaces(self.#url);
      self.#href = serializeURL(self.#url);
    };
    getURLQuery = (self) => self.#url.query;
  }

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = `${input}`;
    if (base === undefined) {
      // The fast path takes ASCII only: no need of toUSVString() first.
      const simple = parseSimpleSpecialURL(input);
      if (simple !== undefined) {
        this.#url = simple;
        this.#href = simpleURLIsCanonical ? input : serializeURL(simple);
        return;
      }
    }
    input = toUSVString(input);
    if (base !== undefined) base = toUSVString(`${base}`);
    // Without a base the fast path has already said no.
    const url = base === undefined ? runStateMachine(input, null) :
      parseURLString(input, base);
    if (url === null) throw invalidURLError(input, base);
    this.#url = url;
    this.#href = serializeURL(url);
  }

  static parse(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = `${input}`;
    if (base !== undefined) base = `${base}`;
    if (parseURLString(input, base) === null) return null;
    return new URL(input, base);
  }

  static canParse(url, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    url = `${url}`;
    if (base !== undefined) base = `${base}`;
    return parseURLString(url, base) !== null;
  }

  static createObjectURL(obj) {
    const { isBlob, createObjectURL } = require('internal/blob');
    if (!isBlob(obj)) {
      throw new ERR_INVALID_ARG_TYPE('obj', 'Blob', obj);
    }
    return createObjectURL(obj);
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    require('internal/blob').revokeObjectURL(url);
  }

  #changed() {
    this.#href = serializeURL(this.#url);
    if (this.#searchParams !== null) {
      resetParamsList(this.#searchParams, this.#url.query);
    }
  }

  // toString(), toJSON() and the href and search getters go through this
  // private method, so a foreign receiver fails V8's brand check the way
  // it does in Node.
  #serialized() {
    return this.#href;
  }

  toString() {
    return this.#serialized();
  }

  get href() {
    return this.#serialized();
  }

  set href(value) {
    this.#url; // eslint-disable-line no-unused-expressions
    value = `${value}`;
    const url = basicParse(value);
    if (url === null) throw new ERR_INVALID_URL(value);
    this.#url = url;
    this.#changed();
  }

  get origin() {
    return serializeOrigin(this.#url);
  }

  get protocol() {
    return `${this.#url.scheme}:`;
  }

  set protocol(value) {
    value = `${value}`;
    const copy = cloneRecord(this.#url);
    if (basicParse(`${value}:`, null, copy, SCHEME_START) === null) return;
    this.#url = copy;
    this.#changed();
  }

  get username() {
    return this.#url.username;
  }

  set username(value) {
    value = `${value}`;
    if (cannotHaveCredentialsOrPort(this.#url)) return;
    this.#url.username = percentEncode(value, kUserinfoSet);
    this.#changed();
  }

  get password() {
    return this.#url.password;
  }

  set password(value) {
    value = `${value}`;
    if (cannotHaveCredentialsOrPort(this.#url)) return;
    this.#url.password = percentEncode(value, kUserinfoSet);
    this.#changed();
  }

  get host() {
    const url = this.#url;
    if (url.host === null) return '';
    return url.port === null ? url.host : `${url.host}:${url.port}`;
  }

  set host(value) {
    this.#url; // eslint-disable-line no-unused-expressions
    this.#setHost(`${value}`, HOST);
  }

  // A failure part-way keeps what was already set, as the standard says;
  // an empty host is not given to a URL that has none.
  #setHost(value, state) {
    const url = this.#url;
    if (url.opaque) return;
    const hadHost = url.host !== null;
    const copy = cloneRecord(url);
    basicParse(value, null, copy, state);
    if (!hadHost && copy.host === '' && !isSpecialScheme(copy.scheme) &&
        !(copy.path.length > 1 && copy.path[0] === '')) {
      return;
    }
    this.#url = copy;
    this.#changed();
  }

  get hostname() {
    return this.#url.host ?? '';
  }

  set hostname(value) {
    this.#url; // eslint-disable-line no-unused-expressions
    this.#setHost(`${value}`, HOSTNAME);
  }

  get port() {
    const port = this.#url.port;
    return port === null ? '' : `${port}`;
  }

  set port(value) {
    value = `${value}`;
    if (cannotHaveCredentialsOrPort(this.#url)) return;
    const copy = cloneRecord(this.#url);
    if (value === '') {
      copy.port = null;
    } else if (basicParse(value, null, copy, PORT) === null) {
      return;
    }
    this.#url = copy;
    this.#changed();
  }

  get pathname() {
    return serializePath(this.#url);
  }

  set pathname(value) {
    value = `${value}`;
    if (this.#url.opaque) return;
    const copy = cloneRecord(this.#url);
    copy.path = [];
    basicParse(value, null, copy, PATH_START);
    this.#url = copy;
    this.#changed();
  }

  get search() {
    return this.#searchString();
  }

  #searchString() {
    const query = this.#url.query;
    return query === null || query === '' ? '' : `?${query}`;
  }

  set search(value) {
    value = `${value}`;
    const url = this.#url;
    if (value === '') {
      url.query = null;
      stripTrailingSpaces(url);
    } else {
      if (StringPrototypeCharCodeAt(value, 0) === 0x3F) {
        value = StringPrototypeSlice(value, 1);
      }
      url.query = '';
      basicParse(value, null, url, QUERY);
    }
    this.#changed();
  }

  get searchParams() {
    if (this.#searchParams === null) {
      const params = new URLSearchParams();
      attachParams(params, this, this.#url.query);
      this.#searchParams = params;
    }
    return this.#searchParams;
  }

  get hash() {
    const fragment = this.#url.fragment;
    return fragment === null || fragment === '' ? '' : `#${fragment}`;
  }

  set hash(value) {
    value = `${value}`;
    const url = this.#url;
    if (value === '') {
      url.fragment = null;
      stripTrailingSpaces(url);
    } else {
      if (StringPrototypeCharCodeAt(value, 0) === 0x23) {
        value = StringPrototypeSlice(value, 1);
      }
      url.fragment = '';
      basicParse(value, null, url, FRAGMENT);
    }
    this.#changed();
  }

  toJSON() {
    return this.#serialized();
  }

  [kInspect](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    const ctor = getConstructorOf(this) || URL;
    const obj = {
      href: this.href,
      origin: this.origin,
      protocol: this.protocol,
      username: this.username,
      password: this.password,
      host: this.host,
      hostname: this.hostname,
      port: this.port,
      pathname: this.pathname,
      search: this.search,
      searchParams: this.searchParams,
      hash: this.hash,
    };
    if (opts.showHidden) obj[kContext] = this.#contextView();
    return `${ctor.name} ${lazyInspect().inspect(obj, opts)}`;
  }

  // What `showHidden` prints: the offsets of each component in href, as
  // Node's URLContext reports them.
  #contextView() {
    const url = this.#url;
    const href = this.#href;
    const protocolEnd = url.scheme.length + 1;
    let usernameEnd = protocolEnd;
    let hostStart = protocolEnd;
    let hostEnd = protocolEnd;
    if (url.host !== null) {
      if (includesCredentials(url)) {
        usernameEnd = protocolEnd + 2 + url.username.length;
        hostStart = usernameEnd;
        if (url.password !== '') hostStart += 1 + url.password.length;
        hostEnd = hostStart + 1 + url.host.length;
      } else {
        usernameEnd = hostStart = protocolEnd + 2;
        hostEnd = hostStart + url.host.length;
      }
    }
    const pathStart = hostEnd +
      (url.port !== null ? `${url.port}`.length + 1 : 0);
    const searchStart = url.query === null ? kNone :
      StringPrototypeIndexOf(href, '?', pathStart);
    const hashStart = url.fragment === null ? kNone :
      href.length - url.fragment.length - 1;
    return new URLContext(href, protocolEnd, usernameEnd, hostStart, hostEnd,
                          pathStart, searchStart, hashStart,
                          url.port === null ? kNone : url.port,
                          kSchemeTypes[url.scheme] ?? 1);
  }
}

const kNone = 4294967295;
const kSchemeTypes = { __proto__: null, 'http': 0, 'https': 2, 'ws': 3,
                       'ftp': 4, 'wss': 5, 'file': 6 };

class URLContext {
  constructor(href, protocolEnd, usernameEnd, hostStart, hostEnd, pathStart,
              searchStart, hashStart, port, schemeType) {
    this.href = href;
    this.protocol_end = protocolEnd;
    this.username_end = usernameEnd;
    this.host_start = hostStart;
    this.host_end = hostEnd;
    this.pathname_start = pathStart;
    this.search_start = searchStart;
    this.hash_start = hashStart;
    this.port = port;
    this.scheme_type = schemeType;
  }

  get hasPort() { return this.port !== kNone; }
  get hasSearch() { return this.search_start !== kNone; }
  get hasHash() { return this.hash_start !== kNone; }
}

ObjectDefineProperties(URL.prototype, {
  [SymbolToStringTag]: { __proto__: null, configurable: true, value: 'URL' },
  toString: { __proto__: null, enumerable: true },
  href: { __proto__: null, enumerable: true },
  origin: { __proto__: null, enumerable: true },
  protocol: { __proto__: null, enumerable: true },
  username: { __proto__: null, enumerable: true },
  password: { __proto__: null, enumerable: true },
  host: { __proto__: null, enumerable: true },
  hostname: { __proto__: null, enumerable: true },
  port: { __proto__: null, enumerable: true },
  pathname: { __proto__: null, enumerable: true },
  search: { __proto__: null, enumerable: true },
  searchParams: { __proto__: null, enumerable: true },
  hash: { __proto__: null, enumerable: true },
  toJSON: { __proto__: null, enumerable: true },
});
ObjectDefineProperties(URL, {
  parse: { __proto__: null, enumerable: true },
  canParse: { __proto__: null, enumerable: true },
  createObjectURL: { __proto__: null, enumerable: true },
  revokeObjectURL: { __proto__: null, enumerable: true },
});

// --- Helpers Node exports ----------------------------------------------------------

// A duck-typed check: a WHATWG URL-like object, not a legacy Url.
function isURL(self) {
  return Boolean(self?.href && self.protocol && self.auth === undefined &&
                 self.path === undefined);
}

function domainToASCII(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  return hostnameThroughSetter(`${domain}`);
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  const ascii = hostnameThroughSetter(`${domain}`);
  return ascii === '' ? '' : idna.toUnicode(ascii);
}

// Sets `domain` as the hostname of a 'ws://x' URL and reads it back, as
// Node does; '' when the setter refuses it.
function hostnameThroughSetter(domain) {
  if (domain === '') return '';
  const url = basicParse('ws://x');
  const copy = cloneRecord(url);
  if (basicParse(domain, null, copy, HOSTNAME) === null) return '';
  return copy.host;
}

// The path of a file: URL, percent-decoded as UTF-8; with `decode` false,
// only checked and left encoded (fileURLToPathBuffer decodes it to bytes).
function getPathFromURLPosix(url, decode = true) {
  if (url.hostname !== '') {
    throw new ERR_INVALID_FILE_URL_HOST(process.platform);
  }
  const pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (StringPrototypeCharCodeAt(pathname, n) === 0x25 &&
        StringPrototypeCharCodeAt(pathname, n + 1) === 0x32 &&
        (StringPrototypeCharCodeAt(pathname, n + 2) | 0x20) === 0x66) {
      throw new ERR_INVALID_FILE_URL_PATH(
        'must not include encoded / characters', url);
    }
  }
  return decode ? decodeURIComponent(pathname) : pathname;
}

function getPathFromURLWin32(url, decode = true) {
  const hostname = url.hostname;
  let pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (StringPrototypeCharCodeAt(pathname, n) !== 0x25) continue;
    const a = StringPrototypeCharCodeAt(pathname, n + 1);
    const b = StringPrototypeCharCodeAt(pathname, n + 2) | 0x20;
    if ((a === 0x32 && b === 0x66) || (a === 0x35 && b === 0x63)) {
      throw new ERR_INVALID_FILE_URL_PATH(
        'must not include encoded \\ or / characters', url);
    }
  }
  pathname = StringPrototypeReplaceAll(pathname, '/', '\\');
  if (decode) pathname = decodeURIComponent(pathname);
  if (hostname !== '') {
    return `\\\\${domainToUnicode(hostname)}${pathname}`;
  }
  const letter = StringPrototypeCharCodeAt(pathname, 1) | 0x20;
  const sep = StringPrototypeCharCodeAt(pathname, 2);
  if (letter < 0x61 || letter > 0x7A || sep !== 0x3A) {
    throw new ERR_INVALID_FILE_URL_PATH('must be absolute', url);
  }
  return StringPrototypeSlice(pathname, 1);
}

function toFileURL(path) {
  if (typeof path === 'string') return new URL(path);
  if (!isURL(path)) {
    throw new ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  }
  return path;
}

function fileURLToPath(path, options = kEmptyObject) {
  const windows = options?.windows;
  const url = toFileURL(path);
  if (url.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  return (windows ?? isWindows) ?
    getPathFromURLWin32(url) : getPathFromURLPosix(url);
}

// Like fileURLToPath(), but the bytes the URL encodes are kept as they are
// (no UTF-8 decoding), in a Buffer.
function fileURLToPathBuffer(path, options = kEmptyObject) {
  const windows = options?.windows;
  const url = toFileURL(path);
  if (url.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  const { Buffer } = require('buffer');
  let str;
  const saved = url.pathname;
  if (windows ?? isWindows) {
    getPathFromURLWin32(url, false);
    str = url.hostname !== '' ?
      `\\\\${domainToUnicode(url.hostname)}` +
        StringPrototypeReplaceAll(saved, '/', '\\') :
      StringPrototypeSlice(StringPrototypeReplaceAll(saved, '/', '\\'), 1);
  } else {
    getPathFromURLPosix(url, false);
    str = saved;
  }
  return Buffer.from(percentDecodeBytes(str));
}

// The characters pathToFileURL() escapes: everything but letters, digits and
// the sub-delimiters a path may keep as they are.
const kPathToURLSet = makeSet(kC0ControlSet, ' "#%<>?[\\]^`{|}~');
const kPathToURLSetWin = makeSet(kC0ControlSet, ' "#%<>?[]^`{|}~');

function pathToFileURL(filepath, options = kEmptyObject) {
  const windows = options?.windows ?? isWindows;
  const path = lazyPath();
  if (windows && StringPrototypeStartsWith(filepath, '\\\\')) {
    return uncPathToFileURL(filepath);
  }
  let resolved = windows ? path.win32.resolve(filepath) :
    path.posix.resolve(filepath);
  if (windows && StringPrototypeStartsWith(resolved, '\\\\')) {
    return uncPathToFileURL(resolved);
  }
  const last = StringPrototypeCharCodeAt(filepath, filepath.length - 1);
  const sep = windows ? '\\' : '/';
  if ((last === 0x2F || (windows && last === 0x5C)) &&
      resolved[resolved.length - 1] !== sep) {
    resolved += '/';
  }
  if (windows) {
    resolved = `/${StringPrototypeReplaceAll(
      percentEncode(resolved, kPathToURLSetWin), '\\', '/')}`;
  } else {
    resolved = percentEncode(resolved, kPathToURLSet);
  }
  return new URL(`file://${resolved}`);
}

function uncPathToFileURL(resolved) {
  const extended = StringPrototypeStartsWith(resolved, '\\\\?\\UNC\\');
  const prefix = extended ? 8 : 2;
  const hostEnd = StringPrototypeIndexOf(resolved, '\\', prefix);
  if (hostEnd === -1) {
    throw new ERR_INVALID_ARG_VALUE('path', resolved,
                                    'Missing UNC resource path');
  }
  if (hostEnd === 2) {
    throw new ERR_INVALID_ARG_VALUE('path', resolved, 'Empty UNC servername');
  }
  const hostname = StringPrototypeSlice(resolved, prefix, hostEnd);
  const rest = StringPrototypeReplaceAll(
    percentEncode(StringPrototypeSlice(resolved, hostEnd), kPathToURLSetWin),
    '\\', '/');
  const url = new URL(`file://${rest}`);
  url.hostname = hostname;
  return url;
}

function toPathIfFileURL(fileURLOrPath) {
  if (!isURL(fileURLOrPath)) return fileURLOrPath;
  return fileURLToPath(fileURLOrPath);
}

function urlToHttpOptions(url) {
  validateObject(url, 'url', kValidateObjectAllowObjects);
  const { hostname, pathname, port, username, password, search } = url;
  const options = {
    __proto__: null,
    ...url,
    protocol: url.protocol,
    hostname: hostname && StringPrototypeCharCodeAt(hostname, 0) === 0x5B ?
      StringPrototypeSlice(hostname, 1, -1) : hostname,
    hash: url.hash,
    search,
    pathname,
    path: `${pathname || ''}${search || ''}`,
    href: url.href,
  };
  if (port !== '') options.port = +port;
  if (username || password) {
    options.auth = `${decodeURIComponent(username)}:` +
      decodeURIComponent(password);
  }
  return options;
}

// Serializes a URL for url.format(url, options).
function formatURL(url, fragment, unicode, search, auth) {
  const record = basicParse(url.href);
  if (!fragment) record.fragment = null;
  if (!search) record.query = null;
  if (!auth) {
    record.username = '';
    record.password = '';
  }
  if (unicode && record.host !== null && record.host !== '' &&
      StringPrototypeCharCodeAt(record.host, 0) !== 0x5B) {
    record.host = idna.toUnicode(record.host);
  }
  return serializeURL(record);
}

// The legacy parser's protocol tables.
const unsafeProtocol = new SafeSet(['javascript', 'javascript:']);
const hostlessProtocol = new SafeSet(['javascript', 'javascript:']);
const slashedProtocol = new SafeSet([
  'http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:',
  'file', 'file:', 'ws', 'ws:', 'wss', 'wss:',
]);

// Whether the first caller outside Node's own code lives in node_modules
// (deprecation warnings stay quiet for dependencies). True when no such
// caller is on the stack.
function isInsideNodeModules() {
  let sites;
  try {
    sites = internalBinding('util').getCallSites(100);
  } catch {
    return true;
  }
  for (let i = 0; i < sites.length; i++) {
    const name = sites[i].scriptName;
    if (!name || StringPrototypeStartsWith(name, 'node:')) continue;
    return RegExpPrototypeExec(/[\\/]node_modules[\\/]/, name) !== null;
  }
  return true;
}

// The pieces of the URL parser that URLPattern canonicalises components
// with (https://urlpattern.spec.whatwg.org/#canon-encoding-callbacks): it
// runs the same parser with a state override on a fresh record instead of
// keeping a parser of its own.
const urlPatternSupport = {
  __proto__: null,
  basicParse,
  defaultPort,
  isSpecialScheme,
  newRecord,
  percentEncode,
  serializePath,
  kUserinfoSet,
  HOSTNAME,
  PORT,
  PATH_START,
  OPAQUE_PATH,
  QUERY,
  FRAGMENT,
};

module.exports = {
  URL,
  // For test-url-fast-path-lode.js: the fast paths and the state machine.
  runStateMachine,
  parseSimpleSpecialURL,
  resolveSimpleRelative,
  URLSearchParams,
  urlPatternSupport,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  fileURLToPathBuffer,
  formatURL,
  getURLQuery: (url) => getURLQuery(url),
  hostlessProtocol,
  isInsideNodeModules,
  isURL,
  isURLInstance: (obj) => isURLInstance(obj),
  isURLSearchParams,
  parseParams,
  pathToFileURL,
  percentDecodeBytes,
  serializeParams,
  slashedProtocol,
  toPathIfFileURL,
  toUSVString,
  unsafeProtocol,
  urlToHttpOptions,
  utf8Decode,
};
