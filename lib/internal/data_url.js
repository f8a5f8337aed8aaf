'use strict';

// The data: URL processor of the Fetch standard
// (https://fetch.spec.whatwg.org/#data-url-processor): fetch() answers
// data: URLs with it.

const {
  RegExpPrototypeExec,
  StringFromCharCodeApply,
  StringPrototypeCharCodeAt,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  TypedArrayPrototypeSubarray,
  Uint8Array,
} = primordials;

const { Buffer } = require('buffer');
const {
  parseMimeType,
  percentDecode,
  serializeMimeType,
  trimCharCodes,
} = require('internal/fetch/util');

function isASCIIWhitespace(code) {
  return code === 0x09 || code === 0x0A || code === 0x0C || code === 0x0D ||
    code === 0x20;
}

function stripASCIIWhitespace(string) {
  return trimCharCodes(string, isASCIIWhitespace);
}

function isBase64Code(code) {
  return (code >= 0x41 && code <= 0x5A) || (code >= 0x61 && code <= 0x7A) ||
    (code >= 0x30 && code <= 0x39) || code === 0x2B || code === 0x2F;
}

// The forgiving-base64 decode of the Infra standard: the bytes, or null.
function forgivingBase64(string) {
  let data = '';
  for (let i = 0; i < string.length; i++) {
    if (!isASCIIWhitespace(StringPrototypeCharCodeAt(string, i))) {
      data += string[i];
    }
  }
  if (data.length % 4 === 0) {
    if (StringPrototypeSlice(data, -2) === '==') {
      data = StringPrototypeSlice(data, 0, -2);
    } else if (StringPrototypeSlice(data, -1) === '=') {
      data = StringPrototypeSlice(data, 0, -1);
    }
  }
  if (data.length % 4 === 1) return null;
  for (let i = 0; i < data.length; i++) {
    if (!isBase64Code(StringPrototypeCharCodeAt(data, i))) return null;
  }
  const buffer = Buffer.from(data, 'base64');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

// The bytes as one code unit each (the isomorphic decode).
function isomorphicDecode(bytes) {
  let string = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    string += StringFromCharCodeApply(
      TypedArrayPrototypeSubarray(bytes, i, i + 8192));
  }
  return string;
}

// `url` is a URL whose scheme is data:. Returns 'failure' or
// { mimeType, body }: the serialized MIME type and the body's bytes.
function dataURLProcessor(url) {
  let input = url.href;
  const hash = StringPrototypeIndexOf(input, '#');
  if (hash !== -1) input = StringPrototypeSlice(input, 0, hash);
  input = StringPrototypeSlice(input, 5);  // 'data:'
  const comma = StringPrototypeIndexOf(input, ',');
  if (comma === -1) return 'failure';
  let mimeType = stripASCIIWhitespace(StringPrototypeSlice(input, 0, comma));
  let body = percentDecode(StringPrototypeSlice(input, comma + 1));
  const match = RegExpPrototypeExec(/;[\u0020]*base64$/i, mimeType);
  if (match !== null) {
    body = forgivingBase64(isomorphicDecode(body));
    if (body === null) return 'failure';
    mimeType = StringPrototypeSlice(mimeType, 0, match.index);
  }
  if (mimeType[0] === ';') mimeType = `text/plain${mimeType}`;
  const parsed = parseMimeType(mimeType);
  return {
    __proto__: null,
    mimeType: parsed === null ?
      'text/plain;charset=US-ASCII' : serializeMimeType(parsed),
    body,
  };
}

module.exports = {
  dataURLProcessor,
};
