'use strict';

// node:punycode (deprecated, DEP0040): RFC 3492 Punycode and the
// domain-level toASCII()/toUnicode() of the punycode.js 2.x userland
// package, whose API and error messages this module keeps.

const {
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ArrayPrototypePush,
  ArrayPrototypeSplice,
  MathFloor,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  RangeError,
  StringFromCharCode,
  StringFromCodePoint,
  StringPrototypeCharCodeAt,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeToLowerCase,
} = primordials;

const { isInsideNodeModules } = require('internal/url');

if (!isInsideNodeModules()) {
  process.emitWarning(
    'The `punycode` module is deprecated. Please use a userland ' +
    'alternative instead.', 'DeprecationWarning', 'DEP0040');
}

const kMaxInt = 2147483647;
const kBase = 36;
const kTMin = 1;
const kTMax = 26;
const kSkew = 38;
const kDamp = 700;
const kInitialBias = 72;
const kInitialN = 128;

const kErrors = {
  '__proto__': null,
  'overflow': 'Overflow: input needs wider integers to process',
  'not-basic': 'Illegal input >= 0x80 (not a basic code point)',
  'invalid-input': 'Invalid input',
};

function fail(type) {
  // These are plain RangeErrors in the userland package as well.
  // eslint-disable-next-line no-restricted-syntax
  throw new RangeError(kErrors[type]);
}

// A string to its code points; a high surrogate not followed by a low one
// stays on its own.
function ucs2decode(string) {
  const output = [];
  const length = string.length;
  let i = 0;
  while (i < length) {
    const value = StringPrototypeCharCodeAt(string, i++);
    if (value >= 0xD800 && value <= 0xDBFF && i < length) {
      const extra = StringPrototypeCharCodeAt(string, i++);
      if ((extra & 0xFC00) === 0xDC00) {
        ArrayPrototypePush(output,
                           ((value & 0x3FF) << 10) + (extra & 0x3FF) + 0x10000);
      } else {
        ArrayPrototypePush(output, value);
        i--;
      }
    } else {
      ArrayPrototypePush(output, value);
    }
  }
  return output;
}

function ucs2encode(codePoints) {
  let out = '';
  for (let i = 0; i < codePoints.length; i++) {
    out += StringFromCodePoint(codePoints[i]);
  }
  return out;
}

function basicToDigit(c) {
  if (c >= 0x30 && c < 0x3A) return 26 + (c - 0x30);
  if (c >= 0x41 && c < 0x5B) return c - 0x41;
  if (c >= 0x61 && c < 0x7B) return c - 0x61;
  return kBase;
}

function digitToBasic(digit) {
  // 0..25 -> 'a'..'z', 26..35 -> '0'..'9'
  return digit + 22 + 75 * (digit < 26);
}

function adapt(delta, numPoints, firstTime) {
  let k = 0;
  delta = firstTime ? MathFloor(delta / kDamp) : delta >> 1;
  delta += MathFloor(delta / numPoints);
  while (delta > ((kBase - kTMin) * kTMax) >> 1) {
    delta = MathFloor(delta / (kBase - kTMin));
    k += kBase;
  }
  return MathFloor(k + ((kBase - kTMin + 1) * delta) / (delta + kSkew));
}

function threshold(k, bias) {
  if (k <= bias) return kTMin;
  return k >= bias + kTMax ? kTMax : k - bias;
}

function decode(input) {
  const output = [];
  const length = input.length;
  let basic = StringPrototypeLastIndexOf(input, '-');
  if (basic < 0) basic = 0;
  for (let j = 0; j < basic; j++) {
    const c = StringPrototypeCharCodeAt(input, j);
    if (c >= 0x80) fail('not-basic');
    ArrayPrototypePush(output, c);
  }
  let n = kInitialN;
  let bias = kInitialBias;
  let i = 0;
  for (let index = basic > 0 ? basic + 1 : 0; index < length;) {
    const oldi = i;
    for (let w = 1, k = kBase; ; k += kBase) {
      if (index >= length) fail('invalid-input');
      const digit = basicToDigit(StringPrototypeCharCodeAt(input, index++));
      if (digit >= kBase) fail('invalid-input');
      if (digit > MathFloor((kMaxInt - i) / w)) fail('overflow');
      i += digit * w;
      const t = threshold(k, bias);
      if (digit < t) break;
      if (w > MathFloor(kMaxInt / (kBase - t))) fail('overflow');
      w *= kBase - t;
    }
    const out = output.length + 1;
    bias = adapt(i - oldi, out, oldi === 0);
    if (MathFloor(i / out) > kMaxInt - n) fail('overflow');
    n += MathFloor(i / out);
    i %= out;
    ArrayPrototypeSplice(output, i++, 0, n);
  }
  return ucs2encode(output);
}

function encode(input) {
  const codePoints = ucs2decode(input);
  const length = codePoints.length;
  let out = '';
  for (let j = 0; j < length; j++) {
    if (codePoints[j] < 0x80) out += StringFromCharCode(codePoints[j]);
  }
  const basicLength = out.length;
  let handled = basicLength;
  if (basicLength) out += '-';
  let n = kInitialN;
  let delta = 0;
  let bias = kInitialBias;
  while (handled < length) {
    let m = kMaxInt;
    for (let j = 0; j < length; j++) {
      if (codePoints[j] >= n && codePoints[j] < m) m = codePoints[j];
    }
    const handledPlusOne = handled + 1;
    if (m - n > MathFloor((kMaxInt - delta) / handledPlusOne)) {
      fail('overflow');
    }
    delta += (m - n) * handledPlusOne;
    n = m;
    for (let j = 0; j < length; j++) {
      const c = codePoints[j];
      if (c < n && ++delta > kMaxInt) fail('overflow');
      if (c !== n) continue;
      let q = delta;
      for (let k = kBase; ; k += kBase) {
        const t = threshold(k, bias);
        if (q < t) break;
        out += StringFromCharCode(digitToBasic(t + ((q - t) % (kBase - t))));
        q = MathFloor((q - t) / (kBase - t));
      }
      out += StringFromCharCode(digitToBasic(q));
      bias = adapt(delta, handledPlusOne, handled === basicLength);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return out;
}

// Applies `fn` to each label; an e-mail's local part is kept as it is.
function mapDomain(domain, fn) {
  const parts = StringPrototypeSplit(domain, '@');
  let prefix = '';
  if (parts.length > 1) {
    prefix = `${parts[0]}@`;
    domain = parts[1];
  }
  domain = RegExpPrototypeSymbolReplace(/[\x2E\u3002\uFF0E\uFF61]/g, domain,
                                        '.');
  const labels = StringPrototypeSplit(domain, '.');
  return prefix + ArrayPrototypeJoin(ArrayPrototypeMap(labels, fn), '.');
}

function toUnicode(input) {
  return mapDomain(input, (label) => {
    if (RegExpPrototypeExec(/^xn--/, label) === null) return label;
    return decode(StringPrototypeToLowerCase(StringPrototypeSlice(label, 4)));
  });
}

function toASCII(input) {
  return mapDomain(input, (label) => {
    if (RegExpPrototypeExec(/[^\0-\x7F]/, label) === null) return label;
    return `xn--${encode(label)}`;
  });
}

module.exports = {
  version: '2.1.0',
  ucs2: {
    decode: ucs2decode,
    encode: ucs2encode,
  },
  decode,
  encode,
  toASCII,
  toUnicode,
};
