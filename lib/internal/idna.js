'use strict';

// Punycode (RFC 3492) and the IDNA steps the URL parser needs: a domain is
// mapped (NFKC, lower case, ignorable code points dropped, ideographic full
// stops turned into '.'), then each non-ASCII label becomes 'xn--' + its
// Punycode form. This follows UTS #46 for the common cases; the full mapping
// table is not carried.

const {
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  MathFloor,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolMatch,
  RegExpPrototypeSymbolReplace,
  StringFromCharCode,
  StringFromCodePoint,
  StringPrototypeCharCodeAt,
  StringPrototypeCodePointAt,
  StringPrototypeIncludes,
  StringPrototypeLastIndexOf,
  StringPrototypeNormalize,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeToLowerCase,
} = primordials;

const kBase = 36;
const kTMin = 1;
const kTMax = 26;
const kSkew = 38;
const kDamp = 700;
const kInitialBias = 72;
const kInitialN = 128;
const kMaxInt = 0x7FFFFFFF;

// Splits a string into code points; a lone surrogate stays one code point.
function toCodePoints(str) {
  const out = [];
  for (let i = 0; i < str.length; i++) {
    const cp = StringPrototypeCodePointAt(str, i);
    if (cp > 0xFFFF) i++;
    ArrayPrototypePush(out, cp);
  }
  return out;
}

function fromCodePoints(cps) {
  let out = '';
  for (let i = 0; i < cps.length; i++) out += StringFromCodePoint(cps[i]);
  return out;
}

function digitToChar(d) {
  // 0..25 -> 'a'..'z', 26..35 -> '0'..'9'
  return StringFromCharCode(d < 26 ? d + 97 : d + 22);
}

function charToDigit(c) {
  if (c >= 0x30 && c <= 0x39) return c - 22;
  if (c >= 0x41 && c <= 0x5A) return c - 0x41;
  if (c >= 0x61 && c <= 0x7A) return c - 0x61;
  return kBase;
}

function adapt(delta, numPoints, first) {
  delta = first ? MathFloor(delta / kDamp) : delta >> 1;
  delta += MathFloor(delta / numPoints);
  let k = 0;
  while (delta > ((kBase - kTMin) * kTMax) >> 1) {
    delta = MathFloor(delta / (kBase - kTMin));
    k += kBase;
  }
  return k + MathFloor(((kBase - kTMin + 1) * delta) / (delta + kSkew));
}

// Punycode-encodes `input` (a string). Returns null on overflow.
function punycodeEncode(input) {
  const cps = toCodePoints(input);
  let out = '';
  for (let i = 0; i < cps.length; i++) {
    if (cps[i] < 0x80) out += StringFromCharCode(cps[i]);
  }
  const basic = out.length;
  let handled = basic;
  if (basic > 0) out += '-';
  let n = kInitialN;
  let delta = 0;
  let bias = kInitialBias;
  while (handled < cps.length) {
    let m = kMaxInt;
    for (let i = 0; i < cps.length; i++) {
      if (cps[i] >= n && cps[i] < m) m = cps[i];
    }
    if (m - n > MathFloor((kMaxInt - delta) / (handled + 1))) return null;
    delta += (m - n) * (handled + 1);
    n = m;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (c < n && ++delta > kMaxInt) return null;
      if (c === n) {
        let q = delta;
        for (let k = kBase; ; k += kBase) {
          const t = k <= bias ? kTMin : (k >= bias + kTMax ? kTMax : k - bias);
          if (q < t) break;
          out += digitToChar(t + ((q - t) % (kBase - t)));
          q = MathFloor((q - t) / (kBase - t));
        }
        out += digitToChar(q);
        bias = adapt(delta, handled + 1, handled === basic);
        delta = 0;
        handled++;
      }
    }
    delta++;
    n++;
  }
  return out;
}

// Decodes a Punycode string. Returns null when it is malformed.
function punycodeDecode(input) {
  const out = [];
  let basic = StringPrototypeLastIndexOf(input, '-');
  if (basic < 0) basic = 0;
  for (let j = 0; j < basic; j++) {
    const c = StringPrototypeCharCodeAt(input, j);
    if (c >= 0x80) return null;
    ArrayPrototypePush(out, c);
  }
  let n = kInitialN;
  let i = 0;
  let bias = kInitialBias;
  for (let index = basic > 0 ? basic + 1 : 0; index < input.length;) {
    const oldi = i;
    let w = 1;
    for (let k = kBase; ; k += kBase) {
      if (index >= input.length) return null;
      const digit = charToDigit(StringPrototypeCharCodeAt(input, index++));
      if (digit >= kBase) return null;
      if (digit > MathFloor((kMaxInt - i) / w)) return null;
      i += digit * w;
      const t = k <= bias ? kTMin : (k >= bias + kTMax ? kTMax : k - bias);
      if (digit < t) break;
      if (w > MathFloor(kMaxInt / (kBase - t))) return null;
      w *= kBase - t;
    }
    const len = out.length + 1;
    bias = adapt(i - oldi, len, oldi === 0);
    if (MathFloor(i / len) > kMaxInt - n) return null;
    n += MathFloor(i / len);
    i %= len;
    if (n > 0x10FFFF) return null;
    // Insert n at position i.
    for (let j = out.length; j > i; j--) out[j] = out[j - 1];
    out[i] = n;
    i++;
  }
  return fromCodePoints(out);
}

// --- UTS #46 (approximation) ------------------------------------------------

// Code points UTS #46 maps to nothing.
const kIgnoredRE =
  /[\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B\u2060-\u2064\u206A-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\u{1BCA0}-\u{1BCA3}\u{1D173}-\u{1D17A}\u{E0100}-\u{E01EF}]/gu;
// Full stops that separate labels like '.'.
const kDotsRE = /[\u3002\uFF0E\uFF61]/g;
// Code points that never appear in a valid label: controls, format
// characters other than the joiners, unassigned and private-use code
// points, separators, and the ideographic description characters.
const kDisallowedRE =
  /[\p{Cc}\p{Cn}\p{Co}\p{Cs}\p{Z}\u2FF0-\u2FFF\uFFFC\uFFFD]|(?![\u200C\u200D])\p{Cf}/u;
// A non-ASCII code point whose compatibility form holds a '.' (U+2025 is
// '..', U+2488 is '1.') is disallowed.
const kAsciiPunctRE = /\./;
const kNonAsciiCharRE = /[^\x00-\x7F]/gu;
const kJoinerRE = /[\u200C\u200D]/;
// Bidi classes, approximated by script: right-to-left letters, Arabic
// digits, European digits, non-spacing marks.
const kRtlRE = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
const kAnRE = /[\u0600-\u0605\u0660-\u0669\u066B\u066C\u06DD\u0890\u0891\u08E2\u{10D30}-\u{10D39}\u{10E60}-\u{10E7E}]/u;
const kViramaRE = /[\u094D\u09CD\u0A4D\u0ACD\u0B4D\u0BCD\u0C4D\u0CCD\u0D3B\u0D3C\u0D4D\u0DCA\u0E3A\u0EBA\u0F84\u1039\u103A\u1714\u1715\u1734\u17D2\u1A60\u1B44\u1BAA\u1BAB\u1BF2\u1BF3\u2D7F\uA806\uA82C\uA8C4\uA953\uA9C0\uAAF6\uABED\u{10A3F}\u{11046}\u{11070}\u{1107F}\u{110B9}\u{11133}\u{11134}\u{111C0}\u{11235}\u{112EA}\u{1134D}\u{11442}\u{114C2}\u{115BF}\u{1163F}\u{116B6}\u{1172B}\u{11839}\u{1193D}\u{1193E}\u{119E0}\u{11A34}\u{11A47}\u{11A99}\u{11C3F}\u{11D44}\u{11D45}\u{11D97}]/u;
const kJoiningLeftRE = /[\u0620\u0626\u0628\u062A-\u062E\u0633-\u063F\u0641-\u0647\u0649\u064A\u066E\u066F\u0678-\u0687\u069A-\u06BF\u06C1\u06C2\u06CC\u06CE\u06D0\u06D1\u06FA-\u06FC\u06FF\u0712-\u0714\u071A-\u071D\u071F-\u0727\u0729\u072B\u072D\u072E\u074E-\u0758\u075C-\u076A\u076D-\u0770\u0772\u0775-\u0777\u077A-\u077F\u08A0-\u08A9\u08AF\u08B0\u08B3-\u08B8\u08BA-\u08C8]/;
const kJoiningRightRE = /[\u0620-\u064A\u066E\u066F\u0671-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FC\u06FF\u0710-\u072F\u074D-\u077F\u08A0-\u08C8]/;
const kTransparentRE = /\p{Mn}/u;
const kNonAsciiRE = /[^\x00-\x7F]/;
const kUpperRE = /[A-Z]/;

function isAscii(str) {
  return RegExpPrototypeExec(kNonAsciiRE, str) === null;
}

function mapDomain(domain) {
  let s = RegExpPrototypeSymbolReplace(kIgnoredRE, domain, '');
  s = RegExpPrototypeSymbolReplace(kDotsRE, s, '.');
  s = StringPrototypeNormalize(s, 'NFKC');
  // UTS #46 maps capital sigma to the plain small sigma, where
  // toLowerCase() would pick the final form at the end of a word.
  s = RegExpPrototypeSymbolReplace(/\u03A3/g, s, '\u03C3');
  s = StringPrototypeToLowerCase(s);
  s = StringPrototypeNormalize(s, 'NFC');
  return s;
}

// A decoded or mapped Unicode label must already be in mapped form.
function isValidUnicodeLabel(label) {
  if (RegExpPrototypeExec(kDisallowedRE, label) !== null) return false;
  if (RegExpPrototypeExec(kJoinerRE, label) !== null &&
      !joinersAllowed(label)) {
    return false;
  }
  if (RegExpPrototypeExec(/^\p{M}/u, label) !== null) return false;
  return mapDomain(label) === label;
}

// CONTEXTJ (RFC 5892 appendix A.1, A.2): a joiner must follow a virama; a
// zero-width non-joiner may also sit between two joining letters.
function joinersAllowed(label) {
  const cps = toCodePoints(label);
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    if (c !== 0x200C && c !== 0x200D) continue;
    if (i > 0 && RegExpPrototypeExec(kViramaRE,
                                      StringFromCodePoint(cps[i - 1])) !==
        null) {
      continue;
    }
    if (c === 0x200D) return false;
    let before = i - 1;
    while (before >= 0 && isTransparent(cps[before])) before--;
    let after = i + 1;
    while (after < cps.length && isTransparent(cps[after])) after++;
    if (before < 0 || after >= cps.length ||
        RegExpPrototypeExec(kJoiningLeftRE, StringFromCodePoint(cps[before])) ===
          null ||
        RegExpPrototypeExec(kJoiningRightRE, StringFromCodePoint(cps[after])) ===
          null) {
      return false;
    }
  }
  return true;
}

function isTransparent(cp) {
  return RegExpPrototypeExec(kTransparentRE, StringFromCodePoint(cp)) !== null;
}

function bidiClass(cp) {
  const ch = StringFromCodePoint(cp);
  if (cp >= 0x30 && cp <= 0x39) return 'EN';
  if (cp >= 0x06F0 && cp <= 0x06F9) return 'EN';
  if (RegExpPrototypeExec(kAnRE, ch) !== null) return 'AN';
  if (RegExpPrototypeExec(kTransparentRE, ch) !== null) return 'NSM';
  if (RegExpPrototypeExec(kRtlRE, ch) !== null) return 'R';
  if (RegExpPrototypeExec(/[\p{L}\p{Mc}]/u, ch) !== null) return 'L';
  return 'ON';
}

// The Bidi Rule (RFC 5893 section 2) for one label.
function satisfiesBidiRule(label) {
  const cps = toCodePoints(label);
  if (cps.length === 0) return true;
  const classes = [];
  for (let i = 0; i < cps.length; i++) {
    ArrayPrototypePush(classes, bidiClass(cps[i]));
  }
  let last = classes.length - 1;
  while (last > 0 && classes[last] === 'NSM') last--;
  if (classes[0] === 'R') {
    let en = false;
    let an = false;
    for (let i = 0; i < classes.length; i++) {
      const k = classes[i];
      if (k === 'L') return false;
      if (k === 'EN') en = true;
      if (k === 'AN') an = true;
    }
    if (en && an) return false;
    const end = classes[last];
    return end === 'R' || end === 'EN' || end === 'AN';
  }
  if (classes[0] !== 'L') return false;
  for (let i = 0; i < classes.length; i++) {
    if (classes[i] === 'R' || classes[i] === 'AN') return false;
  }
  const end = classes[last];
  return end === 'L' || end === 'EN';
}

function isBidiDomain(labels) {
  for (let i = 0; i < labels.length; i++) {
    const cps = toCodePoints(labels[i]);
    for (let j = 0; j < cps.length; j++) {
      const k = bidiClass(cps[j]);
      if (k === 'R' || k === 'AN') return true;
    }
  }
  return false;
}

// Whether a non-ASCII code point of `domain` maps onto ASCII punctuation.
function mapsToAsciiPunctuation(domain) {
  const chars = RegExpPrototypeSymbolMatch(kNonAsciiCharRE, domain);
  if (chars === null) return false;
  for (let i = 0; i < chars.length; i++) {
    const mapped = StringPrototypeNormalize(chars[i], 'NFKC');
    if (RegExpPrototypeExec(kAsciiPunctRE, mapped) !== null) return true;
  }
  return false;
}

// UTS #46 ToASCII with the URL Standard's flags (no hyphen or length
// checks). Returns null on failure.
function toASCII(domain) {
  let mapped;
  if (isAscii(domain)) {
    mapped = StringPrototypeToLowerCase(domain);
    // ASCII labels map to themselves and have no right-to-left characters:
    // only an 'xn--' label has anything to check.
    if (!StringPrototypeIncludes(mapped, 'xn--')) return mapped;
  } else {
    const dotted = RegExpPrototypeSymbolReplace(kDotsRE, domain, '.');
    if (mapsToAsciiPunctuation(
      RegExpPrototypeSymbolReplace(kIgnoredRE, dotted, ''))) {
      return null;
    }
    mapped = mapDomain(domain);
  }
  const labels = StringPrototypeSplit(mapped, '.');
  const unicodeLabels = [];
  const out = [];
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (StringPrototypeSlice(label, 0, 4) === 'xn--') {
      if (!isAscii(label)) return null;
      const decoded = punycodeDecode(StringPrototypeSlice(label, 4));
      if (decoded === null || decoded === '' || isAscii(decoded) ||
          StringPrototypeSlice(decoded, 0, 4) === 'xn--' ||
          !isValidUnicodeLabel(decoded)) {
        return null;
      }
      ArrayPrototypePush(unicodeLabels, decoded);
      ArrayPrototypePush(out, label);
    } else if (!isAscii(label)) {
      if (!isValidUnicodeLabel(label)) return null;
      const encoded = punycodeEncode(label);
      if (encoded === null) return null;
      ArrayPrototypePush(unicodeLabels, label);
      ArrayPrototypePush(out, `xn--${encoded}`);
    } else {
      ArrayPrototypePush(unicodeLabels, label);
      ArrayPrototypePush(out, label);
    }
  }
  if (isBidiDomain(unicodeLabels)) {
    for (let i = 0; i < unicodeLabels.length; i++) {
      if (!satisfiesBidiRule(unicodeLabels[i])) return null;
    }
  }
  return ArrayPrototypeJoin(out, '.');
}

// UTS #46 ToUnicode: 'xn--' labels are decoded when they are valid, other
// labels are kept as they are.
function toUnicode(domain) {
  const labels = StringPrototypeSplit(domain, '.');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    const lower = RegExpPrototypeExec(kUpperRE, label) === null ?
      label : StringPrototypeToLowerCase(label);
    if (StringPrototypeSlice(lower, 0, 4) === 'xn--') {
      const decoded = punycodeDecode(StringPrototypeSlice(lower, 4));
      if (decoded !== null && decoded !== '' && !isAscii(decoded) &&
          isValidUnicodeLabel(decoded)) {
        labels[i] = decoded;
        continue;
      }
    }
    labels[i] = isAscii(label) ? lower : mapDomain(label);
  }
  return ArrayPrototypeJoin(labels, '.');
}

module.exports = {
  fromCodePoints,
  punycodeDecode,
  punycodeEncode,
  toASCII,
  toCodePoints,
  toUnicode,
};
