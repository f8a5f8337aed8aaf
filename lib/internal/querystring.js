'use strict';

// Tables and the encoder shared by querystring and the legacy url module.

const {
  Int8Array,
  NumberPrototypeToString,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
  StringPrototypeToUpperCase,
} = primordials;

const { codes: { ERR_INVALID_URI } } = require('internal/errors');

// '%00' ... '%FF'.
const hexTable = [];
for (let i = 0; i < 256; i++) {
  hexTable[i] = `%${i < 16 ? '0' : ''}${StringPrototypeToUpperCase(
    NumberPrototypeToString(i, 16))}`;
}

// 1 for '0'-'9', 'A'-'F', 'a'-'f'.
const isHexTable = new Int8Array(256);
for (let i = 0; i < 256; i++) {
  if ((i >= 0x30 && i <= 0x39) || (i >= 0x41 && i <= 0x46) ||
      (i >= 0x61 && i <= 0x66)) {
    isHexTable[i] = 1;
  }
}

// Percent-encodes `str` as UTF-8, keeping the ASCII characters marked 1 in
// `noEscapeTable`. A high surrogate takes the next code unit as its pair,
// whatever it is; one at the very end throws ERR_INVALID_URI.
function encodeStr(str, noEscapeTable, hexTable) {
  const len = str.length;
  if (len === 0) return '';
  let out = '';
  let last = 0;
  for (let i = 0; i < len; i++) {
    let c = StringPrototypeCharCodeAt(str, i);
    if (c < 0x80) {
      if (noEscapeTable[c] === 1) continue;
      out += StringPrototypeSlice(str, last, i) + hexTable[c];
      last = i + 1;
      continue;
    }
    out += StringPrototypeSlice(str, last, i);
    if (c < 0x800) {
      out += hexTable[0xC0 | (c >> 6)] + hexTable[0x80 | (c & 0x3F)];
    } else if (c < 0xD800 || c >= 0xE000) {
      out += hexTable[0xE0 | (c >> 12)] +
        hexTable[0x80 | ((c >> 6) & 0x3F)] + hexTable[0x80 | (c & 0x3F)];
    } else {
      i++;
      if (i >= len) throw new ERR_INVALID_URI();
      const low = StringPrototypeCharCodeAt(str, i) & 0x3FF;
      c = 0x10000 + (((c & 0x3FF) << 10) | low);
      out += hexTable[0xF0 | (c >> 18)] +
        hexTable[0x80 | ((c >> 12) & 0x3F)] +
        hexTable[0x80 | ((c >> 6) & 0x3F)] + hexTable[0x80 | (c & 0x3F)];
    }
    last = i + 1;
  }
  if (last === 0) return str;
  if (last < len) return out + StringPrototypeSlice(str, last);
  return out;
}

module.exports = {
  encodeStr,
  hexTable,
  isHexTable,
};
